// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>
#include <AuthSession/session.h>

#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::QuickSession
 * The \c Session QML type: an AuthSession::Session (every property, slot and signal of it) that QML can
 * configure by name. \c profileId selects a profile from the ProfileCatalog and \c environment one of
 * its environments, which sets \c baseUrl. A \c baseUrl given explicitly (tests, custom hosts) wins
 * over the environment until the profile is changed to another one.
 *
 * \code
 * // QML
 * import AuthSession
 * Session {
 *     id: session
 *     profileId: "v1-auth"
 *     environment: "Example"
 *     onSignedIn: console.log("hello", user.name)
 * }
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT QuickSession : public Session
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    //! The provider, by profile id (writable here, unlike Session::profileId).
    Q_PROPERTY(QString profileId READ profileId WRITE setProfileId NOTIFY profileChanged)
    //! The profile's display name.
    Q_PROPERTY(QString profileName READ profileName NOTIFY profileChanged)
    //! True when the profile signs in with a token from another identity provider too.
    Q_PROPERTY(bool hasExternalSignIn READ hasExternalSignIn NOTIFY profileChanged)
    //! The selected environment by name; empty when baseUrl was set directly.
    Q_PROPERTY(QString environment READ environment WRITE setEnvironment NOTIFY environmentChanged)

public:
    explicit QuickSession(QObject *parent = nullptr);
    ~QuickSession() override;

    void setProfileId(const QString &id);
    QString profileName() const;
    bool hasExternalSignIn() const;
    QString environment() const;
    void setEnvironment(const QString &name);

Q_SIGNALS:
    void environmentChanged();

private:
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
