// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The smallest Qt Quick app: a Window with one Text. Start-up baseline for authsession-login (QML).
#include "../../../app/login/firstframehook.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app, [](QObject *object, const QUrl &) {
        if (auto *window = qobject_cast<QQuickWindow *>(object))
            QObject::connect(window, &QQuickWindow::frameSwapped, window, &Bench::reportFirstFrame);
        else
            QCoreApplication::exit(1);
    });
    // (QQmlApplicationEngine::loadFromModule needs Qt 6.5; the module's qrc path works on 6.4 and later)
    engine.load(QUrl(QStringLiteral("qrc:/BenchMinimalQuick/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
