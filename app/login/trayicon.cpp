// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "trayicon.h"

#include "frontend.h"

#include <AuthSession/session.h>

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace AuthSession {

TrayIcon::TrayIcon(Session *session, Frontend *frontend, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_frontend(frontend)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/authsession/login/authsession.svg")), this);
    auto *menu = new QMenu;
    connect(this, &QObject::destroyed, menu, &QObject::deleteLater);
    menu->addAction(tr("Show AuthSession Login", "tray menu"), frontend, &Frontend::raiseWindow);
    QAction *signOut = menu->addAction(tr("Sign out", "tray menu"), session, &Session::signOut);
    menu->addSeparator();
    menu->addAction(tr("Quit", "tray menu"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, frontend, [frontend](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            frontend->raiseWindow();
    });
    connect(session, &Session::stateChanged, this, &TrayIcon::update);
    connect(session, &Session::stateChanged, signOut, [signOut, session] { signOut->setEnabled(session->isSignedIn()); });
    signOut->setEnabled(session->isSignedIn());
    update();
    m_tray->show();
}

void TrayIcon::update()
{
    if (!m_tray || !m_session)
        return;
    QString text;
    switch (m_session->state()) {
    case Session::State::SignedIn:
    case Session::State::Refreshing:
        //: tray tooltip; %1 = account, %2 = provider
        text = tr("Signed in as %1 at %2", "tray").arg(m_session->username(), m_session->profile().name);
        break;
    case Session::State::SigningIn:
        text = tr("Signing in…", "tray");
        break;
    case Session::State::Expired:
        text = tr("Session expired: sign in again", "tray");
        break;
    case Session::State::SignedOut:
        text = tr("Signed out", "tray");
        break;
    }
    m_tray->setToolTip(QStringLiteral("AuthSession Login — ") + text);
}

} // namespace AuthSession
