// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/profile.h>

#include <QImage>
#include <QList>
#include <QObject>
#include <QtPlugin>

#include <memory>
#include <utility>

class QWindow;

namespace AuthSession {

class AppController;
class Session;

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

/*!
 * What an interface starts with: the profile and environment chosen from the options and the
 * remembered choices, the profile of --profile-file, and environments added to built-in profiles
 * (the local sandbox, --base-url; profile id "*" means every profile).
 */
struct FrontendSetup {
    QString profileId;
    QString environment;
    Profile fileProfile;
    QList<std::pair<QString, Profile::Environment>> extraEnvironments;
};

/*!
 * \class AuthSession::FrontendPlugin
 * The Qt Quick interface is a plugin (authsession-login-quick, loaded with QPluginLoader) so that
 * the widgets interface never loads Qt Quick: linking Qt Quick, QML and Qt Quick Controls into the
 * executable alone made the widgets interface start 7 ms later with 10 MiB more resident memory.
 */
class FrontendPlugin
{
public:
    virtual ~FrontendPlugin() = default;
    //! The Session the interface drives (the Qt Quick one is a QuickSession).
    virtual std::unique_ptr<Session> createSession() = 0;
    //! The interface over \a session (made by createSession()) and \a app; not started yet.
    virtual std::unique_ptr<Frontend> createFrontend(Session *session, AppController *app, const FrontendSetup &setup) = 0;
};

} // namespace AuthSession

#define AuthSessionFrontendPlugin_iid "io.authsession.Login.FrontendPlugin/1.0"
Q_DECLARE_INTERFACE(AuthSession::FrontendPlugin, AuthSessionFrontendPlugin_iid)
