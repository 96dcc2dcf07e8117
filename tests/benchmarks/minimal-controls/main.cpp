// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// A plain Qt Quick Controls sign-in form (Fusion, like authsession-login) without AuthSession: the
// start-up baseline that shows what the app costs beyond the toolkit a login screen needs.
//   bench_min_controls [--style Basic|Fusion|...]
#include "../quickbaseline.h"

#include <QQuickStyle>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    // --style NAME compares styles (authsession-login uses Fusion)
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--style"));
    QQuickStyle::setStyle(at > 0 ? args.value(at + 1) : QStringLiteral("Fusion"));
    return Bench::runQuickBaseline(app, QUrl(QStringLiteral("qrc:/BenchMinimalControls/Main.qml")));
}
