// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "providermodel.h"

#include "profilecatalog.h"

namespace AuthSession {

struct ProviderModel::Private {
    QList<Profile> profiles;
};

ProviderModel::ProviderModel(QObject *parent)
    : QAbstractListModel(parent)
    , d(new Private)
{
    d->profiles = ProfileCatalog::instance()->profiles();
    connect(ProfileCatalog::instance(), &ProfileCatalog::changed, this, &ProviderModel::reload);
}

ProviderModel::~ProviderModel() = default;

void ProviderModel::reload()
{
    const int before = int(d->profiles.size());
    beginResetModel();
    d->profiles = ProfileCatalog::instance()->profiles();
    endResetModel();
    if (before != d->profiles.size())
        Q_EMIT countChanged();
}

int ProviderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->profiles.size());
}

QVariant ProviderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Profile &p = d->profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name.isEmpty() ? p.id : p.name;
    case ProfileIdRole:
        return p.id;
    case DescriptionRole:
    case Qt::ToolTipRole:
        return p.description;
    case HasExternalSignInRole:
        return p.hasExternalSignIn();
    }
    return {};
}

QHash<int, QByteArray> ProviderModel::roleNames() const
{
    return {{ProfileIdRole, "profileId"},
            {NameRole, "name"},
            {DescriptionRole, "description"},
            {HasExternalSignInRole, "hasExternalSignIn"}};
}

int ProviderModel::indexOf(const QString &profileId) const
{
    for (int i = 0; i < d->profiles.size(); ++i) {
        if (d->profiles.at(i).id == profileId)
            return i;
    }
    return -1;
}

QString ProviderModel::profileIdAt(int row) const
{
    return row >= 0 && row < d->profiles.size() ? d->profiles.at(row).id : QString();
}

} // namespace AuthSession
