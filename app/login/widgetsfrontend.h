// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "frontend.h"

#include <AuthSession/profile.h>

#include <QPointer>

namespace AuthSession {

class AppController;
class LoginDialog;
class SessionWindow;

/*!
 * \class AuthSession::WidgetsFrontend
 * `authsession-login --widgets`: the LoginDialog while signed out, the SessionWindow while signed in.
 * Closing the dialog while signed out quits.
 */
class WidgetsFrontend : public Frontend
{
    Q_OBJECT
public:
    WidgetsFrontend(AppController *app, const QList<Profile> &profiles, QObject *parent = nullptr);
    ~WidgetsFrontend() override;

    bool start() override;
    void raiseWindow() override;
    QString page() const override;
    bool showPage(const QString &page) override;
    QString signIn(const QString &username, const QString &password, bool keep) override;
    QString click(const QString &objectName) override;
    QString text(const QString &objectName) const override;
    QImage grab() override;
    QWindow *window() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();
    //! The session window, built on first use.
    SessionWindow *sessionWindow();
    QWidget *current() const;

    AppController *m_app;
    QList<Profile> m_profiles;
    QPointer<LoginDialog> m_dialog;
    QPointer<SessionWindow> m_window;
};

} // namespace AuthSession
