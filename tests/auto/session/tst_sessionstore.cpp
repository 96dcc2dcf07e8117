// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessiontestutil.h"

#include <AuthSession/memorytokenstore.h>
#include <AuthSession/preferences.h>

#include <QSignalSpy>
#include <QTest>

using namespace AuthSession;

// Keep me signed in: persistence after every token change and the restore paths, across two
// Session objects sharing one store (as two runs of an app share the keychain).
class tst_SessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen() != 0); }
    void init()
    {
        m_server.clearFaults();
        m_server.resetCounters();
        m_server.setAccessTokenLifetime(300);
    }

    void persistsOnlyWhenKept()
    {
        MemoryTokenStore store;
        auto session = makeSession(m_server, QStringLiteral("v1-auth"));
        session->setTokenStore(&store);
        QVERIFY(signInDemo(*session));
        QVERIFY(store.keys().isEmpty()); // MemoryTokenStore writes synchronously: nothing was asked for
        session->setKeepSignedIn(true);
        QTRY_COMPARE(store.keys().size(), 1);
        session->signOut();
        QTRY_VERIFY(store.keys().isEmpty());
    }

    void restoresValidTokenWithoutNetwork()
    {
        MemoryTokenStore store;
        const QString id = QStringLiteral("v1-auth");
        TokenSet first;
        {
            auto a = makeSession(m_server, id);
            a->setTokenStore(&store);
            a->setKeepSignedIn(true);
            QVERIFY(signInDemo(*a));
            first = a->tokens();
            QTRY_COMPARE(store.keys().size(), 1);
        }
        m_server.resetCounters();
        auto b = makeSession(m_server, id);
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("demo"));
        QSignalSpy signedIn(b.get(), &Session::signedIn);
        b->restore();
        QVERIFY(signedIn.wait(2000));
        QCOMPARE(b->state(), Session::State::SignedIn);
        QCOMPARE(b->tokens().accessToken, first.accessToken);
        QVERIFY(b->keepSignedIn());
        QCOMPARE(m_server.counters().value(id).toObject().value(QLatin1String("signIn")).toObject().value(QLatin1String("requests")).toInt(), 0);
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 0);
    }

    void restoresExpiredTokenBySilentRefresh()
    {
        MemoryTokenStore store;
        const QString id = QStringLiteral("datarhei-core");
        m_server.setAccessTokenLifetime(2);
        {
            auto a = makeSession(m_server, id);
            a->setTokenStore(&store);
            a->setKeepSignedIn(true);
            QVERIFY(signInDemo(*a));
            QTRY_COMPARE(store.keys().size(), 1);
        }
        qint64 jump = 60; // the next start is a minute later: the access token has expired
        auto b = makeSession(m_server, id);
        b->setClock([&jump] { return QDateTime::currentDateTimeUtc().addSecs(jump); });
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("demo"));
        QSignalSpy signedIn(b.get(), &Session::signedIn);
        QSignalSpy refreshed(b.get(), &Session::refreshed);
        b->restore();
        QVERIFY(signedIn.wait(5000));
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 1);
        QCOMPARE(b->state(), Session::State::SignedIn);
    }

    void rejectedRestoreClearsEntry()
    {
        MemoryTokenStore store;
        const QString id = QStringLiteral("oauth2-password");
        {
            auto a = makeSession(m_server, id);
            a->setTokenStore(&store);
            a->setKeepSignedIn(true);
            QVERIFY(signInDemo(*a));
            QTRY_COMPARE(store.keys().size(), 1);
            QVERIFY(Preferences().accounts().contains(Preferences::Account{id, m_server.baseUrl(id), QStringLiteral("demo")}));
        }
        m_server.revokeAll();
        qint64 jump = 3600;
        auto b = makeSession(m_server, id);
        b->setClock([&jump] { return QDateTime::currentDateTimeUtc().addSecs(jump); });
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("demo"));
        QSignalSpy restoreFailed(b.get(), &Session::restoreFailed);
        b->restore();
        QVERIFY(restoreFailed.wait(5000));
        QCOMPARE(restoreFailed.at(0).at(0).value<AuthError>().category(), ErrorCategory::RefreshRejected);
        QCOMPARE(b->state(), Session::State::SignedOut);
        QTRY_VERIFY(store.keys().isEmpty());
        const Preferences::Account account{id, m_server.baseUrl(id), QStringLiteral("demo")};
        QVERIFY(!Preferences().accounts().contains(account));
    }

    void transientRestoreFailureStaysRestorable()
    {
        MemoryTokenStore store;
        const QString id = QStringLiteral("v1-auth");
        {
            auto a = makeSession(m_server, id);
            a->setTokenStore(&store);
            a->setKeepSignedIn(true);
            QVERIFY(signInDemo(*a));
            QTRY_COMPARE(store.keys().size(), 1);
        }
        m_server.addFault(fault(QStringLiteral("kind=status,status=503,endpoint=refresh,count=1")));
        qint64 jump = 3600;
        auto b = makeSession(m_server, id);
        b->setRetryBackoff(200, 1000);
        b->setClock([&jump] { return QDateTime::currentDateTimeUtc().addSecs(jump); });
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("demo"));
        QSignalSpy failed(b.get(), &Session::refreshFailed);
        QSignalSpy refreshed(b.get(), &Session::refreshed);
        b->restore();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Server);
        QCOMPARE(store.keys().size(), 1); // still restorable
        QVERIFY(refreshed.wait(5000)); // and the retry renews it
        QCOMPARE(b->state(), Session::State::SignedIn);
    }

    void nothingToRestoreIsNotAnError()
    {
        MemoryTokenStore store;
        auto b = makeSession(m_server, QStringLiteral("v1-auth"));
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("nobody"));
        QSignalSpy restoreFailed(b.get(), &Session::restoreFailed);
        b->restore();
        QVERIFY(restoreFailed.wait(2000));
        QVERIFY(!restoreFailed.at(0).at(0).value<AuthError>().isError());
        QCOMPARE(b->state(), Session::State::SignedOut);
    }

    void twoSessionsShareRotatingRefreshToken()
    {
        // Process A and process B restore the same kept session. A refreshes (the provider rotates
        // the refresh token, so B's copy dies); B's refresh must not end the session.
        MemoryTokenStore store;
        const QString id = QStringLiteral("v1-auth");
        auto a = makeSession(m_server, id);
        a->setTokenStore(&store);
        a->setKeepSignedIn(true);
        QVERIFY(signInDemo(*a));
        QTRY_COMPARE(store.keys().size(), 1);

        auto b = makeSession(m_server, id);
        b->setTokenStore(&store);
        b->setUsername(QStringLiteral("demo"));
        QSignalSpy bIn(b.get(), &Session::signedIn);
        b->restore();
        QVERIFY(bIn.wait(2000));

        QSignalSpy aRefreshed(a.get(), &Session::refreshed);
        a->refresh();
        QVERIFY(aRefreshed.wait(5000));
        QTRY_VERIFY(!b->tokens().refreshToken.isEmpty());

        QSignalSpy bRefreshed(b.get(), &Session::refreshed);
        QSignalSpy bExpired(b.get(), &Session::sessionExpired);
        b->refresh();
        QVERIFY(bRefreshed.wait(5000));
        QCOMPARE(bExpired.size(), 0);
        QCOMPARE(b->state(), Session::State::SignedIn);
        QCOMPARE(a->state(), Session::State::SignedIn);
    }

private:
    SandboxServer m_server;
};

QTEST_GUILESS_MAIN(tst_SessionStore)
#include "tst_sessionstore.moc"
