// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionwidgets_export.h>
#include <AuthSession/profile.h>

#include <QDateTime>
#include <QIcon>
#include <QList>
#include <QWidget>

#include <memory>

class QPixmap;

namespace AuthSession {

class LoginWidgetPrivate;
class Session;

/*!
 * \class AuthSession::LoginWidget
 * An embeddable sign-in form that drives a Session: provider and environment choosers, username
 * (with completion from Preferences::usernames()), password with a reveal toggle and a caps-lock
 * warning, "Keep me signed in", a sign-in button that turns into "Cancel" while the session is
 * signing in, and an inline message for every ErrorCategory (wrong password: the password is
 * selected for retyping; rate limited: a countdown until the button works again; network problems:
 * a hint to check the connection). Profiles with an external sign-in (datarhei Core) offer "Sign in
 * with a token" instead of the password.
 *
 * The widget does not own the Session; the Session must outlive it. Use LoginDialog for a ready-made
 * dialog, or embed the widget and listen to its signals:
 *
 * \code
 * auto *login = new AuthSession::LoginWidget(&session, this);
 * login->setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
 * login->setTitle(tr("Sign in to Example"));
 * connect(login, &LoginWidget::signedIn, this, &MainWindow::showWorkspace);
 * connect(login, &LoginWidget::cancelled, this, [] { qInfo() << "sign-in cancelled"; });
 * stack->addWidget(login);
 * \endcode
 *
 * Password expiry: when Session::passwordExpiresAt() lies within 14 days after a successful
 * sign-in, the widget shows a warning, emits passwordExpiresSoon() and turns its button into
 * "Continue"; signedIn() follows when the user presses it. Without a close expiry, signedIn()
 * follows Session::signedIn() at once. So signedIn() always means "the user is done with this form".
 */
class AUTHSESSIONWIDGETS_EXPORT LoginWidget : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString prompt READ prompt WRITE setPrompt NOTIFY promptChanged)
    Q_PROPERTY(Options options READ options WRITE setOptions NOTIFY optionsChanged)
    Q_PROPERTY(QIcon logo READ logo WRITE setLogo NOTIFY logoChanged)

public:
    //! What the form shows; combine with |.
    enum Option {
        NoOptions = 0x0,
        ShowProviderChooser = 0x1, //!< a combo box over profiles() (hidden when there is only one)
        ShowEnvironmentChooser = 0x2, //!< a combo box over the profile's environments (hidden when only one)
        ShowKeepSignedIn = 0x4, //!< the "Keep me signed in" check box, bound to Session::keepSignedIn
        UsernameReadOnly = 0x8, //!< the username is fixed (signing in again as the same account)
        ShowTokenSignIn = 0x10, //!< "Sign in with a token" for profiles with an external sign-in
        DefaultOptions = ShowEnvironmentChooser | ShowKeepSignedIn | ShowTokenSignIn,
    };
    Q_DECLARE_FLAGS(Options, Option)
    Q_FLAG(Options)

    //! A form without a session (Qt Designer, .ui files); call setSession() before use.
    explicit LoginWidget(QWidget *parent = nullptr);
    //! A form that signs \a session in. The session is not owned.
    explicit LoginWidget(Session *session, QWidget *parent = nullptr);
    ~LoginWidget() override;

    //! The session the form drives.
    Session *session() const;
    //! Drives \a session (not owned) from now on; the choosers follow its profile and base URL.
    void setSession(Session *session);

    Options options() const;
    void setOptions(Options options);

    //! The heading (default "Sign in"). An empty title hides the heading.
    QString title() const;
    void setTitle(const QString &title);
    //! The line under the heading. Empty (default) = "Enter your username and password for <provider>."
    QString prompt() const;
    void setPrompt(const QString &prompt);
    //! The logo left of the heading (scaled to the heading's height, sharp at any scale factor).
    QIcon logo() const;
    void setLogo(const QIcon &logo);
    void setLogo(const QPixmap &logo);

    //! The profiles offered by the provider chooser (default: ProfileRegistry::builtIn() of every
    //! built-in id). The session's profile is selected when it is in the list.
    QList<Profile> profiles() const;
    void setProfiles(const QList<Profile> &profiles);

    /*!
     * Offers one more environment called \a name at \a baseUrl besides the profile's own, for
     * profile \a profileId, or for every profile when \a profileId is empty. Used by apps that run a
     * SandboxServer: \c{widget.setExtraEnvironment(tr("Sandbox"), server.baseUrl(id), id)}.
     * Setting the same name again replaces the URL; an empty URL removes the entry.
     */
    void setExtraEnvironment(const QString &name, const QUrl &baseUrl, const QString &profileId = {});

    //! The username typed (or fixed with UsernameReadOnly).
    QString username() const;
    void setUsername(const QString &username);

    //! True while the session is signing in from this form.
    bool isBusy() const;

    //! Time before expiry at which the password warning appears (14 days).
    static constexpr int PasswordExpiryWarningDays = 14;

public Q_SLOTS:
    //! Starts the sign-in with what the user typed (what the button and Enter do).
    void submit();
    //! Aborts a running sign-in (what the button does while it says "Cancel").
    void cancel();

Q_SIGNALS:
    //! The session is signed in and the user has seen any password-expiry warning.
    void signedIn();
    //! The user cancelled a running sign-in.
    void cancelled();
    //! After a sign-in, the password expires at \a expiresAt, within PasswordExpiryWarningDays.
    void passwordExpiresSoon(const QDateTime &expiresAt);
    void titleChanged();
    void promptChanged();
    void optionsChanged();
    void logoChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class LoginWidgetPrivate;
    std::unique_ptr<LoginWidgetPrivate> const d;
};

} // namespace AuthSession

Q_DECLARE_OPERATORS_FOR_FLAGS(AuthSession::LoginWidget::Options)
