// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QList>
#include <QString>
#include <QUrl>

namespace AuthSession {

/*!
 * \class AuthSession::Preferences
 * Non-secret choices remembered between runs, in QSettings (organisation/application of the running
 * program): the last profile, environment, username, the keep-signed-in choice, and the list of
 * kept sessions (profile, base URL, account; never a token or password).
 *
 * \code
 * Preferences prefs;
 * session.setUsername(prefs.lastUsername());
 * prefs.setLastProfile(session.profileId());
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT Preferences
{
public:
    //! A kept session: enough to find its token-store entry.
    struct Account {
        QString profileId;
        QUrl baseUrl;
        QString username;
        bool operator==(const Account &o) const
        {
            return profileId == o.profileId && baseUrl == o.baseUrl && username == o.username;
        }
    };

    //! Uses QSettings' default location for the running application; \a group separates embedders.
    explicit Preferences(const QString &group = QStringLiteral("AuthSession"));

    QString lastProfile() const;
    void setLastProfile(const QString &id);
    QString lastEnvironment() const;
    void setLastEnvironment(const QString &name);
    QUrl lastBaseUrl() const;
    void setLastBaseUrl(const QUrl &url);
    QString lastUsername() const;
    void setLastUsername(const QString &username);
    bool keepSignedIn() const;
    void setKeepSignedIn(bool keep);

    QList<Account> accounts() const;
    void addAccount(const Account &account);
    void removeAccount(const Account &account);
    //! Usernames kept for \a profileId (for username completion).
    QStringList usernames(const QString &profileId) const;

private:
    QString m_group;
};

} // namespace AuthSession
