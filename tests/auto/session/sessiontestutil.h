// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QTest>

#include <memory>

namespace AuthSession {

// The built-in profiles a test runs over, grouped by what they can do.
inline QStringList profilesWithRefresh()
{
    return {QStringLiteral("datarhei-core"), QStringLiteral("oauth2-password"), QStringLiteral("v1-auth")};
}

inline QStringList profilesWithoutRefresh()
{
    return {QStringLiteral("simple-form-login"), QStringLiteral("tangerine365"), QStringLiteral("terralayr")};
}

// A session pointed at the sandbox's copy of profile \a id.
inline std::unique_ptr<Session> makeSession(SandboxServer &server, const QString &id)
{
    auto session = std::make_unique<Session>();
    session->setProfile(ProfileRegistry::builtIn(id));
    session->setBaseUrl(server.baseUrl(id));
    session->setRequestTimeout(5000);
    return session;
}

inline SandboxFault fault(const QString &spec)
{
    QString error;
    bool ok = false;
    SandboxFault f = SandboxFault::parse(spec, &error, &ok);
    if (!ok)
        qFatal("bad fault spec %s: %s", qPrintable(spec), qPrintable(error));
    return f;
}

// Signs in as demo/demo and waits for the outcome; true on success.
inline bool signInDemo(Session &session, int timeoutMs = 10000)
{
    session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
    if (session.state() == Session::State::SignedIn)
        return true;
    if (!QTest::qWaitFor([&] { return !session.isBusy(); }, timeoutMs))
        return false;
    return session.state() == Session::State::SignedIn;
}

} // namespace AuthSession
