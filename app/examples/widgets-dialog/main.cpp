// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
// The sign-in dialog against an in-process sandbox (or --base-url URL of a real v1-auth server).
#include <AuthSession/logindialog.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QApplication>
#include <QTranslator>

using namespace AuthSession;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTranslator translator; // German (or any shipped language) when the locale asks for it
    if (translator.load(QLocale(), QStringLiteral("authsession_widgets"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translator);
    SandboxServer server;
    server.listen();
    Session session;
    session.setProfile(ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
    const int urlArg = app.arguments().indexOf(QStringLiteral("--base-url")) + 1;
    session.setBaseUrl(urlArg > 0 && urlArg < argc ? QUrl(app.arguments().at(urlArg)) : server.baseUrl(session.profileId()));
    LoginDialog dialog(&session);
    dialog.setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
    for (const QString &id : ProfileRegistry::builtInIds())
        dialog.loginWidget()->setExtraEnvironment(QStringLiteral("Sandbox"), server.baseUrl(id), id);
    if (dialog.exec() != QDialog::Accepted)
        return 1;
    qInfo("Signed in to %s as %s", qPrintable(session.profileId()), qPrintable(session.username()));
    return 0;
}
