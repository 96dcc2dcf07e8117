// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/profile.h>

#include <QObject>
#include <QVariantMap>

#include <memory>

class QApplication;

namespace AuthSession {

class AppController;
class TrackingTokenStore;
class Frontend;
class FrontendPlugin;
class KeychainTokenStore;
class SandboxMode;
class Session;
class SingleInstance;
class TestControl;
class TrayIcon;

/*!
 * \class AuthSession::Application
 * Starts authsession-login: reads the options, makes sure only one instance runs, loads the profiles,
 * starts the sandbox (--sandbox), sets up the Session (keychain, remembered provider, environment and
 * username, restore of a kept session) and shows the Qt Quick or the widgets interface.
 */
class Application : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString profile;
        QString environment;
        QUrl baseUrl;
        QVariantMap parameters;
        QString profileFile;
        bool sandbox = false;
        int accessTtl = 0;
        bool widgets = false;
        QString screenshotDirectory;
    };

    explicit Application(QObject *parent = nullptr);
    ~Application() override;

    //! Parses the command line of \a app; on a usage error prints it and returns false with \a exitCode set.
    bool parseOptions(QApplication &app, int *exitCode);
    //! Everything after the options; returns the exit code of the app.
    int run(QApplication &app);

private:
    //! What waits for the first frame: restoring the kept session and the tray icon.
    void startDeferred();
    bool loadProfiles(QList<Profile> *profiles);
    //! The Qt Quick interface (a plugin, so that --widgets never loads Qt Quick); null with \a why.
    static FrontendPlugin *loadQuickPlugin(QString *why);
    QString chooseProfile(const QList<Profile> &profiles) const;

    Options m_options;
    Profile m_fileProfile;
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<SandboxMode> m_sandbox;
    std::unique_ptr<KeychainTokenStore> m_keychain;
    std::unique_ptr<TrackingTokenStore> m_store;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AppController> m_controller;
    std::unique_ptr<Frontend> m_frontend;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<TestControl> m_testControl;
};

} // namespace AuthSession
