// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// authsession-login: the desktop login application.
//   authsession-login --sandbox                  offline demo: sign in with demo / demo
//   authsession-login --profile terralayr --environment Production
//   authsession-login --widgets                  the widgets interface
//   authsession-login --help                     every option
#include "application.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    // QApplication, not QGuiApplication: --widgets and the tray icon need QtWidgets.
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AuthSession"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("authsession.io"));
    QCoreApplication::setApplicationName(QStringLiteral("authsession-login"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHSESSION_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("AuthSession Login"));
    // Matches the .desktop file, so Wayland compositors find the icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.authsession.Login"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/authsession/login/authsession.svg")));

    // The widgets library's translation (LoginWidget), when the locale has one; the Qt Quick
    // interface's plugin installs LoginScreen's.
    QTranslator widgetsTranslator;
    if (widgetsTranslator.load(QLocale(), QStringLiteral("authsession_widgets"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&widgetsTranslator);

    AuthSession::Application application;
    int exitCode = 0;
    if (!application.parseOptions(app, &exitCode))
        return exitCode;
    return application.run(app);
}
