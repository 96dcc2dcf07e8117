// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// A plain Qt Quick Controls sign-in form (Fusion, like authsession-login) without AuthSession: the
// start-up baseline that shows what the app costs beyond the toolkit a login screen needs.
//   bench_min_controls [--style Basic|Fusion|...]
#include "../../../app/login/firstframehook.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    // --style NAME compares styles (authsession-login uses Fusion)
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--style"));
    QQuickStyle::setStyle(at > 0 ? args.value(at + 1) : QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app, [](QObject *object, const QUrl &) {
        if (auto *window = qobject_cast<QQuickWindow *>(object))
            QObject::connect(window, &QQuickWindow::frameSwapped, window, &Bench::reportFirstFrame);
        else
            QCoreApplication::exit(1);
    });
    engine.load(QUrl(QStringLiteral("qrc:/BenchMinimalControls/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
