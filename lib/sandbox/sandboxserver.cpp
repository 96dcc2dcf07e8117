// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sandboxserver.h"
#include "sandboxserver_p.h"

#include <AuthSession/jsonpointer.h>
#include <AuthSession/jwt.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/responsemapper.h>

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSandbox, "authsession.sandbox", QtInfoMsg)

namespace AuthSession {

namespace {

// Qt HTTP Server logs every request with all its headers (Authorization included) at debug level in
// "qt.httpserver". The sandbox serves real tokens, and tokens never appear in logs at any level
// (DESIGN.md, tst_secrets), so its debug output stays off even with QT_LOGGING_RULES="*.debug=true".
QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

void sandboxCategoryFilter(QLoggingCategory *category)
{
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

void installCategoryFilter()
{
    static const bool installed = [] {
        previousCategoryFilter = QLoggingCategory::installFilter(sandboxCategoryFilter);
        return true;
    }();
    Q_UNUSED(installed);
}

const QString kSignIn = QStringLiteral("signIn");
const QString kExternalSignIn = QStringLiteral("externalSignIn");
const QString kRefresh = QStringLiteral("refresh");
const QString kSignOut = QStringLiteral("signOut");
const QString kProbe = QStringLiteral("probe");
const QString kResource = QStringLiteral("resource");

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < n; ++i)
        bytes[i] = char(rng->bounded(256));
    return bytes;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status < 400 ? "OK" : "Error";
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

SandboxReply jsonReply(int status, const QJsonValue &body, bool ok)
{
    SandboxReply r;
    r.status = status;
    r.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    r.ok = ok;
    return r;
}

// The profile's sandbox answer called \a name, or a sensible default.
SandboxReply cannedAnswer(const Profile &profile, const QString &name)
{
    static const QHash<QString, QPair<int, const char *>> defaults = {
        {QStringLiteral("success"), {200, nullptr}},
        {QStringLiteral("invalidCredentials"), {401, "invalid_credentials"}},
        {QStringLiteral("accountProblem"), {403, "account_locked"}},
        {QStringLiteral("badRequest"), {400, "invalid_request"}},
        {QStringLiteral("refreshRejected"), {401, "invalid_token"}},
        {QStringLiteral("unauthorized"), {401, "unauthorized"}},
        {QStringLiteral("invalidClient"), {401, "invalid_client"}},
        {QStringLiteral("probe"), {200, nullptr}},
    };
    const QJsonObject spec = profile.sandbox.value(name).toObject();
    const auto def = defaults.value(name, qMakePair(400, "bad_request"));
    const int status = spec.value(QLatin1String("status")).toInt(def.first);
    QJsonObject body;
    if (spec.contains(QLatin1String("body")))
        body = spec.value(QLatin1String("body")).toObject();
    else if (def.second)
        body = {{QStringLiteral("error"), QLatin1String(def.second)}};
    else if (name == QLatin1String("probe"))
        body = {{QStringLiteral("ok"), true}, {QStringLiteral("profile"), profile.id}};
    return jsonReply(status, body, false);
}

QString mediaType(const QByteArray &contentType)
{
    return QString::fromLatin1(contentType.split(';').value(0).trimmed().toLower());
}

// Body fields as strings, from JSON or form-urlencoded (whichever the body is).
QHash<QString, QString> bodyFields(const SandboxRequest &request)
{
    QHash<QString, QString> fields;
    const QString type = mediaType(request.header("content-type"));
    const QByteArray body = request.body.trimmed();
    if (body.isEmpty())
        return fields;
    bool asJson = type.endsWith(QLatin1String("json")) || (type.isEmpty() && body.startsWith('{'));
    if (!asJson && type != QLatin1String("application/x-www-form-urlencoded") && body.startsWith('{'))
        asJson = true;
    if (asJson) {
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue v = it.value();
            if (v.isString())
                fields.insert(it.key(), v.toString());
            else if (v.isDouble() || v.isBool())
                fields.insert(it.key(), v.toVariant().toString());
        }
        return fields;
    }
    QByteArray form = body;
    form.replace('+', ' ');
    const QUrlQuery query(QString::fromUtf8(form));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        fields.insert(item.first, item.second);
    return fields;
}

// The body field of \a spec whose template is exactly \a placeholder ("${username}"), else \a fallback.
QString fieldFor(const Profile::Request &spec, const QString &placeholder, const QString &fallback = {})
{
    for (auto it = spec.fields.begin(); it != spec.fields.end(); ++it) {
        if (it.value().toString() == placeholder)
            return it.key();
    }
    return fallback;
}

// Constant (non-template) string fields of \a spec must come with exactly that value.
bool constantsMatch(const Profile::Request &spec, const QHash<QString, QString> &fields)
{
    for (auto it = spec.fields.begin(); it != spec.fields.end(); ++it) {
        if (!it.value().isString())
            continue;
        const QString v = it.value().toString();
        if (v.contains(QLatin1String("${")))
            continue;
        if (fields.value(it.key()) != v)
            return false;
    }
    return true;
}

QString bearerToken(const SandboxRequest &request)
{
    const QByteArray auth = request.header("authorization").trimmed();
    const qsizetype space = auth.indexOf(' ');
    if (space <= 0 || auth.left(space).toLower() != "bearer")
        return {};
    return QString::fromLatin1(auth.mid(space + 1).trimmed());
}

bool requiredContentTypeOk(const Profile &profile, const SandboxRequest &request)
{
    const QString required = profile.sandbox.value(QLatin1String("requireContentType")).toString();
    return required.isEmpty() || mediaType(request.header("content-type")) == required.toLower();
}

} // namespace

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Transport

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QPointer<QTcpSocket> guard(socket);
    SandboxServerPrivate *priv = d;
    d->handle(SandboxServerPrivate::copyRequest(request), [guard, priv](const SandboxReply &reply) {
        if (guard)
            SandboxServerPrivate::writeToSocket(guard, reply, priv->now());
    });
    return true;
}
#else
// Newer Qt hands out a responder instead of the socket: faults that need the raw socket
// (truncated, drop) are approximated by an empty 200 answer.
bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    d->handle(SandboxServerPrivate::copyRequest(request), [shared](const SandboxReply &reply) {
        const bool normal = reply.transport == SandboxReply::Transport::Normal;
        shared->write(normal ? reply.body : QByteArray(), reply.contentType,
                      QHttpServerResponder::StatusCode(normal ? reply.status : 200));
    });
    return true;
}
#endif

SandboxRequest SandboxServerPrivate::copyRequest(const QHttpServerRequest &request)
{
    SandboxRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    return r;
}

void SandboxServerPrivate::writeToSocket(QTcpSocket *socket, const SandboxReply &reply, const QDateTime &date)
{
    if (reply.transport == SandboxReply::Transport::Drop) {
        socket->disconnectFromHost();
        return;
    }
    const bool truncated = reply.transport == SandboxReply::Transport::Truncated;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    if (!reply.contentType.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    const qint64 length = truncated ? reply.body.size() * 2 + 64 : reply.body.size();
    out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    out += truncated ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    // the server's own (possibly skewed) clock, as real servers send it (RFC 9110 IMF-fixdate)
    out += "Date: " + QLocale::c().toString(date, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1() + "\r\n";
    for (const auto &h : reply.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    out += truncated ? reply.body.left(reply.body.size() / 2) : reply.body;
    socket->write(out);
    if (truncated)
        socket->disconnectFromHost(); // flushes what was written, then closes
}

// ---------------------------------------------------------------------------------------------
// Dispatch

SandboxServerPrivate::SandboxServerPrivate(SandboxServer *qq)
    : q(qq)
    , key(randomBytes(32))
{
}

QDateTime SandboxServerPrivate::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(clockSkew);
}

void SandboxServerPrivate::handle(const SandboxRequest &request, const Sender &send)
{
    const QString path = request.path;
    if (path == QLatin1String("/_admin") || path.startsWith(QLatin1String("/_admin/"))) {
        const SandboxReply reply = adminReply(request);
        qCInfo(lcSandbox).noquote() << request.method << path << "->" << reply.status;
        send(reply);
        return;
    }

    const qsizetype slash = path.indexOf(QLatin1Char('/'), 1);
    const QString profileId = path.mid(1, slash < 0 ? -1 : slash - 1);
    const QString subPath = slash < 0 ? QStringLiteral("/") : path.mid(slash);
    const auto it = profiles.constFind(profileId);
    if (it == profiles.constEnd()) {
        qCInfo(lcSandbox).noquote() << request.method << path << "-> 404";
        send(jsonReply(404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")}}, false));
        return;
    }
    const Profile profile = it.value();
    const QString endpoint = endpointFor(profile, request, subPath);

    // Faults apply in the order they were added: the first matching delay and the first matching
    // other fault are consumed.
    int delayMs = 0;
    bool haveDelay = false;
    bool haveFault = false;
    SandboxFault fault;
    for (SandboxFault &f : faults) {
        if (!f.matches(profileId, endpoint))
            continue;
        if (f.kind == SandboxFault::Kind::Delay) {
            if (haveDelay)
                continue;
            haveDelay = true;
            delayMs = f.delayMs;
        } else {
            if (haveFault)
                continue;
            haveFault = true;
            fault = f;
        }
        if (f.count > 0)
            --f.count;
    }
    faults.erase(std::remove_if(faults.begin(), faults.end(), [](const SandboxFault &f) { return f.count == 0; }),
                 faults.end());

    auto run = [this, profile, endpoint, request, send, haveFault, fault]() {
        SandboxReply reply;
        const bool reject = haveFault && fault.kind == SandboxFault::Kind::RejectRefresh;
        if (haveFault && !reject)
            reply = faultReply(profile, endpoint, fault);
        else
            reply = answer(profile, endpoint, request, reject);
        SandboxCounter &c = counters[profile.id][endpoint];
        ++c.requests;
        if (reply.ok && reply.transport == SandboxReply::Transport::Normal)
            ++c.succeeded;
        else
            ++c.failed;
        const int status = reply.transport == SandboxReply::Transport::Drop ? 0 : reply.status;
        qCInfo(lcSandbox).noquote() << request.method << request.path << "->" << status << endpoint;
        send(reply);
        Q_EMIT q->requestHandled(profile.id, endpoint, status);
    };
    if (haveDelay)
        QTimer::singleShot(delayMs, q, run);
    else
        run();
}

QString SandboxServerPrivate::endpointFor(const Profile &profile, const SandboxRequest &request,
                                          const QString &subPath) const
{
    const QVariantMap values = profile.parameterValues();
    const struct {
        const QString &name;
        const Profile::Request &spec;
    } specs[] = {
        {kExternalSignIn, profile.externalSignIn}, {kRefresh, profile.refresh}, {kSignOut, profile.signOut},
        {kProbe, profile.probe}, {kSignIn, profile.signIn},
    };
    QStringList candidates;
    for (const auto &s : specs) {
        if (s.spec.isValid() && Profile::expand(s.spec.path, values) == subPath
            && s.spec.method.compare(request.method, Qt::CaseInsensitive) == 0)
            candidates.append(s.name);
    }
    if (candidates.isEmpty())
        return kResource;
    if (candidates.size() == 1)
        return candidates.first();

    // Several requests share a path (datarhei sign-in and external sign-in, OAuth2 sign-in and
    // refresh): pick the first whose shape the request has.
    const QHash<QString, QString> fields = bodyFields(request);
    for (const QString &name : std::as_const(candidates)) {
        const Profile::Request &spec = name == kExternalSignIn ? profile.externalSignIn
            : name == kRefresh                                ? profile.refresh
            : name == kSignOut                                ? profile.signOut
            : name == kProbe                                  ? profile.probe
                                                              : profile.signIn;
        if (spec.token == Profile::TokenPlacement::Bearer && spec.fields.isEmpty()) {
            if (!bearerToken(request).isEmpty() && fields.isEmpty())
                return name;
            continue;
        }
        bool hasConstant = false;
        for (auto f = spec.fields.begin(); f != spec.fields.end(); ++f)
            hasConstant = hasConstant || !f.value().toString().contains(QLatin1String("${"));
        if (hasConstant && constantsMatch(spec, fields))
            return name;
    }
    // Nothing fits exactly: the sign-in (or the first one) answers, with badRequest.
    return candidates.contains(kSignIn) ? kSignIn : candidates.first();
}

SandboxReply SandboxServerPrivate::answer(const Profile &profile, const QString &endpoint,
                                          const SandboxRequest &request, bool rejectRefresh)
{
    if (endpoint == kSignIn)
        return signIn(profile, request);
    if (endpoint == kExternalSignIn)
        return externalSignIn(profile, request);
    if (endpoint == kRefresh)
        return refresh(profile, request, rejectRefresh);
    if (endpoint == kSignOut)
        return signOut(profile, request);
    if (endpoint == kProbe)
        return probe(profile, request);
    return resource(profile, request);
}

SandboxReply SandboxServerPrivate::faultReply(const Profile &profile, const QString &endpoint,
                                              const SandboxFault &fault)
{
    SandboxReply r;
    switch (fault.kind) {
    case SandboxFault::Kind::Status:
        r.status = fault.status;
        if (fault.status == 502) {
            r.contentType = "text/html";
            r.body = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                     "<hr><center>sandbox</center></body></html>";
        } else {
            r.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("sandbox_fault")},
                                               {QStringLiteral("message"), QString::fromLatin1(reasonPhrase(fault.status))},
                                               {QStringLiteral("status"), fault.status}})
                         .toJson(QJsonDocument::Compact);
        }
        if (fault.status == 429 && fault.retryAfter >= 0)
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(fault.retryAfter)));
        break;
    case SandboxFault::Kind::MalformedJson:
        r.body = "{\"access_token\": \"abc\",";
        break;
    case SandboxFault::Kind::WrongTypes: {
        const ResponseMapper::Kind kind = endpoint == kRefresh ? ResponseMapper::Refresh
            : endpoint == kExternalSignIn                     ? ResponseMapper::ExternalSignIn
                                                              : ResponseMapper::SignIn;
        const Profile::ResponseMapping &m = ResponseMapper::mapping(profile, kind);
        QJsonObject body = profile.sandbox.value(QLatin1String("success")).toObject().value(QLatin1String("body")).toObject();
        const auto put = [&body](const QString &pointer, const QJsonValue &value) {
            if (!pointer.isEmpty())
                JsonPointer::setValue(body, pointer, value);
        };
        put(m.success, true);
        put(m.accessToken, 12345);
        put(m.refreshToken, 67890);
        put(m.idToken, QJsonArray{1, 2});
        put(m.tokenType, 7);
        put(m.expiresIn, QStringLiteral("soon"));
        put(m.expiresAt, QJsonArray{QStringLiteral("tomorrow")});
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        break;
    }
    case SandboxFault::Kind::Truncated:
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(randomBytes(16).toHex())},
                                           {QStringLiteral("refresh_token"), QString::fromLatin1(randomBytes(16).toHex())}})
                     .toJson(QJsonDocument::Compact);
        r.transport = SandboxReply::Transport::Truncated;
        break;
    case SandboxFault::Kind::Drop:
        r.transport = SandboxReply::Transport::Drop;
        break;
    case SandboxFault::Kind::Oversized: {
        const qint64 size = qMax<qint64>(fault.size, 16);
        r.body = "{\"padding\":\"" + QByteArray(size - 15, 'x') + "\"}";
        break;
    }
    case SandboxFault::Kind::Empty:
        r.contentType.clear();
        break;
    case SandboxFault::Kind::Delay:
    case SandboxFault::Kind::RejectRefresh:
        break;
    }
    r.ok = false;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Endpoints

SandboxReply SandboxServerPrivate::signIn(const Profile &profile, const SandboxRequest &request)
{
    const Profile::Request &spec = profile.signIn;
    if (!requiredContentTypeOk(profile, request))
        return cannedAnswer(profile, QStringLiteral("badRequest"));
    const QHash<QString, QString> fields = bodyFields(request);
    if (!constantsMatch(spec, fields))
        return cannedAnswer(profile, QStringLiteral("badRequest"));

    const QString clientId = profile.sandbox.value(QLatin1String("clientId")).toString();
    if (!clientId.isEmpty()) {
        QString sent = fields.value(spec.clientIdField);
        bool basic = false;
        const QByteArray auth = request.header("authorization").trimmed();
        if (auth.startsWith("Basic ") || auth.startsWith("basic ")) {
            basic = true;
            const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
            sent = QUrl::fromPercentEncoding(decoded.left(decoded.indexOf(':')));
        }
        if (sent != clientId) {
            SandboxReply r = cannedAnswer(profile, QStringLiteral("invalidClient"));
            if (basic)
                r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"authsession-sandbox\"")));
            return r;
        }
    }

    const QString username = fields.value(fieldFor(spec, QStringLiteral("${username}"), QStringLiteral("username")));
    const QString password = fields.value(fieldFor(spec, QStringLiteral("${password}"), QStringLiteral("password")));
    if (username.isEmpty() || password.isEmpty())
        return cannedAnswer(profile, QStringLiteral("badRequest"));
    const SandboxUser *u = user(username);
    if (!u || u->password != password)
        return cannedAnswer(profile, QStringLiteral("invalidCredentials"));
    if (u->locked)
        return cannedAnswer(profile, QStringLiteral("accountProblem"));
    return tokenReply(profile, ResponseMapper::SignIn, *u, {}, true);
}

SandboxReply SandboxServerPrivate::externalSignIn(const Profile &profile, const SandboxRequest &request)
{
    const Profile::Request &spec = profile.externalSignIn;
    QString token = bearerToken(request);
    if (spec.token != Profile::TokenPlacement::Bearer || token.isEmpty())
        token = bodyFields(request).value(fieldFor(spec, QStringLiteral("${externalToken}"), QStringLiteral("token")));
    if (token.isEmpty())
        return cannedAnswer(profile, QStringLiteral("badRequest"));
    for (const SandboxUser &u : std::as_const(users)) {
        if (u.externalTokens.contains(token)) {
            if (u.locked)
                return cannedAnswer(profile, QStringLiteral("accountProblem"));
            return tokenReply(profile, ResponseMapper::ExternalSignIn, u, {}, true);
        }
    }
    return cannedAnswer(profile, QStringLiteral("invalidCredentials"));
}

SandboxReply SandboxServerPrivate::refresh(const Profile &profile, const SandboxRequest &request, bool reject)
{
    const Profile::Request &spec = profile.refresh;
    QString token;
    if (spec.token == Profile::TokenPlacement::Bearer) {
        token = bearerToken(request);
    } else {
        if (!requiredContentTypeOk(profile, request))
            return cannedAnswer(profile, QStringLiteral("badRequest"));
        const QHash<QString, QString> fields = bodyFields(request);
        if (!constantsMatch(spec, fields))
            return cannedAnswer(profile, QStringLiteral("badRequest"));
        token = fields.value(fieldFor(spec, QStringLiteral("${refreshToken}"), QStringLiteral("refresh_token")));
    }
    if (token.isEmpty())
        return cannedAnswer(profile, reject ? QStringLiteral("refreshRejected") : QStringLiteral("badRequest"));
    const IssuedToken *issued = validToken(token, profile.id, QStringLiteral("refresh"));
    const SandboxUser *u = issued ? user(issued->username) : nullptr;
    if (reject || !issued || !u)
        return cannedAnswer(profile, QStringLiteral("refreshRejected"));
    if (u->locked)
        return cannedAnswer(profile, QStringLiteral("accountProblem"));
    if (profile.refreshRotates)
        tokens[token].revoked = true;
    return tokenReply(profile, ResponseMapper::Refresh, *u, token, profile.refreshRotates);
}

SandboxReply SandboxServerPrivate::signOut(const Profile &profile, const SandboxRequest &request)
{
    QStringList candidates;
    const QHash<QString, QString> fields = bodyFields(request);
    for (auto it = profile.signOut.fields.begin(); it != profile.signOut.fields.end(); ++it) {
        const QString v = it.value().toString();
        if (v == QLatin1String("${refreshToken}") || v == QLatin1String("${accessToken}"))
            candidates.append(fields.value(it.key()));
    }
    candidates.append(bearerToken(request));
    for (const QString &t : std::as_const(candidates)) {
        auto it = tokens.find(t);
        if (!t.isEmpty() && it != tokens.end() && it->profile == profile.id)
            it->revoked = true;
    }
    return jsonReply(200, QJsonObject{}, true);
}

SandboxReply SandboxServerPrivate::probe(const Profile &profile, const SandboxRequest &request)
{
    if (profile.probe.authorized && !validToken(bearerToken(request), profile.id, QStringLiteral("access"))) {
        SandboxReply r = cannedAnswer(profile, QStringLiteral("unauthorized"));
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        return r;
    }
    SandboxReply r = cannedAnswer(profile, QStringLiteral("probe"));
    r.ok = r.status < 400;
    return r;
}

SandboxReply SandboxServerPrivate::resource(const Profile &profile, const SandboxRequest &request)
{
    // Any scheme name is accepted ("bearer" from simple-form-login is sent back as the API wrote it).
    const QByteArray auth = request.header("authorization").trimmed();
    const qsizetype space = auth.indexOf(' ');
    const QString token = space > 0 ? QString::fromLatin1(auth.mid(space + 1).trimmed()) : QString();
    const IssuedToken *issued = validToken(token, profile.id, QStringLiteral("access"));
    if (!issued) {
        SandboxReply r = cannedAnswer(profile, QStringLiteral("unauthorized"));
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        return r;
    }
    return jsonReply(200,
                     QJsonObject{{QStringLiteral("ok"), true},
                                 {QStringLiteral("profile"), profile.id},
                                 {QStringLiteral("user"), issued->username},
                                 {QStringLiteral("method"), QString::fromLatin1(request.method)},
                                 {QStringLiteral("path"), request.path}},
                     true);
}

// ---------------------------------------------------------------------------------------------
// Tokens

const SandboxUser *SandboxServerPrivate::user(const QString &username) const
{
    for (const SandboxUser &u : users) {
        if (u.username == username)
            return &u;
    }
    return nullptr;
}

const IssuedToken *SandboxServerPrivate::validToken(const QString &token, const QString &profileId,
                                                    const QString &kind) const
{
    if (token.isEmpty())
        return nullptr;
    const auto it = tokens.constFind(token);
    if (it == tokens.constEnd() || it->revoked || it->profile != profileId || it->kind != kind
        || it->expiresAt <= now())
        return nullptr;
    return &it.value();
}

QString SandboxServerPrivate::issue(const Profile &profile, const SandboxUser &user, const QString &kind, int ttl)
{
    const QJsonObject &sb = profile.sandbox;
    const QString format = kind == QLatin1String("access") ? sb.value(QLatin1String("accessToken")).toString(QStringLiteral("opaque"))
        : kind == QLatin1String("refresh")                  ? sb.value(QLatin1String("refreshToken")).toString(QStringLiteral("opaque"))
                                                            : QStringLiteral("jwt");
    const QDateTime issuedAt = now();
    const QDateTime expiresAt = issuedAt.addSecs(ttl);
    QString token;
    if (format == QLatin1String("jwt")) {
        QStringList claims;
        const QJsonArray list = sb.value(QLatin1String("claims")).toArray();
        for (const QJsonValue &v : list)
            claims.append(v.toString());
        if (claims.isEmpty())
            claims = {QStringLiteral("sub"), QStringLiteral("iat"), QStringLiteral("exp")};
        const QString first = user.profile.value(QLatin1String("firstname")).toString();
        const QString last = user.profile.value(QLatin1String("lastname")).toString();
        const QString fullName = QString(first + QLatin1Char(' ') + last).trimmed();
        QJsonObject payload;
        for (const QString &c : std::as_const(claims)) {
            if (c == QLatin1String("exi"))
                payload.insert(c, ttl);
            else if (c == QLatin1String("exp"))
                payload.insert(c, expiresAt.toSecsSinceEpoch());
            else if (c == QLatin1String("iat"))
                payload.insert(c, issuedAt.toSecsSinceEpoch());
            else if (c == QLatin1String("iss"))
                payload.insert(c, sb.value(QLatin1String("issuer")).toString(QStringLiteral("authsession-sandbox")));
            else if (c == QLatin1String("jti"))
                payload.insert(c, QUuid::createUuid().toString(QUuid::WithoutBraces));
            else if (c == QLatin1String("sub"))
                payload.insert(c, user.username);
            else if (c == QLatin1String("usefor"))
                payload.insert(c, kind);
            else if (c == QLatin1String("token_use"))
                payload.insert(c, kind);
            else if (c == QLatin1String("email"))
                payload.insert(c, user.profile.value(QLatin1String("email")).toString(user.username + QLatin1String("@example.com")));
            else if (c == QLatin1String("name"))
                payload.insert(c, fullName.isEmpty() ? user.username : fullName);
            else if (c == QLatin1String("user_id"))
                payload.insert(c, user.profile.value(QLatin1String("userid")).toString(user.username));
        }
        if (kind == QLatin1String("id") && !payload.contains(QLatin1String("sub")))
            payload.insert(QStringLiteral("sub"), user.username);
        // Tokens issued within the same second with the same claims would be equal: a nonce keeps
        // every token unique (a rotated refresh token must differ from the old one).
        if (!payload.contains(QLatin1String("jti")))
            payload.insert(QStringLiteral("nonce"), QString::fromLatin1(randomBytes(6).toHex()));
        token = Jwt::encodeHs256(payload, key);
    } else {
        token = QString::fromLatin1(Jwt::encodeBase64Url(randomBytes(32)));
    }
    tokens.insert(token, IssuedToken{profile.id, user.username, kind, expiresAt, false});
    return token;
}

SandboxReply SandboxServerPrivate::tokenReply(const Profile &profile, int kindValue, const SandboxUser &user,
                                              const QString &keptRefreshToken, bool newRefreshToken)
{
    const auto kind = ResponseMapper::Kind(kindValue);
    const QJsonObject &sb = profile.sandbox;
    const QJsonObject success = sb.value(QLatin1String("success")).toObject();
    QJsonObject body = success.value(QLatin1String("body")).toObject();
    const Profile::ResponseMapping &m = ResponseMapper::mapping(profile, kind);
    const auto put = [&body](const QString &pointer, const QJsonValue &value) {
        if (!pointer.isEmpty())
            JsonPointer::setValue(body, pointer, value);
    };

    put(m.accessToken, issue(profile, user, QStringLiteral("access"), accessTtl));
    const QString refreshKind = sb.value(QLatin1String("refreshToken")).toString(QStringLiteral("opaque"));
    if (!m.refreshToken.isEmpty() && refreshKind != QLatin1String("none")) {
        if (newRefreshToken || keptRefreshToken.isEmpty())
            put(m.refreshToken, issue(profile, user, QStringLiteral("refresh"), refreshTtl));
        else
            put(m.refreshToken, keptRefreshToken);
    }
    if (!m.idToken.isEmpty() && sb.value(QLatin1String("idToken")).toString() == QLatin1String("jwt"))
        put(m.idToken, issue(profile, user, QStringLiteral("id"), accessTtl));
    put(m.tokenType, sb.value(QLatin1String("tokenType")).toString(QStringLiteral("Bearer")));
    if (sb.contains(QLatin1String("scope")))
        put(m.scope, sb.value(QLatin1String("scope")).toString());
    put(m.expiresIn, accessTtl + sb.value(QLatin1String("expiresInOffset")).toInt(0));
    const QDateTime expiresAt = now().addSecs(accessTtl);
    const QString format = sb.value(QLatin1String("expiresAtFormat")).toString();
    put(m.expiresAt, format.isEmpty() ? expiresAt.toString(Qt::ISODate) : expiresAt.toString(format));
    put(m.user, user.profile);
    if (!user.passwordExpiresAt.isEmpty())
        put(m.passwordExpiresAt, user.passwordExpiresAt);
    put(m.success, true);

    SandboxReply r = jsonReply(success.value(QLatin1String("status")).toInt(200), body, true);
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    return r;
}

// ---------------------------------------------------------------------------------------------
// Admin

SandboxReply SandboxServerPrivate::adminReply(const SandboxRequest &request)
{
    const QString what = request.path.mid(int(qstrlen("/_admin/")));
    const QByteArray &m = request.method;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonObject in = doc.object();
    const auto faultList = [this] {
        QJsonArray list;
        for (const SandboxFault &f : std::as_const(faults))
            list.append(f.toJson());
        return QJsonObject{{QStringLiteral("faults"), list}};
    };
    const auto error = [](int status, const QString &message) {
        return jsonReply(status, QJsonObject{{QStringLiteral("error"), message}}, false);
    };

    if (what == QLatin1String("counters")) {
        if (m == "GET")
            return jsonReply(200, q->counters(), true);
        if (m == "DELETE") {
            q->resetCounters();
            return jsonReply(200, QJsonObject{}, true);
        }
    } else if (what == QLatin1String("faults")) {
        if (m == "GET")
            return jsonReply(200, faultList(), true);
        if (m == "DELETE") {
            faults.clear();
            return jsonReply(200, faultList(), true);
        }
        if (m == "POST") {
            QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{in};
            if (!doc.isArray() && !doc.isObject())
                return error(400, QStringLiteral("body must be a JSON fault object or array"));
            QList<SandboxFault> parsed;
            for (const QJsonValue &v : std::as_const(items)) {
                QString message;
                bool ok = false;
                const SandboxFault f = SandboxFault::fromJson(v.toObject(), &message, &ok);
                if (!ok)
                    return error(400, message);
                parsed.append(f);
            }
            faults.append(parsed);
            return jsonReply(200, faultList(), true);
        }
    } else if (what == QLatin1String("config")) {
        if (m == "POST") {
            for (const char *k : {"accessTtl", "refreshTtl", "clockSkew"}) {
                const QJsonValue v = in.value(QLatin1String(k));
                if (!v.isUndefined() && !v.isDouble())
                    return error(400, QStringLiteral("%1 must be a number").arg(QLatin1String(k)));
            }
            accessTtl = in.value(QLatin1String("accessTtl")).toInt(accessTtl);
            refreshTtl = in.value(QLatin1String("refreshTtl")).toInt(refreshTtl);
            clockSkew = in.value(QLatin1String("clockSkew")).toInt(clockSkew);
        }
        if (m == "POST" || m == "GET")
            return jsonReply(200,
                             QJsonObject{{QStringLiteral("accessTtl"), accessTtl},
                                         {QStringLiteral("refreshTtl"), refreshTtl},
                                         {QStringLiteral("clockSkew"), clockSkew}},
                             true);
    } else if (what == QLatin1String("revoke")) {
        if (m == "POST") {
            const int n = q->revoke(in.value(QLatin1String("profile")).toString(),
                                    in.value(QLatin1String("username")).toString());
            return jsonReply(200, QJsonObject{{QStringLiteral("revoked"), n}}, true);
        }
    } else if (what == QLatin1String("profiles")) {
        if (m == "GET") {
            QJsonArray list;
            for (const Profile &p : std::as_const(profiles))
                list.append(QJsonObject{{QStringLiteral("id"), p.id},
                                        {QStringLiteral("name"), p.name},
                                        {QStringLiteral("baseUrl"), q->baseUrl(p.id).toString()}});
            return jsonReply(200, list, true);
        }
    } else {
        return error(404, QStringLiteral("not_found"));
    }
    return error(405, QStringLiteral("method_not_allowed"));
}

// ---------------------------------------------------------------------------------------------
// SandboxServer

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxServerPrivate>(this))
{
    installCategoryFilter();
    const QStringList ids = ProfileRegistry::builtInIds();
    for (const QString &id : ids)
        addProfile(ProfileRegistry::builtIn(id));
    QString error;
    if (!loadUsers(QStringLiteral(":/authsession/sandbox/users.json"), &error))
        qCWarning(lcSandbox) << "default users:" << error;
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::addProfile(const Profile &profile)
{
    if (!profile.isValid())
        return false;
    d->profiles.insert(profile.id, profile);
    return true;
}

QList<Profile> SandboxServer::profiles() const
{
    return d->profiles.values();
}

const Profile *SandboxServer::profile(const QString &id) const
{
    const auto it = d->profiles.constFind(id);
    return it == d->profiles.constEnd() ? nullptr : &it.value();
}

bool SandboxServer::loadUsers(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(fileName, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(fileName, parseError.error != QJsonParseError::NoError
                                                                  ? parseError.errorString()
                                                                  : QStringLiteral("not a JSON object"));
        return false;
    }
    QString message;
    if (!setUsers(doc.object(), &message)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(fileName, message);
        return false;
    }
    return true;
}

bool SandboxServer::setUsers(const QJsonObject &json, QString *error)
{
    const QJsonValue list = json.value(QLatin1String("users"));
    if (!list.isArray()) {
        if (error)
            *error = QStringLiteral("\"users\" must be an array");
        return false;
    }
    QList<SandboxUser> users;
    int index = 0;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        SandboxUser u;
        u.username = o.value(QLatin1String("username")).toString();
        u.password = o.value(QLatin1String("password")).toString();
        if (u.username.isEmpty()) {
            if (error)
                *error = QStringLiteral("users[%1]: \"username\" is missing").arg(index);
            return false;
        }
        u.profile = o.value(QLatin1String("profile")).toObject();
        u.passwordExpiresAt = o.value(QLatin1String("passwordExpiresAt")).toString();
        u.locked = o.value(QLatin1String("locked")).toBool();
        const QJsonArray external = o.value(QLatin1String("externalTokens")).toArray();
        for (const QJsonValue &t : external)
            u.externalTokens.append(t.toString());
        users.append(u);
        ++index;
    }
    d->users = users;
    return true;
}

QStringList SandboxServer::userNames() const
{
    QStringList names;
    for (const SandboxUser &u : std::as_const(d->users))
        names.append(u.username);
    return names;
}

int SandboxServer::accessTokenLifetime() const { return d->accessTtl; }
void SandboxServer::setAccessTokenLifetime(int seconds) { d->accessTtl = seconds; }
int SandboxServer::refreshTokenLifetime() const { return d->refreshTtl; }
void SandboxServer::setRefreshTokenLifetime(int seconds) { d->refreshTtl = seconds; }
int SandboxServer::clockSkew() const { return d->clockSkew; }
void SandboxServer::setClockSkew(int seconds) { d->clockSkew = seconds; }

quint16 SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    if (d->listener)
        return d->port;
    std::unique_ptr<QTcpServer> listener;
    if (isTls()) {
        // QSslServer hands a socket on only once its handshake has finished; a client that refuses
        // the certificate never reaches the request handlers
        auto ssl = std::make_unique<QSslServer>();
        ssl->setSslConfiguration(*d->tls);
        QObject::connect(ssl.get(), &QSslServer::errorOccurred, ssl.get(), [](QSslSocket *, QAbstractSocket::SocketError error) {
            qCDebug(lcSandbox) << "TLS connection failed:" << error;
        });
        listener = std::move(ssl);
    } else {
        // The HTTP server is built on the first connection, not here: a QAbstractHttpServer builds
        // a QSslConfiguration, which loads the TLS backend (OpenSSL: ~4 MiB resident and a few
        // milliseconds) even for plain HTTP. An app that starts the sandbox at start-up, as
        // authsession-login --sandbox does, pays for that only once somebody talks to it.
        SandboxServerPrivate *priv = d.get();
        listener = std::make_unique<LazyListener>([priv] { priv->startHttp(); });
    }
    if (!listener->listen(address, port)) {
        qCWarning(lcSandbox) << "cannot listen on" << address << port << listener->errorString();
        return 0;
    }
    d->listener = listener.get();
    d->unboundListener = std::move(listener);
    d->address = address;
    d->port = d->listener->serverPort();
    if (isTls())
        d->startHttp(); // the TLS backend is loaded already
    return d->port;
}

void SandboxServerPrivate::startHttp()
{
    if (http)
        return;
    http = std::make_unique<SandboxHttpServer>(this);
    http->bind(unboundListener.release());
}

void SandboxServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    if (configuration.localCertificate().isNull())
        d->tls.reset();
    else
        d->tls = configuration;
}

bool SandboxServer::isTls() const
{
    return d->tls.has_value();
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl(const QString &profileId) const
{
    QUrl url = adminUrl();
    url.setPath(QLatin1Char('/') + profileId);
    return url;
}

QUrl SandboxServer::adminUrl() const
{
    QUrl url;
    url.setScheme(isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    const bool any = d->address.isNull() || d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4
        || d->address == QHostAddress::LocalHost;
    url.setHost(any ? QStringLiteral("127.0.0.1") : d->address.toString());
    url.setPort(d->port);
    url.setPath(QStringLiteral("/_admin"));
    return url;
}

void SandboxServer::addFault(const SandboxFault &fault)
{
    d->faults.append(fault);
}

QList<SandboxFault> SandboxServer::faults() const
{
    return d->faults;
}

void SandboxServer::clearFaults()
{
    d->faults.clear();
}

void SandboxServer::revokeAll()
{
    revoke({}, {});
}

int SandboxServer::revoke(const QString &profileId, const QString &username)
{
    int n = 0;
    for (auto it = d->tokens.begin(); it != d->tokens.end(); ++it) {
        if (it->revoked || (!profileId.isEmpty() && it->profile != profileId)
            || (!username.isEmpty() && it->username != username))
            continue;
        it->revoked = true;
        ++n;
    }
    return n;
}

int SandboxServer::count(const QString &profileId, const QString &endpoint, const QString &what) const
{
    const SandboxCounter c = d->counters.value(profileId).value(endpoint);
    if (what == QLatin1String("succeeded"))
        return c.succeeded;
    if (what == QLatin1String("failed"))
        return c.failed;
    return c.requests;
}

QJsonObject SandboxServer::counters() const
{
    QJsonObject all;
    for (auto p = d->profiles.constBegin(); p != d->profiles.constEnd(); ++p) {
        QJsonObject perProfile;
        const auto endpoints = SandboxFault::endpointNames();
        for (const QString &e : endpoints) {
            const SandboxCounter c = d->counters.value(p.key()).value(e);
            perProfile.insert(e, QJsonObject{{QStringLiteral("requests"), c.requests},
                                             {QStringLiteral("succeeded"), c.succeeded},
                                             {QStringLiteral("failed"), c.failed}});
        }
        all.insert(p.key(), perProfile);
    }
    return all;
}

void SandboxServer::resetCounters()
{
    d->counters.clear();
}

} // namespace AuthSession
