// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "preferences.h"

#include <QSettings>

namespace AuthSession {

Preferences::Preferences(const QString &group)
    : m_group(group)
{
}

static QVariant get(const QString &group, const char *key, const QVariant &fallback = {})
{
    QSettings s;
    s.beginGroup(group);
    return s.value(QLatin1String(key), fallback);
}

static void put(const QString &group, const char *key, const QVariant &value)
{
    QSettings s;
    s.beginGroup(group);
    s.setValue(QLatin1String(key), value);
}

QString Preferences::lastProfile() const { return get(m_group, "lastProfile").toString(); }
void Preferences::setLastProfile(const QString &id) { put(m_group, "lastProfile", id); }
QString Preferences::lastEnvironment() const { return get(m_group, "lastEnvironment").toString(); }
void Preferences::setLastEnvironment(const QString &name) { put(m_group, "lastEnvironment", name); }
QUrl Preferences::lastBaseUrl() const { return get(m_group, "lastBaseUrl").toUrl(); }
void Preferences::setLastBaseUrl(const QUrl &url) { put(m_group, "lastBaseUrl", url); }
QString Preferences::lastUsername() const { return get(m_group, "lastUsername").toString(); }
void Preferences::setLastUsername(const QString &username) { put(m_group, "lastUsername", username); }
bool Preferences::keepSignedIn() const { return get(m_group, "keepSignedIn", false).toBool(); }
void Preferences::setKeepSignedIn(bool keep) { put(m_group, "keepSignedIn", keep); }

QList<Preferences::Account> Preferences::accounts() const
{
    QSettings s;
    s.beginGroup(m_group);
    QList<Account> result;
    const int n = s.beginReadArray(QStringLiteral("accounts"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        result.append({s.value(QStringLiteral("profile")).toString(), s.value(QStringLiteral("baseUrl")).toUrl(),
                       s.value(QStringLiteral("username")).toString()});
    }
    s.endArray();
    return result;
}

static void writeAccounts(const QString &group, const QList<Preferences::Account> &accounts)
{
    QSettings s;
    s.beginGroup(group);
    s.remove(QStringLiteral("accounts"));
    s.beginWriteArray(QStringLiteral("accounts"), int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("profile"), accounts.at(i).profileId);
        s.setValue(QStringLiteral("baseUrl"), accounts.at(i).baseUrl);
        s.setValue(QStringLiteral("username"), accounts.at(i).username);
    }
    s.endArray();
}

void Preferences::addAccount(const Account &account)
{
    QList<Account> list = accounts();
    list.removeAll(account);
    list.prepend(account); // most recent first
    writeAccounts(m_group, list);
}

void Preferences::removeAccount(const Account &account)
{
    QList<Account> list = accounts();
    if (list.removeAll(account))
        writeAccounts(m_group, list);
}

QStringList Preferences::usernames(const QString &profileId) const
{
    QStringList names;
    for (const Account &a : accounts()) {
        if (a.profileId == profileId && !names.contains(a.username))
            names.append(a.username);
    }
    return names;
}

} // namespace AuthSession
