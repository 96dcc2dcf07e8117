// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>
#include <QPointer>

class QLocalSocket;

namespace AuthSession {

class AppController;
class Frontend;
class SingleInstance;

/*!
 * \class AuthSession::TestControl
 * The test hook: lets tests/auto/app drive the running app from outside. Off unless the environment
 * variable AUTHSESSION_LOGIN_TEST_CONTROL names a local socket server (QLocalServer) the test
 * listens on; the app connects to it at start and answers one line per command line:
 *
 * | command                     | answer                                                     |
 * |-----------------------------|------------------------------------------------------------|
 * | `hello`                     | `ok <frontend class>` (QmlFrontend or WidgetsFrontend)     |
 * | `signin USER PASS [keep]`   | `ok`: the real fields were filled and Sign in was clicked  |
 * | `state`                     | the Session state: SignedOut, SigningIn, SignedIn ...      |
 * | `page`                      | signin, session, providers or about                        |
 * | `show PAGE`                 | `ok` after switching to PAGE                               |
 * | `click OBJECTNAME`          | `ok` after clicking that button of the current page        |
 * | `text OBJECTNAME`           | the text of that label or field (one line)                 |
 * | `refreshcount`              | successful refreshes seen in the history                   |
 * | `history`                   | the number of history entries                              |
 * | `signout`                   | `ok` after clicking the real Sign out button               |
 * | `raised`                    | how often a second start asked this one to raise           |
 * | `user`                      | Session::username()                                        |
 * | `storage`                   | the keychain banner text (empty when none)                 |
 * | `grab PATH`                 | `ok` after saving the window as PNG                        |
 * | `quit`                      | `ok`, then the app quits with 0                            |
 *
 * Errors answer `error: <why>`. Never answers with a token or password. The password given to
 * `signin` travels over a socket only the test's user can open; use sandbox accounts only.
 */
class TestControl : public QObject
{
    Q_OBJECT
public:
    TestControl(Frontend *frontend, AppController *app, SingleInstance *instance, QObject *parent = nullptr);

    //! The environment variable that turns the hook on.
    static QByteArray environmentVariable() { return QByteArrayLiteral("AUTHSESSION_LOGIN_TEST_CONTROL"); }
    //! Connects to the test's server when the variable is set; false when unset or unreachable.
    bool connectIfEnabled();

private:
    QString answer(const QString &line);

    QPointer<Frontend> m_frontend;
    QPointer<AppController> m_app;
    QPointer<SingleInstance> m_instance;
    QLocalSocket *m_socket = nullptr;
};

} // namespace AuthSession
