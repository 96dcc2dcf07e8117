// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>
#include <AuthSession/profile.h>

#include <QObject>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::ProfileCatalog
 * The profiles and environments the QML types offer: the built-in profiles, the user's own (from
 * ProfileRegistry::userFolder()) and whatever the application adds from C++, such as a local sandbox
 * environment. ProviderModel, EnvironmentModel and the QML Session all read this one catalog, so an
 * environment added here shows up in every LoginScreen.
 *
 * Extra environments come before the profile's own, so an application that adds a sandbox makes it
 * the default choice.
 *
 * \code
 * SandboxServer server;
 * server.listen();
 * for (const Profile &p : server.profiles())
 *     ProfileCatalog::instance()->addEnvironment(p.id, {QStringLiteral("Local sandbox"), server.baseUrl(p.id)});
 * engine.loadFromModule("MyApp", "Main");
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT ProfileCatalog : public QObject
{
    Q_OBJECT
public:
    //! The application-wide catalog (created on first use, built-ins and user profiles loaded).
    static ProfileCatalog *instance();

    //! Every profile, in load order.
    QList<Profile> profiles() const;
    //! The profile with \a id; an invalid Profile when there is none.
    Profile profile(const QString &id) const;
    //! Adds \a profile, or replaces the one with the same id.
    void addProfile(const Profile &profile);

    //! Adds an environment for \a profileId ("*" = every profile) before the profile's own ones.
    void addEnvironment(const QString &profileId, const Profile::Environment &environment);
    //! Removes every environment added with addEnvironment().
    void clearEnvironments();
    //! The environments offered for \a profileId: the added ones, then the profile's.
    QList<Profile::Environment> environments(const QString &profileId) const;
    //! True when \a name is one added with addEnvironment() for \a profileId.
    bool isExtraEnvironment(const QString &profileId, const QString &name) const;

Q_SIGNALS:
    //! Profiles or environments were added or removed.
    void changed();

private:
    ProfileCatalog();
    ~ProfileCatalog() override;
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
