// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "testcontrol.h"

#include "appcontroller.h"
#include "frontend.h"
#include "historymodel.h"
#include "singleinstance.h"

#include <AuthSession/session.h>

#include <QCoreApplication>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcLogin)

namespace AuthSession {

TestControl::TestControl(Frontend *frontend, AppController *app, SingleInstance *instance, QObject *parent)
    : QObject(parent)
    , m_frontend(frontend)
    , m_app(app)
    , m_instance(instance)
{
}

bool TestControl::connectIfEnabled()
{
    const QString name = qEnvironmentVariable(environmentVariable().constData());
    if (name.isEmpty())
        return false;
    m_socket = new QLocalSocket(this);
    m_socket->connectToServer(name);
    if (!m_socket->waitForConnected(5000)) {
        qCWarning(lcLogin) << "test control: cannot connect to" << name << m_socket->errorString();
        return false;
    }
    qCInfo(lcLogin) << "test control connected to" << name;
    connect(m_socket, &QLocalSocket::readyRead, this, [this] {
        while (m_socket->canReadLine()) {
            const QString line = QString::fromUtf8(m_socket->readLine()).trimmed();
            QString reply = answer(line);
            reply.replace(QLatin1Char('\n'), QLatin1Char(' '));
            m_socket->write(reply.toUtf8().append('\n'));
            m_socket->flush();
        }
    });
    // The test going away ends the app: no orphan windows after a failed test.
    connect(m_socket, &QLocalSocket::disconnected, qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    return true;
}

static QString ok(const QString &error)
{
    return error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("error: ") + error;
}

QString TestControl::answer(const QString &line)
{
    const QStringList args = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (args.isEmpty() || !m_frontend || !m_app)
        return QStringLiteral("error: empty command");
    const QString &cmd = args.first();
    Session *session = m_app->session();

    if (cmd == QLatin1String("hello"))
        return QStringLiteral("ok ") + QString::fromLatin1(m_frontend->metaObject()->className());
    if (cmd == QLatin1String("signin") && args.size() >= 3)
        return ok(m_frontend->signIn(args.at(1), args.at(2), args.value(3) == QLatin1String("keep")));
    if (cmd == QLatin1String("state"))
        return QString::fromLatin1(QMetaEnum::fromType<Session::State>().valueToKey(int(session->state())));
    if (cmd == QLatin1String("page"))
        return m_frontend->page();
    if (cmd == QLatin1String("show") && args.size() == 2)
        return ok(m_frontend->showPage(args.at(1)) ? QString() : QStringLiteral("no such page"));
    if (cmd == QLatin1String("click") && args.size() == 2)
        return ok(m_frontend->click(args.at(1)));
    if (cmd == QLatin1String("text") && args.size() == 2)
        return m_frontend->text(args.at(1));
    if (cmd == QLatin1String("refreshcount"))
        return QString::number(m_app->history()->refreshCount());
    if (cmd == QLatin1String("history"))
        return QString::number(m_app->history()->rowCount());
    if (cmd == QLatin1String("signout"))
        return ok(m_frontend->click(QStringLiteral("signOutButton")));
    if (cmd == QLatin1String("raised"))
        return QString::number(m_instance ? m_instance->raiseCount() : 0);
    if (cmd == QLatin1String("user"))
        return session->username();
    if (cmd == QLatin1String("storage"))
        return m_app->storageProblem();
    if (cmd == QLatin1String("grab") && args.size() == 2) {
        const QImage image = m_frontend->grab();
        return ok(!image.isNull() && image.save(args.at(1)) ? QString() : QStringLiteral("grab failed"));
    }
    if (cmd == QLatin1String("quit")) {
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        return QStringLiteral("ok");
    }
    return QStringLiteral("error: unknown command ") + cmd;
}

} // namespace AuthSession
