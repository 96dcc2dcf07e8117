// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "profilecatalog.h"

#include <AuthSession/profileregistry.h>

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcQuick, "authsession.quick")

namespace AuthSession {

struct ProfileCatalog::Private {
    ProfileRegistry registry;
    struct Extra {
        QString profileId;
        Profile::Environment environment;
    };
    QList<Extra> extras;
};

ProfileCatalog::ProfileCatalog()
    : d(new Private)
{
    d->registry.loadBuiltIns();
    d->registry.loadFolder(ProfileRegistry::userFolder());
    for (const auto &error : d->registry.loadErrors())
        qCWarning(lcQuick) << "skipping profile" << error.toString();
}

ProfileCatalog::~ProfileCatalog() = default;

ProfileCatalog *ProfileCatalog::instance()
{
    // Lives until the application ends; parented to the application so it is deleted with it.
    static ProfileCatalog *catalog = [] {
        auto *c = new ProfileCatalog;
        if (QCoreApplication::instance())
            c->setParent(QCoreApplication::instance());
        return c;
    }();
    return catalog;
}

QList<Profile> ProfileCatalog::profiles() const
{
    return d->registry.profiles();
}

Profile ProfileCatalog::profile(const QString &id) const
{
    const Profile *p = d->registry.find(id);
    return p ? *p : Profile();
}

void ProfileCatalog::addProfile(const Profile &profile)
{
    d->registry.add(profile);
    Q_EMIT changed();
}

void ProfileCatalog::addEnvironment(const QString &profileId, const Profile::Environment &environment)
{
    d->extras.append({profileId, environment});
    Q_EMIT changed();
}

void ProfileCatalog::clearEnvironments()
{
    if (d->extras.isEmpty())
        return;
    d->extras.clear();
    Q_EMIT changed();
}

QList<Profile::Environment> ProfileCatalog::environments(const QString &profileId) const
{
    QList<Profile::Environment> result;
    for (const auto &extra : d->extras) {
        if (extra.profileId == profileId || extra.profileId == QLatin1String("*"))
            result.append(extra.environment);
    }
    if (const Profile *p = d->registry.find(profileId))
        result.append(p->environments);
    return result;
}

bool ProfileCatalog::isExtraEnvironment(const QString &profileId, const QString &name) const
{
    for (const auto &extra : d->extras) {
        if ((extra.profileId == profileId || extra.profileId == QLatin1String("*"))
            && extra.environment.name == name)
            return true;
    }
    return false;
}

} // namespace AuthSession
