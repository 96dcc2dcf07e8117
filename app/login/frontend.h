// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QImage>
#include <QObject>

class QWindow;

namespace AuthSession {

/*!
 * \class AuthSession::Frontend
 * One user interface of the app (Qt Quick or widgets), as the rest of the app sees it: show and raise
 * the window, say which page is up, switch pages, and act like a user on the real controls (for the
 * test hook and the screenshot tour). Both interfaces drive the same Session and AppController.
 */
class Frontend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    //! Creates and shows the window; false when that failed (QML errors ...).
    virtual bool start() = 0;
    //! Brings the window to the front (a second start of the app asks for this).
    virtual void raiseWindow() = 0;
    //! "signin", "session", "providers" or "about".
    virtual QString page() const = 0;
    //! Switches to \a page (see page()); false when the interface has no such page.
    virtual bool showPage(const QString &page) = 0;
    //! Types \a username and \a password into the real fields, sets "Keep me signed in" and clicks
    //! Sign in. Returns an empty string, or why it could not.
    virtual QString signIn(const QString &username, const QString &password, bool keep) = 0;
    //! Clicks the button called \a objectName on the current page; empty string, or why not.
    virtual QString click(const QString &objectName) = 0;
    //! The text of the item or widget called \a objectName ("" when there is none).
    virtual QString text(const QString &objectName) const = 0;
    //! The window as it is on screen now.
    virtual QImage grab() = 0;
    //! The top-level window (for the tray icon).
    virtual QWindow *window() const = 0;

Q_SIGNALS:
    void pageChanged();
    //! Once, when the window's first frame is on screen: the app starts its deferred work then
    //! (restoring the kept session, the tray icon), so that work never delays the first frame.
    void firstFrameShown();
};

} // namespace AuthSession
