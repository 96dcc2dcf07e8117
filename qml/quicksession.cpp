// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "quicksession.h"

#include "profilecatalog.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcQuick)

namespace AuthSession {

struct QuickSession::Private {
    QString environment;
    bool settingBaseUrl = false; //!< baseUrl is being set from the environment
    bool explicitBaseUrl = false; //!< baseUrl was set directly, not through an environment
};

QuickSession::QuickSession(QObject *parent)
    : Session(parent)
    , d(new Private)
{
    connect(this, &Session::baseUrlChanged, this, [this] {
        if (d->settingBaseUrl)
            return;
        d->explicitBaseUrl = true;
        if (!d->environment.isEmpty()) {
            d->environment.clear();
            Q_EMIT environmentChanged();
        }
    });
}

QuickSession::~QuickSession() = default;

void QuickSession::setProfileId(const QString &id)
{
    if (id == profileId())
        return;
    const Profile p = ProfileCatalog::instance()->profile(id);
    if (!p.isValid()) {
        qCWarning(lcQuick) << "unknown profile" << id;
        return;
    }
    const bool hadProfile = !profileId().isEmpty();
    // setProfile() may touch baseUrl; that is not the user's explicit choice.
    d->settingBaseUrl = true;
    setProfile(p);
    d->settingBaseUrl = false;
    if (hadProfile)
        d->explicitBaseUrl = false;
    if (d->explicitBaseUrl)
        return;

    // Keep the environment when the new profile has one of that name (e.g. "Local sandbox").
    const auto environments = ProfileCatalog::instance()->environments(id);
    QString name;
    for (const auto &env : environments) {
        if (env.name == d->environment)
            name = env.name;
    }
    if (name.isEmpty() && !environments.isEmpty())
        name = environments.first().name;
    d->environment.clear(); // force the base URL of the new profile's environment
    setEnvironment(name);
}

QString QuickSession::profileName() const
{
    return profile().name;
}

bool QuickSession::hasExternalSignIn() const
{
    return profile().hasExternalSignIn();
}

QString QuickSession::environment() const
{
    return d->environment;
}

void QuickSession::setEnvironment(const QString &name)
{
    if (name == d->environment)
        return;
    if (profileId().isEmpty()) {
        // QML may set the environment before the profile; it is applied with the profile.
        d->environment = name;
        Q_EMIT environmentChanged();
        return;
    }
    const auto environments = ProfileCatalog::instance()->environments(profileId());
    for (const auto &env : environments) {
        if (env.name != name)
            continue;
        d->environment = name;
        d->explicitBaseUrl = false;
        d->settingBaseUrl = true;
        setBaseUrl(env.baseUrl);
        d->settingBaseUrl = false;
        Q_EMIT environmentChanged();
        return;
    }
    if (!name.isEmpty())
        qCWarning(lcQuick) << "profile" << profileId() << "has no environment" << name;
}

} // namespace AuthSession
