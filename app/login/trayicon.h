// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace AuthSession {

class Frontend;
class Session;

/*!
 * \class AuthSession::TrayIcon
 * The app's icon in the system tray, where there is one: the tooltip says who is signed in; the menu
 * shows the window, signs out or quits. Does nothing when QSystemTrayIcon::isSystemTrayAvailable()
 * is false (Xvfb, offscreen, some desktops).
 */
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(Session *session, Frontend *frontend, QObject *parent = nullptr);
    bool isShown() const { return m_tray != nullptr; }

private:
    void update();

    QPointer<Session> m_session;
    QPointer<Frontend> m_frontend;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace AuthSession
