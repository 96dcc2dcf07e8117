// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "requestbuilder.h"

#include "secrets_p.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QUrlQuery>

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

static void setFormOrJson(PreparedRequest &p, Profile::Encoding encoding, const QJsonObject &fields)
{
    if (encoding == Profile::Encoding::Form) {
        QUrlQuery query;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QJsonValue v = it.value();
            const QString s = v.isString() ? v.toString() : v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                       : v.toVariant().toString();
            query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(it.key())),
                               QString::fromLatin1(QUrl::toPercentEncoding(s)));
        }
        p.body = query.query(QUrl::FullyEncoded).toLatin1();
        p.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    } else if (encoding == Profile::Encoding::Json) {
        p.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
        p.request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
}

PreparedRequest RequestBuilder::build(const Profile::Request &spec, const QVariantMap &values, const QString &bearer,
                                      const TokenSet *authorizeWith) const
{
    PreparedRequest p;
    p.verb = spec.method;
    const QUrl target = url(Profile::expand(spec.path, values));
    p.error = checkUrl(target);
    if (p.error.isError())
        return p;
    p.request.setUrl(target);
    p.request.setTransferTimeout(m_timeout);
    // Credentials never follow a redirect: a login endpoint that redirects is answered as an error.
    p.request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    p.request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    p.request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    p.request.setRawHeader("Accept", "application/json");
    for (auto it = spec.headers.constBegin(); it != spec.headers.constEnd(); ++it)
        p.request.setRawHeader(it.key().toLatin1(), Profile::expand(it.value(), values).toUtf8());

    QJsonObject fields;
    for (auto it = spec.fields.constBegin(); it != spec.fields.constEnd(); ++it) {
        QJsonValue v = it.value();
        if (v.isString())
            v = Profile::expand(v.toString(), values);
        if (spec.omitEmpty.contains(it.key()) && v.isString() && v.toString().isEmpty())
            continue;
        fields.insert(it.key(), v);
    }

    const QString clientAuth = Profile::expand(spec.clientAuth, values);
    const QString clientId = Profile::expand(spec.clientId, values);
    const QString clientSecret = Profile::expand(spec.clientSecret, values);
    if (clientAuth == QLatin1String("basic")) {
        // RFC 6749 2.3.1: form-encode id and secret before base64
        const QByteArray credentials = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
        p.request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    } else if (clientAuth == QLatin1String("body")) {
        if (!clientId.isEmpty())
            fields.insert(spec.clientIdField, clientId);
        if (!clientSecret.isEmpty())
            fields.insert(spec.clientSecretField, clientSecret);
    } else if (!clientAuth.isEmpty() && clientAuth != QLatin1String("none")) {
        p.error = AuthError(ErrorCategory::Configuration,
                            QStringLiteral("Unknown client authentication \"%1\" (use body or basic).").arg(clientAuth));
        return p;
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
    PreparedRequest p = build(m_profile.signIn, values, {}, nullptr);
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
    return build(m_profile.externalSignIn, values, bearer ? externalToken : QString(), nullptr);
}

PreparedRequest RequestBuilder::refresh(const TokenSet &tokens) const
{
    if (!m_profile.hasRefresh())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider cannot refresh tokens."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("refreshToken"), tokens.refreshToken);
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    const bool bearer = m_profile.refresh.token == Profile::TokenPlacement::Bearer;
    return build(m_profile.refresh, values, bearer ? tokens.refreshToken : QString(),
                 m_profile.refresh.authorized ? &tokens : nullptr);
}

PreparedRequest RequestBuilder::signOut(const TokenSet &tokens) const
{
    if (!m_profile.hasSignOut())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider has no sign-out request."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("refreshToken"), tokens.refreshToken.isEmpty() ? tokens.accessToken : tokens.refreshToken);
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    return build(m_profile.signOut, values, {}, m_profile.signOut.authorized ? &tokens : nullptr);
}

PreparedRequest RequestBuilder::probe(const TokenSet &tokens) const
{
    if (!m_profile.hasProbe())
        return {{}, {}, {}, AuthError(ErrorCategory::Configuration, QStringLiteral("This provider has no probe request."))};
    QVariantMap values = m_values;
    values.insert(QStringLiteral("accessToken"), tokens.accessToken);
    return build(m_profile.probe, values, {}, m_profile.probe.authorized ? &tokens : nullptr);
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
