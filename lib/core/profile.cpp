// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "profile.h"

#include "jsonpointer.h"
#include "requestbuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace AuthSession {

bool Profile::ErrorMatch::matches(int status, const QString &code) const
{
    return (status && statuses.contains(status)) || (!code.isEmpty() && codes.contains(code));
}

const Profile::Environment *Profile::environment(const QString &envName) const
{
    for (const Environment &e : environments) {
        if (e.name.compare(envName, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const Profile::Parameter *Profile::parameter(const QString &paramName) const
{
    for (const Parameter &p : parameters) {
        if (p.name == paramName)
            return &p;
    }
    return nullptr;
}

QVariantMap Profile::parameterValues(const QVariantMap &values) const
{
    QVariantMap result;
    for (const Parameter &p : parameters)
        result.insert(p.name, p.defaultValue);
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        result.insert(it.key(), it.value());
    return result;
}

// ${name} placeholders, name = [A-Za-z_][A-Za-z0-9_]*. Scanned by hand rather than with a
// QRegularExpression: every profile is parsed at start-up, and PCRE2 (compiling and JIT-ing the pattern,
// mapping the library) was a visible part of the desktop app's time to first frame.
static bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'_' || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

static bool isNamePart(QChar c)
{
    return isNameStart(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

//! Calls \a found(start, end, name) for every ${name} in \a text, left to right.
template<typename Found>
static void forEachPlaceholder(QStringView text, Found found)
{
    const qsizetype n = text.size();
    qsizetype from = 0;
    while (from < n) {
        const qsizetype open = text.indexOf(u"${", from);
        if (open < 0)
            return;
        qsizetype end = open + 2;
        if (end < n && isNameStart(text[end])) {
            while (end < n && isNamePart(text[end]))
                ++end;
            if (end < n && text[end] == u'}') {
                found(open, end + 1, text.mid(open + 2, end - open - 2));
                from = end + 1;
                continue;
            }
        }
        from = open + 1;
    }
}

QString Profile::expand(const QString &text, const QVariantMap &values)
{
    if (!text.contains(QLatin1String("${")))
        return text;
    QString result;
    qsizetype last = 0;
    forEachPlaceholder(text, [&](qsizetype start, qsizetype end, QStringView name) {
        result += QStringView(text).mid(last, start - last);
        result += values.value(name.toString()).toString();
        last = end;
    });
    result += QStringView(text).mid(last);
    return result;
}

//! ^[a-z0-9][a-z0-9._-]*$
static bool isProfileId(QStringView id)
{
    auto lowerOrDigit = [](char16_t u) { return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'); };
    if (id.isEmpty() || !lowerOrDigit(id.front().unicode()))
        return false;
    return std::all_of(id.begin(), id.end(), [&](QChar c) {
        const char16_t u = c.unicode();
        return lowerOrDigit(u) || u == u'.' || u == u'_' || u == u'-';
    });
}

namespace {

// Walks the JSON of a profile, collecting every problem with its JSON path instead of stopping at
// the first: a person fixing a profile wants the whole list at once.
class Reader
{
public:
    QList<Profile::Problem> problems;
    QSet<QString> parameterNames;
    QStringList placeholders; // "$.path" + name, checked once all parameters are known
    QList<QPair<QString, QString>> usedPlaceholders;

    void problem(const QString &path, const QString &message) { problems.append({path, message}); }

    void checkKeys(const QJsonObject &o, const QString &path, std::initializer_list<const char *> allowed)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            bool known = false;
            for (const char *a : allowed)
                known = known || it.key() == QLatin1String(a);
            if (!known)
                problem(path + QLatin1Char('.') + it.key(), QStringLiteral("unknown key"));
        }
    }

    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null: return QStringLiteral("null");
        case QJsonValue::Bool: return QStringLiteral("a boolean");
        case QJsonValue::Double: return QStringLiteral("a number");
        case QJsonValue::String: return QStringLiteral("a string");
        case QJsonValue::Array: return QStringLiteral("an array");
        case QJsonValue::Object: return QStringLiteral("an object");
        case QJsonValue::Undefined: return QStringLiteral("missing");
        }
        return {};
    }

    void wrongType(const QString &path, const char *expected, const QJsonValue &v)
    {
        problem(path, QStringLiteral("expected %1, found %2").arg(QLatin1String(expected), typeName(v)));
    }

    void notePlaceholders(const QString &path, const QString &text)
    {
        forEachPlaceholder(text, [&](qsizetype, qsizetype, QStringView name) {
            usedPlaceholders.append({path, name.toString()});
        });
    }

    QString string(const QJsonObject &o, const char *key, const QString &path, bool required = false,
                   const QString &fallback = {})
    {
        const QJsonValue v = o.value(QLatin1String(key));
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        if (v.isUndefined()) {
            if (required)
                problem(p, QStringLiteral("missing"));
            return fallback;
        }
        if (!v.isString()) {
            wrongType(p, "a string", v);
            return fallback;
        }
        if (required && v.toString().isEmpty())
            problem(p, QStringLiteral("must not be empty"));
        notePlaceholders(p, v.toString());
        return v.toString();
    }

    bool boolean(const QJsonObject &o, const char *key, const QString &path, bool fallback = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            wrongType(path + QLatin1Char('.') + QLatin1String(key), "a boolean", v);
            return fallback;
        }
        return v.toBool();
    }

    QString pointer(const QJsonObject &o, const char *key, const QString &path)
    {
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        const QString value = string(o, key, path);
        if (!value.isEmpty() && !JsonPointer::isValid(value))
            problem(p, QStringLiteral("invalid JSON Pointer \"%1\" (must start with / and escape ~ as ~0, / as ~1)").arg(value));
        return value;
    }

    QStringList pointerList(const QJsonObject &o, const char *key, const QString &path)
    {
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        const QJsonValue v = o.value(QLatin1String(key));
        QStringList result;
        if (v.isUndefined())
            return result;
        if (v.isString()) {
            result.append(pointer(o, key, path));
            return result;
        }
        if (!v.isArray()) {
            wrongType(p, "a JSON Pointer or an array of them", v);
            return result;
        }
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString ip = p + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
            if (!a.at(i).isString()) {
                wrongType(ip, "a string", a.at(i));
            } else if (!JsonPointer::isValid(a.at(i).toString())) {
                problem(ip, QStringLiteral("invalid JSON Pointer \"%1\"").arg(a.at(i).toString()));
            } else {
                result.append(a.at(i).toString());
            }
        }
        return result;
    }

    QStringList stringList(const QJsonObject &o, const char *key, const QString &path)
    {
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        const QJsonValue v = o.value(QLatin1String(key));
        QStringList result;
        if (v.isUndefined())
            return result;
        if (!v.isArray()) {
            wrongType(p, "an array of strings", v);
            return result;
        }
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            if (a.at(i).isString())
                result.append(a.at(i).toString());
            else
                wrongType(p + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'), "a string", a.at(i));
        }
        return result;
    }

    QJsonObject object(const QJsonObject &o, const char *key, const QString &path, bool *present = nullptr)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (present)
            *present = false;
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            wrongType(path + QLatin1Char('.') + QLatin1String(key), "an object", v);
            return {};
        }
        if (present)
            *present = true;
        return v.toObject();
    }

    Profile::ErrorMatch errorMatch(const QJsonObject &o, const char *key, const QString &path,
                                   const Profile::ErrorMatch &fallback)
    {
        bool present = false;
        const QJsonObject m = object(o, key, path, &present);
        if (!present)
            return fallback;
        const QString p = path + QLatin1Char('.') + QLatin1String(key);
        checkKeys(m, p, {"statuses", "codes"});
        Profile::ErrorMatch result;
        const QJsonValue statuses = m.value(QLatin1String("statuses"));
        if (!statuses.isUndefined()) {
            if (!statuses.isArray()) {
                wrongType(p + QLatin1String(".statuses"), "an array of HTTP statuses", statuses);
            } else {
                const QJsonArray a = statuses.toArray();
                for (int i = 0; i < a.size(); ++i) {
                    const int s = a.at(i).toInt(-1);
                    if (!a.at(i).isDouble() || s < 100 || s > 599)
                        problem(p + QLatin1String(".statuses[") + QString::number(i) + QLatin1Char(']'),
                                QStringLiteral("expected an HTTP status (100-599)"));
                    else
                        result.statuses.append(s);
                }
            }
        }
        result.codes = stringList(m, "codes", p);
        return result;
    }

    Profile::ResponseMapping mapping(const QJsonObject &o, const QString &path, const Profile::ResponseMapping &base,
                                     bool requireAccessToken)
    {
        checkKeys(o, path, {"accessToken", "refreshToken", "idToken", "tokenType", "scope", "expiresIn", "expiresAt",
                            "expiresAtFormat", "success", "user", "passwordExpiresAt", "errorMessage", "errorCode",
                            "invalidCredentials", "accountProblem", "rejected", "configuration"});
        Profile::ResponseMapping m = base;
        auto ptr = [&](const char *key, QString &target) {
            if (o.contains(QLatin1String(key)))
                target = pointer(o, key, path);
        };
        ptr("accessToken", m.accessToken);
        ptr("refreshToken", m.refreshToken);
        ptr("idToken", m.idToken);
        ptr("tokenType", m.tokenType);
        ptr("scope", m.scope);
        ptr("expiresIn", m.expiresIn);
        ptr("expiresAt", m.expiresAt);
        ptr("success", m.success);
        ptr("user", m.user);
        ptr("passwordExpiresAt", m.passwordExpiresAt);
        ptr("errorCode", m.errorCode);
        if (o.contains(QLatin1String("expiresAtFormat")))
            m.expiresAtFormat = string(o, "expiresAtFormat", path, false, QStringLiteral("auto"));
        if (o.contains(QLatin1String("errorMessage")))
            m.errorMessage = pointerList(o, "errorMessage", path);
        m.invalidCredentials = errorMatch(o, "invalidCredentials", path, m.invalidCredentials);
        m.accountProblem = errorMatch(o, "accountProblem", path, m.accountProblem);
        m.rejected = errorMatch(o, "rejected", path, m.rejected);
        m.configuration = errorMatch(o, "configuration", path, m.configuration);
        if (requireAccessToken && !o.contains(QLatin1String("accessToken")))
            problem(path + QLatin1String(".accessToken"), QStringLiteral("missing"));
        else if (o.contains(QLatin1String("accessToken")) && m.accessToken.isEmpty())
            problem(path + QLatin1String(".accessToken"), QStringLiteral("must point into the answer (a JSON Pointer such as \"/access_token\")"));
        return m;
    }

    Profile::Request request(const QJsonObject &o, const QString &path, const Profile::ResponseMapping *inherit)
    {
        checkKeys(o, path, {"method", "path", "encoding", "fields", "omitEmpty", "headers", "token", "authorized",
                            "clientAuth", "response"});
        Profile::Request r;
        r.path = string(o, "path", path, true);
        if (!r.path.isEmpty() && !r.path.startsWith(QLatin1Char('/')) && !r.path.startsWith(QLatin1String("${")))
            problem(path + QLatin1String(".path"), QStringLiteral("must start with /"));
        const QString method = string(o, "method", path, false, QStringLiteral("POST")).toUpper();
        static const QStringList methods = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                            QStringLiteral("PATCH"), QStringLiteral("DELETE")};
        if (!methods.contains(method))
            problem(path + QLatin1String(".method"), QStringLiteral("expected one of GET, POST, PUT, PATCH, DELETE"));
        r.method = method.toLatin1();
        const QString encoding = string(o, "encoding", path, false, QStringLiteral("json"));
        if (encoding == QLatin1String("json"))
            r.encoding = Profile::Encoding::Json;
        else if (encoding == QLatin1String("form"))
            r.encoding = Profile::Encoding::Form;
        else if (encoding == QLatin1String("none"))
            r.encoding = Profile::Encoding::None;
        else
            problem(path + QLatin1String(".encoding"), QStringLiteral("expected json, form or none"));
        r.fields = object(o, "fields", path);
        for (auto it = r.fields.constBegin(); it != r.fields.constEnd(); ++it) {
            const QString fp = path + QLatin1String(".fields.") + it.key();
            if (it.value().isString())
                notePlaceholders(fp, it.value().toString());
            else if (it.value().isObject() || it.value().isArray())
                wrongType(fp, "a string, number or boolean", it.value());
        }
        r.omitEmpty = stringList(o, "omitEmpty", path);
        const QJsonObject headers = object(o, "headers", path);
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
            if (it.value().isString()) {
                r.headers.insert(it.key(), it.value().toString());
                notePlaceholders(path + QLatin1String(".headers.") + it.key(), it.value().toString());
            } else {
                wrongType(path + QLatin1String(".headers.") + it.key(), "a string", it.value());
            }
        }
        const QString token = string(o, "token", path, false, QStringLiteral("none"));
        if (token == QLatin1String("bearer"))
            r.token = Profile::TokenPlacement::Bearer;
        else if (token != QLatin1String("none"))
            problem(path + QLatin1String(".token"), QStringLiteral("expected bearer or none"));
        r.authorized = boolean(o, "authorized", path);
        bool hasClient = false;
        const QJsonObject client = object(o, "clientAuth", path, &hasClient);
        if (hasClient) {
            const QString cp = path + QLatin1String(".clientAuth");
            checkKeys(client, cp, {"method", "id", "secret", "idField", "secretField"});
            r.clientAuth = string(client, "method", cp, true);
            r.clientId = string(client, "id", cp);
            r.clientSecret = string(client, "secret", cp);
            r.clientIdField = string(client, "idField", cp, false, r.clientIdField);
            r.clientSecretField = string(client, "secretField", cp, false, r.clientSecretField);
        }
        bool hasResponse = false;
        const QJsonObject response = object(o, "response", path, &hasResponse);
        if (hasResponse)
            r.response = mapping(response, path + QLatin1String(".response"), inherit ? *inherit : defaultMapping(), !inherit);
        else if (inherit)
            r.response = *inherit;
        else
            problem(path + QLatin1String(".response"), QStringLiteral("missing"));
        return r;
    }

    static Profile::ResponseMapping defaultMapping()
    {
        Profile::ResponseMapping m;
        m.invalidCredentials.statuses = {401};
        m.accountProblem.statuses = {403, 423};
        m.rejected.statuses = {400, 401, 403};
        return m;
    }
};

} // namespace

Profile Profile::fromJson(const QByteArray &json, QList<Problem> *problems, const QString &source)
{
    Reader r;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // QJsonParseError gives an offset; people want a line and column.
        const QByteArray before = json.left(parseError.offset);
        const int line = before.count('\n') + 1;
        const int column = int(parseError.offset - (before.lastIndexOf('\n') + 1)) + 1;
        r.problem(QStringLiteral("$"), QStringLiteral("malformed JSON at line %1, column %2: %3")
                                           .arg(line).arg(column).arg(parseError.errorString()));
    } else if (!doc.isObject()) {
        r.problem(QStringLiteral("$"), QStringLiteral("expected an object"));
    }
    if (!r.problems.isEmpty()) {
        if (problems)
            problems->append(r.problems);
        return {};
    }

    const QJsonObject o = doc.object();
    const QString root = QStringLiteral("$");
    r.checkKeys(o, root, {"$schema", "id", "name", "description", "environments", "allowInsecureHttp", "parameters",
                          "signIn", "externalSignIn", "refresh", "refreshRotates", "signOut", "probe", "sandbox"});
    Profile p;
    p.source = source;
    p.id = r.string(o, "id", root, true);
    if (!p.id.isEmpty() && !isProfileId(p.id))
        r.problem(QStringLiteral("$.id"), QStringLiteral("use lowercase letters, digits, '.', '_' and '-' only"));
    p.name = r.string(o, "name", root, true);
    p.description = r.string(o, "description", root);
    p.allowInsecureHttp = r.boolean(o, "allowInsecureHttp", root);
    p.refreshRotates = r.boolean(o, "refreshRotates", root);

    // parameters first: the placeholders used everywhere else are checked against them
    const QJsonObject params = r.object(o, "parameters", root);
    for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
        const QString pp = QStringLiteral("$.parameters.") + it.key();
        if (!it.value().isObject()) {
            r.wrongType(pp, "an object", it.value());
            continue;
        }
        const QJsonObject po = it.value().toObject();
        r.checkKeys(po, pp, {"default", "description", "choices", "secret"});
        Parameter param;
        param.name = it.key();
        param.defaultValue = r.string(po, "default", pp);
        param.description = r.string(po, "description", pp);
        param.choices = r.stringList(po, "choices", pp);
        param.secret = r.boolean(po, "secret", pp);
        if (!param.choices.isEmpty() && !param.choices.contains(param.defaultValue))
            r.problem(pp + QLatin1String(".default"), QStringLiteral("must be one of the choices"));
        p.parameters.append(param);
        r.parameterNames.insert(param.name);
    }

    const QJsonValue envs = o.value(QLatin1String("environments"));
    if (envs.isUndefined()) {
        r.problem(QStringLiteral("$.environments"), QStringLiteral("missing"));
    } else if (!envs.isArray()) {
        r.wrongType(QStringLiteral("$.environments"), "an array", envs);
    } else if (envs.toArray().isEmpty()) {
        r.problem(QStringLiteral("$.environments"), QStringLiteral("needs at least one environment"));
    } else {
        const QJsonArray a = envs.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString ep = QStringLiteral("$.environments[%1]").arg(i);
            if (!a.at(i).isObject()) {
                r.wrongType(ep, "an object", a.at(i));
                continue;
            }
            const QJsonObject eo = a.at(i).toObject();
            r.checkKeys(eo, ep, {"name", "baseUrl"});
            Environment env;
            env.name = r.string(eo, "name", ep, true);
            const QString url = r.string(eo, "baseUrl", ep, true);
            env.baseUrl = QUrl(url, QUrl::StrictMode);
            if (!url.isEmpty()) {
                const QString scheme = env.baseUrl.scheme();
                if (!env.baseUrl.isValid() || env.baseUrl.host().isEmpty()
                    || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
                    r.problem(ep + QLatin1String(".baseUrl"), QStringLiteral("expected an http:// or https:// URL"));
                } else if (scheme == QLatin1String("http") && !p.allowInsecureHttp
                           && !RequestBuilder::isLoopback(env.baseUrl)) {
                    r.problem(ep + QLatin1String(".baseUrl"),
                              QStringLiteral("plain http:// to a host that is not loopback needs \"allowInsecureHttp\": true"));
                }
            }
            p.environments.append(env);
        }
    }

    bool present = false;
    const QJsonObject signIn = r.object(o, "signIn", root, &present);
    if (!present && !o.contains(QLatin1String("signIn")))
        r.problem(QStringLiteral("$.signIn"), QStringLiteral("missing"));
    else if (present)
        p.signIn = r.request(signIn, QStringLiteral("$.signIn"), nullptr);

    auto optional = [&](const char *key, Request &target) {
        bool has = false;
        const QJsonObject ro = r.object(o, key, root, &has);
        if (has)
            target = r.request(ro, root + QLatin1Char('.') + QLatin1String(key), &p.signIn.response);
    };
    optional("externalSignIn", p.externalSignIn);
    optional("refresh", p.refresh);
    optional("signOut", p.signOut);
    optional("probe", p.probe);
    p.sandbox = r.object(o, "sandbox", root);

    static const QSet<QString> builtIns = {QStringLiteral("username"), QStringLiteral("password"),
                                           QStringLiteral("refreshToken"), QStringLiteral("accessToken"),
                                           QStringLiteral("externalToken")};
    for (const auto &[path, name] : std::as_const(r.usedPlaceholders)) {
        if (!builtIns.contains(name) && !r.parameterNames.contains(name))
            r.problem(path, QStringLiteral("unknown parameter ${%1}; declare it under \"parameters\"").arg(name));
    }

    if (!r.problems.isEmpty()) {
        if (problems)
            problems->append(r.problems);
        return {};
    }
    return p;
}

Profile Profile::fromFile(const QString &fileName, QList<Problem> *problems)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append({QStringLiteral("$"), QStringLiteral("cannot read the file: %1").arg(file.errorString())});
        return {};
    }
    // a profile is a few KB; refuse anything absurd instead of parsing it
    constexpr qint64 maxSize = 1024 * 1024;
    if (file.size() > maxSize) {
        if (problems)
            problems->append({QStringLiteral("$"), QStringLiteral("the file is larger than 1 MiB")});
        return {};
    }
    return fromJson(file.readAll(), problems, fileName);
}

} // namespace AuthSession
