// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>

#include <QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::ProviderModel
 * The providers (profiles) of the ProfileCatalog as a list model. Roles: \c profileId, \c name,
 * \c description, \c hasExternalSignIn. Follows the catalog when profiles are added.
 *
 * \code
 * ComboBox {
 *     model: ProviderModel {}
 *     textRole: "name"
 *     valueRole: "profileId"
 *     onActivated: session.profileId = currentValue
 * }
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT ProviderModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { ProfileIdRole = Qt::UserRole + 1, NameRole, DescriptionRole, HasExternalSignInRole };
    Q_ENUM(Role)

    explicit ProviderModel(QObject *parent = nullptr);
    ~ProviderModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The row of \a profileId, -1 when absent.
    Q_INVOKABLE int indexOf(const QString &profileId) const;
    //! The profile id at \a row (empty when out of range).
    Q_INVOKABLE QString profileIdAt(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    void reload();
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
