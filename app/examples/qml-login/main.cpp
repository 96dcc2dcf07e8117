// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// authsession-qml-login: LoginScreen, then SessionPanel, against an in-process sandbox or --base-url.
//   authsession-qml-login [--profile v1-auth] [--base-url URL] [--lang de] [--dark]
//   authsession-qml-login --screenshot idle|busy|error|narrow|dark|panel --out file.png
#include <AuthSession/profilecatalog.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QImage>
#include <QLibraryInfo>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

#include <functional>

using namespace AuthSession;

static QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x58));
    p.setColor(QPalette::Midlight, QColor(0x45, 0x48, 0x4d));
    p.setColor(QPalette::Mid, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

//! Copies \a palette into the window's QML palette (ApplicationWindow.palette, a QQuickPalette).
static void applyPalette(QQuickWindow *window, const QPalette &palette)
{
    auto *quickPalette = window->property("palette").value<QObject *>();
    if (!quickPalette)
        return;
    static const std::pair<const char *, QPalette::ColorRole> roles[] = {
        {"window", QPalette::Window}, {"windowText", QPalette::WindowText}, {"base", QPalette::Base},
        {"alternateBase", QPalette::AlternateBase}, {"text", QPalette::Text}, {"button", QPalette::Button},
        {"buttonText", QPalette::ButtonText}, {"highlight", QPalette::Highlight},
        {"highlightedText", QPalette::HighlightedText}, {"placeholderText", QPalette::PlaceholderText},
        {"light", QPalette::Light}, {"midlight", QPalette::Midlight}, {"mid", QPalette::Mid},
        {"dark", QPalette::Dark}, {"shadow", QPalette::Shadow}, {"toolTipBase", QPalette::ToolTipBase},
        {"toolTipText", QPalette::ToolTipText}, {"brightText", QPalette::BrightText}};
    const std::pair<const char *, QPalette::ColorGroup> groups[] = {
        {"active", QPalette::Active}, {"inactive", QPalette::Inactive}, {"disabled", QPalette::Disabled}};
    for (const auto &[groupName, group] : groups) {
        auto *colorGroup = quickPalette->property(groupName).value<QObject *>();
        if (!colorGroup)
            continue;
        for (const auto &[roleName, role] : roles)
            colorGroup->setProperty(roleName, palette.color(group, role));
    }
}

//! Runs the event loop until \a done() or \a ms pass; false on timeout.
static bool waitFor(const std::function<bool()> &done, int ms = 10000)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

static void settle(int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

//! Types into the form like a user and presses Sign in.
static void fillAndSubmit(QObject *screen, const QString &user, const QString &password)
{
    screen->findChild<QObject *>(QStringLiteral("usernameField"))->setProperty("editText", user);
    screen->findChild<QObject *>(QStringLiteral("passwordField"))->setProperty("text", password);
    QMetaObject::invokeMethod(screen, "submit");
}

static int takeScreenshot(QQuickWindow *window, SandboxServer *server, const QString &state, const QString &out)
{
    QObject *session = window->findChild<QObject *>(QStringLiteral("session"));
    QObject *screen = window->findChild<QObject *>(QStringLiteral("loginScreen"));
    if (!session || !screen) {
        qCritical("the window has no session or login screen");
        return 2;
    }
    waitFor([window] { return window->isExposed(); });
    settle(300);

    if (state == QLatin1String("busy")) {
        server->addFault(SandboxFault::parse(QStringLiteral("kind=delay,delayMs=60000,endpoint=signIn")));
        fillAndSubmit(screen, QStringLiteral("demo"), QStringLiteral("demo"));
        waitFor([session] { return session->property("busy").toBool(); });
        settle(400); // let the BusyIndicator spin up
    } else if (state == QLatin1String("error")) {
        fillAndSubmit(screen, QStringLiteral("demo"), QStringLiteral("not-the-password"));
        QObject *error = screen->findChild<QObject *>(QStringLiteral("errorLabel"));
        if (!waitFor([error] { return error->property("visible").toBool(); }))
            qWarning("no error shown");
        settle(200);
    } else if (state == QLatin1String("panel")) {
        fillAndSubmit(screen, QStringLiteral("demo"), QStringLiteral("demo"));
        if (!waitFor([session] { return session->property("signedIn").toBool(); }))
            qWarning("did not sign in");
        settle(1200); // one countdown tick
    } else {
        // idle, narrow, dark: the form with a username typed in
        screen->findChild<QObject *>(QStringLiteral("usernameField"))->setProperty("editText", QStringLiteral("demo"));
        settle(200);
    }

    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(out)) {
        qCritical("could not grab or save %s", qPrintable(out));
        return 1;
    }
    qInfo("wrote %s (%dx%d)", qPrintable(out), image.width(), image.height());
    return 0;
}

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AuthSession"));
    QCoreApplication::setApplicationName(QStringLiteral("authsession-qml-login"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Signs in with the AuthSession QML module."));
    parser.addHelpOption();
    QCommandLineOption profileOption(QStringLiteral("profile"), QStringLiteral("Provider profile id."),
                                     QStringLiteral("id"), QStringLiteral("v1-auth"));
    QCommandLineOption baseUrlOption(QStringLiteral("base-url"),
                                     QStringLiteral("Use this server instead of an in-process sandbox."),
                                     QStringLiteral("url"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("UI language (de ...)."),
                                  QStringLiteral("language"));
    QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("Dark palette."));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Grab the window in a state: idle, busy, error, narrow, dark, panel."),
                                        QStringLiteral("state"));
    QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Screenshot file."), QStringLiteral("file"));
    parser.addOptions({profileOption, baseUrlOption, langOption, darkOption, screenshotOption, outOption});
    parser.process(app);

    const QString state = parser.value(screenshotOption);
    if (parser.isSet(screenshotOption) && !parser.isSet(outOption))
        parser.showHelp(1);

    // The style is the application's choice; LoginScreen follows whatever palette it gets.
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    if (parser.isSet(darkOption) || state == QLatin1String("dark"))
        QGuiApplication::setPalette(darkPalette());

    QTranslator translator;
    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale();
    if (translator.load(locale, QStringLiteral("authsession_qml"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    const QString profileId = parser.value(profileOption);
    SandboxServer server;
    if (parser.isSet(baseUrlOption)) {
        ProfileCatalog::instance()->addEnvironment(profileId, {QStringLiteral("Command line"),
                                                               QUrl::fromUserInput(parser.value(baseUrlOption))});
    } else {
        if (server.listen() == 0) {
            qCritical("the sandbox could not listen");
            return 1;
        }
        for (const Profile &p : server.profiles())
            ProfileCatalog::instance()->addEnvironment(p.id, {QStringLiteral("Local sandbox"), server.baseUrl(p.id)});
    }

    QQmlApplicationEngine engine;
#ifdef AUTHSESSION_QML_BUILD_DIR
    engine.addImportPath(QStringLiteral(AUTHSESSION_QML_BUILD_DIR));
#endif
    engine.setInitialProperties({{QStringLiteral("profileId"), profileId}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    // QQmlApplicationEngine::loadFromModule() is Qt 6.5+; the module lives at the resource root.
    engine.load(QUrl(QStringLiteral("qrc:/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    // Qt Quick Controls take their palette from the style's theme, not QGuiApplication::palette() in
    // every Qt version; hand it to the window explicitly so every control below follows it.
    if (parser.isSet(darkOption) || state == QLatin1String("dark"))
        applyPalette(window, darkPalette());

    if (!state.isEmpty()) {
        if (state == QLatin1String("narrow"))
            window->resize(360, 680);
        return takeScreenshot(window, &server, state, parser.value(outOption));
    }
    return app.exec();
}
