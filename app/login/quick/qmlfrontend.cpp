// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "qmlfrontend.h"

#include "appcontroller.h"

#include <AuthSession/quicksession.h>

#include <QCoreApplication>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

namespace AuthSession {

QmlFrontend::QmlFrontend(QuickSession *session, AppController *app, QObject *parent)
    : Frontend(parent)
    , m_session(session)
    , m_app(app)
{
}

QmlFrontend::~QmlFrontend() = default;

bool QmlFrontend::start()
{
    m_engine = std::make_unique<QQmlApplicationEngine>();
#ifdef AUTHSESSION_QML_BUILD_DIR
    // Run from the build tree: the AuthSession module is next to the libraries, not in Qt's folder.
    m_engine->addImportPath(QStringLiteral(AUTHSESSION_QML_BUILD_DIR));
#endif
    m_engine->setInitialProperties({{QStringLiteral("session"), QVariant::fromValue<QObject *>(m_session)},
                                    {QStringLiteral("app"), QVariant::fromValue<QObject *>(m_app)}});
    // The pages' module (AuthSessionLogin) is in this plugin's resources.
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    // QQmlApplicationEngine::loadFromModule() is Qt 6.5+.
    m_engine->load(QUrl(QStringLiteral("qrc:/AuthSessionLogin/Main.qml")));
    if (m_engine->rootObjects().isEmpty())
        return false;
    m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
    if (!m_window)
        return false;
    connect(m_window, SIGNAL(pageChanged()), this, SIGNAL(pageChanged()));
    // frameSwapped may come from the render thread: the context object queues it to this thread.
    // Several frames may be swapped before the first queued call arrives: the flag makes it once.
    connect(m_window, &QQuickWindow::frameSwapped, this, [this] {
        if (m_firstFrameShown)
            return;
        m_firstFrameShown = true;
        Q_EMIT firstFrameShown();
    }, Qt::QueuedConnection);
    m_window->show();
    return true;
}

void QmlFrontend::raiseWindow()
{
    if (!m_window)
        return;
    if (m_window->windowStates() & Qt::WindowMinimized)
        m_window->setWindowStates(m_window->windowStates() & ~Qt::WindowMinimized);
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

QString QmlFrontend::page() const
{
    return m_window ? m_window->property("page").toString() : QString();
}

bool QmlFrontend::showPage(const QString &page)
{
    if (!m_window)
        return false;
    bool done = false;
    QMetaObject::invokeMethod(m_window, "showPage", Q_RETURN_ARG(bool, done), Q_ARG(QString, page));
    return done;
}

//! Presses and releases the left button over the middle of \a item, as a user would.
static QString clickItem(QQuickItem *item)
{
    if (!item)
        return QStringLiteral("no such item");
    if (!item->isVisible() || !item->isEnabled())
        return QStringLiteral("%1 is hidden or disabled").arg(item->objectName());
    QQuickWindow *window = item->window();
    const QPointF scene = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    const QPointF global = window->mapToGlobal(scene.toPoint());
    QMouseEvent press(QEvent::MouseButtonPress, scene, scene, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &press);
    QMouseEvent release(QEvent::MouseButtonRelease, scene, scene, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &release);
    return {};
}

QString QmlFrontend::signIn(const QString &username, const QString &password, bool keep)
{
    if (!m_window)
        return QStringLiteral("no window");
    showPage(QStringLiteral("signin"));
    auto *screen = m_window->findChild<QQuickItem *>(QStringLiteral("loginScreen"));
    if (!screen || !screen->isVisible())
        return QStringLiteral("the sign-in screen is not shown");
    auto *user = screen->findChild<QQuickItem *>(QStringLiteral("usernameField"));
    auto *pass = screen->findChild<QQuickItem *>(QStringLiteral("passwordField"));
    auto *keepBox = screen->findChild<QQuickItem *>(QStringLiteral("keepSignedInCheckBox"));
    if (!user || !pass || !keepBox)
        return QStringLiteral("sign-in fields not found");
    user->setProperty("editText", username);
    pass->setProperty("text", password);
    if (keepBox->property("checked").toBool() != keep) {
        const QString error = clickItem(keepBox);
        if (!error.isEmpty())
            return error;
    }
    return clickItem(screen->findChild<QQuickItem *>(QStringLiteral("signInButton")));
}

QString QmlFrontend::click(const QString &objectName)
{
    if (!m_window)
        return QStringLiteral("no window");
    // Several pages may hold an item of that name; click the one on screen.
    const auto items = m_window->contentItem()->findChildren<QQuickItem *>(objectName);
    for (QQuickItem *item : items) {
        if (item->isVisible())
            return clickItem(item);
    }
    // Popups (the About dialog) live outside contentItem.
    if (auto *item = m_window->findChild<QQuickItem *>(objectName))
        return clickItem(item);
    return QStringLiteral("no visible item called ") + objectName;
}

QString QmlFrontend::text(const QString &objectName) const
{
    QObject *o = m_window ? m_window->findChild<QObject *>(objectName) : nullptr;
    if (!o)
        return {};
    const QVariant editText = o->property("editText");
    return editText.isValid() ? editText.toString() : o->property("text").toString();
}

QImage QmlFrontend::grab()
{
    return m_window ? m_window->grabWindow() : QImage();
}

QWindow *QmlFrontend::window() const
{
    return m_window;
}

} // namespace AuthSession
