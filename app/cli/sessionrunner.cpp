// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessionrunner.h"

#include <AuthSession/keychaintokenstore.h>
#include <AuthSession/sessionreply.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkRequest>
#include <QTimer>

namespace AuthSession {
namespace Cli {

namespace {

const QString kKeychainService = QStringLiteral("AuthSession");

// One wait: the Session's answer sets done and quits the loop. The flag also covers an answer
// that arrives before exec() (a quit() before exec() would be lost).
struct Waiter {
    QEventLoop loop;
    bool done = false;
    void finish()
    {
        done = true;
        loop.quit();
    }
};

} // namespace

SessionRunner::SessionRunner(const Target &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{
    m_session.setProfile(target.profile);
    m_session.setBaseUrl(target.baseUrl);
    m_session.setParameters(target.parameters);
    if (!target.username.isEmpty())
        m_session.setUsername(target.username);
    if (target.timeoutSeconds > 0)
        m_session.setRequestTimeout(target.timeoutSeconds * 1000);
    connect(&m_session, &Session::storageFailed, this, [this](const AuthError &error) {
        if (!m_storageError.isError())
            m_storageError = error;
    });
}

SessionRunner::~SessionRunner() = default;

void SessionRunner::useKeychain()
{
    if (m_store)
        return;
    m_keychain = std::make_unique<KeychainTokenStore>(kKeychainService);
    m_store = std::make_unique<TrackingTokenStore>(m_keychain.get());
    m_session.setTokenStore(m_store.get());
    m_session.setKeepSignedIn(true);
}

int SessionRunner::guardTimeoutMs() const
{
    // The Session times its own requests out; this only makes sure the command line never hangs
    // (a sign-in may be followed by a keychain prompt, a refresh by a retry).
    const int request = m_target.timeoutSeconds > 0 ? m_target.timeoutSeconds : 30;
    return request * 3000 + 5000;
}

static bool runUntilDone(Waiter &waiter, int timeoutMs)
{
    if (waiter.done)
        return true;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &waiter.loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    waiter.loop.exec();
    return waiter.done;
}

static AuthError timedOut(const QString &what)
{
    return AuthError(ErrorCategory::Timeout, QStringLiteral("(no answer while %1)").arg(what));
}

AuthError SessionRunner::signIn(const Credentials &credentials)
{
    Waiter waiter;
    AuthError result;
    connect(&m_session, &Session::signedIn, &waiter.loop, [&] { waiter.finish(); });
    connect(&m_session, &Session::signInFailed, &waiter.loop, [&](const AuthError &error) {
        result = error;
        waiter.finish();
    });
    if (credentials.kind == Credentials::Kind::ExternalToken) {
        if (!credentials.username.isEmpty())
            m_session.setUsername(credentials.username);
        m_session.signInWithToken(credentials.secret);
    } else {
        m_session.signIn(credentials.username, credentials.secret);
    }
    if (!runUntilDone(waiter, guardTimeoutMs())) {
        m_session.cancel();
        return timedOut(QStringLiteral("signing in"));
    }
    return result;
}

AuthError SessionRunner::restore(bool *found)
{
    *found = false;
    Waiter waiter;
    AuthError result;
    bool nothingKept = false;
    connect(&m_session, &Session::signedIn, &waiter.loop, [&] { waiter.finish(); });
    connect(&m_session, &Session::restoreFailed, &waiter.loop, [&](const AuthError &error) {
        result = error;
        nothingKept = !error.isError();
        waiter.finish();
    });
    connect(&m_session, &Session::sessionExpired, &waiter.loop, [&](const AuthError &reason) {
        result = reason.isError() ? reason : AuthError(ErrorCategory::RefreshRejected);
        waiter.finish();
    });
    // A transient refresh failure would be retried with backoff for minutes; a command line reports it.
    connect(&m_session, &Session::refreshFailed, &waiter.loop, [&](const AuthError &error) {
        if (error.isTransient()) {
            result = error;
            waiter.finish();
        }
    });
    m_session.restore();
    if (!runUntilDone(waiter, guardTimeoutMs()))
        return timedOut(QStringLiteral("restoring the kept session"));
    *found = !nothingKept && !result.isError() && m_session.isSignedIn();
    return result;
}

AuthError SessionRunner::freshToken(QString *token)
{
    Waiter waiter;
    AuthError result;
    m_session.withFreshToken(&waiter.loop, [&](const AuthError &error, const QByteArray &authorization) {
        result = error;
        if (!error.isError() && authorization.isEmpty())
            result = AuthError(ErrorCategory::Protocol, QStringLiteral("(no access token)"));
        waiter.finish();
    });
    connect(&m_session, &Session::refreshFailed, &waiter.loop, [&](const AuthError &error) {
        if (error.isTransient()) {
            result = error;
            waiter.finish();
        }
    });
    if (!runUntilDone(waiter, guardTimeoutMs()))
        return timedOut(QStringLiteral("refreshing the token"));
    if (!result.isError())
        *token = m_session.tokens().accessToken;
    return result;
}

AuthError SessionRunner::send(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QByteArray &contentType, std::unique_ptr<SessionReply> *reply)
{
    QNetworkRequest request(m_session.url(path));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    reply->reset(m_session.send(request, method, body));
    SessionReply *r = reply->get();
    Waiter waiter;
    connect(r, &SessionReply::finished, &waiter.loop, [&] { waiter.finish(); });
    if (r->isFinished())
        waiter.done = true;
    if (!runUntilDone(waiter, guardTimeoutMs())) {
        r->abort();
        return timedOut(QStringLiteral("waiting for the answer"));
    }
    return r->error();
}

AuthError SessionRunner::signOut()
{
    if (m_session.isSignedIn() || m_session.isBusy()) {
        Waiter waiter;
        connect(&m_session, &Session::signedOut, &waiter.loop, [&] { waiter.finish(); });
        m_session.signOut();
        if (m_session.state() == Session::State::SignedOut)
            waiter.done = true;
        runUntilDone(waiter, guardTimeoutMs());
    }
    return flush();
}

QString SessionRunner::entryKey() const
{
    if (m_store && !m_store->lastKey().isEmpty())
        return m_store->lastKey();
    QString host = m_target.baseUrl.host();
    if (m_target.baseUrl.port() != -1)
        host += QLatin1Char(':') + QString::number(m_target.baseUrl.port());
    return TokenStore::entryKey(m_target.profile.id, host, m_target.username);
}

AuthError SessionRunner::removeEntry()
{
    useKeychain();
    Waiter waiter;
    AuthError result;
    m_store->remove(entryKey(), &waiter.loop, [&](const AuthError &error) {
        result = error;
        waiter.finish();
    });
    if (!runUntilDone(waiter, guardTimeoutMs()))
        return AuthError(ErrorCategory::Storage, QStringLiteral("(the keychain did not answer)"));
    return result;
}

AuthError SessionRunner::flush()
{
    if (!m_store)
        return m_storageError;
    // The Session may start its write from a queued call after the signal we returned on: let the
    // queued work run before looking at what is pending.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    if (!m_store->waitForIdle(guardTimeoutMs()))
        return AuthError(ErrorCategory::Storage, QStringLiteral("(the keychain did not answer)"));
    if (m_storageError.isError())
        return m_storageError;
    return m_store->error();
}

} // namespace Cli
} // namespace AuthSession
