// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>

#include <QAbstractListModel>
#include <QStringList>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::AccountsModel
 * The kept accounts from Preferences (profile, base URL, username; never a secret), most recent
 * first, optionally only those of \c profileId. Roles: \c username, \c profileId, \c baseUrl.
 * \c usernames lists the distinct usernames for a username ComboBox.
 *
 * \code
 * ComboBox {
 *     editable: true
 *     model: AccountsModel { profileId: session.profileId }
 *     textRole: "username"
 * }
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT AccountsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    //! Only accounts of this profile; empty = every account.
    Q_PROPERTY(QString profileId READ profileId WRITE setProfileId NOTIFY profileIdChanged)
    //! The Preferences group (default "AuthSession").
    Q_PROPERTY(QString group READ group WRITE setGroup NOTIFY groupChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList usernames READ usernames NOTIFY countChanged)
    //! The username used last (Preferences::lastUsername()).
    Q_PROPERTY(QString lastUsername READ lastUsername NOTIFY countChanged)

public:
    enum Role { UsernameRole = Qt::UserRole + 1, ProfileIdRole, BaseUrlRole };
    Q_ENUM(Role)

    explicit AccountsModel(QObject *parent = nullptr);
    ~AccountsModel() override;

    QString profileId() const;
    void setProfileId(const QString &id);
    QString group() const;
    void setGroup(const QString &group);
    QStringList usernames() const;
    QString lastUsername() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Re-reads the preferences.
    Q_INVOKABLE void reload();
    //! Forgets the account at \a row (its preferences entry; the token store is the session's business).
    Q_INVOKABLE void remove(int row);

Q_SIGNALS:
    void profileIdChanged();
    void groupChanged();
    void countChanged();

private:
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
