// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// What the Qt Quick baseline apps of bench_startup share: load one QML file, report the first frame.
#pragma once

#include "../../app/login/firstframehook.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace Bench {

//! Loads \a url (a Window) and runs the app; with AUTHSESSION_BENCH_FIRST_FRAME=1 it prints the first
//! frame and quits. (QQmlApplicationEngine::loadFromModule needs Qt 6.5; a module's qrc path works on 6.4.)
inline int runQuickBaseline(QGuiApplication &app, const QUrl &url)
{
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app, [](QObject *object, const QUrl &) {
        if (auto *window = qobject_cast<QQuickWindow *>(object))
            QObject::connect(window, &QQuickWindow::frameSwapped, window, &Bench::reportFirstFrame);
        else
            QCoreApplication::exit(1);
    });
    engine.load(url);
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}

} // namespace Bench
