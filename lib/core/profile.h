// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace AuthSession {

/*!
 * \class AuthSession::Profile
 * One login API, described by a JSON provider profile (docs/profiles.md). The client reads it to talk to
 * the provider; the sandbox reads the same file to be that provider. Nothing about a provider is
 * hard-coded in C++.
 *
 * \code
 * QList<Profile::Problem> problems;
 * Profile profile = Profile::fromJson(file.readAll(), &problems, file.fileName());
 * if (!profile.isValid())
 *     for (const auto &p : problems) qWarning() << p.toString();   // "$.signIn.path: missing"
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT Profile
{
public:
    //! A named base URL ("Production", "Sandbox").
    struct Environment {
        QString name;
        QUrl baseUrl;
    };

    //! A named value the user may set (clientId, scope, tokenPath); used as ${name} in the profile.
    struct Parameter {
        QString name;
        QString defaultValue;
        QString description;
        QStringList choices; //!< allowed values; empty = any
        bool secret = false; //!< never shown, logged or stored in settings
    };

    //! HTTP statuses and server error codes that select an error category.
    struct ErrorMatch {
        QList<int> statuses;
        QStringList codes;
        bool matches(int status, const QString &code) const;
    };

    //! Where the answer keeps its parts, as JSON Pointers (RFC 6901). Empty = not sent by this API.
    struct ResponseMapping {
        QString accessToken;
        QString refreshToken;
        QString idToken;
        QString tokenType;
        QString scope;
        QString expiresIn;
        QString expiresAt;
        QString expiresAtFormat = QStringLiteral("auto"); //!< auto | iso8601 | unix | unix-ms | a QDateTime format (UTC)
        QString success; //!< boolean flag; false = failed even with HTTP 200
        QString user;
        QString passwordExpiresAt;
        QStringList errorMessage; //!< tried in order; the first string found wins
        QString errorCode;
        ErrorMatch invalidCredentials; //!< sign-in: wrong username or password
        ErrorMatch accountProblem; //!< sign-in: locked account, expired password
        ErrorMatch rejected; //!< refresh: the refresh token is no good
        ErrorMatch configuration; //!< the client is misconfigured (OAuth2 invalid_client ...)
    };

    enum class Encoding { None, Json, Form };
    //! Where a token travels in a request.
    enum class TokenPlacement { None, Bearer };

    //! One request the client makes. Strings may use ${parameter} and the built-in ${username},
    //! ${password}, ${refreshToken}, ${accessToken}, ${externalToken}.
    struct Request {
        QByteArray method = "POST";
        QString path;
        Encoding encoding = Encoding::Json;
        QJsonObject fields; //!< body fields; string values are templates
        QStringList omitEmpty; //!< fields left out when their value is empty
        QMap<QString, QString> headers;
        TokenPlacement token = TokenPlacement::None; //!< the request's token (refresh/external) as Bearer
        bool authorized = false; //!< attach the access token (probe, sign-out)
        QString clientAuth; //!< template resolving to none | body | basic
        QString clientId; //!< template
        QString clientSecret; //!< template
        QString clientIdField = QStringLiteral("client_id");
        QString clientSecretField = QStringLiteral("client_secret");
        ResponseMapping response;
        bool isValid() const { return !path.isEmpty(); }
    };

    //! A problem found while loading, at a JSON path such as "$.signIn.response.accessToken".
    struct Problem {
        QString jsonPath;
        QString message;
        QString toString() const { return jsonPath + QLatin1String(": ") + message; }
    };

    QString id;
    QString name;
    QString description;
    QList<Environment> environments;
    bool allowInsecureHttp = false; //!< allow plain http:// to hosts that are not loopback
    QList<Parameter> parameters;
    Request signIn;
    Request externalSignIn; //!< optional: sign in with a token from elsewhere (datarhei's Auth0)
    Request refresh; //!< optional
    bool refreshRotates = false; //!< the server issues a new refresh token and the old one stops working
    Request signOut; //!< optional
    Request probe; //!< optional: a request that proves the token works
    QJsonObject sandbox; //!< how the sandbox plays this provider; ignored by the client
    QString source; //!< the file it came from (":/..." for built-ins)

    bool isValid() const { return !id.isEmpty() && signIn.isValid(); }
    bool hasRefresh() const { return refresh.isValid(); }
    bool hasExternalSignIn() const { return externalSignIn.isValid(); }
    bool hasSignOut() const { return signOut.isValid(); }
    bool hasProbe() const { return probe.isValid(); }

    //! The environment called \a name (case-insensitive), or nullptr.
    const Environment *environment(const QString &name) const;
    //! The parameter called \a name, or nullptr.
    const Parameter *parameter(const QString &name) const;
    //! Parameter defaults overlaid with \a values.
    QVariantMap parameterValues(const QVariantMap &values = {}) const;
    //! \a text with every ${name} replaced from \a values (unknown names become empty).
    static QString expand(const QString &text, const QVariantMap &values);

    /*!
     * Parses and validates a profile. On any problem returns an invalid Profile and appends every
     * problem found (not just the first) to \a problems. \a source names the file in messages.
     */
    static Profile fromJson(const QByteArray &json, QList<Problem> *problems = nullptr,
                            const QString &source = {});
    //! Reads and parses \a fileName (a path or a ":/" resource).
    static Profile fromFile(const QString &fileName, QList<Problem> *problems = nullptr);
};

} // namespace AuthSession

Q_DECLARE_METATYPE(AuthSession::Profile)
