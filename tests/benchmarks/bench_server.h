// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/sandboxserver.h>

#include <QMetaObject>
#include <QThread>

#include <functional>

namespace Bench {

//! The sandbox, living in its own thread with its own event loop, so that client and server never
//! share an event loop (or a core's worth of scheduling) in the measurements.
class ServerThread
{
public:
    ServerThread()
    {
        server = new AuthSession::SandboxServer;
        server->moveToThread(&thread);
        thread.setObjectName(QStringLiteral("sandbox"));
        thread.start();
        QMetaObject::invokeMethod(server, [this] { port = server->listen(); }, Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(server, [this] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    //! Runs \a f in the server's thread and waits for it.
    void run(const std::function<void(AuthSession::SandboxServer *)> &f)
    {
        QMetaObject::invokeMethod(server, [this, &f] { f(server); }, Qt::BlockingQueuedConnection);
    }
    int count(const QString &profile, const QString &endpoint)
    {
        int n = 0;
        run([&](AuthSession::SandboxServer *s) { n = s->count(profile, endpoint); });
        return n;
    }

    QThread thread;
    AuthSession::SandboxServer *server = nullptr;
    quint16 port = 0;
};

} // namespace Bench
