// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/authsessionwidgets_export.h>
#include <AuthSession/loginwidget.h>

#include <QDialog>

#include <memory>

namespace AuthSession {

class LoginDialogPrivate;
class Session;

/*!
 * \class AuthSession::LoginDialog
 * A ready-made sign-in dialog: a thin QDialog around a LoginWidget. It accepts when the widget
 * reports LoginWidget::signedIn() (right after Session::signedIn(), or after the user confirmed a
 * password-expiry warning). Escape, the window's close button and reject() cancel a running
 * sign-in and reject the dialog.
 *
 * Modal, blocking:
 * \code
 * AuthSession::LoginDialog dialog(&session, this);
 * dialog.setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
 * if (dialog.exec() == QDialog::Accepted)
 *     startWork();   // session.isSignedIn() is true here
 * \endcode
 *
 * Non-blocking, with signals:
 * \code
 * auto *dialog = new AuthSession::LoginDialog(&session, this);
 * dialog->setAttribute(Qt::WA_DeleteOnClose);
 * connect(dialog, &QDialog::accepted, this, &MainWindow::startWork);
 * connect(dialog, &QDialog::rejected, this, &MainWindow::close);
 * dialog->show();
 * \endcode
 */
class AUTHSESSIONWIDGETS_EXPORT LoginDialog : public QDialog
{
    Q_OBJECT
public:
    //! A dialog that signs \a session in (not owned; it must outlive the dialog).
    explicit LoginDialog(Session *session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    //! The form inside, for branding and further settings.
    LoginWidget *loginWidget() const;
    Session *session() const;

    //! Shortcuts to loginWidget()'s options, title, prompt and logo.
    LoginWidget::Options options() const;
    void setOptions(LoginWidget::Options options);
    void setTitle(const QString &title);
    void setPrompt(const QString &prompt);
    void setLogo(const QIcon &logo);

public Q_SLOTS:
    //! Cancels a running sign-in, then closes with QDialog::Rejected.
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    std::unique_ptr<LoginDialogPrivate> const d;
};

} // namespace AuthSession
