// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "loginwidget.h"
#include "loginwidget_p.h"

#include <AuthSession/preferences.h>
#include <AuthSession/profileregistry.h>
#include <AuthSession/session.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QStringListModel>
#include <QStyle>
#include <QStyleOption>
#include <QTimer>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcWidgets, "authsession.widgets", QtInfoMsg)

static void initResources()
{
    Q_INIT_RESOURCE(authsession_widgets_icons);
}

namespace AuthSession {

std::optional<bool> capsLockFromKey(const QString &text, Qt::KeyboardModifiers modifiers)
{
    if (text.size() != 1)
        return std::nullopt;
    const QChar c = text.at(0);
    // Letters without case (CJK, digits, punctuation) say nothing about Caps Lock.
    if (!c.isLetter() || c.toUpper() == c.toLower())
        return std::nullopt;
    const bool shift = modifiers.testFlag(Qt::ShiftModifier);
    return c.isUpper() != shift;
}

// Monochrome SVG icons are drawn in the palette's text colour so they follow light and dark
// schemes; rendering several sizes keeps them sharp at QT_SCALE_FACTOR=2 and beyond.
namespace {
// A monochrome SVG icon drawn in the palette's text colour, rendered for the sizes actually asked for
// (it used to render seven sizes up front: the SVG parsed seven times before the first frame).
class TintedIconEngine : public QIconEngine
{
public:
    TintedIconEngine(const QString &fileName, const QColor &color)
        : m_source(fileName)
        , m_color(color)
    {
    }

    QIconEngine *clone() const override { return new TintedIconEngine(*this); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        const QString key = QStringLiteral("%1x%2@%3/%4").arg(size.width()).arg(size.height()).arg(scale).arg(int(mode));
        auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd())
            return *it;
        QImage image = m_source.pixmap(size, scale, QIcon::Normal, state).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), m_color);
        painter.end();
        QPixmap result = QPixmap::fromImage(image);
        if (mode == QIcon::Disabled) {
            QStyleOption option;
            option.palette = QApplication::palette();
            result = QApplication::style()->generatedIconPixmap(QIcon::Disabled, result, &option);
        }
        m_cache.insert(key, result);
        return result;
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

private:
    QIcon m_source;
    QColor m_color;
    QHash<QString, QPixmap> m_cache;
};
} // namespace

static QIcon tintedIcon(const QString &fileName, const QColor &color)
{
    return QIcon(new TintedIconEngine(fileName, color));
}

static QString iconPath(const char *name)
{
    return QStringLiteral(":/authsession/widgets/icons/") + QLatin1String(name) + QStringLiteral(".svg");
}

LoginWidgetPrivate::LoginWidgetPrivate(LoginWidget *q)
    : q(q)
{
}

int LoginWidgetPrivate::currentProfileIndex() const
{
    const int index = providerCombo->currentIndex();
    return index >= 0 && index < profiles.size() ? index : -1;
}

void LoginWidgetPrivate::setupUi()
{
    initResources();

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    // Wide enough for the prompt and messages to wrap in two or three lines, in any language.
    q->setMinimumWidth(q->fontMetrics().averageCharWidth() * 62);

    auto *header = new QHBoxLayout;
    logoLabel = new QLabel(q);
    logoLabel->setObjectName(QStringLiteral("logoLabel"));
    logoLabel->hide();
    titleLabel = new QLabel(q);
    titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    titleLabel->setWordWrap(true);
    header->addWidget(logoLabel);
    header->addWidget(titleLabel, 1);
    layout->addLayout(header);

    promptLabel = new QLabel(q);
    promptLabel->setObjectName(QStringLiteral("promptLabel"));
    promptLabel->setWordWrap(true);
    layout->addWidget(promptLabel);
    layout->addSpacing(q->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, q));

    form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    providerLabel = new QLabel(q);
    providerLabel->setObjectName(QStringLiteral("providerLabel"));
    providerCombo = new QComboBox(q);
    providerCombo->setObjectName(QStringLiteral("providerCombo"));
    providerLabel->setBuddy(providerCombo);
    form->addRow(providerLabel, providerCombo);

    environmentLabel = new QLabel(q);
    environmentLabel->setObjectName(QStringLiteral("environmentLabel"));
    environmentCombo = new QComboBox(q);
    environmentCombo->setObjectName(QStringLiteral("environmentCombo"));
    environmentLabel->setBuddy(environmentCombo);
    form->addRow(environmentLabel, environmentCombo);

    usernameLabel = new QLabel(q);
    usernameLabel->setObjectName(QStringLiteral("usernameLabel"));
    usernameEdit = new QLineEdit(q);
    usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    usernameEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    completionModel = new QStringListModel(q);
    completer = new QCompleter(completionModel, q);
    completer->setObjectName(QStringLiteral("usernameCompleter"));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    usernameEdit->setCompleter(completer);
    usernameLabel->setBuddy(usernameEdit);
    form->addRow(usernameLabel, usernameEdit);

    passwordLabel = new QLabel(q);
    passwordLabel->setObjectName(QStringLiteral("passwordLabel"));
    passwordEdit = new QLineEdit(q);
    passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    passwordEdit->setEchoMode(QLineEdit::Password);
    passwordEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                      | Qt::ImhNoAutoUppercase | Qt::ImhHiddenText);
    passwordEdit->installEventFilter(q);
    revealAction = new QAction(q);
    revealAction->setObjectName(QStringLiteral("revealAction"));
    revealAction->setCheckable(true);
    passwordEdit->addAction(revealAction, QLineEdit::TrailingPosition);
    passwordLabel->setBuddy(passwordEdit);
    form->addRow(passwordLabel, passwordEdit);

    // The line edit's action button is not focusable by default; the reveal toggle must be
    // reachable from the keyboard (Tab, then Space), as KPasswordLineEdit's is not.
    const auto objects = revealAction->associatedObjects();
    for (QObject *object : objects) {
        if (auto *button = qobject_cast<QAbstractButton *>(object)) {
            button->setObjectName(QStringLiteral("revealButton"));
            button->setFocusPolicy(Qt::TabFocus);
        }
    }

    capsLockWarning = new QWidget(q);
    capsLockWarning->setObjectName(QStringLiteral("capsLockWarning"));
    auto *capsLayout = new QHBoxLayout(capsLockWarning);
    capsLayout->setContentsMargins(0, 0, 0, 0);
    capsLockIcon = new QLabel(capsLockWarning);
    capsLockIcon->setObjectName(QStringLiteral("capsLockIcon"));
    capsLockText = new QLabel(capsLockWarning);
    capsLockText->setObjectName(QStringLiteral("capsLockText"));
    capsLayout->addWidget(capsLockIcon);
    capsLayout->addWidget(capsLockText, 1);
    form->addRow(QString(), capsLockWarning);

    tokenLabel = new QLabel(q);
    tokenLabel->setObjectName(QStringLiteral("tokenLabel"));
    tokenEdit = new QLineEdit(q);
    tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    tokenEdit->setEchoMode(QLineEdit::Password);
    tokenEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    tokenLabel->setBuddy(tokenEdit);
    form->addRow(tokenLabel, tokenEdit);

    keepSignedInCheck = new QCheckBox(q);
    keepSignedInCheck->setObjectName(QStringLiteral("keepSignedInCheck"));
    form->addRow(QString(), keepSignedInCheck);

    messageBox = new QWidget(q);
    messageBox->setObjectName(QStringLiteral("messageBox"));
    auto *messageLayout = new QHBoxLayout(messageBox);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageIcon = new QLabel(messageBox);
    messageIcon->setObjectName(QStringLiteral("messageIcon"));
    messageIcon->setAlignment(Qt::AlignTop);
    messageLabel = new QLabel(messageBox);
    messageLabel->setObjectName(QStringLiteral("errorLabel"));
    messageLabel->setWordWrap(true);
    messageLabel->setTextFormat(Qt::PlainText);
    messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    messageLayout->addWidget(messageIcon);
    messageLayout->addWidget(messageLabel, 1);
    messageBox->hide();
    layout->addWidget(messageBox);

    layout->addStretch(1);

    auto *buttons = new QHBoxLayout;
    tokenToggle = new QPushButton(q);
    tokenToggle->setObjectName(QStringLiteral("tokenToggle"));
    tokenToggle->setFlat(true);
    tokenToggle->setAutoDefault(false);
    busyIndicator = new QProgressBar(q);
    busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    busyIndicator->setRange(0, 0);
    busyIndicator->setTextVisible(false);
    busyIndicator->hide();
    signInButton = new QPushButton(q);
    signInButton->setObjectName(QStringLiteral("signInButton"));
    // Enter is handled by LoginWidget::keyPressEvent so that a surrounding QDialog never submits
    // twice; the button keeps the default look.
    signInButton->setAutoDefault(false);
    signInButton->setDefault(true);
    buttons->addWidget(tokenToggle);
    buttons->addWidget(busyIndicator, 1);
    buttons->addStretch(0);
    buttons->addWidget(signInButton);
    layout->addLayout(buttons);

    countdownTimer = new QTimer(q);
    countdownTimer->setObjectName(QStringLiteral("countdownTimer"));
    countdownTimer->setInterval(1000);

    QWidget::setTabOrder(providerCombo, environmentCombo);
    QWidget::setTabOrder(environmentCombo, usernameEdit);
    QWidget::setTabOrder(usernameEdit, passwordEdit);
    QWidget *last = passwordEdit;
    if (auto *reveal = q->findChild<QAbstractButton *>(QStringLiteral("revealButton"))) {
        QWidget::setTabOrder(passwordEdit, reveal);
        last = reveal;
    }
    QWidget::setTabOrder(last, tokenEdit);
    QWidget::setTabOrder(tokenEdit, keepSignedInCheck);
    QWidget::setTabOrder(keepSignedInCheck, signInButton);
    QWidget::setTabOrder(signInButton, tokenToggle);

    QObject::connect(providerCombo, &QComboBox::activated, q, [this] { applyProvider(); });
    QObject::connect(environmentCombo, &QComboBox::activated, q, [this] { applyEnvironment(); });
    QObject::connect(revealAction, &QAction::toggled, q, [this](bool on) {
        passwordEdit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        retranslate();
        updateIcons();
    });
    QObject::connect(keepSignedInCheck, &QCheckBox::toggled, q, [this](bool on) {
        if (session && !syncing)
            session->setKeepSignedIn(on);
    });
    QObject::connect(signInButton, &QPushButton::clicked, q, [this] { onButtonClicked(); });
    QObject::connect(tokenToggle, &QPushButton::clicked, q, [this] { setTokenMode(!tokenMode); });
    QObject::connect(countdownTimer, &QTimer::timeout, q, [this] {
        --countdown;
        updateCountdown();
    });
    QObject::connect(passwordEdit, &QLineEdit::textEdited, q, [this](const QString &text) {
        if (text.isEmpty())
            setCapsLock(false);
    });

    retranslate();
    updateIcons();
    setCapsLock(false);
    setTokenMode(false);
}

void LoginWidgetPrivate::retranslate()
{
    if (title.isNull())
        //: Heading of the sign-in form
        titleLabel->setText(LoginWidget::tr("Sign in", "heading"));
    else
        titleLabel->setText(title);
    titleLabel->setVisible(!titleLabel->text().isEmpty());

    //: Form label of the provider chooser (which login API)
    providerLabel->setText(LoginWidget::tr("&Provider:"));
    //: Accessible name of the provider chooser
    providerCombo->setAccessibleName(LoginWidget::tr("Provider"));
    //: Accessible description of the provider chooser
    providerCombo->setAccessibleDescription(LoginWidget::tr("The service to sign in to"));

    //: Form label of the environment chooser (Production, Sandbox ...)
    environmentLabel->setText(LoginWidget::tr("&Environment:"));
    //: Accessible name of the environment chooser
    environmentCombo->setAccessibleName(LoginWidget::tr("Environment"));
    //: Accessible description of the environment chooser
    environmentCombo->setAccessibleDescription(LoginWidget::tr("The server of the service to use"));

    //: Form label of the username field
    usernameLabel->setText(LoginWidget::tr("&Username:"));
    //: Accessible name of the username field
    usernameEdit->setAccessibleName(LoginWidget::tr("Username"));
    //: Accessible description of the username field
    usernameEdit->setAccessibleDescription(LoginWidget::tr("The name of your account"));

    //: Form label of the password field
    passwordLabel->setText(LoginWidget::tr("P&assword:"));
    //: Accessible name of the password field
    passwordEdit->setAccessibleName(LoginWidget::tr("Password"));
    //: Accessible description of the password field
    passwordEdit->setAccessibleDescription(LoginWidget::tr("The password of your account"));

    //: Tooltip/accessible name of the eye button while the password is visible
    const QString hideText = LoginWidget::tr("Hide password");
    //: Tooltip/accessible name of the eye button while the password is hidden
    const QString showText = LoginWidget::tr("Show password");
    const QString revealText = revealAction->isChecked() ? hideText : showText;
    revealAction->setText(revealText);
    revealAction->setToolTip(revealText);
    if (auto *reveal = q->findChild<QAbstractButton *>(QStringLiteral("revealButton"))) {
        reveal->setAccessibleName(revealText);
        //: Accessible description of the eye button next to the password
        reveal->setAccessibleDescription(LoginWidget::tr("Shows or hides the characters of the password"));
    }

    //: Shown under the password field while Caps Lock seems to be on
    capsLockText->setText(LoginWidget::tr("Caps Lock is on"));
    capsLockText->setAccessibleName(capsLockText->text());
    //: Accessible name of the caps-lock warning icon
    capsLockIcon->setAccessibleName(LoginWidget::tr("Warning"));

    //: Form label of the field for a token from another sign-in service (Auth0)
    tokenLabel->setText(LoginWidget::tr("&Token:"));
    //: Accessible name of the external token field
    tokenEdit->setAccessibleName(LoginWidget::tr("Token"));
    //: Accessible description of the external token field
    tokenEdit->setAccessibleDescription(LoginWidget::tr("A token from the service's external sign-in"));

    //: Check box: store the session in the system keychain and restore it on the next start
    keepSignedInCheck->setText(LoginWidget::tr("&Keep me signed in"));
    //: Accessible name of the keep-signed-in check box
    keepSignedInCheck->setAccessibleName(LoginWidget::tr("Keep me signed in"));
    //: Accessible description of the keep-signed-in check box
    keepSignedInCheck->setAccessibleDescription(
        LoginWidget::tr("Keeps the session in the system keychain and restores it next time"));

    //: Accessible name of the inline error/warning message
    messageLabel->setAccessibleName(LoginWidget::tr("Message"));
    //: Accessible name of the busy indicator while signing in
    busyIndicator->setAccessibleName(LoginWidget::tr("Signing in"));
    //: Accessible description of the busy indicator
    busyIndicator->setAccessibleDescription(LoginWidget::tr("The sign-in request is running"));

    //: Link-like button: go back from token to username/password sign-in
    const QString passwordText = LoginWidget::tr("Sign in with a password");
    //: Link-like button: sign in with a token from another service instead
    const QString tokenText = LoginWidget::tr("Sign in with a token");
    tokenToggle->setText(tokenMode ? passwordText : tokenText);
    tokenToggle->setAccessibleName(tokenToggle->text());
    //: Accessible description of the token/password switch
    tokenToggle->setAccessibleDescription(LoginWidget::tr("Switches between password and token sign-in"));

    //: Accessible description of the sign-in / cancel button
    signInButton->setAccessibleDescription(LoginWidget::tr("Starts or cancels the sign-in"));

    updatePrompt();
    updateBusy();
    if (countdown > 0)
        updateCountdown();
}

void LoginWidgetPrivate::updateIcons()
{
    const QColor text = q->palette().color(QPalette::WindowText);
    revealAction->setIcon(tintedIcon(iconPath(revealAction->isChecked() ? "eye-off" : "eye"), text));
    const int size = q->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, q);
    const qreal dpr = q->devicePixelRatioF();
    // the Caps Lock warning is hidden most of the time: its icon is drawn when it is shown
    capsLockIcon->setPixmap(!capsLockWarning->isHidden() ? QIcon(iconPath("dialog-warning")).pixmap(QSize(size, size), dpr) : QPixmap());
    if (!logo.isNull()) {
        const int height = qMax(titleLabel->sizeHint().height(), 2 * size);
        logoLabel->setPixmap(logo.pixmap(QSize(height, height), dpr));
    }
}

void LoginWidgetPrivate::updatePrompt()
{
    QString text = prompt;
    if (text.isEmpty() && session && session->profile().isValid()) {
        const QString name = session->profile().name.isEmpty() ? session->profileId() : session->profile().name;
        //: Prompt under the heading in token mode; %1 is the provider's name
        const QString tokenPrompt = LoginWidget::tr("Enter a token for %1.");
        //: Prompt under the heading; %1 is the provider's name
        const QString passwordPrompt = LoginWidget::tr("Enter your username and password for %1.");
        text = (tokenMode ? tokenPrompt : passwordPrompt).arg(name);
    }
    promptLabel->setText(text);
    promptLabel->setVisible(!text.isEmpty());
}

void LoginWidgetPrivate::connectSession()
{
    for (const auto &c : std::as_const(sessionConnections))
        QObject::disconnect(c);
    sessionConnections.clear();
    if (!session)
        return;
    Session *s = session;
    sessionConnections << QObject::connect(s, &Session::stateChanged, q, [this] {
        if (session && !session->isSignedIn())
            acknowledging = false;
        updateBusy();
    });
    sessionConnections << QObject::connect(s, &Session::signedIn, q, [this] { onSignedIn(); });
    sessionConnections << QObject::connect(s, &Session::signInFailed, q,
                                           [this](const AuthError &error) { onSignInFailed(error); });
    sessionConnections << QObject::connect(s, &Session::keepSignedInChanged, q, [this] {
        syncing = true;
        keepSignedInCheck->setChecked(session->keepSignedIn());
        syncing = false;
    });
    sessionConnections << QObject::connect(s, &Session::profileChanged, q, [this] {
        if (!syncing)
            syncFromSession();
    });
    sessionConnections << QObject::connect(s, &Session::baseUrlChanged, q, [this] {
        if (!syncing)
            fillEnvironments();
    });
}

void LoginWidgetPrivate::fillProviders()
{
    syncing = true;
    providerCombo->clear();
    for (const Profile &profile : std::as_const(profiles))
        providerCombo->addItem(profile.name.isEmpty() ? profile.id : profile.name, profile.id);
    int index = -1;
    if (session && !session->profileId().isEmpty())
        index = providerCombo->findData(session->profileId());
    providerCombo->setCurrentIndex(index >= 0 ? index : 0);
    syncing = false;
}

void LoginWidgetPrivate::fillEnvironments(const QString &preferred, bool choose)
{
    syncing = true;
    environmentCombo->clear();
    Profile profile = session ? session->profile() : Profile();
    if (!profile.isValid() && currentProfileIndex() >= 0)
        profile = profiles.at(currentProfileIndex());
    for (const Profile::Environment &env : std::as_const(profile.environments))
        environmentCombo->addItem(env.name, env.baseUrl);
    for (const Extra &extra : std::as_const(extras)) {
        if (extra.profileId.isEmpty() || extra.profileId == profile.id) {
            const int existing = environmentCombo->findText(extra.name);
            if (existing >= 0)
                environmentCombo->setItemData(existing, extra.baseUrl);
            else
                environmentCombo->addItem(extra.name, extra.baseUrl);
        }
    }
    const QUrl current = session ? session->baseUrl() : QUrl();
    int index = -1;
    if (choose) {
        // A new provider: keep the environment by name (Sandbox stays Sandbox), else the first.
        index = qMax(0, environmentCombo->findText(preferred));
    } else if (current.isValid() && !current.isEmpty()) {
        index = environmentCombo->findData(current);
        if (index < 0) {
            //: Environment chooser entry for a base URL set by the application; %1 is host:port
            environmentCombo->addItem(LoginWidget::tr("Other (%1)").arg(current.authority()), current);
            index = environmentCombo->count() - 1;
        }
    } else {
        index = 0;
        choose = true;
    }
    environmentCombo->setCurrentIndex(index);
    syncing = false;
    if (choose)
        applyEnvironment();
    updateVisibility();
}

void LoginWidgetPrivate::syncFromSession()
{
    syncing = true;
    if (session) {
        const int index = providerCombo->findData(session->profileId());
        if (index >= 0)
            providerCombo->setCurrentIndex(index);
        keepSignedInCheck->setChecked(session->keepSignedIn());
        if (usernameEdit->text().isEmpty() || options.testFlag(LoginWidget::UsernameReadOnly))
            usernameEdit->setText(session->username());
    }
    syncing = false;
    if (session && !session->profile().isValid() && currentProfileIndex() >= 0) {
        applyProvider();
        return;
    }
    fillEnvironments();
    updateCompleter();
    if (!session || !session->profile().hasExternalSignIn())
        setTokenMode(false);
    updatePrompt();
    updateVisibility();
    updateBusy();
}

void LoginWidgetPrivate::applyProvider()
{
    if (syncing || !session || currentProfileIndex() < 0)
        return;
    const Profile profile = profiles.at(currentProfileIndex());
    const QString previousEnvironment = environmentCombo->currentText();
    if (profile.id != session->profileId()) {
        qCDebug(lcWidgets) << "provider chosen:" << profile.id;
        syncing = true;
        session->setProfile(profile);
        syncing = false;
    }
    fillEnvironments(previousEnvironment, true);
    updateCompleter();
    if (!profile.hasExternalSignIn())
        setTokenMode(false);
    updatePrompt();
    updateVisibility();
}

void LoginWidgetPrivate::applyEnvironment()
{
    if (syncing || !session)
        return;
    const QUrl url = environmentCombo->currentData().toUrl();
    if (url.isValid() && url != session->baseUrl()) {
        qCDebug(lcWidgets) << "environment chosen:" << environmentCombo->currentText() << url;
        syncing = true;
        session->setBaseUrl(url);
        syncing = false;
    }
}

void LoginWidgetPrivate::updateCompleter()
{
    const QString id = session ? session->profileId() : QString();
    completionModel->setStringList(id.isEmpty() ? QStringList() : Preferences().usernames(id));
}

void LoginWidgetPrivate::updateVisibility()
{
    const bool showProvider = options.testFlag(LoginWidget::ShowProviderChooser) && profiles.size() > 1;
    const bool showEnvironment = options.testFlag(LoginWidget::ShowEnvironmentChooser)
        && environmentCombo->count() > 1;
    const bool token = session && session->profile().hasExternalSignIn()
        && options.testFlag(LoginWidget::ShowTokenSignIn);
    form->setRowVisible(providerCombo, showProvider);
    form->setRowVisible(environmentCombo, showEnvironment);
    form->setRowVisible(usernameEdit, !tokenMode);
    form->setRowVisible(passwordEdit, !tokenMode);
    form->setRowVisible(tokenEdit, tokenMode);
    form->setRowVisible(keepSignedInCheck, options.testFlag(LoginWidget::ShowKeepSignedIn));
    if (tokenMode)
        form->setRowVisible(capsLockWarning, false);
    usernameEdit->setReadOnly(options.testFlag(LoginWidget::UsernameReadOnly));
    tokenToggle->setVisible(token && !busyIndicator->isVisible());
}

void LoginWidgetPrivate::setTokenMode(bool on)
{
    if (on && !(session && session->profile().hasExternalSignIn()))
        on = false;
    tokenMode = on;
    if (!on)
        tokenEdit->clear();
    setCapsLock(false);
    retranslate();
    updateVisibility();
    clearMessage();
    if (q->isVisible())
        (on ? tokenEdit : (usernameEdit->text().isEmpty() ? usernameEdit : passwordEdit))->setFocus();
}

void LoginWidgetPrivate::updateBusy()
{
    const bool busy = session && session->state() == Session::State::SigningIn;
    if (busy)
        //: Button while a sign-in is running: stops it
        signInButton->setText(LoginWidget::tr("Cancel", "abort sign-in"));
    else if (acknowledging)
        //: Button after signing in when the password-expiry warning is shown
        signInButton->setText(LoginWidget::tr("&Continue"));
    else
        //: Button that starts the sign-in
        signInButton->setText(LoginWidget::tr("&Sign in", "button"));
    signInButton->setAccessibleName(QString(signInButton->text()).remove(QLatin1Char('&')));
    signInButton->setEnabled(session && (busy || countdown <= 0));

    const bool inputs = session && !busy && !acknowledging;
    for (QWidget *w : {static_cast<QWidget *>(providerCombo), static_cast<QWidget *>(environmentCombo),
                       static_cast<QWidget *>(usernameEdit), static_cast<QWidget *>(passwordEdit),
                       static_cast<QWidget *>(tokenEdit), static_cast<QWidget *>(keepSignedInCheck),
                       static_cast<QWidget *>(tokenToggle)}) {
        w->setEnabled(inputs);
    }
    revealAction->setEnabled(inputs);
    busyIndicator->setVisible(busy);
    updateVisibility();
    if (busy && !signInButton->hasFocus() && q->isAncestorOf(QApplication::focusWidget()))
        signInButton->setFocus();
}

void LoginWidgetPrivate::showMessage(const QString &text, bool warning)
{
    const int size = q->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, q);
    messageIcon->setPixmap(QIcon(iconPath(warning ? "dialog-warning" : "dialog-error"))
                               .pixmap(QSize(size, size), q->devicePixelRatioF()));
    messageLabel->setText(text);
    messageBox->show();
}

void LoginWidgetPrivate::clearMessage()
{
    const bool hadCountdown = countdownTimer->isActive() || countdown > 0;
    countdownTimer->stop();
    countdown = 0;
    messageLabel->clear();
    messageBox->hide();
    if (hadCountdown)
        updateBusy();
}

void LoginWidgetPrivate::startCountdown(int seconds)
{
    countdown = seconds;
    countdownTimer->start();
    updateCountdown();
    updateBusy();
}

void LoginWidgetPrivate::updateCountdown()
{
    if (countdown <= 0) {
        clearMessage();
        return;
    }
    //: Shown after HTTP 429; %n counts down the seconds until the next attempt is allowed
    showMessage(LoginWidget::tr("Too many sign-in attempts. Try again in %n s.", nullptr, countdown));
}

void LoginWidgetPrivate::showError(const AuthError &error)
{
    switch (error.category()) {
    case ErrorCategory::NoError:
    case ErrorCategory::Cancelled:
        clearMessage();
        return;
    case ErrorCategory::InvalidCredentials: {
        showMessage(error.message());
        QLineEdit *field = tokenMode ? tokenEdit : passwordEdit;
        field->setFocus(Qt::OtherFocusReason);
        field->selectAll();
        return;
    }
    case ErrorCategory::RateLimited:
        if (error.retryAfterSeconds() > 0) {
            startCountdown(error.retryAfterSeconds());
        } else {
            showMessage(error.message());
        }
        return;
    case ErrorCategory::Network:
    case ErrorCategory::Timeout:
    case ErrorCategory::Tls: {
        //: Hint after a network, timeout or TLS error, under the error message
        const QString hint = LoginWidget::tr("Check your connection and try again.");
        showMessage(error.message() + QLatin1Char('\n') + hint);
        return;
    }
    case ErrorCategory::AccountProblem: // the server's own words (locked, password expired ...)
    default:
        showMessage(error.message());
        return;
    }
}

void LoginWidgetPrivate::onSignInFailed(const AuthError &error)
{
    qCInfo(lcWidgets) << "sign-in failed:" << AuthError::categoryName(error.category());
    startedHere = false;
    updateBusy();
    showError(error);
}

void LoginWidgetPrivate::onSignedIn()
{
    startedHere = false;
    passwordEdit->clear();
    tokenEdit->clear();
    clearMessage();
    setCapsLock(false);
    const QDateTime expires = session ? session->passwordExpiresAt() : QDateTime();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (expires.isValid() && expires <= now.addDays(LoginWidget::PasswordExpiryWarningDays)) {
        const int days = int(qMax<qint64>(0, now.secsTo(expires) / 86400));
        acknowledging = true;
        if (days == 0)
            //: Warning after signing in: the password stops working within a day
            showMessage(LoginWidget::tr("Your password expires today. Change it now."), true);
        else
            //: Warning after signing in; %n is the number of days left
            showMessage(LoginWidget::tr("Your password expires in %n day(s). Change it soon.", nullptr, days),
                        true);
        updateBusy();
        signInButton->setFocus(Qt::OtherFocusReason);
        Q_EMIT q->passwordExpiresSoon(expires);
        return;
    }
    updateBusy();
    Q_EMIT q->signedIn();
}

void LoginWidgetPrivate::onButtonClicked()
{
    if (session && session->state() == Session::State::SigningIn)
        q->cancel();
    else
        q->submit();
}

void LoginWidgetPrivate::setCapsLock(bool on)
{
    const bool show = on && !tokenMode;
    const bool iconMissing = show && capsLockIcon->pixmap().isNull();
    capsLockWarning->setVisible(show);
    form->setRowVisible(capsLockWarning, show);
    if (iconMissing)
        updateIcons();
}

// --- LoginWidget ---------------------------------------------------------------------------------

LoginWidget::LoginWidget(QWidget *parent)
    : LoginWidget(nullptr, parent)
{
}

LoginWidget::LoginWidget(Session *session, QWidget *parent)
    : QWidget(parent)
    , d(new LoginWidgetPrivate(this))
{
    const QStringList ids = ProfileRegistry::builtInIds();
    for (const QString &id : ids) {
        const Profile profile = ProfileRegistry::builtIn(id);
        if (profile.isValid())
            d->profiles.append(profile);
    }
    d->setupUi();
    d->fillProviders();
    setSession(session);
}

LoginWidget::~LoginWidget() = default;

Session *LoginWidget::session() const
{
    return d->session;
}

void LoginWidget::setSession(Session *session)
{
    if (d->session == session && !d->sessionConnections.isEmpty())
        return;
    d->session = session;
    d->acknowledging = false;
    d->connectSession();
    d->syncFromSession();
}

LoginWidget::Options LoginWidget::options() const
{
    return d->options;
}

void LoginWidget::setOptions(Options options)
{
    if (d->options == options)
        return;
    d->options = options;
    if (!options.testFlag(ShowTokenSignIn))
        d->setTokenMode(false);
    d->updateVisibility();
    Q_EMIT optionsChanged();
}

QString LoginWidget::title() const
{
    return d->titleLabel->text();
}

void LoginWidget::setTitle(const QString &title)
{
    if (!d->title.isNull() && d->title == title)
        return;
    d->title = title.isNull() ? QLatin1String("") : title;
    d->retranslate();
    Q_EMIT titleChanged();
}

QString LoginWidget::prompt() const
{
    return d->prompt;
}

void LoginWidget::setPrompt(const QString &prompt)
{
    if (d->prompt == prompt)
        return;
    d->prompt = prompt;
    d->updatePrompt();
    Q_EMIT promptChanged();
}

QIcon LoginWidget::logo() const
{
    return d->logo;
}

void LoginWidget::setLogo(const QIcon &logo)
{
    if (logo.isNull() && d->logo.isNull())
        return;
    d->logo = logo;
    d->logoLabel->setVisible(!logo.isNull());
    if (logo.isNull())
        d->logoLabel->clear();
    d->updateIcons();
    Q_EMIT logoChanged();
}

void LoginWidget::setLogo(const QPixmap &logo)
{
    setLogo(logo.isNull() ? QIcon() : QIcon(logo));
}

QList<Profile> LoginWidget::profiles() const
{
    return d->profiles;
}

void LoginWidget::setProfiles(const QList<Profile> &profiles)
{
    d->profiles = profiles;
    d->fillProviders();
    d->syncFromSession();
}

void LoginWidget::setExtraEnvironment(const QString &name, const QUrl &baseUrl, const QString &profileId)
{
    auto it = std::find_if(d->extras.begin(), d->extras.end(), [&](const LoginWidgetPrivate::Extra &e) {
        return e.name == name && e.profileId == profileId;
    });
    if (it != d->extras.end()) {
        if (baseUrl.isEmpty())
            d->extras.erase(it);
        else
            it->baseUrl = baseUrl;
    } else if (!baseUrl.isEmpty()) {
        d->extras.append({name, baseUrl, profileId});
    }
    d->fillEnvironments();
}

QString LoginWidget::username() const
{
    return d->usernameEdit->text();
}

void LoginWidget::setUsername(const QString &username)
{
    d->usernameEdit->setText(username);
}

bool LoginWidget::isBusy() const
{
    return d->session && d->session->state() == Session::State::SigningIn;
}

void LoginWidget::submit()
{
    if (!d->session)
        return;
    if (d->acknowledging) {
        d->acknowledging = false;
        d->clearMessage();
        d->updateBusy();
        Q_EMIT signedIn();
        return;
    }
    if (isBusy() || d->countdown > 0)
        return;
    d->clearMessage();
    if (d->tokenMode) {
        const QString token = d->tokenEdit->text().trimmed();
        if (token.isEmpty()) {
            //: Validation message when the token field is empty
            d->showMessage(tr("Enter a token."));
            d->tokenEdit->setFocus();
            return;
        }
        d->startedHere = true;
        qCInfo(lcWidgets) << "signing in with an external token to" << d->session->profileId();
        d->session->signInWithToken(token);
        return;
    }
    const QString user = d->usernameEdit->text().trimmed();
    if (user.isEmpty()) {
        //: Validation message when the username field is empty
        d->showMessage(tr("Enter your username."));
        d->usernameEdit->setFocus();
        return;
    }
    if (d->passwordEdit->text().isEmpty()) {
        //: Validation message when the password field is empty
        d->showMessage(tr("Enter your password."));
        d->passwordEdit->setFocus();
        return;
    }
    d->startedHere = true;
    d->setCapsLock(false);
    qCInfo(lcWidgets) << "signing in" << user << "to" << d->session->profileId();
    d->session->signIn(user, d->passwordEdit->text());
}

void LoginWidget::cancel()
{
    if (!isBusy())
        return;
    qCInfo(lcWidgets) << "sign-in cancelled by the user";
    d->session->cancel();
    d->startedHere = false;
    d->clearMessage();
    d->updateBusy();
    Q_EMIT cancelled();
}

void LoginWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown again (a new sign-in): never start with a revealed password.
    d->revealAction->setChecked(false);
    d->setCapsLock(false);
    d->updateIcons();
    if (d->tokenMode)
        d->tokenEdit->setFocus();
    else if (d->usernameEdit->text().isEmpty())
        d->usernameEdit->setFocus();
    else
        d->passwordEdit->setFocus();
}

void LoginWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier))
            break;
        if (focusWidget() == d->tokenToggle)
            d->tokenToggle->click();
        else if (!isBusy())
            submit();
        event->accept();
        return;
    case Qt::Key_Escape:
        // Cancel the running sign-in and let the event travel on: a surrounding dialog closes.
        cancel();
        event->ignore();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void LoginWidget::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        d->retranslate();
        break;
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
        d->updateIcons();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

bool LoginWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == d->passwordEdit) {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_CapsLock && d->capsLockWarning->isVisible()) {
                d->setCapsLock(false); // most likely switched off; the next letter tells for sure
            } else if (const auto caps = capsLockFromKey(key->text(), key->modifiers())) {
                d->setCapsLock(*caps);
            }
        } else if (event->type() == QEvent::FocusOut) {
            d->setCapsLock(false);
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace AuthSession
