// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_DECLARE_LOGGING_CATEGORY(lcLogin)

namespace AuthSession {

static constexpr int answerTimeoutMs = 3000;

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    const QByteArray config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(config, QCryptographicHash::Sha256).toHex().left(12);
    return QStringLiteral("io.authsession.Login-") + user + QLatin1Char('-') + QString::fromLatin1(hash);
}

bool SingleInstance::listen()
{
    const QString name = serverName();
    {
        QLocalSocket probe;
        probe.connectToServer(name);
        if (probe.waitForConnected(answerTimeoutMs))
            return false; // someone answers: the first instance runs
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(name)) {
        // A stale socket file of a crashed instance: nobody answered above, so it is safe to remove.
        QLocalServer::removeServer(name);
        if (!m_server->listen(name)) {
            qCWarning(lcLogin) << "single instance: cannot listen on" << name << m_server->errorString();
            return true; // run anyway; a second start will then also run
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                while (socket->canReadLine()) {
                    if (socket->readLine().trimmed() == "raise") {
                        ++m_raiseCount;
                        Q_EMIT raiseRequested();
                        socket->write("raised\n");
                        socket->flush();
                    }
                }
            });
        }
    });
    return true;
}

bool SingleInstance::notifyRunning()
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(answerTimeoutMs))
        return false;
    socket.write("raise\n");
    if (!socket.waitForBytesWritten(answerTimeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(answerTimeoutMs))
            return false;
    }
    return socket.readLine().trimmed() == "raised";
}

} // namespace AuthSession
