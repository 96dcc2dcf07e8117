// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionquick_export.h>
#include <AuthSession/autherror.h>
#include <AuthSession/clock.h>
#include <AuthSession/session.h>

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace AuthSession {

/*!
 * \class AuthSession::LoginController
 * The logic behind LoginScreen.qml, kept in C++ so it is tested there: submitting (sign in, or cancel
 * while busy), the error text for each ErrorCategory, the RateLimited countdown that blocks submitting,
 * caps-lock detection from key events, the password-expiry warning, and remembering the username in
 * Preferences after a successful sign-in.
 *
 * \code
 * // QML
 * LoginController { id: controller; session: mySession }
 * Button {
 *     text: controller.busy ? qsTr("Cancel") : qsTr("Sign in")
 *     enabled: controller.busy || controller.canSubmit
 *     onClicked: controller.submit(user.text, password.text)
 * }
 * Label { visible: controller.hasError; text: controller.errorText }
 * \endcode
 */
class AUTHSESSIONQUICK_EXPORT LoginController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AuthSession::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    //! The session is signing in (or refreshing): the submit button cancels.
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    //! Submitting is possible: not busy and no RateLimited countdown running.
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY canSubmitChanged)
    Q_PROPERTY(bool hasError READ hasError NOTIFY errorChanged)
    Q_PROPERTY(AuthSession::ErrorCategory errorCategory READ errorCategory NOTIFY errorChanged)
    //! The sentence shown under the form; for RateLimited it counts down.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    //! Seconds until signing in is allowed again after RateLimited; 0 when allowed.
    Q_PROPERTY(int retryCountdown READ retryCountdown NOTIFY retryCountdownChanged)
    //! Caps Lock appears to be on (inferred from typed letters and the Caps Lock key).
    Q_PROPERTY(bool capsLockOn READ isCapsLockOn NOTIFY capsLockOnChanged)
    //! A warning when the password expires within passwordExpiryWarningDays; empty otherwise.
    Q_PROPERTY(QString passwordExpiryText READ passwordExpiryText NOTIFY passwordExpiryTextChanged)
    Q_PROPERTY(int passwordExpiryWarningDays READ passwordExpiryWarningDays WRITE setPasswordExpiryWarningDays NOTIFY passwordExpiryTextChanged)
    //! Seconds to wait after a 429 without Retry-After (default 30).
    Q_PROPERTY(int defaultRetryAfter READ defaultRetryAfter WRITE setDefaultRetryAfter NOTIFY defaultRetryAfterChanged)
    //! The Preferences group the username is remembered in; empty = remember nothing.
    Q_PROPERTY(QString preferencesGroup READ preferencesGroup WRITE setPreferencesGroup NOTIFY preferencesGroupChanged)

public:
    explicit LoginController(QObject *parent = nullptr);
    ~LoginController() override;

    Session *session() const;
    void setSession(Session *session);

    bool isBusy() const;
    bool canSubmit() const;
    bool hasError() const;
    ErrorCategory errorCategory() const;
    QString errorText() const;
    int retryCountdown() const;
    bool isCapsLockOn() const;
    QString passwordExpiryText() const;
    int passwordExpiryWarningDays() const;
    void setPasswordExpiryWarningDays(int days);
    int defaultRetryAfter() const;
    void setDefaultRetryAfter(int seconds);
    QString preferencesGroup() const;
    void setPreferencesGroup(const QString &group);

    //! Replaces the wall clock used for the password-expiry warning (tests).
    void setClock(Clock::Function clock);

    //! The warning for a password expiring at \a expiresAt, seen at \a now: empty when it is invalid
    //! or more than \a warningDays away. Shared with SessionInfo.
    static QString passwordExpiryWarning(const QDateTime &expiresAt, const QDateTime &now, int warningDays);
    //! Caps Lock state implied by typing \a text with \a modifiers: 1 on, 0 off, -1 cannot tell.
    static int capsLockFromKey(const QString &text, Qt::KeyboardModifiers modifiers);

    //! Signs in with \a username and \a password; while busy it cancels instead. Returns false when
    //! nothing was started (no session, empty username, countdown running).
    Q_INVOKABLE bool submit(const QString &username, const QString &password);
    //! Signs in with an external token (profiles with external sign-in).
    Q_INVOKABLE bool submitToken(const QString &token);
    //! Cancels a running sign-in.
    Q_INVOKABLE void cancel();
    //! Feeds a key press (key, modifiers, text as QML's KeyEvent has them) to the caps-lock detection.
    Q_INVOKABLE void handleKey(int key, int modifiers, const QString &text);
    //! Hides the error (the user started typing again). A running countdown keeps its text.
    Q_INVOKABLE void clearError();
    //! Forgets the error and caps-lock state, as when the screen is shown again.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void sessionChanged();
    void busyChanged();
    void canSubmitChanged();
    void errorChanged();
    void retryCountdownChanged();
    void capsLockOnChanged();
    void passwordExpiryTextChanged();
    void defaultRetryAfterChanged();
    void preferencesGroupChanged();
    //! The server rejected the password: the screen selects it for retyping.
    void passwordRejected();
    //! A sign-in finished successfully.
    void signedIn();

private:
    struct Private;
    std::unique_ptr<Private> const d;
};

} // namespace AuthSession
