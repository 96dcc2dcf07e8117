// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>

class QSocketNotifier;

namespace AuthSession {
namespace Cli {

/*!
 * Turns SIGINT and SIGTERM into a Qt signal (self-pipe trick), so `watch` can stop cleanly and
 * still flush the kept session. Only one may exist; the previous handlers return on destruction.
 *
 * \code
 * SignalWatcher watcher;
 * connect(&watcher, &SignalWatcher::received, &loop, &QEventLoop::quit);
 * \endcode
 */
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    //! SIGINT or SIGTERM arrived.
    void received(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Cli
} // namespace AuthSession
