// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The smallest Qt Quick app: a Window with one Text. Start-up baseline for authsession-login (QML).
#include "../quickbaseline.h"

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    return Bench::runQuickBaseline(app, QUrl(QStringLiteral("qrc:/BenchMinimalQuick/Main.qml")));
}
