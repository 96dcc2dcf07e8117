// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "frontend.h"

#include <QPointer>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace AuthSession {

class AppController;
class QuickSession;

/*!
 * \class AuthSession::QmlFrontend
 * The default interface: Main.qml (sign-in with LoginScreen, SessionView, ProvidersPage, AboutDialog)
 * over a QuickSession and the AppController.
 */
class QmlFrontend : public Frontend
{
    Q_OBJECT
public:
    QmlFrontend(QuickSession *session, AppController *app, QObject *parent = nullptr);
    ~QmlFrontend() override;

    bool start() override;
    void raiseWindow() override;
    QString page() const override;
    bool showPage(const QString &page) override;
    QString signIn(const QString &username, const QString &password, bool keep) override;
    QString click(const QString &objectName) override;
    QString text(const QString &objectName) const override;
    QImage grab() override;
    QWindow *window() const override;

private:
    QuickSession *m_session;
    AppController *m_app;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QPointer<QQuickWindow> m_window;
    bool m_firstFrameShown = false;
};

} // namespace AuthSession
