// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessionreply.h"

#include "responsemapper_p.h"
#include "session.h"
#include "session_p.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace AuthSession {

SessionReply::SessionReply(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SessionReplyPrivate>())
{
}

SessionReply::~SessionReply()
{
    if (d->reply) {
        d->reply->disconnect(this);
        d->reply->abort();
        d->reply->deleteLater();
    }
}

bool SessionReply::isFinished() const { return d->finished; }
int SessionReply::status() const { return d->status; }
QByteArray SessionReply::body() const { return d->responseBody; }
AuthError SessionReply::error() const { return d->error; }
bool SessionReply::wasRetried() const { return d->retried; }

QByteArray SessionReply::rawHeader(const QByteArray &name) const
{
    for (const auto &pair : d->headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

void SessionReply::abort()
{
    if (d->finished)
        return;
    d->aborted = true;
    if (d->reply)
        HttpAnswer::cancel(d->reply);
    else
        QMetaObject::invokeMethod(this, [this] { finish(AuthError(ErrorCategory::Cancelled)); }, Qt::QueuedConnection);
}

void SessionReply::authorizeAndSend()
{
    if (!d->session) {
        finish(AuthError(ErrorCategory::Cancelled));
        return;
    }
    SessionPrivate *sd = d->session->d.get();
    if (!d->aborted && sd->tokenUsableNow()) {
        // fast path: finished() still comes from the event loop, the network reply is asynchronous
        d->usedAuthorization = sd->authorization();
        d->request.setRawHeader("Authorization", d->usedAuthorization);
        sendNow();
        return;
    }
    d->session->withFreshToken(this, [this](const AuthError &error, const QByteArray &authorization) {
        if (d->aborted) {
            finish(AuthError(ErrorCategory::Cancelled));
            return;
        }
        if (error.isError()) {
            finish(error);
            return;
        }
        d->usedAuthorization = authorization;
        d->request.setRawHeader("Authorization", authorization);
        sendNow();
    });
}

void SessionReply::sendNow()
{
    if (!d->session) {
        finish(AuthError(ErrorCategory::Cancelled));
        return;
    }
    QNetworkAccessManager *nam = d->session->networkAccessManager();
    QNetworkReply *r;
    if (d->verb == "GET" && d->body.isEmpty() && !nam->cache()) {
        // The same request on the wire, but sendCustomRequest() wraps even an empty body in a
        // QBuffer and takes Qt's upload path (an upload device, a queued start of the operation,
        // more signal connections): a third more client CPU per GET than get() in the benchmarks.
        // With a cache on the manager get() would also read and fill it, so that case keeps the
        // custom request, which bypasses the cache as before.
        r = nam->get(d->request);
    } else {
        r = nam->sendCustomRequest(d->request, d->verb, d->body);
    }
    d->reply = r;
    // TLS errors are recorded so that the error names the problem (plain http has none)
    if (d->request.url().scheme() != QLatin1String("http"))
        connect(r, &QNetworkReply::sslErrors, r, [r](const QList<QSslError> &errors) { HttpAnswer::noteSslErrors(r, errors); });
    connect(r, &QNetworkReply::finished, this, &SessionReply::onReplyFinished);
}

void SessionReply::onReplyFinished()
{
    QNetworkReply *r = d->reply;
    if (!r)
        return;
    d->reply = nullptr;
    r->deleteLater();
    const HttpAnswer answer = readAnswer(r, AnswerParts::StatusAndBody);
    if (answer.transportError.isError()) {
        finish(answer.transportError);
        return;
    }
    if (answer.status == 401 && !d->retried && d->session) {
        // The token may have been revoked or expired early: refresh once (joining a refresh
        // that is already running) and send once more.
        d->retried = true;
        SessionPrivate *sd = d->session->d.get();
        if (sd->authorization() != d->usedAuthorization) {
            authorizeAndSend(); // someone refreshed meanwhile: just use the new token
            return;
        }
        if (!sd->canRefresh()) {
            d->status = answer.status;
            d->responseBody = answer.body;
            d->headers = r->rawHeaderPairs();
            finish(AuthError(ErrorCategory::InvalidCredentials, QStringLiteral("The server did not accept the token."), 401));
            return;
        }
        sd->waiters.append({QPointer<QObject>(this), [this](const AuthError &error, const QByteArray &authorization) {
                                if (error.isError()) {
                                    finish(error);
                                    return;
                                }
                                d->usedAuthorization = authorization;
                                d->request.setRawHeader("Authorization", authorization);
                                sendNow();
                            }});
        sd->startRefresh();
        return;
    }
    d->status = answer.status;
    d->responseBody = answer.body;
    d->headers = r->rawHeaderPairs();
    AuthError error;
    if (answer.status == 401)
        error = AuthError(ErrorCategory::InvalidCredentials, QStringLiteral("The server did not accept the token."), 401);
    else if (answer.status == 429)
        error = AuthError(ErrorCategory::RateLimited, {}, 429);
    else if (answer.status >= 500)
        error = AuthError(ErrorCategory::Server, {}, answer.status);
    else if (answer.status >= 400)
        error = AuthError(ErrorCategory::Protocol, QStringLiteral("HTTP %1.").arg(answer.status), answer.status);
    if (error.category() == ErrorCategory::RateLimited)
        error.setRetryAfterSeconds(ResponseMapper::parseRetryAfter(r->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc()));
    finish(error);
}

void SessionReply::finish(const AuthError &error)
{
    if (d->finished)
        return;
    d->finished = true;
    d->error = error;
    Q_EMIT finished();
}

} // namespace AuthSession
