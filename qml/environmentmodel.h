// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>

#include <QAbstractListModel>
#include <QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::EnvironmentModel
 * The environments of one profile (\c profileId): those the application added to the ProfileCatalog
 * (a local sandbox ...) followed by the profile's own. Roles: \c name, \c baseUrl, \c extra (true for
 * an added one).
 *
 * \code
 * ComboBox {
 *     model: EnvironmentModel { profileId: session.profileId }
 *     textRole: "name"
 *     valueRole: "name"
 *     onActivated: session.environment = currentValue
 * }
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT EnvironmentModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString profileId READ profileId WRITE setProfileId NOTIFY profileIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, BaseUrlRole, ExtraRole };
    Q_ENUM(Role)

    explicit EnvironmentModel(QObject *parent = nullptr);
    ~EnvironmentModel() override;

    QString profileId() const;
    void setProfileId(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The row of the environment called \a name, -1 when absent.
    Q_INVOKABLE int indexOf(const QString &name) const;
    //! The base URL of the environment called \a name (invalid when absent).
    Q_INVOKABLE QUrl baseUrl(const QString &name) const;

Q_SIGNALS:
    void profileIdChanged();
    void countChanged();

private:
    void reload();
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
