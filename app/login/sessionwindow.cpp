// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "sessionwindow.h"

#include "appcontroller.h"
#include "historymodel.h"

#include <AuthSession/session.h>
#include <AuthSession/sessioninfo.h>

#include <QApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace AuthSession {

static QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

SessionWindow::SessionWindow(AppController *app, QWidget *parent)
    : QMainWindow(parent)
    , m_app(app)
    , m_info(new SessionInfo(this))
{
    setObjectName(QStringLiteral("sessionWindow"));
    //: Window title of the widgets session window
    setWindowTitle(tr("AuthSession Login"));
    Session *session = app->session();
    m_info->setSession(session);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("storageBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(QStringLiteral("background:#fff3cd;color:#5c4400;border:1px solid #e0c060;"));
    layout->addWidget(m_banner);

    m_heading = new QLabel(central);
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto *accountBox = new QGroupBox(tr("Account", "group box"), central);
    auto *accountLayout = new QVBoxLayout(accountBox);
    auto *form = new QFormLayout;
    accountLayout->addLayout(form);
    m_name = valueLabel(QStringLiteral("displayNameLabel"), accountBox);
    m_email = valueLabel(QStringLiteral("emailLabel"), accountBox);
    m_subject = valueLabel(QStringLiteral("subjectLabel"), accountBox);
    m_provider = valueLabel(QStringLiteral("providerLabel"), accountBox);
    m_tokenType = valueLabel(QStringLiteral("tokenTypeLabel"), accountBox);
    m_scope = valueLabel(QStringLiteral("scopeLabel"), accountBox);
    m_expires = valueLabel(QStringLiteral("expiresLabel"), accountBox);
    m_refresh = valueLabel(QStringLiteral("refreshLabel"), accountBox);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Email"), m_email);
    //: The user's subject identifier (the "sub" claim)
    form->addRow(tr("User ID"), m_subject);
    form->addRow(tr("Provider"), m_provider);
    //: e.g. "Bearer"
    form->addRow(tr("Token type"), m_tokenType);
    //: OAuth scope the token grants
    form->addRow(tr("Scope"), m_scope);
    //: Time left until the access token expires
    form->addRow(tr("Expires in"), m_expires);
    //: Time left until the session is renewed automatically
    form->addRow(tr("Next refresh"), m_refresh);
    auto *buttons = new QHBoxLayout;
    m_refreshButton = new QPushButton(tr("Refresh now"), accountBox);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    auto *signOutButton = new QPushButton(tr("Sign out"), accountBox);
    signOutButton->setObjectName(QStringLiteral("signOutButton"));
    buttons->addWidget(m_refreshButton);
    buttons->addStretch();
    buttons->addWidget(signOutButton);
    accountLayout->addStretch();
    accountLayout->addLayout(buttons);
    columns->addWidget(accountBox, 1);

    auto *right = new QVBoxLayout;
    columns->addLayout(right, 1);
    auto *apiBox = new QGroupBox(tr("Try an API call", "group box"), central);
    auto *apiLayout = new QVBoxLayout(apiBox);
    m_apiButton = new QPushButton(tr("Try an API call"), apiBox);
    m_apiButton->setObjectName(QStringLiteral("tryApiButton"));
    m_apiStatus = new QLabel(apiBox);
    m_apiStatus->setObjectName(QStringLiteral("apiStatusLabel"));
    m_apiStatus->setWordWrap(true);
    m_apiBody = new QPlainTextEdit(apiBox);
    m_apiBody->setObjectName(QStringLiteral("apiBodyView"));
    m_apiBody->setReadOnly(true);
    m_apiBody->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_apiBody->setAccessibleName(tr("API answer"));
    apiLayout->addWidget(m_apiButton, 0, Qt::AlignLeft);
    apiLayout->addWidget(m_apiStatus);
    apiLayout->addWidget(m_apiBody);
    right->addWidget(apiBox, 1);

    auto *historyBox = new QGroupBox(tr("History", "group box: refreshes and errors"), central);
    auto *historyLayout = new QVBoxLayout(historyBox);
    auto *historyView = new QListView(historyBox);
    historyView->setObjectName(QStringLiteral("historyView"));
    historyView->setModel(app->history());
    historyView->setAccessibleName(tr("Session history"));
    historyLayout->addWidget(historyView);
    right->addWidget(historyBox, 1);

    setCentralWidget(central);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("Sign &out"), session, &Session::signOut);
    fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit)->setShortcut(QKeySequence::Quit);
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About AuthSession Login"), this, &SessionWindow::showAbout);

    connect(m_refreshButton, &QPushButton::clicked, session, &Session::refresh);
    connect(signOutButton, &QPushButton::clicked, session, &Session::signOut);
    connect(m_apiButton, &QPushButton::clicked, app, &AppController::tryApiCall);
    connect(session, &Session::userChanged, this, &SessionWindow::updateUser);
    connect(session, &Session::tokensChanged, this, &SessionWindow::updateTokens);
    connect(session, &Session::stateChanged, this, &SessionWindow::updateTokens);
    connect(app, &AppController::environmentChanged, this, &SessionWindow::updateTokens);
    connect(m_info, &SessionInfo::tick, this, &SessionWindow::updateCountdowns);
    connect(app, &AppController::apiResultChanged, this, &SessionWindow::updateApiResult);
    connect(app, &AppController::storageProblemChanged, this, [this] {
        m_banner->setText(m_app->storageProblem());
        m_banner->setVisible(!m_app->storageProblem().isEmpty());
    });
    m_banner->setVisible(!app->storageProblem().isEmpty());
    updateUser();
    updateTokens();
    updateCountdowns();
    updateApiResult();
    resize(860, 560);
}

void SessionWindow::updateUser()
{
    //: %1 = the user's display name
    m_heading->setText(tr("Signed in as %1").arg(m_info->displayName()));
    m_name->setText(m_info->displayName());
    m_email->setText(m_info->email());
    m_subject->setText(m_info->subject());
}

void SessionWindow::updateTokens()
{
    Session *session = m_app->session();
    const QString env = m_app->environmentName();
    //: %1 = provider name, %2 = environment name
    m_provider->setText(env.isEmpty() ? session->profile().name : tr("%1 (%2)").arg(session->profile().name, env));
    //: The server sent no token type (Bearer is assumed)
    m_tokenType->setText(session->tokenType().isEmpty() ? tr("(not sent; Bearer)") : session->tokenType());
    m_scope->setText(session->scope().isEmpty() ? tr("(none)", "no scope") : session->scope());
    m_refreshButton->setEnabled(session->isSignedIn() && !session->isBusy() && session->hasRefreshToken());
    m_apiButton->setEnabled(session->isSignedIn() && !m_app->isApiBusy());
}

void SessionWindow::updateCountdowns()
{
    m_expires->setText(m_info->expiresInText());
    m_refresh->setText(m_info->refreshInText());
}

void SessionWindow::updateApiResult()
{
    if (m_app->isApiBusy())
        m_apiStatus->setText(tr("Sending %1 …", "%1 = the request").arg(m_app->apiRequest()));
    else if (m_app->apiStatus() == 0 && m_app->apiError().isEmpty())
        m_apiStatus->setText(tr("Sends the profile's probe request with the session's token (the token itself is never shown)."));
    else
        //: %1 = request, %2 = HTTP status, %3 = error text or empty
        m_apiStatus->setText(tr("%1 → HTTP %2 %3").arg(m_app->apiRequest()).arg(m_app->apiStatus()).arg(m_app->apiError()));
    m_apiBody->setPlainText(m_app->apiBody());
    m_apiButton->setEnabled(m_app->session()->isSignedIn() && !m_app->isApiBusy());
}

void SessionWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About AuthSession Login"));
    box->setIconPixmap(QIcon(QStringLiteral(":/authsession/login/authsession.svg")).pixmap(64, 64));
    //: About box; %1 = version, %2 = license, %3 = Qt version
    box->setText(tr("<h3>AuthSession Login %1</h3><p>Signs you in to REST login APIs and keeps the "
                    "session alive.</p><p>License: %2<br>Qt: %3</p>")
                     .arg(m_app->version(), m_app->license(), m_app->qtVersion().toHtmlEscaped()));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

} // namespace AuthSession
