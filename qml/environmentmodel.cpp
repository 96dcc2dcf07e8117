// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "environmentmodel.h"

#include "profilecatalog.h"

namespace AuthSession {

struct EnvironmentModel::Private {
    QString profileId;
    QList<Profile::Environment> environments;
    QList<bool> extra;
};

EnvironmentModel::EnvironmentModel(QObject *parent)
    : QAbstractListModel(parent)
    , d(new Private)
{
    connect(ProfileCatalog::instance(), &ProfileCatalog::changed, this, &EnvironmentModel::reload);
}

EnvironmentModel::~EnvironmentModel() = default;

QString EnvironmentModel::profileId() const
{
    return d->profileId;
}

void EnvironmentModel::setProfileId(const QString &id)
{
    if (id == d->profileId)
        return;
    d->profileId = id;
    reload();
    Q_EMIT profileIdChanged();
}

void EnvironmentModel::reload()
{
    const int before = int(d->environments.size());
    beginResetModel();
    const ProfileCatalog *catalog = ProfileCatalog::instance();
    d->environments = catalog->environments(d->profileId);
    d->extra.clear();
    for (const auto &env : std::as_const(d->environments))
        d->extra.append(catalog->isExtraEnvironment(d->profileId, env.name));
    endResetModel();
    if (before != d->environments.size())
        Q_EMIT countChanged();
}

int EnvironmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->environments.size());
}

QVariant EnvironmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &env = d->environments.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return env.name;
    case BaseUrlRole:
    case Qt::ToolTipRole:
        return env.baseUrl;
    case ExtraRole:
        return d->extra.at(index.row());
    }
    return {};
}

QHash<int, QByteArray> EnvironmentModel::roleNames() const
{
    return {{NameRole, "name"}, {BaseUrlRole, "baseUrl"}, {ExtraRole, "extra"}};
}

int EnvironmentModel::indexOf(const QString &name) const
{
    for (int i = 0; i < d->environments.size(); ++i) {
        if (d->environments.at(i).name == name)
            return i;
    }
    return -1;
}

QUrl EnvironmentModel::baseUrl(const QString &name) const
{
    const int row = indexOf(name);
    return row < 0 ? QUrl() : d->environments.at(row).baseUrl;
}

} // namespace AuthSession
