// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace AuthSession {

class AppController;
class SessionInfo;

/*!
 * \class AuthSession::SessionWindow
 * The widgets interface's session view (`authsession-login --widgets`): who is signed in, token type,
 * scope, live countdowns to expiry and refresh, the history, Refresh now, Try an API call, Sign out.
 * Every child has an objectName for tests.
 */
class SessionWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit SessionWindow(AppController *app, QWidget *parent = nullptr);

    //! Shows the About box (version, license, Qt version).
    void showAbout();

private:
    void updateUser();
    void updateTokens();
    void updateCountdowns();
    void updateApiResult();

    AppController *m_app;
    SessionInfo *m_info;
    QLabel *m_banner;
    QLabel *m_heading;
    QLabel *m_name;
    QLabel *m_email;
    QLabel *m_subject;
    QLabel *m_provider;
    QLabel *m_tokenType;
    QLabel *m_scope;
    QLabel *m_expires;
    QLabel *m_refresh;
    QPushButton *m_refreshButton;
    QPushButton *m_apiButton;
    QLabel *m_apiStatus;
    QPlainTextEdit *m_apiBody;
};

} // namespace AuthSession
