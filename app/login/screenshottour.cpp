// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "screenshottour.h"

#include "appcontroller.h"
#include "frontend.h"
#include "sandboxmode.h"

#include <AuthSession/session.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QWindow>

#include <functional>

namespace AuthSession {

//! Runs the event loop until \a done() or \a ms pass; false on timeout.
static bool waitFor(const std::function<bool()> &done, int ms = 10000)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

//! Lets animations and countdowns settle before a picture (a picture tool, not a test).
static void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

int runScreenshotTour(Frontend *frontend, AppController *app, const QString &directory, const QString &prefix)
{
    QDir().mkpath(directory);
    int failures = 0;
    auto shoot = [&](const QString &name) {
        settle(500);
        const QString file = QDir(directory).filePath(prefix + name + QStringLiteral(".png"));
        const QImage image = frontend->grab();
        if (image.isNull() || !image.save(file)) {
            qCritical("could not grab or save %s", qPrintable(file));
            ++failures;
            return;
        }
        qInfo("wrote %s (%dx%d)", qPrintable(file), image.width(), image.height());
    };
    auto check = [&](bool ok, const char *what) {
        if (!ok) {
            qCritical("screenshot tour: %s", what);
            ++failures;
        }
        return ok;
    };

    waitFor([frontend] { return frontend->window() && frontend->window()->isExposed(); });
    shoot(QStringLiteral("signin"));

    Session *session = app->session();
    if (check(frontend->signIn(SandboxMode::demoUsername(), SandboxMode::demoPassword(), false).isEmpty(), "sign-in failed")
        && check(waitFor([session] { return session->isSignedIn(); }), "not signed in")) {
        waitFor([frontend] { return frontend->page() == QLatin1String("session") && frontend->window()->isExposed(); });
        frontend->click(QStringLiteral("tryApiButton"));
        check(waitFor([app] { return !app->isApiBusy() && app->apiStatus() != 0; }), "no API answer");
        settle(1200); // one countdown tick
        shoot(QStringLiteral("session"));
    }
    if (frontend->showPage(QStringLiteral("providers")))
        shoot(QStringLiteral("providers"));
    if (frontend->showPage(QStringLiteral("about")))
        shoot(QStringLiteral("about"));
    return failures == 0 ? 0 : 1;
}

} // namespace AuthSession
