// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>

namespace AuthSession {

class AuthError;
class Session;

/*!
 * \class AuthSession::HistoryModel
 * What happened to the session, newest first: sign-in, refreshes, errors, sign-out. Fed from the
 * Session's signals; holds the time, the event, the error category and the error's message, never a
 * token.
 *
 * \code
 * HistoryModel history;
 * history.setSession(&session);
 * view->setModel(&history);
 * \endcode
 */
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int refreshCount READ refreshCount NOTIFY countChanged)

public:
    enum Role { TimeRole = Qt::UserRole + 1, EventRole, CategoryRole, DetailRole, ErrorRole };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr);

    void setSession(Session *session);
    //! The next signedIn() comes from Session::restore() ("Restored", not "Signed in").
    void setRestoring(bool restoring);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Successful refreshes seen so far.
    int refreshCount() const { return m_refreshCount; }
    //! Adds an entry; \a error's category and message when it is an error.
    void add(const QString &event, const AuthError &error);

Q_SIGNALS:
    void countChanged();

private:
    struct Entry {
        QDateTime time;
        QString event;
        QString category;
        QString detail;
        bool error = false;
    };
    QList<Entry> m_entries;
    QPointer<Session> m_session;
    int m_refreshCount = 0;
    bool m_restoring = false;
};

} // namespace AuthSession
