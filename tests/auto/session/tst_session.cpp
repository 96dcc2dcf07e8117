// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessiontestutil.h"

#include <AuthSession/sessionreply.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace AuthSession;

class tst_Session : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen() != 0);
    }
    void init()
    {
        m_server.clearFaults();
        m_server.resetCounters();
        m_server.setAccessTokenLifetime(300);
        m_server.setRefreshTokenLifetime(3600);
        m_server.setClockSkew(0);
    }

    void signsInAndOut_data() { allProfiles(); }
    void signsInAndOut()
    {
        QFETCH(QString, id);
        auto session = makeSession(m_server, id);
        QSignalSpy states(session.get(), &Session::stateChanged);
        QSignalSpy signedIn(session.get(), &Session::signedIn);
        session->signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QCOMPARE(session->state(), Session::State::SigningIn);
        QVERIFY(signedIn.wait(10000));
        QCOMPARE(session->state(), Session::State::SignedIn);
        QVERIFY(!session->tokens().accessToken.isEmpty());
        QCOMPARE(session->username(), QStringLiteral("demo"));
        QVERIFY(session->expiresAt().isValid()); // every sandbox profile tells the expiry one way or another
        QCOMPARE(states.size(), 2); // SigningIn, SignedIn
        QCOMPARE(m_server.count(id, QStringLiteral("signIn"), QStringLiteral("succeeded")), 1);

        QSignalSpy signedOut(session.get(), &Session::signedOut);
        session->signOut();
        QCOMPARE(session->state(), Session::State::SignedOut);
        QVERIFY(session->tokens().isEmpty());
        QVERIFY(signedOut.wait(5000));
        QCOMPARE(signedOut.size(), 1);
        if (session->profile().hasSignOut())
            QCOMPARE(m_server.count(id, QStringLiteral("signOut")), 1);
    }

    void reportsWrongPassword_data() { allProfiles(); }
    void reportsWrongPassword()
    {
        QFETCH(QString, id);
        auto session = makeSession(m_server, id);
        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signIn(QStringLiteral("demo"), QStringLiteral("not-the-password"));
        QVERIFY(failed.wait(10000));
        const auto error = failed.at(0).at(0).value<AuthError>();
        QCOMPARE(error.category(), ErrorCategory::InvalidCredentials);
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(session->state(), Session::State::SignedOut);
        QCOMPARE(session->lastError().category(), ErrorCategory::InvalidCredentials);
        QVERIFY(session->tokens().isEmpty());
    }

    void signsInWithExternalToken()
    {
        auto session = makeSession(m_server, QStringLiteral("datarhei-core"));
        QSignalSpy signedIn(session.get(), &Session::signedIn);
        session->signInWithToken(QStringLiteral("demo-external-token"));
        QVERIFY(signedIn.wait(5000));
        QVERIFY(session->hasRefreshToken());
        QCOMPARE(m_server.count(QStringLiteral("datarhei-core"), QStringLiteral("externalSignIn"), QStringLiteral("succeeded")), 1);

        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signInWithToken(QStringLiteral("forged"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::InvalidCredentials);
    }

    void refusesTokenSignInWithoutSupport()
    {
        auto session = makeSession(m_server, QStringLiteral("v1-auth"));
        QSignalSpy failed(session.get(), &Session::signInFailed);
        session->signInWithToken(QStringLiteral("anything"));
        QCOMPARE(failed.size(), 0); // never synchronously
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Configuration);
        QCOMPARE(session->state(), Session::State::SignedOut);
    }

    void refreshesBeforeExpiry_data() { refreshProfiles(); }
    void refreshesBeforeExpiry()
    {
        QFETCH(QString, id);
        m_server.setAccessTokenLifetime(3);
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        const QDateTime firstExpiry = session->expiresAt();
        QVERIFY(firstExpiry.isValid());
        QVERIFY(session->nextRefreshAt().isValid());
        QVERIFY(session->nextRefreshAt() < firstExpiry);
        const QString firstToken = session->tokens().accessToken;

        QSignalSpy refreshed(session.get(), &Session::refreshed);
        QVERIFY(refreshed.wait(6000));
        QVERIFY2(QDateTime::currentDateTimeUtc() < firstExpiry, "the refresh came after the token expired");
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 1);
        QVERIFY(session->tokens().accessToken != firstToken);
        QVERIFY(session->expiresAt() > firstExpiry);

        QVERIFY(refreshed.wait(6000));
        QCOMPARE(refreshed.size(), 2);
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 2);
        QCOMPARE(m_server.count(id, QStringLiteral("refresh"), QStringLiteral("failed")), 0);
        QCOMPARE(session->state(), Session::State::SignedIn);
    }

    void warnsThenExpiresWithoutRefresh_data() { noRefreshProfiles(); }
    void warnsThenExpiresWithoutRefresh()
    {
        QFETCH(QString, id);
        m_server.setAccessTokenLifetime(3);
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        QVERIFY(session->expiresAt().isValid());
        QSignalSpy warned(session.get(), &Session::accessTokenAboutToExpire);
        QSignalSpy expired(session.get(), &Session::sessionExpired);
        QVERIFY(warned.wait(5000));
        QVERIFY(QDateTime::currentDateTimeUtc() < session->expiresAt().addMSecs(200));
        QVERIFY(expired.wait(5000));
        QCOMPARE(session->state(), Session::State::Expired);
        QVERIFY(session->tokens().isEmpty());
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 0);
    }

    void refreshesAtOnceAfterResume()
    {
        // an injectable clock stands in for suspend/resume: the monotonic timer did not run, the wall clock did
        QDateTime fake = QDateTime::currentDateTimeUtc();
        auto session = makeSession(m_server, QStringLiteral("v1-auth"));
        session->setClock([&fake] { return fake; });
        QVERIFY(signInDemo(*session));
        QVERIFY(session->nextRefreshAt().isValid());
        QCOMPARE(m_server.count(QStringLiteral("v1-auth"), QStringLiteral("refresh")), 0);

        fake = session->nextRefreshAt().addSecs(5); // "resumed" after the refresh was due
        QSignalSpy refreshed(session.get(), &Session::refreshed);
        QElapsedTimer elapsed;
        elapsed.start();
        session->checkExpiry();
        QVERIFY(refreshed.wait(3000));
        QVERIFY(elapsed.elapsed() < 2000);
        QCOMPARE(m_server.count(QStringLiteral("v1-auth"), QStringLiteral("refresh")), 1);
        QVERIFY(session->nextRefreshAt() > fake);
    }

    void refreshesOnTimeWithSkewedServerClock_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("skew");
        for (const QString &id : profilesWithRefresh()) {
            QTest::addRow("%s ahead", qPrintable(id)) << id << 3600;
            QTest::addRow("%s behind", qPrintable(id)) << id << -3600;
        }
    }
    void refreshesOnTimeWithSkewedServerClock()
    {
        QFETCH(QString, id);
        QFETCH(int, skew);
        m_server.setClockSkew(skew);
        m_server.setAccessTokenLifetime(3);
        auto session = makeSession(m_server, id);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(signInDemo(*session));
        // the expiry is local time: about 3 s from now, not an hour off
        const qint64 lifetimeMs = before.msecsTo(session->expiresAt());
        QVERIFY2(lifetimeMs > 1000 && lifetimeMs < 4500, qPrintable(QString::number(lifetimeMs)));
        QSignalSpy refreshed(session.get(), &Session::refreshed);
        QVERIFY(refreshed.wait(6000));
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 1);
    }

    void singleFlightFor200Requests()
    {
        const QString id = QStringLiteral("v1-auth");
        qint64 jump = 0; // once set, the client clock runs an hour ahead: the token is expired locally
        auto session = makeSession(m_server, id);
        session->setClock([&jump] { return QDateTime::currentDateTimeUtc().addSecs(jump); });
        QVERIFY(signInDemo(*session));
        jump = 3600;
        QVERIFY(!session->tokens().isAccessTokenValid(QDateTime::currentDateTimeUtc().addSecs(jump)));

        QList<SessionReply *> replies;
        for (int i = 0; i < 200; ++i)
            replies.append(session->send(QNetworkRequest(QUrl(QStringLiteral("/items/%1").arg(i)))));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](SessionReply *r) { return r->isFinished(); }), 20000);
        for (SessionReply *r : std::as_const(replies)) {
            QVERIFY2(!r->error().isError(), qPrintable(r->error().toString()));
            QCOMPARE(r->status(), 200);
            r->deleteLater();
        }
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 1);
        QCOMPARE(m_server.count(id, QStringLiteral("resource"), QStringLiteral("succeeded")), 200);
    }

    void retriesOnceAfter401()
    {
        const QString id = QStringLiteral("datarhei-core");
        auto session = makeSession(m_server, id);
        QVERIFY(signInDemo(*session));
        m_server.addFault(fault(QStringLiteral("kind=status,status=401,endpoint=resource,count=1")));
        SessionReply *reply = session->send(QNetworkRequest(QUrl(QStringLiteral("/api/v3/process"))));
        QSignalSpy finished(reply, &SessionReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(!reply->error().isError(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->status(), 200);
        QVERIFY(reply->wasRetried());
        QCOMPARE(m_server.count(id, QStringLiteral("refresh")), 1);
        QCOMPARE(m_server.count(id, QStringLiteral("resource")), 2);
        const QJsonObject body = QJsonDocument::fromJson(reply->body()).object();
        QCOMPARE(body.value(QLatin1String("user")).toString(), QStringLiteral("demo"));
        delete reply;
    }

    void neverSendsTokenToAnotherOrigin()
    {
        auto session = makeSession(m_server, QStringLiteral("v1-auth"));
        QVERIFY(signInDemo(*session));
        QUrl other = m_server.baseUrl(QStringLiteral("v1-auth"));
        other.setHost(QStringLiteral("localhost")); // same port, other origin
        SessionReply *reply = session->send(QNetworkRequest(other));
        QSignalSpy finished(reply, &SessionReply::finished);
        QVERIFY(finished.wait(2000));
        QCOMPARE(reply->error().category(), ErrorCategory::Configuration);
        QCOMPARE(m_server.count(QStringLiteral("v1-auth"), QStringLiteral("resource")), 0);
        delete reply;
    }

    void refusesPlainHttpToRemoteHost()
    {
        Session session;
        session.setProfile(ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
        session.setBaseUrl(QUrl(QStringLiteral("http://api.example.com")));
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.at(0).at(0).value<AuthError>().category(), ErrorCategory::Configuration);
        QCOMPARE(session.state(), Session::State::SignedOut);
    }

    void leadTimeIsClamped()
    {
        Session session;
        QCOMPARE(session.effectiveLeadTime(3600), 360); // 10% of an hour
        QCOMPARE(session.effectiveLeadTime(120), 30); // at least 30 s ...
        QCOMPARE(session.effectiveLeadTime(5), 2); // ... but at most half the lifetime
        QCOMPARE(session.effectiveLeadTime(1), 0);
        session.setRefreshLeadTime(100);
        QCOMPARE(session.effectiveLeadTime(3600), 100);
        QCOMPARE(session.effectiveLeadTime(60), 30);
    }

    void probesTheApi()
    {
        auto session = makeSession(m_server, QStringLiteral("datarhei-core"));
        SessionReply *reply = session->probe();
        QSignalSpy finished(reply, &SessionReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->status(), 200);
        QCOMPARE(QJsonDocument::fromJson(reply->body()).object().value(QLatin1String("app")).toString(), QStringLiteral("datarhei-core"));
        delete reply;
    }

private:
    void allProfiles()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : ProfileRegistry::builtInIds())
            QTest::addRow("%s", qPrintable(id)) << id;
    }
    void refreshProfiles()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : profilesWithRefresh())
            QTest::addRow("%s", qPrintable(id)) << id;
    }
    void noRefreshProfiles()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : profilesWithoutRefresh())
            QTest::addRow("%s", qPrintable(id)) << id;
    }

    SandboxServer m_server;
};

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
