// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "appcontroller.h"

#include "historymodel.h"
#include "providersmodel.h"
#include "sandboxmode.h"

#include <AuthSession/preferences.h>
#include <AuthSession/session.h>
#include <AuthSession/sessionreply.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkRequest>

Q_DECLARE_LOGGING_CATEGORY(lcLogin)

namespace AuthSession {

// The API call's answer is shown, not processed; a few kilobytes are plenty.
static constexpr int maxBodyChars = 4000;

AppController::AppController(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_history(new HistoryModel(this))
    , m_providers(new ProvidersModel(this))
{
    m_history->setSession(session);
    connect(session, &Session::userChanged, this, &AppController::userChanged);
    connect(session, &Session::baseUrlChanged, this, &AppController::environmentChanged);
    connect(session, &Session::profileChanged, this, &AppController::environmentChanged);
    connect(session, &Session::signedIn, this, &AppController::rememberChoices);
    connect(session, &Session::signedOut, this, [this] {
        // A fresh start for the next account: no answer of the previous one stays on screen.
        m_apiStatus = 0;
        m_apiBody.clear();
        m_apiError.clear();
        m_apiRequest.clear();
        Q_EMIT apiResultChanged();
    });
    connect(session, &Session::storageFailed, this, [this](const AuthError &error) {
        qCWarning(lcLogin) << "token store failed:" << error.toString();
        setStorageProblem(tr("The system keychain is not available (%1). You stay signed in until "
                             "you quit, but the session cannot be kept for the next start.",
                             "banner; %1 = the keychain's own message")
                              .arg(error.message()));
    });
    connect(session, &Session::restoreFailed, this, [this](const AuthError &error) {
        if (error.category() == ErrorCategory::Storage)
            setStorageProblem(tr("The system keychain is not available (%1), so the kept session "
                                 "could not be restored. Sign in again; it works without the keychain "
                                 "until you quit.",
                                 "banner; %1 = the keychain's own message")
                                  .arg(error.message()));
    });
}

AppController::~AppController() = default;

QString AppController::demoUsername() const
{
    return m_sandbox ? SandboxMode::demoUsername() : QString();
}

QString AppController::demoPassword() const
{
    return m_sandbox ? SandboxMode::demoPassword() : QString();
}

void AppController::addExtraEnvironment(const QString &profileId, const Profile::Environment &environment)
{
    m_extras.append({profileId, environment});
    Q_EMIT environmentChanged();
}

QList<Profile::Environment> AppController::environments(const Profile &profile) const
{
    QList<Profile::Environment> result;
    for (const Extra &extra : m_extras) {
        if (extra.profileId == profile.id || extra.profileId == QLatin1String("*"))
            result.append(extra.environment);
    }
    result.append(profile.environments);
    return result;
}

QString AppController::environmentName() const
{
    if (!m_session)
        return {};
    for (const auto &e : environments(m_session->profile())) {
        if (e.baseUrl == m_session->baseUrl())
            return e.name;
    }
    return {};
}

void AppController::setStorageProblem(const QString &text)
{
    if (text == m_storageProblem)
        return;
    m_storageProblem = text;
    Q_EMIT storageProblemChanged();
}

void AppController::dismissStorageProblem()
{
    setStorageProblem({});
}

QUrl AppController::avatarUrl() const
{
    if (!m_session)
        return {};
    const QJsonObject user = m_session->user();
    for (const char *key : {"avatar", "avatar_url", "avatarUrl", "picture", "image", "photo"}) {
        const QUrl url(user.value(QLatin1String(key)).toString());
        if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
            return url;
    }
    return {};
}

QVariantList AppController::userFields() const
{
    QVariantList fields;
    if (!m_session)
        return fields;
    const QJsonObject user = m_session->user();
    // Name, email and subject have their own rows; the avatar is shown as a picture.
    static const QStringList shown = {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("sub"),
                                      QStringLiteral("avatar"), QStringLiteral("avatar_url"), QStringLiteral("picture")};
    static const QStringList times = {QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("nbf"),
                                      QStringLiteral("auth_time")};
    for (auto it = user.constBegin(); it != user.constEnd(); ++it) {
        if (shown.contains(it.key()))
            continue;
        const QJsonValue v = it.value();
        QString text;
        if (v.isDouble() && times.contains(it.key()))
            text = QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(v.toDouble())), QLocale::ShortFormat);
        else if (v.isString())
            text = v.toString();
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else
            continue; // nested objects and arrays: too long for a details list
        fields.append(QVariantMap{{QStringLiteral("name"), it.key()}, {QStringLiteral("value"), text}});
    }
    return fields;
}

void AppController::tryApiCall()
{
    if (!m_session || !m_session->isSignedIn() || m_apiReply)
        return;
    const bool probe = m_session->profile().hasProbe();
    SessionReply *reply = probe ? m_session->probe()
                                : m_session->send(QNetworkRequest(m_session->url(QStringLiteral("/"))));
    m_apiReply = reply;
    m_apiRequest = probe ? tr("%1 %2 (the profile's probe)", "API call; %1 = method, %2 = path")
                               .arg(QString::fromLatin1(m_session->profile().probe.method), m_session->profile().probe.path)
                         : tr("GET / (the profile has no probe)", "API call");
    m_apiStatus = 0;
    m_apiBody.clear();
    m_apiError.clear();
    Q_EMIT apiResultChanged();
    connect(reply, &SessionReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_apiReply = nullptr;
        m_apiStatus = reply->status();
        m_apiError = reply->error().isError() ? reply->error().message() : QString();
        QByteArray body = reply->body();
        const QJsonDocument json = QJsonDocument::fromJson(body);
        if (!json.isNull())
            body = json.toJson(QJsonDocument::Indented);
        QString text = QString::fromUtf8(body);
        // The body is shown on screen: never a token, even if an API echoes one back.
        if (m_session) {
            const TokenSet tokens = m_session->tokens();
            for (const QString &secret : {tokens.accessToken, tokens.refreshToken, tokens.idToken}) {
                if (secret.size() >= 8)
                    text.replace(secret, tr("[token hidden]", "replaces a token in a shown API answer"));
            }
        }
        if (text.size() > maxBodyChars)
            text = text.left(maxBodyChars) + QStringLiteral("\n…");
        m_apiBody = text;
        Q_EMIT apiResultChanged();
    });
}

void AppController::restoreIfKept()
{
    const Preferences prefs;
    if (!m_session || !prefs.keepSignedIn() || prefs.lastUsername().isEmpty()
        || prefs.lastProfile() != m_session->profileId())
        return;
    qCInfo(lcLogin) << "restoring the kept session of" << prefs.lastUsername() << "at" << m_session->profileId();
    m_session->setUsername(prefs.lastUsername());
    m_session->setKeepSignedIn(true);
    m_history->setRestoring(true);
    m_session->restore();
}

void AppController::rememberChoices()
{
    // Non-secret choices only: never a token or password in the settings.
    Preferences prefs;
    prefs.setLastProfile(m_session->profileId());
    prefs.setLastEnvironment(environmentName());
    prefs.setLastBaseUrl(m_session->baseUrl());
    prefs.setLastUsername(m_session->username());
    prefs.setKeepSignedIn(m_session->keepSignedIn());
    if (m_session->keepSignedIn())
        prefs.addAccount({m_session->profileId(), m_session->baseUrl(), m_session->username()});
}

QString AppController::version() const
{
    return QStringLiteral(AUTHSESSION_VERSION);
}

QString AppController::qtVersion() const
{
    //: %1 = Qt version the app runs with, %2 = the one it was built with
    return tr("%1 (built with %2)", "About: Qt version").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

QString AppController::license() const
{
    return QStringLiteral("BSD-3-Clause");
}

} // namespace AuthSession
