// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
// Renders the sign-in dialog in one state to a PNG, for docs/screenshots (scripts/screenshots-widgets.sh).
//   shotwidgets --state idle|busy|error|ratelimited [--dark] [--lang de] --out file.png
#include <AuthSession/logindialog.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QStyleFactory>
#include <QTest>
#include <QTranslator>

using namespace AuthSession;

static QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ToolTipBase, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Link, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("state"), QStringLiteral("idle, busy, error or ratelimited"), QStringLiteral("state"),
                      QStringLiteral("idle")});
    parser.addOption({QStringLiteral("dark"), QStringLiteral("Dark palette")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Language (de)"), QStringLiteral("lang")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("PNG file"), QStringLiteral("file")});
    parser.process(app);

    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (parser.isSet(QStringLiteral("dark")))
        QApplication::setPalette(darkPalette());
    QTranslator translator;
    if (parser.isSet(QStringLiteral("lang"))) {
        const QLocale locale(parser.value(QStringLiteral("lang")));
        QLocale::setDefault(locale);
        if (!translator.load(locale, QStringLiteral("authsession_widgets"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            qFatal("no translation for %s", qPrintable(parser.value(QStringLiteral("lang"))));
        app.installTranslator(&translator);
    }

    SandboxServer server;
    server.listen();
    Session session;
    session.setProfile(ProfileRegistry::builtIn(QStringLiteral("terralayr")));
    session.setBaseUrl(server.baseUrl(session.profileId()));
    LoginDialog dialog(&session);
    dialog.setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
    for (const QString &id : ProfileRegistry::builtInIds())
        dialog.loginWidget()->setExtraEnvironment(QStringLiteral("Sandbox"), server.baseUrl(id), id);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return 2;

    auto *user = dialog.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("signInButton"));
    const QString state = parser.value(QStringLiteral("state"));
    user->setText(QStringLiteral("alice"));
    if (state == QLatin1String("busy")) {
        server.addFault(SandboxFault::parse(QStringLiteral("kind=delay,delayMs=60000")));
        password->setText(QStringLiteral("wonderland"));
        button->click();
        if (!QTest::qWaitFor([&] { return session.state() == Session::State::SigningIn; }))
            return 4;
        QTest::qWait(400); // let the busy bar move
    } else if (state == QLatin1String("error") || state == QLatin1String("ratelimited")) {
        if (state == QLatin1String("ratelimited"))
            server.addFault(SandboxFault::parse(QStringLiteral("kind=status,status=429,retryAfter=30")));
        password->setText(QStringLiteral("rabbit-hole"));
        button->click();
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        if (!QTest::qWaitFor([&] { return message->isVisible(); }, 10000))
            return 4;
    } else {
        password->setFocus();
    }
    QTest::qWait(100);
    const QString out = parser.value(QStringLiteral("out"));
    if (!dialog.grab().save(out))
        return 3;
    session.cancel();
    return 0;
}
