// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/autherror.h>
#include <AuthSession/profile.h>
#include <AuthSession/tokenset.h>

#include <QNetworkRequest>

#include <array>
#include <memory>

namespace AuthSession {

/*!
 * One HTTP request ready for QNetworkAccessManager::sendCustomRequest(), or the Configuration error
 * that prevented building it (insecure http, bad URL). The body may hold a password: the caller wipes
 * it with wipe() once the reply has finished.
 */
struct AUTHSESSIONCORE_EXPORT PreparedRequest {
    QNetworkRequest request;
    QByteArray verb;
    QByteArray body;
    AuthError error;
    bool isValid() const { return !error.isError(); }
    //! Overwrites the body's bytes in place (also in copies that share them) and clears it.
    void wipe();
};

/*!
 * \class AuthSession::RequestBuilder
 * Builds the sign-in, external-token, refresh, sign-out and probe requests of a profile, from the
 * profile alone. Refuses plain http:// to hosts that are not loopback unless the profile allows it.
 *
 * \code
 * RequestBuilder builder(profile, QUrl(QStringLiteral("http://127.0.0.1:8080")), {});
 * PreparedRequest p = builder.signIn(username, password);
 * QNetworkReply *reply = nam->sendCustomRequest(p.request, p.verb, p.body);
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT RequestBuilder
{
public:
    RequestBuilder() = default;
    //! \a parameters overlay the profile's parameter defaults.
    RequestBuilder(const Profile &profile, const QUrl &baseUrl, const QVariantMap &parameters = {});

    const Profile &profile() const { return m_profile; }
    QUrl baseUrl() const { return m_baseUrl; }
    //! Request timeout in milliseconds set on every request (QNetworkRequest::setTransferTimeout).
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    PreparedRequest signIn(const QString &username, const QString &password) const;
    PreparedRequest externalSignIn(const QString &externalToken) const;
    PreparedRequest refresh(const TokenSet &tokens) const;
    PreparedRequest signOut(const TokenSet &tokens) const;
    PreparedRequest probe(const TokenSet &tokens) const;
    //! A request to \a path (relative to the base URL, may carry a query) with the access token attached.
    PreparedRequest authorized(const QString &path, const QByteArray &verb, const QByteArray &body,
                               const TokenSet &tokens) const;

    //! base URL + \a path; an empty URL when \a path is not a path.
    QUrl url(const QString &path) const;
    //! A Configuration error when \a url may not carry credentials (plain http to a non-loopback host
    //! without the profile's allowInsecureHttp, not http/https, no host); NoError otherwise.
    AuthError checkUrl(const QUrl &url) const;
    //! True for 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopback(const QUrl &url);

private:
    struct Head;
    enum SpecIndex { SignInSpec, ExternalSignInSpec, RefreshSpec, SignOutSpec, ProbeSpec, SpecCount };
    PreparedRequest build(SpecIndex index, const QVariantMap &values, const QString &bearer,
                          const TokenSet *authorizeWith) const;
    //! URL, headers and client authentication of a request, expanded from \a values.
    Head makeHead(const Profile::Request &spec, const QVariantMap &values) const;
    const Profile::Request &spec(SpecIndex index) const;

    Profile m_profile;
    QUrl m_baseUrl;
    QVariantMap m_values;
    int m_timeout = 30000;
    //! Heads that use no per-call value (username, tokens ...), built on first use: the same for
    //! every sign-in and refresh of one configuration. Copies of the builder share them.
    mutable std::array<std::shared_ptr<const Head>, SpecCount> m_heads;
};

} // namespace AuthSession
