// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessioncore_export.h>
#include <AuthSession/clock.h>
#include <AuthSession/session.h>

#include <QObject>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::SessionInfo
 * The logic behind SessionPanel.qml and the widgets session window of authsession-login (QML: the
 * AuthSession module registers it as SessionInfo): who is signed in (from Session::user: name, email, subject) and
 * live countdowns to the token's expiry and the next refresh, updated every second while signed in.
 *
 * \code
 * // QML
 * SessionInfo { id: info; session: mySession }
 * Label { text: qsTr("Expires %1").arg(info.expiresInText) }
 * \endcode
 */
class AUTHSESSIONCORE_EXPORT SessionInfo : public QObject
{
    Q_OBJECT
    Q_PROPERTY(AuthSession::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! name, preferred_username or username from the user object, else Session::username.
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    Q_PROPERTY(QString email READ email NOTIFY userChanged)
    //! The user's subject (the "sub" claim), or an "id" field.
    Q_PROPERTY(QString subject READ subject NOTIFY userChanged)
    //! Seconds until the access token expires; -1 when unknown.
    Q_PROPERTY(int expiresIn READ expiresIn NOTIFY tick)
    //! Seconds until the refresh timer fires; -1 when none is armed.
    Q_PROPERTY(int refreshIn READ refreshIn NOTIFY tick)
    Q_PROPERTY(QString expiresInText READ expiresInText NOTIFY tick)
    Q_PROPERTY(QString refreshInText READ refreshInText NOTIFY tick)
    //! See passwordExpiryWarning(); warns 14 days ahead.
    Q_PROPERTY(QString passwordExpiryText READ passwordExpiryText NOTIFY userChanged)

public:
    explicit SessionInfo(QObject *parent = nullptr);
    ~SessionInfo() override;

    Session *session() const;
    void setSession(Session *session);

    QString displayName() const;
    QString email() const;
    QString subject() const;
    int expiresIn() const;
    int refreshIn() const;
    QString expiresInText() const;
    QString refreshInText() const;
    QString passwordExpiryText() const;

    //! Replaces the wall clock (tests).
    void setClock(Clock::Function clock);

    //! "4 min 05 s", "1 h 02 min", "2 d 3 h"; "expired" for 0 or less; "unknown" for -1.
    static QString formatDuration(int seconds);
    //! A sentence for the user when \a expiresAt is less than \a warningDays days after \a now
    //! (or past); empty otherwise. Shared by SessionInfo and LoginController.
    static QString passwordExpiryWarning(const QDateTime &expiresAt, const QDateTime &now, int warningDays);

Q_SIGNALS:
    void sessionChanged();
    void userChanged();
    //! Every second while signed in, and whenever the expiry or refresh time changes.
    void tick();

private:
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
