// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "loginwidgetplugin.h"

#include <AuthSession/loginwidget.h>

#include <QIcon>

LoginWidgetPlugin::LoginWidgetPlugin(QObject *parent)
    : QObject(parent)
{
}

QString LoginWidgetPlugin::name() const
{
    return QStringLiteral("AuthSession::LoginWidget");
}

QString LoginWidgetPlugin::group() const
{
    return QStringLiteral("AuthSession");
}

QString LoginWidgetPlugin::toolTip() const
{
    return QStringLiteral("Sign-in form for an AuthSession::Session");
}

QString LoginWidgetPlugin::whatsThis() const
{
    return QStringLiteral("Username, password, keep-signed-in and sign-in button driving an "
                          "AuthSession::Session. Call setSession() in code.");
}

QString LoginWidgetPlugin::includeFile() const
{
    return QStringLiteral("AuthSession/loginwidget.h");
}

QIcon LoginWidgetPlugin::icon() const
{
    return QIcon(QStringLiteral(":/authsession/widgets/icons/eye.svg"));
}

bool LoginWidgetPlugin::isContainer() const
{
    return false;
}

QWidget *LoginWidgetPlugin::createWidget(QWidget *parent)
{
    return new AuthSession::LoginWidget(parent);
}

bool LoginWidgetPlugin::isInitialized() const
{
    return m_initialized;
}

void LoginWidgetPlugin::initialize(QDesignerFormEditorInterface *)
{
    m_initialized = true;
}

QString LoginWidgetPlugin::domXml() const
{
    return QStringLiteral(R"(<ui language="c++">
 <widget class="AuthSession::LoginWidget" name="loginWidget">
  <property name="geometry"><rect><x>0</x><y>0</y><width>360</width><height>240</height></rect></property>
 </widget>
</ui>
)");
}
