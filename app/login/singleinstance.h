// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>

class QLocalServer;

namespace AuthSession {

/*!
 * \class AuthSession::SingleInstance
 * One app per user and configuration: the first start listens on a local socket named after the
 * user and the config folder; a second start connects, asks the first to raise its window, and exits 0.
 *
 * \code
 * SingleInstance instance;
 * if (!instance.listen())
 *     return instance.notifyRunning() ? 0 : 1;   // the first one is raised
 * connect(&instance, &SingleInstance::raiseRequested, window, ...);
 * \endcode
 */
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    //! The socket name: user name + a hash of the config folder (tests with their own HOME do not meet).
    static QString serverName();
    //! Becomes the first instance; false when another one answers on serverName().
    bool listen();
    //! Asks the running instance to raise its window; true when it confirmed.
    bool notifyRunning();
    //! How often a second start asked to raise the window.
    int raiseCount() const { return m_raiseCount; }

Q_SIGNALS:
    void raiseRequested();

private:
    QLocalServer *m_server = nullptr;
    int m_raiseCount = 0;
};

} // namespace AuthSession
