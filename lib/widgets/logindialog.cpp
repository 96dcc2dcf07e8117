// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "logindialog.h"

#include <AuthSession/session.h>

#include <QEvent>
#include <QVBoxLayout>

namespace AuthSession {

class LoginDialogPrivate
{
public:
    LoginWidget *widget = nullptr;
};

LoginDialog::LoginDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , d(new LoginDialogPrivate)
{
    setObjectName(QStringLiteral("loginDialog"));
    d->widget = new LoginWidget(session, this);
    d->widget->setObjectName(QStringLiteral("loginWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(d->widget);
    // Follow the form: grow when an inline message appears, shrink when it goes.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    connect(d->widget, &LoginWidget::signedIn, this, &QDialog::accept);
    changeEvent(nullptr);
}

LoginDialog::~LoginDialog() = default;

LoginWidget *LoginDialog::loginWidget() const
{
    return d->widget;
}

Session *LoginDialog::session() const
{
    return d->widget->session();
}

LoginWidget::Options LoginDialog::options() const
{
    return d->widget->options();
}

void LoginDialog::setOptions(LoginWidget::Options options)
{
    d->widget->setOptions(options);
}

void LoginDialog::setTitle(const QString &title)
{
    d->widget->setTitle(title);
}

void LoginDialog::setPrompt(const QString &prompt)
{
    d->widget->setPrompt(prompt);
}

void LoginDialog::setLogo(const QIcon &logo)
{
    d->widget->setLogo(logo);
    setWindowIcon(logo);
}

void LoginDialog::reject()
{
    d->widget->cancel();
    QDialog::reject();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange)
        //: Window title of the sign-in dialog
        setWindowTitle(tr("Sign In"));
    if (event)
        QDialog::changeEvent(event);
}

} // namespace AuthSession
