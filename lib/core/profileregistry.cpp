// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "profileregistry.h"

#include <QDir>
#include <QStandardPaths>

namespace AuthSession {

static const QString builtInPrefix = QStringLiteral(":/authsession/profiles/");

QString ProfileRegistry::LoadError::toString() const
{
    QStringList lines;
    for (const Profile::Problem &p : problems)
        lines.append(fileName + QLatin1String(": ") + p.toString());
    return lines.join(QLatin1Char('\n'));
}

namespace {
// The built-in profiles are compiled-in resources: parsed once per process, not once per reader
// (the desktop app's registry, the QML catalog and the in-process sandbox each asked for all six,
// which showed in the app's time to first frame). Function-local static: initialised once, also
// when a sandbox thread asks first.
struct BuiltIns {
    QList<Profile> profiles;
    QList<ProfileRegistry::LoadError> errors;
};

const BuiltIns &builtIns()
{
    static const BuiltIns parsed = [] {
        BuiltIns b;
        for (const QString &id : ProfileRegistry::builtInIds()) {
            const QString fileName = builtInPrefix + id + QLatin1String(".json");
            QList<Profile::Problem> problems;
            const Profile p = Profile::fromFile(fileName, &problems);
            if (p.isValid())
                b.profiles.append(p);
            else
                b.errors.append({fileName, problems});
        }
        return b;
    }();
    return parsed;
}
} // namespace

void ProfileRegistry::loadBuiltIns()
{
    for (const Profile &p : builtIns().profiles)
        add(p);
    m_errors.append(builtIns().errors);
}

int ProfileRegistry::loadFolder(const QString &folder)
{
    int loaded = 0;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &f : files)
        loaded += loadFile(dir.filePath(f)) ? 1 : 0;
    return loaded;
}

bool ProfileRegistry::loadFile(const QString &fileName)
{
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fileName, &problems);
    if (!p.isValid()) {
        m_errors.append({fileName, problems});
        return false;
    }
    add(p);
    return true;
}

void ProfileRegistry::add(const Profile &profile)
{
    for (Profile &p : m_profiles) {
        if (p.id == profile.id) {
            p = profile;
            return;
        }
    }
    m_profiles.append(profile);
}

const Profile *ProfileRegistry::find(const QString &id) const
{
    for (const Profile &p : m_profiles) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

bool ProfileRegistry::isBuiltIn(const QString &id) const
{
    const Profile *p = find(id);
    return p && p->source.startsWith(builtInPrefix);
}

QStringList ProfileRegistry::builtInIds()
{
    QStringList ids;
    const QStringList files = QDir(builtInPrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        ids.append(f.chopped(5));
    return ids;
}

Profile ProfileRegistry::builtIn(const QString &id)
{
    for (const Profile &p : builtIns().profiles) {
        if (p.id == id)
            return p;
    }
    return {};
}

QString ProfileRegistry::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/profiles");
}

} // namespace AuthSession
