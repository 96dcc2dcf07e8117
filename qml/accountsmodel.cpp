// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "accountsmodel.h"

#include <AuthSession/preferences.h>

namespace AuthSession {

struct AccountsModel::Private {
    QString profileId;
    QString group = QStringLiteral("AuthSession");
    QList<Preferences::Account> accounts;
};

AccountsModel::AccountsModel(QObject *parent)
    : QAbstractListModel(parent)
    , d(new Private)
{
    reload();
}

AccountsModel::~AccountsModel() = default;

QString AccountsModel::profileId() const
{
    return d->profileId;
}

void AccountsModel::setProfileId(const QString &id)
{
    if (id == d->profileId)
        return;
    d->profileId = id;
    reload();
    Q_EMIT profileIdChanged();
}

QString AccountsModel::group() const
{
    return d->group;
}

void AccountsModel::setGroup(const QString &group)
{
    if (group == d->group)
        return;
    d->group = group;
    reload();
    Q_EMIT groupChanged();
}

QStringList AccountsModel::usernames() const
{
    QStringList result;
    for (const auto &a : std::as_const(d->accounts)) {
        if (!result.contains(a.username))
            result.append(a.username);
    }
    return result;
}

QString AccountsModel::lastUsername() const
{
    return Preferences(d->group).lastUsername();
}

void AccountsModel::reload()
{
    beginResetModel();
    d->accounts.clear();
    const auto all = Preferences(d->group).accounts();
    for (const auto &a : all) {
        if (d->profileId.isEmpty() || a.profileId == d->profileId)
            d->accounts.append(a);
    }
    endResetModel();
    Q_EMIT countChanged();
}

void AccountsModel::remove(int row)
{
    if (row < 0 || row >= d->accounts.size())
        return;
    Preferences(d->group).removeAccount(d->accounts.at(row));
    beginRemoveRows({}, row, row);
    d->accounts.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

int AccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->accounts.size());
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &a = d->accounts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole:
        return a.username;
    case ProfileIdRole:
        return a.profileId;
    case BaseUrlRole:
        return a.baseUrl;
    }
    return {};
}

QHash<int, QByteArray> AccountsModel::roleNames() const
{
    return {{UsernameRole, "username"}, {ProfileIdRole, "profileId"}, {BaseUrlRole, "baseUrl"}};
}

} // namespace AuthSession
