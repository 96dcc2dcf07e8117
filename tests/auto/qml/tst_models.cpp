// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The C++ side of the QML module: models, the QML Session's profile/environment selection, and the
// logic LoginScreen.qml and SessionPanel.qml only display (LoginController, SessionInfo).
#include <AuthSession/accountsmodel.h>
#include <AuthSession/environmentmodel.h>
#include <AuthSession/logincontroller.h>
#include <AuthSession/preferences.h>
#include <AuthSession/profilecatalog.h>
#include <AuthSession/providermodel.h>
#include <AuthSession/quicksession.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/sessioninfo.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTranslator>

using namespace AuthSession;

class ModelsTest : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_server;
    const QString sandboxName = QStringLiteral("Local sandbox");

    static SandboxFault fault(const char *spec)
    {
        bool ok = false;
        SandboxFault f = SandboxFault::parse(QLatin1String(spec), nullptr, &ok);
        Q_ASSERT(ok);
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthSessionTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_models"));
        // The throwaway HOME survives between runs; start from empty preferences.
        QSettings().clear();
        QVERIFY(m_server.listen() != 0);
        ProfileCatalog::instance()->addEnvironment(QStringLiteral("v1-auth"), {sandboxName, m_server.baseUrl(QStringLiteral("v1-auth"))});
    }

    void init() { m_server.clearFaults(); }

    void providerModelListsBuiltInProfiles()
    {
        ProviderModel model;
        QVERIFY(model.rowCount() >= 6);
        const int v1 = model.indexOf(QStringLiteral("v1-auth"));
        QVERIFY(v1 >= 0);
        QCOMPARE(model.profileIdAt(v1), QStringLiteral("v1-auth"));
        const QModelIndex index = model.index(v1);
        QCOMPARE(model.data(index, ProviderModel::NameRole).toString(), QStringLiteral("/v1/auth API"));
        QVERIFY(!model.data(index, ProviderModel::DescriptionRole).toString().isEmpty());
        QCOMPARE(model.data(index, ProviderModel::HasExternalSignInRole).toBool(), false);
        const int datarhei = model.indexOf(QStringLiteral("datarhei-core"));
        QCOMPARE(model.data(model.index(datarhei), ProviderModel::HasExternalSignInRole).toBool(), true);
        QCOMPARE(model.indexOf(QStringLiteral("nope")), -1);
        const auto roles = model.roleNames();
        for (const char *name : {"profileId", "name", "description", "hasExternalSignIn"})
            QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }

    void providerModelFollowsCatalog()
    {
        ProviderModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        Profile custom = ProfileCatalog::instance()->profile(QStringLiteral("v1-auth"));
        custom.id = QStringLiteral("custom-v1");
        custom.name = QStringLiteral("Custom");
        const int before = model.rowCount();
        ProfileCatalog::instance()->addProfile(custom);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), before + 1);
        QVERIFY(model.indexOf(QStringLiteral("custom-v1")) >= 0);
    }

    void environmentModelPutsExtrasFirst()
    {
        EnvironmentModel model;
        QSignalSpy countSpy(&model, &EnvironmentModel::countChanged);
        model.setProfileId(QStringLiteral("v1-auth"));
        QCOMPARE(countSpy.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), EnvironmentModel::NameRole).toString(), sandboxName);
        QCOMPARE(model.data(model.index(0), EnvironmentModel::ExtraRole).toBool(), true);
        QCOMPARE(model.data(model.index(1), EnvironmentModel::NameRole).toString(), QStringLiteral("Example"));
        QCOMPARE(model.data(model.index(1), EnvironmentModel::ExtraRole).toBool(), false);
        QCOMPARE(model.baseUrl(QStringLiteral("Example")), QUrl(QStringLiteral("https://api.example.com")));
        QCOMPARE(model.baseUrl(sandboxName), m_server.baseUrl(QStringLiteral("v1-auth")));
        QCOMPARE(model.indexOf(QStringLiteral("Nope")), -1);

        // An environment for every profile, added later, shows up at once.
        ProfileCatalog::instance()->addEnvironment(QStringLiteral("*"), {QStringLiteral("Staging"), QUrl(QStringLiteral("https://staging.example.com"))});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.indexOf(QStringLiteral("Staging")) >= 0);
        model.setProfileId(QStringLiteral("terralayr"));
        QVERIFY(model.indexOf(QStringLiteral("Staging")) >= 0);
        QCOMPARE(model.indexOf(sandboxName), -1);
    }

    void accountsModelReadsPreferences()
    {
        const QString group = QStringLiteral("accounts-test");
        Preferences prefs(group);
        prefs.addAccount({QStringLiteral("v1-auth"), QUrl(QStringLiteral("https://a.example")), QStringLiteral("alice")});
        prefs.addAccount({QStringLiteral("terralayr"), QUrl(QStringLiteral("https://b.example")), QStringLiteral("bob")});
        prefs.addAccount({QStringLiteral("v1-auth"), QUrl(QStringLiteral("https://c.example")), QStringLiteral("alice")});
        prefs.setLastUsername(QStringLiteral("bob"));

        AccountsModel model;
        model.setGroup(group);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.lastUsername(), QStringLiteral("bob"));
        // Most recent first, distinct names.
        QCOMPARE(model.usernames(), (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));

        model.setProfileId(QStringLiteral("v1-auth"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), AccountsModel::UsernameRole).toString(), QStringLiteral("alice"));
        QCOMPARE(model.data(model.index(0), AccountsModel::BaseUrlRole).toUrl(), QUrl(QStringLiteral("https://c.example")));
        QCOMPARE(model.usernames(), QStringList{QStringLiteral("alice")});

        model.remove(0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(Preferences(group).accounts().size(), 2);
    }

    void sessionSelectsEnvironmentByName()
    {
        QuickSession session;
        QSignalSpy envSpy(&session, &QuickSession::environmentChanged);
        session.setProfileId(QStringLiteral("v1-auth"));
        QCOMPARE(session.profileId(), QStringLiteral("v1-auth"));
        QCOMPARE(session.profileName(), QStringLiteral("/v1/auth API"));
        QCOMPARE(session.hasExternalSignIn(), false);
        QCOMPARE(session.environment(), sandboxName);
        QCOMPARE(session.baseUrl(), m_server.baseUrl(QStringLiteral("v1-auth")));
        QCOMPARE(envSpy.count(), 1);

        session.setEnvironment(QStringLiteral("Example"));
        QCOMPARE(session.baseUrl(), QUrl(QStringLiteral("https://api.example.com")));
        session.setEnvironment(QStringLiteral("Nope")); // unknown: ignored
        QCOMPARE(session.environment(), QStringLiteral("Example"));

        // A base URL set directly wins over the environment.
        session.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/x")));
        QCOMPARE(session.environment(), QString());

        // Another profile picks its first environment again.
        session.setProfileId(QStringLiteral("datarhei-core"));
        QCOMPARE(session.hasExternalSignIn(), true);
        QVERIFY(!session.environment().isEmpty());
        QVERIFY(session.baseUrl() != QUrl(QStringLiteral("http://127.0.0.1:1/x")));
    }

    void sessionKeepsExplicitBaseUrlSetBeforeProfile()
    {
        // QML may assign baseUrl before profileId.
        QuickSession session;
        const QUrl url(QStringLiteral("http://127.0.0.1:2/custom"));
        session.setBaseUrl(url);
        session.setProfileId(QStringLiteral("v1-auth"));
        QCOMPARE(session.baseUrl(), url);
        QCOMPARE(session.environment(), QString());
    }

    void sessionAppliesEnvironmentSetBeforeProfile()
    {
        QuickSession session;
        session.setEnvironment(QStringLiteral("Example"));
        session.setProfileId(QStringLiteral("v1-auth"));
        QCOMPARE(session.environment(), QStringLiteral("Example"));
        QCOMPARE(session.baseUrl(), QUrl(QStringLiteral("https://api.example.com")));
    }

    void capsLockFromKey_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<int>("expected");
        QTest::addRow("lower") << QStringLiteral("a") << int(Qt::NoModifier) << 0;
        QTest::addRow("upper") << QStringLiteral("A") << int(Qt::NoModifier) << 1;
        QTest::addRow("shift upper") << QStringLiteral("A") << int(Qt::ShiftModifier) << 0;
        QTest::addRow("shift lower") << QStringLiteral("a") << int(Qt::ShiftModifier) << 1;
        QTest::addRow("umlaut upper") << QStringLiteral("Ä") << int(Qt::NoModifier) << 1;
        QTest::addRow("digit") << QStringLiteral("1") << int(Qt::NoModifier) << -1;
        QTest::addRow("empty") << QString() << int(Qt::NoModifier) << -1;
        QTest::addRow("two chars") << QStringLiteral("ab") << int(Qt::NoModifier) << -1;
    }
    void capsLockFromKey()
    {
        QFETCH(QString, text);
        QFETCH(int, modifiers);
        QFETCH(int, expected);
        QCOMPARE(LoginController::capsLockFromKey(text, Qt::KeyboardModifiers(modifiers)), expected);
    }

    void capsLockFollowsKeys()
    {
        LoginController controller;
        QSignalSpy spy(&controller, &LoginController::capsLockOnChanged);
        controller.handleKey(Qt::Key_CapsLock, 0, {}); // unknown state: toggling tells nothing
        QCOMPARE(controller.isCapsLockOn(), false);
        controller.handleKey(Qt::Key_A, 0, QStringLiteral("A"));
        QCOMPARE(controller.isCapsLockOn(), true);
        controller.handleKey(Qt::Key_1, 0, QStringLiteral("1"));
        QCOMPARE(controller.isCapsLockOn(), true);
        controller.handleKey(Qt::Key_CapsLock, 0, {});
        QCOMPARE(controller.isCapsLockOn(), false);
        controller.handleKey(Qt::Key_CapsLock, 0, {});
        QCOMPARE(controller.isCapsLockOn(), true);
        controller.reset();
        QCOMPARE(controller.isCapsLockOn(), false);
        QCOMPARE(spy.count(), 4);
    }

    void passwordExpiryWarning_data()
    {
        QTest::addColumn<qint64>("secondsLeft");
        QTest::addColumn<QString>("contains");
        QTest::addRow("expired") << qint64(-10) << QStringLiteral("has expired");
        QTest::addRow("today") << qint64(3600) << QStringLiteral("today");
        QTest::addRow("3 days") << qint64(3 * 86400 + 60) << QStringLiteral("in 3 day");
        QTest::addRow("1 day") << qint64(86400 + 60) << QStringLiteral("in 1 day");
        QTest::addRow("20 days") << qint64(20 * 86400) << QString();
    }
    void passwordExpiryWarning()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(QString, contains);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString text = LoginController::passwordExpiryWarning(now.addSecs(secondsLeft), now, 14);
        if (contains.isEmpty())
            QVERIFY2(text.isEmpty(), qPrintable(text));
        else
            QVERIFY2(text.contains(contains), qPrintable(text));
        QVERIFY(LoginController::passwordExpiryWarning({}, now, 14).isEmpty());
    }

    void controllerSignsIn()
    {
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setPreferencesGroup(QStringLiteral("controller-test"));
        controller.setSession(&session);
        QSignalSpy signedIn(&controller, &LoginController::signedIn);
        QVERIFY(!controller.submit(QStringLiteral("  "), QStringLiteral("x"))); // no username
        session.setKeepSignedIn(true);
        QVERIFY(controller.submit(QStringLiteral("demo"), QStringLiteral("demo")));
        QTRY_VERIFY(controller.isBusy() || signedIn.count() == 1);
        QVERIFY(signedIn.wait(10000) || signedIn.count() == 1);
        QVERIFY(!controller.hasError());
        QVERIFY(controller.canSubmit());
        Preferences prefs(QStringLiteral("controller-test"));
        QCOMPARE(prefs.lastUsername(), QStringLiteral("demo"));
        QCOMPARE(prefs.lastProfile(), QStringLiteral("v1-auth"));
        QCOMPARE(prefs.accounts().size(), 1);
    }

    void controllerRejectsWrongPassword()
    {
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setSession(&session);
        QSignalSpy rejected(&controller, &LoginController::passwordRejected);
        QVERIFY(controller.submit(QStringLiteral("demo"), QStringLiteral("wrong")));
        QVERIFY(rejected.wait(10000));
        QCOMPARE(controller.errorCategory(), ErrorCategory::InvalidCredentials);
        QVERIFY(controller.hasError());
        QVERIFY(!controller.errorText().isEmpty());
        controller.clearError();
        QVERIFY(!controller.hasError());
    }

    void controllerShowsServerMessageForLockedAccount()
    {
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setSession(&session);
        QSignalSpy errors(&controller, &LoginController::errorChanged);
        controller.submit(QStringLiteral("locked"), QStringLiteral("locked"));
        QTRY_VERIFY_WITH_TIMEOUT(controller.hasError(), 10000);
        QCOMPARE(controller.errorCategory(), ErrorCategory::AccountProblem);
        QCOMPARE(controller.errorText(), session.lastError().message());
    }

    void controllerCountsDownAfterRateLimit()
    {
        m_server.addFault(fault("kind=status,status=429,retryAfter=2,endpoint=signIn"));
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setSession(&session);
        QSignalSpy canSubmit(&controller, &LoginController::canSubmitChanged);
        controller.submit(QStringLiteral("demo"), QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.errorCategory(), ErrorCategory::RateLimited, 10000);
        QCOMPARE(controller.retryCountdown(), 2);
        QVERIFY(!controller.canSubmit());
        QVERIFY2(controller.errorText().contains(QLatin1String("in 2 second")), qPrintable(controller.errorText()));
        QVERIFY(!controller.submit(QStringLiteral("demo"), QStringLiteral("demo")));
        controller.clearError(); // the countdown keeps its message
        QVERIFY(controller.hasError());
        QTRY_COMPARE_WITH_TIMEOUT(controller.retryCountdown(), 1, 2000);
        QVERIFY(controller.errorText().contains(QLatin1String("in 1 second")));
        QTRY_VERIFY_WITH_TIMEOUT(controller.canSubmit(), 3000);
        QCOMPARE(controller.retryCountdown(), 0);
        QVERIFY(controller.errorText().contains(QLatin1String("try again now")));
    }

    void controllerUsesDefaultWaitWithoutRetryAfter()
    {
        m_server.addFault(fault("kind=status,status=429,retryAfter=-1,endpoint=signIn"));
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setDefaultRetryAfter(7);
        controller.setSession(&session);
        controller.submit(QStringLiteral("demo"), QStringLiteral("demo"));
        QTRY_COMPARE_WITH_TIMEOUT(controller.errorCategory(), ErrorCategory::RateLimited, 10000);
        QCOMPARE(controller.retryCountdown(), 7);
    }

    void controllerExplainsNetworkErrors()
    {
        // A port nobody listens on.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        session.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/v1-auth").arg(port)));
        LoginController controller;
        controller.setSession(&session);
        controller.submit(QStringLiteral("demo"), QStringLiteral("demo"));
        QTRY_VERIFY_WITH_TIMEOUT(controller.hasError(), 10000);
        QCOMPARE(controller.errorCategory(), ErrorCategory::Network);
        QVERIFY2(controller.errorText().contains(QLatin1String("Check your connection")), qPrintable(controller.errorText()));
    }

    void submitWhileBusyCancels()
    {
        m_server.addFault(fault("kind=delay,delayMs=5000,endpoint=signIn"));
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        LoginController controller;
        controller.setSession(&session);
        controller.submit(QStringLiteral("demo"), QStringLiteral("demo"));
        QTRY_VERIFY(controller.isBusy());
        QVERIFY(!controller.canSubmit());
        QVERIFY(controller.submit(QString(), QString())); // the button says Cancel now
        QTRY_VERIFY(!controller.isBusy());
        QCOMPARE(session.state(), Session::State::SignedOut);
        QVERIFY(!controller.hasError());
        QVERIFY(controller.canSubmit());
    }

    void formatDuration_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::addRow("unknown") << -1 << QStringLiteral("unknown");
        QTest::addRow("expired") << 0 << QStringLiteral("expired");
        QTest::addRow("seconds") << 42 << QStringLiteral("42 s");
        QTest::addRow("minutes") << 245 << QStringLiteral("4 min 05 s");
        QTest::addRow("hours") << 3720 << QStringLiteral("1 h 02 min");
        QTest::addRow("days") << 2 * 86400 + 3 * 3600 << QStringLiteral("2 d 3 h");
    }
    void formatDuration()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        QCOMPARE(SessionInfo::formatDuration(seconds), expected);
    }

    void sessionInfoShowsUserAndCountdown()
    {
        QuickSession session;
        session.setProfileId(QStringLiteral("v1-auth"));
        SessionInfo info;
        info.setSession(&session);
        QCOMPARE(info.expiresIn(), -1);
        QCOMPARE(info.refreshInText(), QStringLiteral("not scheduled"));
        QSignalSpy signedIn(&session, &Session::signedIn);
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(signedIn.wait(10000));
        QVERIFY(!info.displayName().isEmpty());
        QCOMPARE(info.email(), QStringLiteral("demo@example.com"));
        QVERIFY(!info.subject().isEmpty());
        QVERIFY(info.expiresIn() > 0);
        QVERIFY(info.expiresIn() <= m_server.accessTokenLifetime());

        // A clock one minute ahead: one minute less to go.
        const int before = info.expiresIn();
        info.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(60); });
        QVERIFY(qAbs(info.expiresIn() - (before - 60)) <= 1);
        QSignalSpy tick(&info, &SessionInfo::tick);
        QVERIFY(tick.wait(2000)); // live while signed in
    }

    void germanTranslationLoads()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/authsession_qml_de.qm")));
        QCOMPARE(translator.translate("AuthSession::SessionInfo", "expired"), QStringLiteral("abgelaufen"));
        QVERIFY(!translator.translate("LoginScreen", "Sign in").isEmpty());
        QVERIFY(!translator.translate("AuthSession::LoginController", "Too many sign-in attempts. Try again in %n second(s).", nullptr, 3).isEmpty());
    }
};

QTEST_MAIN(ModelsTest)

#include "tst_models.moc"
