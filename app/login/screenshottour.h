// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QString>

namespace AuthSession {

class AppController;
class Frontend;

/*!
 * `authsession-login --sandbox --screenshot DIR`: walks through every page like a user (sign in as
 * demo, try an API call, open Providers and About) and saves each as DIR/app-<page>.png
 * (app-widgets-<page>.png with --widgets). Used by scripts/screenshots-app.sh. Returns the exit code.
 */
int runScreenshotTour(Frontend *frontend, AppController *app, const QString &directory, const QString &prefix);

} // namespace AuthSession
