// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
// `import AuthSession`: LoginScreen signs demo/demo in against an in-process sandbox.
// Exit code 0 when signed in, 1 otherwise.
#include <AuthSession/sandboxserver.h>

#include <QGuiApplication>
#include <QQmlApplicationEngine>

static const char qml[] = R"(
import QtQuick
import AuthSession
Window {
    required property url sandboxUrl
    Session { id: session; profileId: "v1-auth"; onSignInFailed: Qt.exit(1) }
    LoginScreen {
        id: screen
        session: session
        onSignedIn: Qt.exit(session.signedIn ? 0 : 1)
    }
    Timer { interval: 20000; running: true; onTriggered: Qt.exit(1) }
    Component.onCompleted: {
        session.baseUrl = sandboxUrl;
        screen.controller.submit("demo", "demo");
    }
})";

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    AuthSession::SandboxServer sandbox;
    if (sandbox.listen() == 0)
        return 1;
    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("sandboxUrl"), sandbox.baseUrl(QStringLiteral("v1-auth"))}});
    engine.loadData(qml);
    if (engine.rootObjects().isEmpty())
        return 1;
    const int code = app.exec();
    qInfo("qml-consumer: %s", code == 0 ? "signed in" : "not signed in");
    return code;
}
