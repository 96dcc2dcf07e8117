// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// authsession-login-quick: the Qt Quick interface of authsession-login as a plugin (see
// FrontendPlugin in app/login/frontend.h). Only this library links Qt Quick, QML and Qt Quick Controls.
#include "appcontroller.h"
#include "frontend.h"
#include "historymodel.h"
#include "providersmodel.h"
#include "qmlfrontend.h"

#include <AuthSession/profilecatalog.h>
#include <AuthSession/quicksession.h>

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTranslator>

namespace AuthSession {

class QuickFrontendPlugin : public QObject, public FrontendPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID AuthSessionFrontendPlugin_iid)
    Q_INTERFACES(AuthSession::FrontendPlugin)
public:
    std::unique_ptr<Session> createSession() override { return std::make_unique<QuickSession>(); }

    std::unique_ptr<Frontend> createFrontend(Session *session, AppController *app, const FrontendSetup &setup) override
    {
        // The executable's QML-facing types, in the module of the pages (AuthSessionLogin): the
        // executable itself stays free of QML.
        const char *uri = "AuthSessionLogin";
        const QString made = QStringLiteral("The application creates it");
        qmlRegisterUncreatableType<AppController>(uri, 1, 0, "AppController", made);
        qmlRegisterUncreatableType<HistoryModel>(uri, 1, 0, "HistoryModel", made);
        qmlRegisterUncreatableType<ProvidersModel>(uri, 1, 0, "ProvidersModel", made);

        // LoginScreen's translation (in the AuthSession QML library's resources), when the locale has one.
        if (m_translator.load(QLocale(), QStringLiteral("authsession_qml"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&m_translator);

        // Fusion follows the palette everywhere and looks the same on every desktop.
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        auto *catalog = ProfileCatalog::instance();
        if (setup.fileProfile.isValid())
            catalog->addProfile(setup.fileProfile);
        for (const auto &[id, env] : setup.extraEnvironments)
            catalog->addEnvironment(id, env);
        auto *quick = static_cast<QuickSession *>(session);
        quick->setProfileId(setup.profileId);
        quick->setEnvironment(setup.environment);
        return std::make_unique<QmlFrontend>(quick, app);
    }

private:
    QTranslator m_translator;
};

} // namespace AuthSession

#include "quickplugin.moc"
