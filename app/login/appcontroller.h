// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "historymodel.h"
#include "providersmodel.h"

#include <AuthSession/profile.h>
#include <AuthSession/session.h>
#include <AuthSession/sessionreply.h>

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>

namespace AuthSession {

/*!
 * \class AuthSession::AppController
 * The application logic both interfaces share: the sandbox hint (demo credentials), the keychain
 * banner, the session history, "Try an API call", the user details the API sent, the remembered
 * choices (Preferences) and the About facts. QML sees it as `app`; the widgets window uses it directly.
 *
 * \code
 * AppController app(&session);
 * app.setSandbox(true);
 * connect(&app, &AppController::apiResultChanged, ...);
 * app.tryApiCall();
 * \endcode
 */
class AppController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool sandbox READ isSandbox CONSTANT)
    Q_PROPERTY(QString demoUsername READ demoUsername CONSTANT)
    Q_PROPERTY(QString demoPassword READ demoPassword CONSTANT)
    Q_PROPERTY(QString storageProblem READ storageProblem NOTIFY storageProblemChanged)
    Q_PROPERTY(AuthSession::HistoryModel *history READ history CONSTANT)
    Q_PROPERTY(AuthSession::ProvidersModel *providers READ providers CONSTANT)
    Q_PROPERTY(QUrl avatarUrl READ avatarUrl NOTIFY userChanged)
    Q_PROPERTY(QVariantList userFields READ userFields NOTIFY userChanged)
    Q_PROPERTY(bool apiBusy READ isApiBusy NOTIFY apiResultChanged)
    Q_PROPERTY(int apiStatus READ apiStatus NOTIFY apiResultChanged)
    Q_PROPERTY(QString apiBody READ apiBody NOTIFY apiResultChanged)
    Q_PROPERTY(QString apiError READ apiError NOTIFY apiResultChanged)
    Q_PROPERTY(QString apiRequest READ apiRequest NOTIFY apiResultChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    Q_PROPERTY(QString license READ license CONSTANT)
    Q_PROPERTY(QString environmentName READ environmentName NOTIFY environmentChanged)

public:
    explicit AppController(Session *session, QObject *parent = nullptr);
    ~AppController() override;

    Session *session() const { return m_session; }
    HistoryModel *history() const { return m_history; }
    ProvidersModel *providers() const { return m_providers; }

    bool isSandbox() const { return m_sandbox; }
    void setSandbox(bool sandbox) { m_sandbox = sandbox; }
    QString demoUsername() const;
    QString demoPassword() const;

    //! An environment the application added to \a profileId's (or "*": all) list, such as the sandbox.
    void addExtraEnvironment(const QString &profileId, const Profile::Environment &environment);
    //! The environments of \a profile: the extra ones first, then the profile's own.
    QList<Profile::Environment> environments(const Profile &profile) const;
    //! The name of the session's current environment (matched by base URL), or empty.
    QString environmentName() const;

    //! Empty, or why the keychain cannot keep the session (shown as a banner).
    QString storageProblem() const { return m_storageProblem; }
    Q_INVOKABLE void dismissStorageProblem();

    QUrl avatarUrl() const;
    //! [{name, value}] for the scalar fields of Session::user().
    QVariantList userFields() const;

    bool isApiBusy() const { return m_apiReply != nullptr; }
    int apiStatus() const { return m_apiStatus; }
    QString apiBody() const { return m_apiBody; }
    QString apiError() const { return m_apiError; }
    QString apiRequest() const { return m_apiRequest; }
    //! The profile's probe request (or GET "/" via send() when it has none); the answer's status and
    //! body land in apiStatus / apiBody, with any token the body might contain blanked out.
    Q_INVOKABLE void tryApiCall();

    //! Restores the kept session when the user chose to stay signed in last time.
    void restoreIfKept();

    QString version() const;
    QString qtVersion() const;
    QString license() const;

Q_SIGNALS:
    void storageProblemChanged();
    void userChanged();
    void apiResultChanged();
    void environmentChanged();

private:
    void rememberChoices();
    void setStorageProblem(const QString &text);

    QPointer<Session> m_session;
    HistoryModel *m_history;
    ProvidersModel *m_providers;
    bool m_sandbox = false;
    struct Extra {
        QString profileId;
        Profile::Environment environment;
    };
    QList<Extra> m_extras;
    QString m_storageProblem;
    QPointer<SessionReply> m_apiReply;
    int m_apiStatus = 0;
    QString m_apiBody;
    QString m_apiError;
    QString m_apiRequest;
};

} // namespace AuthSession
