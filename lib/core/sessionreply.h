// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/autherror.h>

#include <QNetworkRequest>
#include <QObject>

#include <memory>

namespace AuthSession {

class Session;
class SessionReplyPrivate;

/*!
 * \class AuthSession::SessionReply
 * The answer to Session::send(): one authorized request that may have been retried once after a
 * refresh. finished() is emitted exactly once, always after send() has returned.
 *
 * \code
 * SessionReply *reply = session.send(QNetworkRequest(session.url(QStringLiteral("/api/v3/process"))));
 * connect(reply, &SessionReply::finished, this, [reply] {
 *     if (reply->error().isError()) qWarning() << reply->error().toString();
 *     else process(reply->body());
 *     reply->deleteLater();
 * });
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT SessionReply : public QObject
{
    Q_OBJECT
public:
    ~SessionReply() override;

    bool isFinished() const;
    //! HTTP status of the final answer (0 when none).
    int status() const;
    QByteArray body() const;
    QByteArray rawHeader(const QByteArray &name) const;
    //! NoError for any HTTP answer below 400; else the category (InvalidCredentials for a 401 that
    //! persisted after the refresh, Server for 5xx ...), or the refresh failure that prevented sending.
    AuthError error() const;
    //! True when the first answer was 401 and the request was sent again after a refresh.
    bool wasRetried() const;
    //! Aborts the request; finished() follows with a Cancelled error.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class Session;
    friend class SessionPrivate;
    explicit SessionReply(QObject *parent = nullptr);
    void authorizeAndSend();
    void sendNow();
    void onReplyFinished();
    void finish(const AuthError &error);
    std::unique_ptr<SessionReplyPrivate> const d;
};

} // namespace AuthSession
