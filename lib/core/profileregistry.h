// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/profile.h>

namespace AuthSession {

/*!
 * \class AuthSession::ProfileRegistry
 * The profiles a program can use: the built-in ones (Qt resources under :/authsession/profiles) and
 * the user's own from a folder (by default QStandardPaths::AppConfigLocation + "/profiles"). A broken
 * user profile is reported in loadErrors() and skipped, never fatal. A user profile with the id of a
 * built-in one replaces it.
 *
 * \code
 * ProfileRegistry registry;
 * registry.loadBuiltIns();
 * registry.loadFolder(ProfileRegistry::userFolder());
 * for (const Profile &p : registry.profiles()) qInfo() << p.id << p.name;
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT ProfileRegistry
{
public:
    //! A file that could not be loaded, and why.
    struct LoadError {
        QString fileName;
        QList<Profile::Problem> problems;
        QString toString() const;
    };

    //! Loads the built-in profiles.
    void loadBuiltIns();
    //! Loads every *.json in \a folder; returns how many loaded.
    int loadFolder(const QString &folder);
    //! Loads one file; returns false (and records a LoadError) when it is broken.
    bool loadFile(const QString &fileName);
    //! Adds or replaces a profile by id.
    void add(const Profile &profile);

    QList<Profile> profiles() const { return m_profiles; }
    QList<LoadError> loadErrors() const { return m_errors; }
    //! The profile with \a id, or nullptr.
    const Profile *find(const QString &id) const;
    //! True when the profile with \a id came from the built-in resources.
    bool isBuiltIn(const QString &id) const;

    //! The ids of the built-in profiles.
    static QStringList builtInIds();
    //! The built-in profile \a id (invalid when there is none).
    static Profile builtIn(const QString &id);
    //! QStandardPaths::AppConfigLocation + "/profiles".
    static QString userFolder();

private:
    QList<Profile> m_profiles;
    QList<LoadError> m_errors;
};

} // namespace AuthSession
