// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sandboxmode.h"

#include <AuthSession/sandboxserver.h>

#include <QLoggingCategory>
#include <QSettings>

Q_DECLARE_LOGGING_CATEGORY(lcLogin)

namespace AuthSession {

static const auto portKey = QStringLiteral("LoginApp/sandboxPort");

SandboxMode::SandboxMode(QObject *parent)
    : QObject(parent)
    , m_server(new SandboxServer)
{
}

SandboxMode::~SandboxMode() = default;

bool SandboxMode::start(const QList<Profile> &profiles, int accessTtl)
{
    for (const Profile &p : profiles) {
        if (!m_server->profile(p.id) && !m_server->addProfile(p))
            qCInfo(lcLogin) << "the sandbox cannot play profile" << p.id;
    }
    if (accessTtl > 0)
        m_server->setAccessTokenLifetime(accessTtl);

    QSettings settings;
    const auto lastPort = quint16(settings.value(portKey, 0).toUInt());
    quint16 port = lastPort > 0 ? m_server->listen(QHostAddress(QHostAddress::LocalHost), lastPort) : 0;
    if (port == 0)
        port = m_server->listen(); // the last port is taken: any free one
    if (port == 0)
        return false;
    if (port != lastPort)
        settings.setValue(portKey, port);
    qCInfo(lcLogin) << "sandbox listening on" << m_server->baseUrl(QString()).toString();
    return true;
}

QUrl SandboxMode::baseUrl(const QString &profileId) const
{
    return m_server->baseUrl(profileId);
}

QStringList SandboxMode::profileIds() const
{
    QStringList ids;
    for (const Profile &p : m_server->profiles())
        ids << p.id;
    return ids;
}

SandboxServer *SandboxMode::server() const
{
    return m_server.get();
}

QString SandboxMode::environmentName()
{
    return QStringLiteral("Local sandbox");
}

QString SandboxMode::demoUsername()
{
    return QStringLiteral("demo");
}

QString SandboxMode::demoPassword()
{
    return QStringLiteral("demo");
}

} // namespace AuthSession
