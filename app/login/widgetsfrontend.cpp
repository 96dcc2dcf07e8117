// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "widgetsfrontend.h"

#include "appcontroller.h"
#include "sandboxmode.h"
#include "sessionwindow.h"

#include <AuthSession/logindialog.h>
#include <AuthSession/session.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>
#include <QWindow>

namespace AuthSession {

WidgetsFrontend::WidgetsFrontend(AppController *app, const QList<Profile> &profiles, QObject *parent)
    : Frontend(parent)
    , m_app(app)
    , m_profiles(profiles)
{
}

WidgetsFrontend::~WidgetsFrontend()
{
    delete m_dialog;
    delete m_window;
}

bool WidgetsFrontend::start()
{
    Session *session = m_app->session();
    const QIcon icon(QStringLiteral(":/authsession/login/authsession.svg"));
    // The session window is built when the session is first signed in (sessionWindow()): the
    // first frame shows only the dialog, and building the window took a third of the start-up.
    m_dialog = new LoginDialog(session);
    m_dialog->installEventFilter(this); // for firstFrameShown()
    m_dialog->setOptions(LoginWidget::DefaultOptions | LoginWidget::ShowProviderChooser);
    m_dialog->setLogo(icon);
    m_dialog->loginWidget()->setProfiles(m_profiles);
    for (const Profile &p : m_profiles) {
        for (const auto &env : m_app->environments(p)) {
            if (!p.environment(env.name))
                m_dialog->loginWidget()->setExtraEnvironment(env.name, env.baseUrl, p.id);
        }
    }
    if (m_app->isSandbox()) {
        //: Shown on the sign-in dialog in --sandbox mode; %1 / %2 = demo username / password
        m_dialog->setPrompt(tr("Local sandbox: sign in with <b>%1</b> / <b>%2</b>.")
                                .arg(m_app->demoUsername(), m_app->demoPassword()));
    }
    if (!session->username().isEmpty())
        m_dialog->loginWidget()->setUsername(session->username());

    // Closing the dialog while signed out ends the app; hiding it after sign-in does not.
    connect(m_dialog, &QDialog::rejected, qApp, [session] {
        if (!session->isSignedIn())
            QCoreApplication::exit(0);
    });
    connect(session, &Session::stateChanged, this, &WidgetsFrontend::follow);
    follow();
    return true;
}

void WidgetsFrontend::follow()
{
    Session *session = m_app->session();
    const auto state = session->state();
    if (session->isSignedIn()) {
        sessionWindow()->show();
        m_dialog->hide();
    } else if (state == Session::State::SignedOut || state == Session::State::Expired) {
        // Show the dialog first: hiding the last visible window would quit the app.
        m_dialog->show();
        if (m_window)
            m_window->hide();
    }
    Q_EMIT pageChanged();
}

SessionWindow *WidgetsFrontend::sessionWindow()
{
    if (!m_window) {
        m_window = new SessionWindow(m_app);
        m_window->setWindowIcon(QIcon(QStringLiteral(":/authsession/login/authsession.svg")));
    }
    return m_window;
}

QWidget *WidgetsFrontend::current() const
{
    if (m_window && m_window->isVisible())
        return m_window;
    return m_dialog;
}

void WidgetsFrontend::raiseWindow()
{
    QWidget *w = current();
    if (!w)
        return;
    w->setWindowState(w->windowState() & ~Qt::WindowMinimized);
    w->show();
    w->raise();
    w->activateWindow();
}

QString WidgetsFrontend::page() const
{
    if (m_window && m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")))
        return QStringLiteral("about");
    return current() == m_window ? QStringLiteral("session") : QStringLiteral("signin");
}

bool WidgetsFrontend::showPage(const QString &page)
{
    if (page == QLatin1String("about") && m_window && m_window->isVisible()) {
        m_window->showAbout();
        return true;
    }
    return page == this->page();
}

QString WidgetsFrontend::signIn(const QString &username, const QString &password, bool keep)
{
    if (!m_dialog || !m_dialog->isVisible())
        return QStringLiteral("the sign-in dialog is not shown");
    auto *user = m_dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *pass = m_dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    auto *keepBox = m_dialog->findChild<QCheckBox *>(QStringLiteral("keepSignedInCheck"));
    auto *button = m_dialog->findChild<QAbstractButton *>(QStringLiteral("signInButton"));
    if (!user || !pass || !keepBox || !button)
        return QStringLiteral("sign-in fields not found");
    user->setText(username);
    pass->setText(password);
    if (keepBox->isChecked() != keep)
        keepBox->click();
    if (!button->isEnabled())
        return QStringLiteral("the Sign in button is disabled");
    button->click();
    return {};
}

QString WidgetsFrontend::click(const QString &objectName)
{
    QWidget *w = current();
    auto *button = w ? w->findChild<QAbstractButton *>(objectName) : nullptr;
    if (!button || !button->isVisible())
        return QStringLiteral("no visible button called ") + objectName;
    if (!button->isEnabled())
        return objectName + QStringLiteral(" is disabled");
    button->click();
    return {};
}

QString WidgetsFrontend::text(const QString &objectName) const
{
    for (QWidget *w : {static_cast<QWidget *>(m_window.data()), static_cast<QWidget *>(m_dialog.data())}) {
        if (!w)
            continue;
        if (auto *label = w->findChild<QLabel *>(objectName))
            return label->text();
        if (auto *edit = w->findChild<QLineEdit *>(objectName))
            return edit->echoMode() == QLineEdit::Normal ? edit->text() : QString();
    }
    return {};
}

QImage WidgetsFrontend::grab()
{
    QWidget *w = current();
    if (auto *about = m_window ? m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")) : nullptr)
        w = about;
    return w ? w->grab().toImage() : QImage();
}

QWindow *WidgetsFrontend::window() const
{
    QWidget *w = current();
    return w ? w->windowHandle() : nullptr;
}

bool WidgetsFrontend::eventFilter(QObject *watched, QEvent *event)
{
    // The first frame: the dialog painted, the backing store flushes next.
    if (watched == m_dialog && event->type() == QEvent::Paint) {
        m_dialog->removeEventFilter(this);
        QTimer::singleShot(0, this, &Frontend::firstFrameShown);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace AuthSession
