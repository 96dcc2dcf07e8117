// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

// Private header: not installed, not part of the API. Tests include it for the caps-lock detector.

#include "loginwidget.h"

#include <AuthSession/autherror.h>
#include <AuthSession/session.h>

#include <QMap>
#include <QPointer>

#include <optional>

class QCheckBox;
class QComboBox;
class QCompleter;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStringListModel;
class QTimer;
class QAction;

namespace AuthSession {

/*!
 * What a key press says about Caps Lock, which Qt cannot query portably: a letter whose case
 * disagrees with Shift means Caps Lock is on, one that agrees means it is off, anything else
 * (digits, punctuation, letters without case) says nothing (std::nullopt).
 */
AUTHSESSIONWIDGETS_EXPORT std::optional<bool> capsLockFromKey(const QString &text,
                                                              Qt::KeyboardModifiers modifiers);

class LoginWidgetPrivate
{
public:
    explicit LoginWidgetPrivate(LoginWidget *q);

    void setupUi();
    void retranslate();
    void updateIcons();
    void connectSession();
    void syncFromSession();
    void fillProviders();
    void fillEnvironments(const QString &preferred = {}, bool choose = false);
    void applyProvider();
    void applyEnvironment();
    void updateVisibility();
    void updateBusy();
    void updatePrompt();
    void updateCompleter();
    void setTokenMode(bool on);
    void showError(const AuthError &error);
    void showMessage(const QString &text, bool warning = false);
    void clearMessage();
    void startCountdown(int seconds);
    void updateCountdown();
    void onSignedIn();
    void onSignInFailed(const AuthError &error);
    void onButtonClicked();
    void setCapsLock(bool on);
    int currentProfileIndex() const;

    LoginWidget *const q;
    QPointer<Session> session;
    QList<QMetaObject::Connection> sessionConnections;
    LoginWidget::Options options = LoginWidget::DefaultOptions;
    QList<Profile> profiles;
    struct Extra {
        QString name;
        QUrl baseUrl;
        QString profileId; // empty = every profile
    };
    QList<Extra> extras;
    QString title;
    QString prompt;
    QIcon logo;
    bool syncing = false;
    bool tokenMode = false;
    bool acknowledging = false; // signed in, the user still has to read the expiry warning
    bool startedHere = false;
    int countdown = 0;

    QFormLayout *form = nullptr;
    QLabel *logoLabel = nullptr;
    QLabel *titleLabel = nullptr;
    QLabel *promptLabel = nullptr;
    QLabel *providerLabel = nullptr;
    QComboBox *providerCombo = nullptr;
    QLabel *environmentLabel = nullptr;
    QComboBox *environmentCombo = nullptr;
    QLabel *usernameLabel = nullptr;
    QLineEdit *usernameEdit = nullptr;
    QCompleter *completer = nullptr;
    QStringListModel *completionModel = nullptr;
    QLabel *passwordLabel = nullptr;
    QLineEdit *passwordEdit = nullptr;
    QAction *revealAction = nullptr;
    QWidget *capsLockWarning = nullptr;
    QLabel *capsLockIcon = nullptr;
    QLabel *capsLockText = nullptr;
    QLabel *tokenLabel = nullptr;
    QLineEdit *tokenEdit = nullptr;
    QCheckBox *keepSignedInCheck = nullptr;
    QWidget *messageBox = nullptr;
    QLabel *messageIcon = nullptr;
    QLabel *messageLabel = nullptr;
    QProgressBar *busyIndicator = nullptr;
    QPushButton *tokenToggle = nullptr;
    QPushButton *signInButton = nullptr;
    QTimer *countdownTimer = nullptr;
};

} // namespace AuthSession
