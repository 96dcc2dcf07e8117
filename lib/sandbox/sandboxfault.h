// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionsandbox_export.h>

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace AuthSession {

/*!
 * \class AuthSession::SandboxFault
 * One misbehaviour the sandbox injects into its answers, so tests can provoke every error path the
 * client must handle: slow answers, 5xx and 429 statuses, malformed or oversized bodies, cut
 * connections and refused refresh tokens. A fault matches a profile and an endpoint ("*" = any) and
 * applies \c count times (-1 = until cleared); faults apply in the order they were added.
 *
 * The same fault has three spellings: the C++ struct, JSON (POST /_admin/faults) and a command-line
 * spec (\c --fault) of comma-separated key=value pairs.
 *
 * \code
 * QString error;
 * server.addFault(SandboxFault::parse(
 *     QStringLiteral("kind=status,status=429,retryAfter=7,endpoint=signIn,profile=v1-auth"), &error));
 * server.addFault({SandboxFault::Kind::Drop});   // the next request of any profile: no answer
 * \endcode
 */
struct AUTHSESSIONSANDBOX_EXPORT SandboxFault {
    //! What the fault does to a matching request.
    enum class Kind {
        Delay, //!< wait delayMs, then answer normally ("delay")
        Status, //!< answer with \c status: 500 JSON error, 502 HTML page, 429 with Retry-After ("status")
        MalformedJson, //!< 200 with a cut-off JSON document ("malformed-json")
        WrongTypes, //!< 200 with valid JSON whose mapped fields have the wrong types ("wrong-types")
        Truncated, //!< Content-Length larger than the body sent, then the connection closes ("truncated")
        Drop, //!< close the connection without any answer ("drop")
        Oversized, //!< 200 with a valid JSON body of \c size bytes ("oversized")
        Empty, //!< 200 with an empty body ("empty")
        RejectRefresh, //!< a refresh is answered with the profile's refreshRejected answer ("reject-refresh")
    };

    Kind kind = Kind::Status;
    QString profile = QStringLiteral("*"); //!< profile id, or "*" for every profile
    //! "*" or one of signIn, externalSignIn, refresh, signOut, probe, resource
    QString endpoint = QStringLiteral("*");
    int count = 1; //!< how many requests it applies to; -1 = until cleared
    int status = 500; //!< Status: the HTTP status
    int delayMs = 1000; //!< Delay: milliseconds before the answer
    int retryAfter = 30; //!< Status 429: the Retry-After header in seconds (-1 = no header)
    qint64 size = 10 * 1024 * 1024; //!< Oversized: body size in bytes

    //! True when the fault applies to a request of \a profileId at \a endpointName and has count left.
    bool matches(const QString &profileId, const QString &endpointName) const;

    //! The JSON form: {"kind": "status", "status": 500, "profile": "*", "endpoint": "*", "count": 1, ...}.
    QJsonObject toJson() const;
    //! Reads the JSON form; unknown keys or bad values set *error and return false in \a ok.
    static SandboxFault fromJson(const QJsonObject &json, QString *error = nullptr, bool *ok = nullptr);
    //! Reads a command-line spec such as "kind=status,status=500,endpoint=refresh,count=3,profile=v1-auth".
    static SandboxFault parse(const QString &spec, QString *error = nullptr, bool *ok = nullptr);

    //! "delay", "status", "malformed-json", ... for \a kind.
    static QString kindName(Kind kind);
    //! The Kind called \a name; *ok false for an unknown name.
    static Kind kindFromName(const QString &name, bool *ok = nullptr);
    //! The endpoint names a fault may select (without "*").
    static QStringList endpointNames();
    //! A few lines describing the spec syntax, for --help texts.
    static QString syntaxHelp();
};

} // namespace AuthSession

Q_DECLARE_METATYPE(AuthSession::SandboxFault)
