// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include <AuthSession/logindialog.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace AuthSession;

class tst_LoginDialog : public QObject
{
    Q_OBJECT

private:
    SandboxServer m_server;

    void setUp(Session &session)
    {
        session.setProfile(ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
        session.setBaseUrl(m_server.baseUrl(QStringLiteral("v1-auth")));
    }
    static QLineEdit *edit(QDialog &dialog, const char *name)
    {
        return dialog.findChild<QLineEdit *>(QLatin1String(name));
    }
    static void showAndType(QDialog &dialog, const QString &user, const QString &password)
    {
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClicks(edit(dialog, "usernameEdit"), user);
        QTest::keyClicks(edit(dialog, "passwordEdit"), password);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen() != 0); }
    void cleanup() { m_server.clearFaults(); }

    void successAccepts();
    void execReturnsAccepted();
    void wrongPasswordStaysOpen();
    void escapeRejects();
    void escapeCancelsRunningSignIn();
    void cancelButtonKeepsDialogOpen();
};

void tst_LoginDialog::successAccepts()
{
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    showAndType(dialog, QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::keyClick(edit(dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(session.state(), Session::State::SignedIn);
    QCOMPARE(session.username(), QStringLiteral("demo"));
}

void tst_LoginDialog::execReturnsAccepted()
{
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    QTimer::singleShot(0, &dialog, [&dialog] {
        QTest::keyClicks(edit(dialog, "usernameEdit"), QStringLiteral("alice"));
        QTest::keyClicks(edit(dialog, "passwordEdit"), QStringLiteral("wonderland"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    });
    QCOMPARE(dialog.exec(), int(QDialog::Accepted));
    QVERIFY(session.isSignedIn());
}

void tst_LoginDialog::wrongPasswordStaysOpen()
{
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    QSignalSpy failed(&session, &Session::signInFailed);
    showAndType(dialog, QStringLiteral("demo"), QStringLiteral("wrong"));
    QTest::keyClick(edit(dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE(failed.count(), 1);
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTRY_VERIFY(message->isVisible());
    QCOMPARE(message->text(), failed.first().first().value<AuthError>().message());
    QVERIFY(dialog.isVisible());
    QCOMPARE(edit(dialog, "passwordEdit")->selectedText(), QStringLiteral("wrong"));
    QVERIFY(edit(dialog, "passwordEdit")->hasFocus());
    QCOMPARE(session.state(), Session::State::SignedOut);

    // retyping over the selection signs in
    QTest::keyClicks(edit(dialog, "passwordEdit"), QStringLiteral("demo"));
    QTest::keyClick(edit(dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_LoginDialog::escapeRejects()
{
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    showAndType(dialog, QStringLiteral("demo"), QString());
    QTest::keyClick(edit(dialog, "usernameEdit"), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void tst_LoginDialog::escapeCancelsRunningSignIn()
{
    m_server.addFault(SandboxFault::parse(QStringLiteral("kind=delay,delayMs=5000,endpoint=signIn")));
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QSignalSpy cancelled(dialog.loginWidget(), &LoginWidget::cancelled);
    showAndType(dialog, QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::keyClick(edit(dialog, "passwordEdit"), Qt::Key_Return);
    QTRY_COMPARE(session.state(), Session::State::SigningIn);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(cancelled.count(), 1);
    QTRY_COMPARE(session.state(), Session::State::SignedOut);
}

void tst_LoginDialog::cancelButtonKeepsDialogOpen()
{
    m_server.addFault(SandboxFault::parse(QStringLiteral("kind=delay,delayMs=5000,endpoint=signIn")));
    Session session;
    setUp(session);
    LoginDialog dialog(&session);
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
    showAndType(dialog, QStringLiteral("demo"), QStringLiteral("demo"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(session.state(), Session::State::SigningIn);
    QCOMPARE(button->text(), QStringLiteral("Cancel"));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(session.state(), Session::State::SignedOut);
    QVERIFY(dialog.isVisible());
    QCOMPARE(button->text(), QStringLiteral("&Sign in"));
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
