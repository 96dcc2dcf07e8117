// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "application.h"

#include "appcontroller.h"
#include "firstframehook.h"
#include <AuthSession/trackingtokenstore.h>
#include "sandboxmode.h"
#include "screenshottour.h"
#include "singleinstance.h"
#include "testcontrol.h"
#include "trayicon.h"
#include "widgetsfrontend.h"

#include <AuthSession/keychaintokenstore.h>
#include <AuthSession/preferences.h>
#include <AuthSession/profileregistry.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPluginLoader>

Q_LOGGING_CATEGORY(lcLogin, "authsession.login")

namespace AuthSession {

static QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

Application::Application(QObject *parent)
    : QObject(parent)
{
}

Application::~Application()
{
    // The interface and the hook use the controller and the session: they go first.
    m_testControl.reset();
    m_tray.reset();
    m_frontend.reset();
    m_controller.reset();
    m_session.reset();
}

bool Application::parseOptions(QApplication &app, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Signs you in to a REST login API and keeps the session alive.\n"
                                        "Try it offline: authsession-login --sandbox (user demo, password demo)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Provider profile to preselect (e.g. v1-auth)."), tr("id"));
    const QCommandLineOption environment(QStringLiteral("environment"), tr("Environment of the profile to preselect (e.g. Production)."), tr("name"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), tr("Sign in to this server (added as environment \"Command line\")."), tr("url"));
    const QCommandLineOption set(QStringLiteral("set"), tr("Profile parameter (clientId, scope ...); repeatable."), tr("name=value"));
    const QCommandLineOption profileFile(QStringLiteral("profile-file"), tr("Load a provider profile from this JSON file and preselect it."), tr("path"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), tr("Run the sandbox server inside the app and preselect it (user demo, password demo)."));
    const QCommandLineOption accessTtl(QStringLiteral("access-ttl"), tr("Sandbox access-token lifetime (for demos and tests)."), tr("seconds"));
    const QCommandLineOption widgets(QStringLiteral("widgets"), tr("Use the widgets interface (sign-in dialog and session window)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), tr("Save every page as DIR/app-*.png and quit (with --sandbox)."), tr("dir"));
    parser.addOptions({profile, environment, baseUrl, set, profileFile, sandbox, accessTtl, widgets, screenshot});
    parser.process(app); // --help, --version and unknown options exit here

    auto fail = [&](const QString &message) {
        err() << message << Qt::endl;
        *exitCode = 2;
        return false;
    };
    m_options.profile = parser.value(profile);
    m_options.environment = parser.value(environment);
    if (parser.isSet(baseUrl)) {
        m_options.baseUrl = QUrl::fromUserInput(parser.value(baseUrl));
        if (!m_options.baseUrl.isValid() || m_options.baseUrl.scheme().isEmpty())
            return fail(tr("--base-url: not a URL: %1").arg(parser.value(baseUrl)));
    }
    for (const QString &pair : parser.values(set)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(tr("--set expects NAME=VALUE, got: %1").arg(pair));
        m_options.parameters.insert(pair.left(eq), pair.mid(eq + 1));
    }
    m_options.profileFile = parser.value(profileFile);
    m_options.sandbox = parser.isSet(sandbox);
    if (parser.isSet(accessTtl)) {
        bool ok = false;
        m_options.accessTtl = parser.value(accessTtl).toInt(&ok);
        if (!ok || m_options.accessTtl <= 0)
            return fail(tr("--access-ttl expects a number of seconds above 0"));
        if (!m_options.sandbox)
            return fail(tr("--access-ttl only applies with --sandbox"));
    }
    m_options.widgets = parser.isSet(widgets);
    m_options.screenshotDirectory = parser.value(screenshot);
    if (!m_options.screenshotDirectory.isEmpty() && !m_options.sandbox)
        return fail(tr("--screenshot needs --sandbox"));
    return true;
}

bool Application::loadProfiles(QList<Profile> *profiles)
{
    ProfileRegistry registry;
    registry.loadBuiltIns();
    registry.loadFolder(ProfileRegistry::userFolder());
    for (const auto &error : registry.loadErrors())
        qCWarning(lcLogin) << "skipping profile" << error.toString();
    if (!m_options.profileFile.isEmpty()) {
        QList<Profile::Problem> problems;
        m_fileProfile = Profile::fromFile(m_options.profileFile, &problems);
        if (!m_fileProfile.isValid()) {
            err() << tr("%1: not a usable profile:").arg(m_options.profileFile) << Qt::endl;
            for (const auto &p : problems)
                err() << QStringLiteral("  ") << p.toString() << Qt::endl;
            return false;
        }
        registry.add(m_fileProfile);
    }
    *profiles = registry.profiles();
    return true;
}

QString Application::chooseProfile(const QList<Profile> &profiles) const
{
    auto known = [&](const QString &id) {
        return std::any_of(profiles.cbegin(), profiles.cend(), [&](const Profile &p) { return p.id == id; });
    };
    if (!m_options.profile.isEmpty())
        return known(m_options.profile) ? m_options.profile : QString();
    if (m_fileProfile.isValid())
        return m_fileProfile.id;
    const QString last = Preferences().lastProfile();
    if (known(last))
        return last;
    // v1-auth is the plainest of the built-ins: a good first thing to see.
    if (known(QStringLiteral("v1-auth")))
        return QStringLiteral("v1-auth");
    return profiles.isEmpty() ? QString() : profiles.first().id;
}

void Application::startDeferred()
{
    // The start-up benchmark's mark comes first: its quit is queued behind what starts here, so the
    // memory this work takes still counts in the peak it measures.
    Bench::reportFirstFrame();
    // Restoring talks to the keychain over D-Bus; the sign-in page shows "Restoring…" meanwhile.
    m_controller->restoreIfKept();
    m_tray = std::make_unique<TrayIcon>(m_session.get(), m_frontend.get());
}

FrontendPlugin *Application::loadQuickPlugin(QString *why)
{
    // Next to the executable in the build tree (and on Windows), else in the installed plugin folder.
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QString name = QStringLiteral(AUTHSESSION_LOGIN_QUICK_PLUGIN);
    QStringList candidates = {appDir.filePath(name)};
    if (!QStringLiteral(AUTHSESSION_LOGIN_PLUGIN_DIR).isEmpty())
        candidates.append(appDir.filePath(QStringLiteral(AUTHSESSION_LOGIN_PLUGIN_DIR "/") + name));
    for (const QString &file : std::as_const(candidates)) {
        if (!QFileInfo::exists(file))
            continue;
        QPluginLoader loader(file);
        if (auto *plugin = qobject_cast<FrontendPlugin *>(loader.instance()))
            return plugin;
        *why = loader.errorString();
        return nullptr;
    }
    *why = tr("%1 not found in %2").arg(name, candidates.join(QLatin1String(", ")));
    return nullptr;
}

int Application::run(QApplication &app)
{
    Q_UNUSED(app)
    m_instance = std::make_unique<SingleInstance>();
    if (!m_instance->listen()) {
        // The first instance comes to the front; this one has done its job.
        qCInfo(lcLogin) << "already running; raising the first window";
        return m_instance->notifyRunning() ? 0 : 1;
    }

    QList<Profile> profiles;
    if (!loadProfiles(&profiles))
        return 2;
    const QString profileId = chooseProfile(profiles);
    if (profileId.isEmpty()) {
        err() << tr("Unknown profile: %1 (known: %2)")
                     .arg(m_options.profile, ProfileRegistry::builtInIds().join(QLatin1String(", ")))
              << Qt::endl;
        return 2;
    }

    // The session: the Qt Quick interface's plugin makes a QuickSession (profileId/environment for QML).
    FrontendPlugin *quick = nullptr;
    if (!m_options.widgets) {
        QString why;
        quick = loadQuickPlugin(&why);
        if (!quick) {
            err() << tr("The Qt Quick interface could not be loaded (%1); --widgets starts the widgets interface.").arg(why)
                  << Qt::endl;
            return 1;
        }
        m_session = quick->createSession();
    } else {
        m_session = std::make_unique<Session>();
    }
    m_keychain = std::make_unique<KeychainTokenStore>(QStringLiteral("AuthSession"));
    m_store = std::make_unique<TrackingTokenStore>(m_keychain.get());
    m_session->setTokenStore(m_store.get());
    m_session->setParameters(m_options.parameters);
    m_controller = std::make_unique<AppController>(m_session.get());
    m_controller->setSandbox(m_options.sandbox);

    QList<std::pair<QString, Profile::Environment>> extras;
    if (m_options.sandbox) {
        m_sandbox = std::make_unique<SandboxMode>();
        if (!m_sandbox->start(profiles, m_options.accessTtl)) {
            err() << tr("The sandbox server could not listen on 127.0.0.1.") << Qt::endl;
            return 1;
        }
        for (const QString &id : m_sandbox->profileIds())
            extras.append({id, {SandboxMode::environmentName(), m_sandbox->baseUrl(id)}});
    }
    if (m_options.baseUrl.isValid())
        extras.append({QStringLiteral("*"), {QStringLiteral("Command line"), m_options.baseUrl}});
    for (const auto &[id, env] : extras)
        m_controller->addExtraEnvironment(id, env);

    // The environment: the one asked for, else the command line's URL, else the sandbox, else the
    // remembered one, else the profile's first.
    const Preferences prefs;
    Profile profile;
    for (const Profile &p : profiles) {
        if (p.id == profileId)
            profile = p;
    }
    const auto environments = m_controller->environments(profile);
    QString environment = m_options.environment;
    if (environment.isEmpty() && m_options.baseUrl.isValid())
        environment = QStringLiteral("Command line");
    if (environment.isEmpty() && m_options.sandbox && m_sandbox->profileIds().contains(profileId))
        environment = SandboxMode::environmentName();
    if (environment.isEmpty() && prefs.lastProfile() == profileId)
        environment = prefs.lastEnvironment();
    QUrl url;
    for (const auto &e : environments) {
        if (e.name.compare(environment, Qt::CaseInsensitive) == 0) {
            environment = e.name;
            url = e.baseUrl;
        }
    }
    if (!url.isValid() && !m_options.environment.isEmpty()) {
        err() << tr("Profile %1 has no environment %2").arg(profileId, m_options.environment) << Qt::endl;
        return 2;
    }
    if (!url.isValid() && !environments.isEmpty()) {
        environment = environments.first().name;
        url = environments.first().baseUrl;
    }

    const QString lastUser = prefs.lastUsername();
    m_session->setKeepSignedIn(prefs.keepSignedIn());
    if (m_options.widgets) {
        m_session->setProfile(profile);
        m_session->setBaseUrl(url);
        m_frontend = std::make_unique<WidgetsFrontend>(m_controller.get(), profiles);
    } else {
        m_frontend = quick->createFrontend(m_session.get(), m_controller.get(), {profileId, environment, m_fileProfile, extras});
    }
    // A first run on the sandbox starts with the demo account typed in.
    if (!lastUser.isEmpty() && prefs.lastProfile() == profileId)
        m_session->setUsername(lastUser);
    else if (m_options.sandbox)
        m_session->setUsername(SandboxMode::demoUsername());

    // The first frame shows the sign-in page; what it does not need waits until it is on screen.
    connect(m_frontend.get(), &Frontend::firstFrameShown, this, &Application::startDeferred);
    if (!m_frontend->start()) {
        err() << tr("The user interface could not be loaded.") << Qt::endl;
        return 1;
    }
    connect(m_instance.get(), &SingleInstance::raiseRequested, m_frontend.get(), &Frontend::raiseWindow);

    m_testControl = std::make_unique<TestControl>(m_frontend.get(), m_controller.get(), m_instance.get());
    m_testControl->connectIfEnabled();

    const int code = m_options.screenshotDirectory.isEmpty()
        ? QApplication::exec()
        : runScreenshotTour(m_frontend.get(), m_controller.get(), m_options.screenshotDirectory,
                            m_options.widgets ? QStringLiteral("app-widgets-") : QStringLiteral("app-"));
    // Quitting right after "Keep me signed in" or Sign out: let the keychain finish first.
    if (!m_store->waitForIdle(5000))
        qCWarning(lcLogin) << "the keychain did not finish in time; the kept session may be out of date";
    return code;
}

} // namespace AuthSession
