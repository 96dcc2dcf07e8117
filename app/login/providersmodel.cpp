// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "providersmodel.h"

#include <AuthSession/profileregistry.h>

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace AuthSession {

static QString detailsOf(const Profile &p)
{
    QStringList features;
    if (p.hasRefresh())
        features << ProvidersModel::tr("refresh", "profile feature");
    if (p.hasExternalSignIn())
        features << ProvidersModel::tr("token sign-in", "profile feature");
    if (p.hasSignOut())
        features << ProvidersModel::tr("sign-out", "profile feature");
    if (p.hasProbe())
        features << ProvidersModel::tr("probe", "profile feature");
    QStringList environments;
    for (const auto &e : p.environments)
        environments << e.name;
    //: %1 = environment names, %2 = features such as "refresh, probe"
    return ProvidersModel::tr("Environments: %1 · Features: %2", "profile details")
        .arg(environments.isEmpty() ? ProvidersModel::tr("none", "no environments") : environments.join(QLatin1String(", ")),
             features.isEmpty() ? ProvidersModel::tr("sign-in only", "no extra features") : features.join(QLatin1String(", ")));
}

ProvidersModel::ProvidersModel(QObject *parent)
    : QAbstractListModel(parent)
{
    reload();
}

void ProvidersModel::reload()
{
    ProfileRegistry registry;
    registry.loadBuiltIns();
    registry.loadFolder(folder());
    beginResetModel();
    m_rows.clear();
    for (const Profile &p : registry.profiles()) {
        m_rows.append({p.name.isEmpty() ? p.id : p.name, p.id,
                       registry.isBuiltIn(p.id) ? QStringLiteral("builtin") : QStringLiteral("user"),
                       p.source, detailsOf(p), {}});
    }
    for (const auto &error : registry.loadErrors()) {
        QStringList problems;
        for (const auto &problem : error.problems)
            problems << problem.toString();
        m_rows.append({QFileInfo(error.fileName).fileName(), QString(), QStringLiteral("broken"),
                       error.fileName, tr("Not loaded: fix the problems below", "broken user profile"), problems});
    }
    endResetModel();
    Q_EMIT countChanged();
}

int ProvidersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProvidersModel::errorCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.kind == QLatin1String("broken"); }));
}

QVariant ProvidersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case ProfileIdRole:
        return r.id;
    case KindRole:
        return r.kind;
    case SourceRole:
        return r.source;
    case DetailsRole:
        return r.details;
    case ProblemsRole:
        return r.problems;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProvidersModel::roleNames() const
{
    return {{NameRole, "name"}, {ProfileIdRole, "profileId"}, {KindRole, "kind"},
            {SourceRole, "source"}, {DetailsRole, "details"}, {ProblemsRole, "problems"}};
}

QString ProvidersModel::folder() const
{
    return ProfileRegistry::userFolder();
}

bool ProvidersModel::openFolder()
{
    // The file manager cannot open a folder that does not exist yet (first run).
    if (!QDir().mkpath(folder()))
        return false;
    return QDesktopServices::openUrl(QUrl::fromLocalFile(folder()));
}

void ProvidersModel::validateFile(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(path, &problems);
    m_validatedFile = path;
    m_validationProblems.clear();
    for (const auto &problem : problems)
        m_validationProblems << problem.toString();
    m_validationOk = p.isValid() && problems.isEmpty();
    Q_EMIT validationChanged();
}

} // namespace AuthSession
