// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "historymodel.h"

#include <AuthSession/autherror.h>
#include <AuthSession/session.h>


namespace AuthSession {

// A long-running session refreshes every few minutes for days; the oldest entries go.
static constexpr int maxEntries = 500;

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void HistoryModel::setSession(Session *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (!session)
        return;
    connect(session, &Session::signedIn, this, [this] {
        add(m_restoring ? tr("Restored the kept session", "history event") : tr("Signed in", "history event"), {});
        m_restoring = false;
    });
    connect(session, &Session::signInFailed, this, [this](const AuthError &e) {
        add(tr("Sign-in failed", "history event"), e);
    });
    connect(session, &Session::refreshed, this, [this] {
        ++m_refreshCount;
        add(tr("Refreshed", "history event: the access token was renewed"), {});
    });
    connect(session, &Session::refreshFailed, this, [this](const AuthError &e) {
        add(e.isTransient() ? tr("Refresh failed, retrying", "history event") : tr("Refresh failed", "history event"), e);
    });
    connect(session, &Session::sessionExpired, this, [this](const AuthError &e) {
        add(tr("Session expired", "history event: sign in again"), e);
    });
    connect(session, &Session::accessTokenAboutToExpire, this, [this] {
        add(tr("Access token about to expire", "history event (provider without refresh)"), {});
    });
    connect(session, &Session::signedOut, this, [this] { add(tr("Signed out", "history event"), {}); });
    connect(session, &Session::restoreFailed, this, [this](const AuthError &e) {
        m_restoring = false;
        add(tr("Nothing to restore", "history event: no usable kept session"), e);
    });
    connect(session, &Session::storageFailed, this, [this](const AuthError &e) {
        add(tr("Keychain problem", "history event: the token store failed"), e);
    });
}

void HistoryModel::setRestoring(bool restoring)
{
    m_restoring = restoring;
}

void HistoryModel::add(const QString &event, const AuthError &error)
{
    beginInsertRows({}, 0, 0);
    // Only the category and the human message of an error: AuthError carries no token.
    m_entries.prepend({QDateTime::currentDateTime(), event,
                       error.isError() ? AuthError::categoryName(error.category()) : QString(),
                       error.isError() ? error.message() : QString(), error.isError()});
    endInsertRows();
    if (m_entries.size() > maxEntries) {
        beginRemoveRows({}, maxEntries, m_entries.size() - 1);
        m_entries.resize(maxEntries);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString time = e.time.toString(QStringLiteral("HH:mm:ss"));
        if (e.category.isEmpty())
            //: history line: %1 = time, %2 = event
            return tr("%1  %2", "history line").arg(time, e.event);
        //: history line: %1 = time, %2 = event, %3 = error category, %4 = message
        return tr("%1  %2 [%3] %4", "history line with error").arg(time, e.event, e.category, e.detail);
    }
    case TimeRole:
        return e.time.toString(QStringLiteral("HH:mm:ss"));
    case EventRole:
        return e.event;
    case CategoryRole:
        return e.category;
    case DetailRole:
        return e.detail;
    case ErrorRole:
        return e.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    return {{TimeRole, "time"}, {EventRole, "event"}, {CategoryRole, "category"},
            {DetailRole, "detail"}, {ErrorRole, "error"}};
}

} // namespace AuthSession
