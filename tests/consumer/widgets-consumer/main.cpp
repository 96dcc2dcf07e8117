// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
// Signs demo/demo in through LoginDialog against an in-process sandbox (or --base-url URL of a
// v1-auth server). Exit code 0 when signed in, 1 otherwise.
#include <AuthSession/logindialog.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/sandboxserver.h>
#include <AuthSession/session.h>

#include <QApplication>
#include <QLineEdit>
#include <QTimer>

using namespace AuthSession;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    SandboxServer sandbox;
    Session session;
    session.setProfile(ProfileRegistry::builtIn(QStringLiteral("v1-auth")));
    const int urlArg = app.arguments().indexOf(QStringLiteral("--base-url")) + 1;
    if (urlArg > 0 && urlArg < argc)
        session.setBaseUrl(QUrl(app.arguments().at(urlArg)));
    else if (sandbox.listen() != 0)
        session.setBaseUrl(sandbox.baseUrl(session.profileId()));
    else
        return 1;

    LoginDialog dialog(&session);
    QTimer::singleShot(0, &dialog, [&dialog] { // what a user would type
        auto *form = dialog.loginWidget();
        form->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(QStringLiteral("demo"));
        form->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("demo"));
        form->submit();
    });
    QTimer::singleShot(20000, &dialog, &QDialog::reject);
    const bool ok = dialog.exec() == QDialog::Accepted && session.isSignedIn();
    qInfo("widgets-consumer: %s", ok ? "signed in" : "not signed in");
    return ok ? 0 : 1;
}
