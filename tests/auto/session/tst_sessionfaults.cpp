// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessiontestutil.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace AuthSession;

// Every error path of DESIGN.md's session rules, provoked through the sandbox's fault injection.
class tst_SessionFaults : public QObject
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

    void signInFaultMapsToCategory_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<ErrorCategory>("category");
        const QList<QPair<QString, ErrorCategory>> faults = {
            {QStringLiteral("kind=status,status=500"), ErrorCategory::Server},
            {QStringLiteral("kind=status,status=502"), ErrorCategory::Server},
            {QStringLiteral("kind=status,status=429,retryAfter=7"), ErrorCategory::RateLimited},
            {QStringLiteral("kind=malformed-json"), ErrorCategory::Protocol},
            {QStringLiteral("kind=wrong-types"), ErrorCategory::Protocol},
            {QStringLiteral("kind=empty"), ErrorCategory::Protocol},
            {QStringLiteral("kind=oversized,size=2000000"), ErrorCategory::Protocol},
            // QNetworkAccessManager silently re-sends a request whose connection closed without an
            // answer, so connection faults must persist to reach the session
            {QStringLiteral("kind=truncated,count=-1"), ErrorCategory::Network},
            {QStringLiteral("kind=drop,count=-1"), ErrorCategory::Network},
            {QStringLiteral("kind=delay,delayMs=3000"), ErrorCategory::Timeout},
        };
        for (const QString &id : ProfileRegistry::builtInIds()) {
            for (const auto &[spec, category] : faults)
                QTest::addRow("%s %s", qPrintable(id), qPrintable(spec)) << id << spec << category;
        }
    }
    void signInFaultMapsToCategory()
    {
        QFETCH(QString, id);
        QFETCH(QString, spec);
        QFETCH(ErrorCategory, category);
        m_server.addFault(fault(spec + QLatin1String(",endpoint=signIn")));
        auto session = makeSession(m_server, id);
        session->setRequestTimeout(1000);
        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(failed.wait(10000));
        const auto error = failed.at(0).at(0).value<AuthError>();
        QCOMPARE(error.category(), category);
        if (category == ErrorCategory::RateLimited)
            QCOMPARE(error.retryAfterSeconds(), 7);
        QCOMPARE(session->state(), Session::State::SignedOut); // not stuck in SigningIn
        QVERIFY(session->tokens().isEmpty());
        // and the next attempt works
        m_server.clearFaults();
        QVERIFY(signInDemo(*session));
    }

    void transientRefreshFailureKeepsTokens_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<ErrorCategory>("category");
        QTest::addColumn<bool>("exactCount");
        for (const QString &id : profilesWithRefresh()) {
            QTest::addRow("%s 500", qPrintable(id)) << id << QStringLiteral("kind=status,status=500") << ErrorCategory::Server << true;
            QTest::addRow("%s 502", qPrintable(id)) << id << QStringLiteral("kind=status,status=502") << ErrorCategory::Server << true;
            QTest::addRow("%s 429", qPrintable(id)) << id << QStringLiteral("kind=status,status=429,retryAfter=-1") << ErrorCategory::RateLimited << true;
            QTest::addRow("%s malformed", qPrintable(id)) << id << QStringLiteral("kind=malformed-json") << ErrorCategory::Protocol << true;
            // QNetworkAccessManager may re-send once on a dropped connection: fewer failures are seen
            QTest::addRow("%s drop", qPrintable(id)) << id << QStringLiteral("kind=drop") << ErrorCategory::Network << false;
        }
        // a timed-out refresh still reaches the server; only a provider that keeps its refresh
        // token survives losing the answer (see lostRefreshAnswerWithRotation)
        QTest::addRow("datarhei-core timeout") << QStringLiteral("datarhei-core") << QStringLiteral("kind=delay,delayMs=2000")
                                               << ErrorCategory::Timeout << false;
    }
    void transientRefreshFailureKeepsTokens()
    {
        QFETCH(QString, id);
        QFETCH(QString, spec);
        QFETCH(ErrorCategory, category);
        QFETCH(bool, exactCount);
        auto session = makeSession(m_server, id);
        session->setRequestTimeout(1000);
        session->setRetryBackoff(200, 1000);
        QVERIFY(signInDemo(*session));
        const TokenSet before = session->tokens();
        m_server.addFault(fault(spec + QLatin1String(",endpoint=refresh,count=3")));
        QSignalSpy failed(session.get(), &Session::refreshFailed);
        QSignalSpy refreshed(session.get(), &Session::refreshed);
        session->refresh();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), category);
        QCOMPARE(session->state(), Session::State::SignedIn);
        QCOMPARE(session->tokens(), before); // kept
        // three failures, then the backoff's fourth try succeeds
        QVERIFY(refreshed.wait(15000));
        if (exactCount) {
            QCOMPARE(failed.size(), 3);
            QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 4);
        } else {
            QVERIFY(failed.size() >= 1 && failed.size() <= 3);
        }
        QCOMPARE(session->state(), Session::State::SignedIn);
        QVERIFY(session->tokens().accessToken != before.accessToken);
    }

    void lostRefreshAnswerWithRotation()
    {
        // The refresh reaches the server, which rotates the refresh token, but the answer is lost
        // (timeout). The old refresh token is dead: the session must end cleanly, not loop.
        const QString id = QStringLiteral("v1-auth");
        auto session = makeSession(m_server, id);
        session->setRequestTimeout(500);
        session->setRetryBackoff(2500, 3000); // retry only after the server has rotated
        QVERIFY(signInDemo(*session));
        m_server.addFault(fault(QStringLiteral("kind=delay,delayMs=1500,endpoint=refresh,count=1")));
        QSignalSpy expired(session.get(), &Session::sessionExpired);
        session->refresh();
        QVERIFY(expired.wait(10000));
        QCOMPARE(expired.at(0).at(0).value<AuthError>().category(), ErrorCategory::RefreshRejected);
        QCOMPARE(session->state(), Session::State::Expired);
        QVERIFY(session->tokens().isEmpty());
    }

    void backoffHonoursRetryAfter()
    {
        const QString id = QStringLiteral("oauth2-password");
        auto session = makeSession(m_server, id);
        session->setRetryBackoff(100, 500); // much shorter than Retry-After: the server wins
        QVERIFY(signInDemo(*session));
        m_server.addFault(fault(QStringLiteral("kind=status,status=429,retryAfter=2,endpoint=refresh,count=1")));
        QSignalSpy failed(session.get(), &Session::refreshFailed);
        QSignalSpy refreshed(session.get(), &Session::refreshed);
        QElapsedTimer elapsed;
        session->refresh();
        QVERIFY(failed.wait(5000));
        elapsed.start();
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::RateLimited);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().retryAfterSeconds(), 2);
        QVERIFY(session->nextRefreshAt().isValid());
        QVERIFY(refreshed.wait(6000));
        QVERIFY2(elapsed.elapsed() >= 1900, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 2);
    }

    void rejectedRefreshExpiresSession_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : profilesWithRefresh())
            QTest::addRow("%s", qPrintable(id)) << id;
    }
    void rejectedRefreshExpiresSession()
    {
        QFETCH(QString, id);
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        m_server.addFault(fault(QStringLiteral("kind=reject-refresh,endpoint=refresh")));
        QSignalSpy expired(session.get(), &Session::sessionExpired);
        session->refresh();
        QVERIFY(expired.wait(5000));
        QCOMPARE(expired.at(0).at(0).value<AuthError>().category(), ErrorCategory::RefreshRejected);
        QCOMPARE(session->state(), Session::State::Expired);
        QVERIFY(session->tokens().isEmpty());
        QVERIFY(!session->hasRefreshToken());
        // sign in again from Expired
        QVERIFY(signInDemo(*session));
    }

    void revokedRefreshTokenExpiresSession()
    {
        const QString id = QStringLiteral("v1-auth");
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        m_server.revokeAll();
        QSignalSpy expired(session.get(), &Session::sessionExpired);
        session->refresh();
        QVERIFY(expired.wait(5000));
        QCOMPARE(session->state(), Session::State::Expired);
    }

    void cancelAbortsSlowSignIn()
    {
        const QString id = QStringLiteral("v1-auth");
        m_server.addFault(fault(QStringLiteral("kind=delay,delayMs=5000,endpoint=signIn")));
        auto session = makeSession(m_server, id);
        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QCoreApplication::processEvents(); // the request is on its way; the sandbox holds it for 5 s
        QElapsedTimer elapsed;
        elapsed.start();
        session->cancel();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(elapsed.elapsed() < 1000);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Cancelled);
        QCOMPARE(session->state(), Session::State::SignedOut);
    }

    void cancelDuringRefreshKeepsSession()
    {
        const QString id = QStringLiteral("datarhei-core");
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        const TokenSet before = session->tokens();
        m_server.addFault(fault(QStringLiteral("kind=delay,delayMs=5000,endpoint=refresh")));
        QSignalSpy failed(session.get(), &Session::refreshFailed);
        session->refresh();
        QCOMPARE(session->state(), Session::State::Refreshing);
        QCoreApplication::processEvents();
        session->cancel();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Cancelled);
        QCOMPARE(session->state(), Session::State::SignedIn);
        QCOMPARE(session->tokens(), before);
    }

    void serverDownIsNetworkError()
    {
        Session session;
        session.setProfile(ProfileRegistry::builtIn(QStringLiteral("terralayr")));
        QUrl url = m_server.baseUrl(QStringLiteral("terralayr"));
        url.setPort(1); // nothing listens there
        session.setBaseUrl(url);
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Network);
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

    void lockedAccountIsAccountProblem_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : {QStringLiteral("v1-auth"), QStringLiteral("oauth2-password"), QStringLiteral("terralayr")})
            QTest::addRow("%s", qPrintable(id)) << id;
    }
    void lockedAccountIsAccountProblem()
    {
        QFETCH(QString, id);
        auto session = makeSession(m_server, id);
        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signIn(QStringLiteral("locked"), QStringLiteral("locked"));
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<AuthError>();
        QVERIFY2(error.category() == ErrorCategory::AccountProblem, qPrintable(error.toString()));
        QVERIFY(!error.message().isEmpty());
    }

private:
    SandboxServer m_server;
};

QTEST_GUILESS_MAIN(tst_SessionFaults)
#include "tst_sessionfaults.moc"
