// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "responsemapper.h"
#include "responsemapper_p.h"

#include "jsonpointer.h"
#include "jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>
#include <QSslError>

#include <cmath>

namespace AuthSession {

static const char *cancelledProperty = "_authsession_cancelled";
static const char *oversizedProperty = "_authsession_oversized";
static const char *sslErrorsProperty = "_authsession_sslErrors";

void HttpAnswer::limitSize(QNetworkReply *reply, qint64 maxBytes)
{
    auto check = [reply, maxBytes](qint64 size) {
        if (size > maxBytes && !reply->property(oversizedProperty).toBool()) {
            reply->setProperty(oversizedProperty, maxBytes);
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, check] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            check(length.toLongLong());
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [check](qint64 received, qint64) { check(received); });
}

void HttpAnswer::cancel(QNetworkReply *reply)
{
    reply->setProperty(cancelledProperty, true);
    reply->abort();
}

void HttpAnswer::noteSslErrors(QNetworkReply *reply, const QList<QSslError> &errors)
{
    QStringList texts = reply->property(sslErrorsProperty).toStringList();
    for (const QSslError &e : errors)
        texts.append(e.errorString());
    reply->setProperty(sslErrorsProperty, texts);
}

HttpAnswer HttpAnswer::fromReply(QNetworkReply *reply, const QDateTime &sentAt, const QDateTime &receivedAt)
{
    HttpAnswer a = readAnswer(reply, AnswerParts::All);
    a.sentAt = sentAt;
    a.receivedAt = receivedAt;
    return a;
}

HttpAnswer readAnswer(QNetworkReply *reply, AnswerParts parts)
{
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (parts == AnswerParts::All) {
        a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        a.retryAfter = reply->rawHeader("Retry-After");
        a.serverDate = ResponseMapper::parseHttpDate(reply->rawHeader("Date"));
    }
    const QNetworkReply::NetworkError error = reply->error();

    if (reply->property(oversizedProperty).isValid()) {
        a.status = 0;
        a.transportError = AuthError(ErrorCategory::Protocol,
                                     QStringLiteral("The answer was larger than %1 bytes.")
                                         .arg(reply->property(oversizedProperty).toLongLong()));
        return a;
    }
    if (reply->property(cancelledProperty).toBool()) {
        a.status = 0;
        a.transportError = AuthError(ErrorCategory::Cancelled);
        return a;
    }
    if (reply->isOpen())
        a.body = reply->readAll();

    const QStringList sslErrors = reply->property(sslErrorsProperty).toStringList();
    if (!sslErrors.isEmpty() && error != QNetworkReply::NoError) {
        a.status = 0;
        a.transportError = AuthError(ErrorCategory::Tls, sslErrors.join(QLatin1String("; ")));
        return a;
    }
    switch (error) {
    case QNetworkReply::NoError:
        return a;
    case QNetworkReply::OperationCanceledError:
        // transfer timeouts abort the reply with this code; explicit cancels are marked above
    case QNetworkReply::TimeoutError:
        a.transportError = AuthError(ErrorCategory::Timeout, QStringLiteral("(%1)").arg(reply->url().host()));
        break;
    case QNetworkReply::SslHandshakeFailedError:
        a.transportError = AuthError(ErrorCategory::Tls, reply->errorString());
        break;
    default:
        if (error < QNetworkReply::ContentAccessDenied) {
            // 1-99 network layer, 101-199 proxy: no usable answer even if a status line came
            a.transportError = AuthError(ErrorCategory::Network, reply->errorString());
        } else if (error >= QNetworkReply::ProtocolUnknownError && error <= QNetworkReply::ProtocolFailure && !a.status) {
            a.transportError = AuthError(ErrorCategory::Protocol, reply->errorString());
        } else if (!a.status) {
            a.transportError = AuthError(ErrorCategory::Network, reply->errorString());
        }
        // with an HTTP status, 4xx/5xx "errors" are answers that the mapper reads
        break;
    }
    if (a.transportError.isError())
        a.status = 0;
    return a;
}

const Profile::ResponseMapping &ResponseMapper::mapping(const Profile &profile, Kind kind)
{
    switch (kind) {
    case Refresh:
        return profile.hasRefresh() ? profile.refresh.response : profile.signIn.response;
    case ExternalSignIn:
        return profile.hasExternalSignIn() ? profile.externalSignIn.response : profile.signIn.response;
    case SignIn:
        break;
    }
    return profile.signIn.response;
}

// True for a finite number in (0, max]: NaN and infinities ("NaN", 1e999) fail, so nothing
// undefined reaches a double-to-integer conversion.
static bool inRange(double value, double max)
{
    return std::isfinite(value) && value > 0 && value <= max;
}

static QDateTime fromUnix(double seconds)
{
    if (!inRange(seconds, 1e13))
        return {};
    // milliseconds sneak into "unix" fields often enough to tell them apart by size
    if (seconds > 1e11)
        return QDateTime::fromMSecsSinceEpoch(qint64(seconds), Qt::UTC);
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC);
}

QDateTime ResponseMapper::parseTime(const QJsonValue &value, const QString &format)
{
    if (value.isDouble()) {
        if (format == QLatin1String("unix-ms"))
            return inRange(value.toDouble(), 1e16) ? QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC) : QDateTime();
        if (format == QLatin1String("auto") || format == QLatin1String("unix"))
            return fromUnix(value.toDouble());
        return {};
    }
    if (!value.isString())
        return {};
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber) {
        if (format == QLatin1String("unix-ms"))
            return inRange(number, 1e16) ? QDateTime::fromMSecsSinceEpoch(qint64(number), Qt::UTC) : QDateTime();
        if (format == QLatin1String("auto") || format == QLatin1String("unix"))
            return fromUnix(number);
        return {};
    }
    auto utc = [](QDateTime dt) {
        if (!dt.isValid())
            return dt;
        if (dt.timeSpec() == Qt::LocalTime) // no offset in the text: all times are UTC
            dt.setTimeSpec(Qt::UTC);
        return dt.toUTC();
    };
    if (format == QLatin1String("auto") || format == QLatin1String("iso8601")) {
        QDateTime dt = utc(QDateTime::fromString(text, Qt::ISODateWithMs));
        if (dt.isValid() || format != QLatin1String("auto"))
            return dt;
        for (const char *f : {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"}) {
            dt = utc(QDateTime::fromString(text, QLatin1String(f)));
            if (dt.isValid())
                return dt;
        }
        return utc(QDateTime::fromString(text, Qt::RFC2822Date));
    }
    if (format == QLatin1String("unix") || format == QLatin1String("unix-ms"))
        return {};
    return utc(QDateTime::fromString(text, format));
}

int ResponseMapper::parseRetryAfter(const QByteArray &header, const QDateTime &now)
{
    const QByteArray h = header.trimmed();
    if (h.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = h.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    const QDateTime at = parseHttpDate(h);
    if (!at.isValid())
        return -1;
    return int(qMax<qint64>(0, now.secsTo(at)));
}

QDateTime ResponseMapper::parseHttpDate(const QByteArray &header)
{
    // RFC 9110 IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; Qt 6.4's RFC 2822 parser does
    // not take the "GMT" zone name, so it is swapped for +0000
    QString text = QString::fromLatin1(header.trimmed());
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
    return at.isValid() ? at.toUTC() : QDateTime();
}

static QString valueAsText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

namespace {

struct Fields {
    const QJsonValue root;
    const Profile::ResponseMapping &m;

    QJsonValue at(const QString &pointer, bool *found) const
    {
        if (pointer.isEmpty()) {
            *found = false;
            return {};
        }
        QJsonValue v = JsonPointer::value(root, pointer, found);
        if (*found && v.isNull())
            *found = false; // null means "not sent"
        return v;
    }

    QString serverMessage() const
    {
        for (const QString &p : m.errorMessage) {
            bool found = false;
            const QJsonValue v = at(p, &found);
            if (found && v.isString() && !v.toString().trimmed().isEmpty())
                return v.toString().trimmed().left(500);
        }
        return {};
    }

    QString serverCode() const
    {
        bool found = false;
        const QJsonValue v = at(m.errorCode, &found);
        return found ? valueAsText(v) : QString();
    }
};

} // namespace

static AuthError protocolError(const QString &detail, int status)
{
    return AuthError(ErrorCategory::Protocol, detail, status);
}

ResponseMapper::Result ResponseMapper::map(const Profile &profile, Kind kind, const HttpAnswer &answer)
{
    Result result;
    if (answer.transportError.isError()) {
        result.error = answer.transportError;
        return result;
    }
    const Profile::ResponseMapping &m = mapping(profile, kind);
    const int status = answer.status;

    QJsonParseError parseError{};
    const QJsonDocument doc = answer.body.trimmed().isEmpty() ? QJsonDocument()
                                                              : QJsonDocument::fromJson(answer.body, &parseError);
    const bool isJson = !answer.body.trimmed().isEmpty() && parseError.error == QJsonParseError::NoError;
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : doc.isArray() ? QJsonValue(doc.array()) : QJsonValue();
    const Fields f{root, m};

    auto withServerInfo = [&](AuthError e) {
        if (isJson) {
            e.setServerMessage(f.serverMessage());
            e.setServerCode(f.serverCode());
        }
        e.setHttpStatus(status);
        return e;
    };

    if (status == 0) {
        result.error = AuthError(ErrorCategory::Network, QStringLiteral("No HTTP answer."));
        return result;
    }
    if (status >= 300 && status < 400) {
        result.error = protocolError(QStringLiteral("The server redirected the request; credentials are not sent on."), status);
        return result;
    }
    if (status == 429) {
        AuthError e = withServerInfo(AuthError(ErrorCategory::RateLimited));
        e.setRetryAfterSeconds(parseRetryAfter(answer.retryAfter, answer.receivedAt));
        result.error = e;
        return result;
    }
    if (status >= 500) {
        AuthError e = withServerInfo(AuthError(ErrorCategory::Server));
        e.setRetryAfterSeconds(parseRetryAfter(answer.retryAfter, answer.receivedAt));
        result.error = e;
        return result;
    }
    const QString code = isJson ? f.serverCode() : QString();
    if (status >= 400) {
        ErrorCategory category = ErrorCategory::Protocol;
        if (m.configuration.matches(status, code))
            category = ErrorCategory::Configuration;
        else if (kind == Refresh)
            category = m.rejected.matches(status, code) ? ErrorCategory::RefreshRejected : ErrorCategory::Protocol;
        else if (m.accountProblem.matches(status, code))
            category = ErrorCategory::AccountProblem;
        else if (m.invalidCredentials.matches(status, code))
            category = ErrorCategory::InvalidCredentials;
        else if (status == 404 || status == 405)
            category = ErrorCategory::Configuration;
        result.error = withServerInfo(AuthError(category, category == ErrorCategory::Protocol
                                                              ? QStringLiteral("Unexpected HTTP status %1.").arg(status)
                                                              : QString()));
        return result;
    }
    if (status < 200) {
        result.error = protocolError(QStringLiteral("Unexpected HTTP status %1.").arg(status), status);
        return result;
    }

    // 2xx: a JSON object with the tokens, or a failure flagged in the body
    if (answer.body.trimmed().isEmpty()) {
        result.error = protocolError(QStringLiteral("The answer was empty."), status);
        return result;
    }
    if (!isJson || !doc.isObject()) {
        result.error = protocolError(isJson ? QStringLiteral("The answer is not a JSON object.")
                                            : QStringLiteral("The answer is not valid JSON (%1).").arg(parseError.errorString()),
                                     status);
        return result;
    }

    bool found = false;
    const QJsonValue success = f.at(m.success, &found);
    if (found) {
        const bool ok = success.isBool() ? success.toBool()
                                         : success.isDouble() ? success.toDouble() != 0
                                                              : success.toString() == QLatin1String("true");
        if (!ok) {
            ErrorCategory category = kind == Refresh ? ErrorCategory::RefreshRejected : ErrorCategory::InvalidCredentials;
            if (m.configuration.matches(0, code))
                category = ErrorCategory::Configuration;
            else if (kind != Refresh && m.accountProblem.matches(0, code))
                category = ErrorCategory::AccountProblem;
            result.error = withServerInfo(AuthError(category));
            return result;
        }
    }

    TokenSet &t = result.tokens;
    t.issuedAt = answer.sentAt.toUTC();
    auto text = [&](const QString &pointer, const char *what, QString *target, bool required) -> bool {
        bool present = false;
        const QJsonValue v = f.at(pointer, &present);
        if (!present) {
            if (required) {
                result.error = protocolError(QStringLiteral("The answer has no %1 (at %2).").arg(QLatin1String(what), pointer), status);
                return false;
            }
            return true;
        }
        if (!v.isString()) {
            result.error = protocolError(QStringLiteral("The %1 at %2 is not a string.").arg(QLatin1String(what), pointer), status);
            return false;
        }
        *target = v.toString();
        if (required && target->isEmpty()) {
            result.error = protocolError(QStringLiteral("The %1 at %2 is empty.").arg(QLatin1String(what), pointer), status);
            return false;
        }
        return true;
    };
    if (!text(m.accessToken, "access token", &t.accessToken, true) || !text(m.refreshToken, "refresh token", &t.refreshToken, false)
        || !text(m.idToken, "ID token", &t.idToken, false) || !text(m.tokenType, "token type", &t.tokenType, false)
        || !text(m.scope, "scope", &t.scope, false)) {
        result.tokens = {};
        return result;
    }

    // expiry, in DESIGN.md's order
    const QJsonValue expiresIn = f.at(m.expiresIn, &found);
    if (found) {
        bool ok = expiresIn.isDouble();
        double seconds = expiresIn.toDouble();
        if (expiresIn.isString())
            seconds = expiresIn.toString().toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > 10.0 * 365 * 24 * 3600) {
            result.tokens = {};
            result.error = protocolError(QStringLiteral("expires_in at %1 is not a number of seconds.").arg(m.expiresIn), status);
            return result;
        }
        t.expiresAt = t.issuedAt.addMSecs(qint64(seconds * 1000));
    }
    if (!t.expiresAt.isValid()) {
        const QJsonValue expiresAt = f.at(m.expiresAt, &found);
        if (found) {
            t.expiresAt = parseTime(expiresAt, m.expiresAtFormat);
            if (!t.expiresAt.isValid()) {
                result.tokens = {};
                result.error = protocolError(QStringLiteral("The expiry at %1 is not a time.").arg(m.expiresAt), status);
                return result;
            }
            // an absolute time is on the server's clock: move it onto ours when the Date header
            // shows the clocks disagree by more than latency and the header's 1 s resolution
            if (answer.serverDate.isValid() && answer.receivedAt.isValid()) {
                const qint64 offset = answer.serverDate.secsTo(answer.receivedAt.toUTC());
                if (qAbs(offset) > 5)
                    t.expiresAt = t.expiresAt.addSecs(offset);
            }
        }
    }
    bool isJwt = false;
    const QJsonObject claims = Jwt::payload(t.accessToken, &isJwt);
    if (!t.expiresAt.isValid() && isJwt) {
        const QJsonValue exi = claims.value(QLatin1String("exi"));
        const QJsonValue exp = claims.value(QLatin1String("exp"));
        const QJsonValue iat = claims.value(QLatin1String("iat"));
        constexpr double tenYears = 10.0 * 365 * 24 * 3600;
        if (exi.isDouble() && inRange(exi.toDouble(), tenYears)) {
            t.expiresAt = t.issuedAt.addMSecs(qint64(exi.toDouble() * 1000));
        } else if (exp.isDouble() && inRange(exp.toDouble(), 1e13)) {
            if (iat.isDouble() && inRange(iat.toDouble(), 1e13) && answer.receivedAt.isValid()
                && std::abs(exp.toDouble() - iat.toDouble()) <= tenYears) {
                // the server's clock may be off: count the lifetime from our receipt, not its clock
                const qint64 lifetimeMs = qint64((exp.toDouble() - iat.toDouble()) * 1000);
                t.expiresAt = answer.receivedAt.toUTC().addMSecs(lifetimeMs);
            } else {
                t.expiresAt = fromUnix(exp.toDouble());
            }
        }
    }

    const QJsonValue user = f.at(m.user, &found);
    if (found && user.isObject()) {
        t.user = user.toObject();
    } else {
        bool idIsJwt = false;
        const QJsonObject idClaims = Jwt::payload(t.idToken, &idIsJwt);
        if (idIsJwt) {
            t.user = idClaims;
        } else if (isJwt && claims.contains(QLatin1String("sub"))) {
            t.user.insert(QStringLiteral("sub"), claims.value(QLatin1String("sub")));
        }
    }
    const QJsonValue pwd = f.at(m.passwordExpiresAt, &found);
    if (found)
        t.passwordExpiresAt = parseTime(pwd, QStringLiteral("auto"));
    return result;
}

} // namespace AuthSession
