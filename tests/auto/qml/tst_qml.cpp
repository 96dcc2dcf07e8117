// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Qt Quick Test runner for tst_loginscreen.qml and tst_sessionpanel.qml. The setup object starts an
// in-process sandbox and hands it to QML as the context property "sandbox".
#include <AuthSession/profilecatalog.h>
#include <AuthSession/sandboxfault.h>
#include <AuthSession/sandboxserver.h>

#include <QCoreApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>

using namespace AuthSession;

//! What the QML tests may do with the sandbox.
class SandboxBridge : public QObject
{
    Q_OBJECT
public:
    explicit SandboxBridge(SandboxServer *server, QObject *parent = nullptr)
        : QObject(parent)
        , m_server(server)
    {
    }

    Q_INVOKABLE QUrl baseUrl(const QString &profileId) const { return m_server->baseUrl(profileId); }
    //! Adds a fault from a spec ("kind=delay,delayMs=5000"); false (and a warning) when it is malformed.
    Q_INVOKABLE bool addFault(const QString &spec)
    {
        QString error;
        bool ok = false;
        const SandboxFault fault = SandboxFault::parse(spec, &error, &ok);
        if (!ok) {
            qWarning() << "bad fault spec" << spec << error;
            return false;
        }
        m_server->addFault(fault);
        return true;
    }
    Q_INVOKABLE void clearFaults() { m_server->clearFaults(); }
    Q_INVOKABLE int count(const QString &profileId, const QString &endpoint) const
    {
        return m_server->count(profileId, endpoint);
    }

private:
    SandboxServer *m_server;
};

class Setup : public QObject
{
    Q_OBJECT
public:
    Setup() = default;

public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthSessionTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_qml"));
        m_server = new SandboxServer(this);
        if (m_server->listen() == 0)
            qFatal("sandbox failed to listen");
        // Every profile gets the sandbox as its first (default) environment.
        for (const Profile &p : m_server->profiles())
            ProfileCatalog::instance()->addEnvironment(p.id, {QStringLiteral("Local sandbox"), m_server->baseUrl(p.id)});
        m_bridge = new SandboxBridge(m_server, this);
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->rootContext()->setContextProperty(QStringLiteral("sandbox"), m_bridge);
    }

private:
    SandboxServer *m_server = nullptr;
    SandboxBridge *m_bridge = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
