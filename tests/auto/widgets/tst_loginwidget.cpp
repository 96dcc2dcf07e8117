// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "../../../lib/widgets/loginwidget_p.h"

#include <AuthSession/loginwidget.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace AuthSession;

class tst_LoginWidget : public QObject
{
    Q_OBJECT

private:
    // One sandbox, one session and one shown widget per test function.
    struct Fixture {
        SandboxServer server;
        Session session;
        std::unique_ptr<LoginWidget> widget;

        explicit Fixture(const QString &profileId = QStringLiteral("v1-auth"))
        {
            server.listen();
            session.setProfile(ProfileRegistry::builtIn(profileId));
            session.setBaseUrl(server.baseUrl(profileId));
            widget = std::make_unique<LoginWidget>(&session);
            for (const QString &id : ProfileRegistry::builtInIds())
                widget->setExtraEnvironment(QStringLiteral("Sandbox"), server.baseUrl(id), id);
            widget->show();
            QApplication::setActiveWindow(widget.get());
            QVERIFY(QTest::qWaitForWindowActive(widget.get()));
        }
        template<typename T>
        T *child(const char *name) const
        {
            auto *c = widget->findChild<T *>(QLatin1String(name));
            if (!c)
                qWarning() << "no child" << name;
            return c;
        }
        QLineEdit *username() const { return child<QLineEdit>("usernameEdit"); }
        QLineEdit *password() const { return child<QLineEdit>("passwordEdit"); }
        QPushButton *button() const { return child<QPushButton>("signInButton"); }
        QLabel *message() const { return child<QLabel>("errorLabel"); }
        void type(const QString &user, const QString &pass) const
        {
            username()->clear();
            password()->clear();
            QTest::keyClicks(username(), user);
            QTest::keyClicks(password(), pass);
        }
    };

private Q_SLOTS:
    void capsLockDetection_data();
    void capsLockDetection();
    void signsInWithEnter();
    void wrongPasswordSelectsPassword();
    void cancelDuringSlowSignIn();
    void rateLimitedCountsDown();
    void networkErrorSuggestsConnectionCheck();
    void accountProblemShowsServerMessage();
    void capsLockWarningFollowsKeys();
    void keepSignedInReachesSession();
    void revealTogglesAndResetsOnShow();
    void tokenSignInOnlyForExternalProfiles_data();
    void tokenSignInOnlyForExternalProfiles();
    void signsInWithToken();
    void providerAndEnvironmentDriveSession();
    void optionsHideRows();
    void passwordExpiryWarns();
    void everyControlHasNames();
    void tabOrder();
    void emptyFieldsAreValidated();
};

void tst_LoginWidget::capsLockDetection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("shift");
    QTest::addColumn<int>("expected"); // -1 unknown, 0 off, 1 on

    QTest::addRow("upper without shift") << QStringLiteral("A") << false << 1;
    QTest::addRow("lower with shift") << QStringLiteral("a") << true << 1;
    QTest::addRow("lower without shift") << QStringLiteral("a") << false << 0;
    QTest::addRow("upper with shift") << QStringLiteral("A") << true << 0;
    QTest::addRow("umlaut upper") << QStringLiteral("Ä") << false << 1;
    QTest::addRow("digit") << QStringLiteral("1") << false << -1;
    QTest::addRow("punctuation") << QStringLiteral("!") << true << -1;
    QTest::addRow("caseless letter") << QStringLiteral("漢") << false << -1;
    QTest::addRow("empty") << QString() << false << -1;
}

void tst_LoginWidget::capsLockDetection()
{
    QFETCH(QString, text);
    QFETCH(bool, shift);
    QFETCH(int, expected);
    const auto result = capsLockFromKey(text, shift ? Qt::ShiftModifier : Qt::NoModifier);
    QCOMPARE(result.has_value() ? int(*result) : -1, expected);
}

void tst_LoginWidget::signsInWithEnter()
{
    Fixture f;
    QSignalSpy signedIn(f.widget.get(), &LoginWidget::signedIn);
    f.type(QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::keyClick(f.password(), Qt::Key_Return);
    QTRY_COMPARE(signedIn.count(), 1);
    QCOMPARE(f.session.state(), Session::State::SignedIn);
    QVERIFY(f.password()->text().isEmpty()); // the password does not linger in the form
}

void tst_LoginWidget::wrongPasswordSelectsPassword()
{
    Fixture f;
    QSignalSpy failed(&f.session, &Session::signInFailed);
    f.type(QStringLiteral("demo"), QStringLiteral("nope"));
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QTRY_COMPARE(failed.count(), 1);
    QTRY_VERIFY(f.message()->isVisible());
    QVERIFY(!f.message()->text().isEmpty());
    QCOMPARE(f.password()->selectedText(), QStringLiteral("nope"));
    QVERIFY(f.password()->hasFocus());
    QCOMPARE(f.button()->isEnabled(), true);
}

void tst_LoginWidget::cancelDuringSlowSignIn()
{
    Fixture f;
    f.server.addFault(SandboxFault::parse(QStringLiteral("kind=delay,delayMs=5000,endpoint=signIn")));
    QSignalSpy cancelled(f.widget.get(), &LoginWidget::cancelled);
    const QString idleText = f.button()->text();
    f.type(QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QTRY_COMPARE(f.session.state(), Session::State::SigningIn);
    QVERIFY(f.child<QProgressBar>("busyIndicator")->isVisible());
    QCOMPARE(f.button()->text(), QStringLiteral("Cancel"));
    QVERIFY(!f.username()->isEnabled());

    QTest::mouseClick(f.button(), Qt::LeftButton);
    QTRY_COMPARE(f.session.state(), Session::State::SignedOut);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(f.button()->text(), idleText);
    QVERIFY(f.button()->text().contains(QLatin1String("Sign in")));
    QVERIFY(!f.child<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY(!f.message()->isVisible()); // cancelling is not an error
    QVERIFY(f.username()->isEnabled());
}

void tst_LoginWidget::rateLimitedCountsDown()
{
    Fixture f;
    f.server.addFault(SandboxFault::parse(QStringLiteral("kind=status,status=429,retryAfter=3,endpoint=signIn")));
    f.type(QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QTRY_VERIFY(f.message()->text().contains(QLatin1String("Try again in")));
    QVERIFY(f.message()->text().contains(QLatin1String("3 s")));
    QVERIFY(!f.button()->isEnabled());
    QTRY_VERIFY(f.message()->text().contains(QLatin1String("2 s")));
    QTRY_VERIFY_WITH_TIMEOUT(f.button()->isEnabled(), 5000);
    QVERIFY(!f.message()->isVisible());

    QSignalSpy signedIn(f.widget.get(), &LoginWidget::signedIn);
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QTRY_COMPARE(signedIn.count(), 1);
}

void tst_LoginWidget::networkErrorSuggestsConnectionCheck()
{
    Fixture f;
    f.server.addFault(SandboxFault::parse(QStringLiteral("kind=drop,endpoint=signIn,count=-1")));
    QSignalSpy failed(&f.session, &Session::signInFailed);
    f.type(QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::keyClick(f.password(), Qt::Key_Enter);
    QTRY_COMPARE(failed.count(), 1);
    const auto category = failed.first().first().value<AuthError>().category();
    QVERIFY2(category == ErrorCategory::Network || category == ErrorCategory::Protocol,
             qPrintable(AuthError::categoryName(category)));
    if (category == ErrorCategory::Network)
        QVERIFY(f.message()->text().contains(QLatin1String("Check your connection")));
    QVERIFY(f.message()->isVisible());
}

void tst_LoginWidget::accountProblemShowsServerMessage()
{
    Fixture f;
    QSignalSpy failed(&f.session, &Session::signInFailed);
    f.type(QStringLiteral("locked"), QStringLiteral("locked"));
    QTest::keyClick(f.password(), Qt::Key_Return);
    QTRY_COMPARE(failed.count(), 1);
    const AuthError error = failed.first().first().value<AuthError>();
    QCOMPARE(error.category(), ErrorCategory::AccountProblem);
    QTRY_COMPARE(f.message()->text(), error.message());
}

void tst_LoginWidget::capsLockWarningFollowsKeys()
{
    Fixture f;
    auto *warning = f.child<QWidget>("capsLockWarning");
    f.password()->setFocus();
    QTRY_VERIFY(f.password()->hasFocus());
    QVERIFY(!warning->isVisible());
    QTest::keyClick(f.password(), Qt::Key_A, Qt::NoModifier); // "a": caps off
    QVERIFY(!warning->isVisible());
    QTest::keyClick(f.password(), 'B'); // "B" without Shift: caps on
    QVERIFY(warning->isVisible());
    QTest::keyClick(f.password(), Qt::Key_1); // says nothing
    QVERIFY(warning->isVisible());
    QTest::keyClick(f.password(), 'c'); // lowercase without Shift: caps off again
    QVERIFY(!warning->isVisible());
    QTest::keyClick(f.password(), 'c', Qt::ShiftModifier); // lowercase with Shift: caps on
    QVERIFY(warning->isVisible());
    f.username()->setFocus(); // leaving the field hides it
    QTRY_VERIFY(!warning->isVisible());
}

void tst_LoginWidget::keepSignedInReachesSession()
{
    Fixture f;
    auto *keep = f.child<QCheckBox>("keepSignedInCheck");
    QVERIFY(keep->isVisible());
    QCOMPARE(keep->isChecked(), f.session.keepSignedIn());
    QVERIFY(!f.session.keepSignedIn());
    QTest::mouseClick(keep, Qt::LeftButton, {}, QPoint(5, keep->height() / 2));
    QVERIFY(keep->isChecked());
    QVERIFY(f.session.keepSignedIn());
    f.session.setKeepSignedIn(false);
    QVERIFY(!keep->isChecked());
}

void tst_LoginWidget::revealTogglesAndResetsOnShow()
{
    Fixture f;
    auto *reveal = f.child<QAction>("revealAction");
    QVERIFY(reveal);
    QCOMPARE(f.password()->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->isChecked());
    auto *button = f.password()->findChild<QAbstractButton *>(QStringLiteral("revealButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(f.password()->echoMode(), QLineEdit::Normal);
    QCOMPARE(button->accessibleName(), QStringLiteral("Hide password"));
    reveal->trigger();
    QCOMPARE(f.password()->echoMode(), QLineEdit::Password);
    reveal->trigger();
    QCOMPARE(f.password()->echoMode(), QLineEdit::Normal);
    f.widget->hide();
    f.widget->show();
    QCOMPARE(f.password()->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->isChecked());
}

void tst_LoginWidget::tokenSignInOnlyForExternalProfiles_data()
{
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<bool>("offered");
    for (const QString &id : ProfileRegistry::builtInIds())
        QTest::addRow("%s", qPrintable(id)) << id << (id == QLatin1String("datarhei-core"));
}

void tst_LoginWidget::tokenSignInOnlyForExternalProfiles()
{
    QFETCH(QString, profileId);
    QFETCH(bool, offered);
    Fixture f(profileId);
    auto *toggle = f.child<QPushButton>("tokenToggle");
    QCOMPARE(toggle->isVisible(), offered);
    f.widget->setOptions(f.widget->options() & ~LoginWidget::ShowTokenSignIn);
    QVERIFY(!toggle->isVisible());
}

void tst_LoginWidget::signsInWithToken()
{
    Fixture f(QStringLiteral("datarhei-core"));
    auto *toggle = f.child<QPushButton>("tokenToggle");
    auto *token = f.child<QLineEdit>("tokenEdit");
    QVERIFY(!token->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(token->isVisible());
    QVERIFY(!f.username()->isVisible());
    QVERIFY(!f.password()->isVisible());
    QSignalSpy signedIn(f.widget.get(), &LoginWidget::signedIn);
    QTest::keyClicks(token, QStringLiteral("demo-external-token"));
    QTest::keyClick(token, Qt::Key_Return);
    QTRY_COMPARE(signedIn.count(), 1);
    QCOMPARE(f.session.state(), Session::State::SignedIn);

    // switching back restores the password form
    f.session.signOut();
    QTRY_COMPARE(f.session.state(), Session::State::SignedOut);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(f.password()->isVisible());
    QVERIFY(!token->isVisible());
}

void tst_LoginWidget::providerAndEnvironmentDriveSession()
{
    Fixture f;
    auto *provider = f.child<QComboBox>("providerCombo");
    auto *environment = f.child<QComboBox>("environmentCombo");
    QVERIFY(!provider->isVisible()); // not in DefaultOptions
    f.widget->setOptions(f.widget->options() | LoginWidget::ShowProviderChooser);
    QVERIFY(provider->isVisible());
    QCOMPARE(provider->currentData().toString(), QStringLiteral("v1-auth"));
    QCOMPARE(environment->currentText(), QStringLiteral("Sandbox"));

    const int terralayr = provider->findData(QStringLiteral("terralayr"));
    QVERIFY(terralayr >= 0);
    provider->setCurrentIndex(terralayr);
    Q_EMIT provider->activated(terralayr);
    QCOMPARE(f.session.profileId(), QStringLiteral("terralayr"));
    // Sandbox stays Sandbox across providers
    QCOMPARE(environment->currentText(), QStringLiteral("Sandbox"));
    QCOMPARE(f.session.baseUrl(), f.server.baseUrl(QStringLiteral("terralayr")));
    QCOMPARE(environment->count(), 2); // Production, and Sandbox with our URL in place of the real one
    const int production = environment->findText(QStringLiteral("Production"));
    environment->setCurrentIndex(production);
    Q_EMIT environment->activated(production);
    QCOMPARE(f.session.baseUrl(), QUrl(QStringLiteral("https://api.trlyr.com")));

    // the session changing its profile moves the chooser
    f.session.setProfile(ProfileRegistry::builtIn(QStringLiteral("tangerine365")));
    QCOMPARE(provider->currentData().toString(), QStringLiteral("tangerine365"));

    // setProfiles limits the list; one profile hides the chooser
    f.widget->setProfiles({ProfileRegistry::builtIn(QStringLiteral("tangerine365"))});
    QCOMPARE(provider->count(), 1);
    QVERIFY(!provider->isVisible());
}

void tst_LoginWidget::optionsHideRows()
{
    Fixture f;
    f.widget->setOptions(LoginWidget::NoOptions);
    QVERIFY(!f.child<QCheckBox>("keepSignedInCheck")->isVisible());
    QVERIFY(!f.child<QComboBox>("environmentCombo")->isVisible());
    QVERIFY(!f.child<QComboBox>("providerCombo")->isVisible());
    f.widget->setOptions(LoginWidget::UsernameReadOnly);
    f.widget->setUsername(QStringLiteral("alice"));
    QVERIFY(f.username()->isReadOnly());
    QCOMPARE(f.widget->username(), QStringLiteral("alice"));

    QSignalSpy titleChanged(f.widget.get(), &LoginWidget::titleChanged);
    f.widget->setTitle(QStringLiteral("Example Corp"));
    f.widget->setTitle(QStringLiteral("Example Corp"));
    QCOMPARE(titleChanged.count(), 1);
    QCOMPARE(f.child<QLabel>("titleLabel")->text(), QStringLiteral("Example Corp"));
    f.widget->setPrompt(QStringLiteral("Use your corporate account."));
    QCOMPARE(f.child<QLabel>("promptLabel")->text(), QStringLiteral("Use your corporate account."));
    QPixmap logo(32, 32);
    logo.fill(Qt::blue);
    f.widget->setLogo(logo);
    QVERIFY(f.child<QLabel>("logoLabel")->isVisible());
}

void tst_LoginWidget::passwordExpiryWarns()
{
    Fixture f(QStringLiteral("tangerine365"));
    const QString soon = QDateTime::currentDateTimeUtc().addDays(5).toString(Qt::ISODate);
    QString error;
    QVERIFY2(f.server.setUsers(QJsonObject{{QStringLiteral("users"),
                                            QJsonArray{QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                                                                   {QStringLiteral("password"), QStringLiteral("builder")},
                                                                   {QStringLiteral("passwordExpiresAt"), soon}}}}},
                               &error),
             qPrintable(error));
    QSignalSpy signedIn(f.widget.get(), &LoginWidget::signedIn);
    QSignalSpy expiresSoon(f.widget.get(), &LoginWidget::passwordExpiresSoon);
    f.type(QStringLiteral("bob"), QStringLiteral("builder"));
    QTest::keyClick(f.password(), Qt::Key_Return);
    QTRY_COMPARE(expiresSoon.count(), 1);
    QCOMPARE(f.session.state(), Session::State::SignedIn);
    QCOMPARE(signedIn.count(), 0);
    QVERIFY(f.message()->text().contains(QLatin1String("expires in")));
    QVERIFY(f.button()->text().contains(QLatin1String("Continue")));
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QCOMPARE(signedIn.count(), 1);
}

void tst_LoginWidget::everyControlHasNames()
{
    Fixture f(QStringLiteral("datarhei-core"));
    f.widget->setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
    const auto widgets = f.widget->findChildren<QWidget *>();
    QVERIFY(widgets.size() > 15);
    for (QWidget *w : widgets) {
        bool internal = false; // parts Qt creates inside a combo box
        for (QWidget *p = w->parentWidget(); p && p != f.widget.get(); p = p->parentWidget())
            internal = internal || qobject_cast<QComboBox *>(p);
        if (internal)
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        const bool control = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QAbstractButton *>(w) || qobject_cast<QProgressBar *>(w);
        if (control) {
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            QVERIFY2(!w->accessibleDescription().isEmpty(), qPrintable(w->objectName()));
        }
    }
}

void tst_LoginWidget::tabOrder()
{
    Fixture f;
    f.username()->setFocus();
    QTRY_VERIFY(f.username()->hasFocus());
    const QStringList expected = {QStringLiteral("passwordEdit"), QStringLiteral("revealButton"),
                                  QStringLiteral("keepSignedInCheck"), QStringLiteral("signInButton")};
    for (const QString &name : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), name);
    }
}

void tst_LoginWidget::emptyFieldsAreValidated()
{
    Fixture f;
    f.type(QString(), QString());
    QTest::mouseClick(f.button(), Qt::LeftButton);
    QVERIFY(f.message()->isVisible());
    QVERIFY(f.username()->hasFocus());
    QCOMPARE(f.session.state(), Session::State::SignedOut);
    QTest::keyClicks(f.username(), QStringLiteral("demo"));
    QTest::keyClick(f.username(), Qt::Key_Return);
    QVERIFY(f.password()->hasFocus());
    QCOMPARE(f.session.state(), Session::State::SignedOut);
}

QTEST_MAIN(tst_LoginWidget)
#include "tst_loginwidget.moc"
