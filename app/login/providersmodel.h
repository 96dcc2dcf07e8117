// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/profile.h>

#include <QAbstractListModel>
#include <QUrl>

namespace AuthSession {

/*!
 * \class AuthSession::ProvidersModel
 * The Providers page: every built-in and user profile, plus the user profiles that failed to load
 * with each problem and its JSON path. Also opens the user profiles folder and validates a profile
 * file the user picks.
 *
 * \code
 * ProvidersModel providers;      // loads at once; reload() after the folder changed
 * providers.validateFile(QUrl::fromLocalFile(path));
 * qDebug() << providers.validationProblems();
 * \endcode
 */
class ProvidersModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY countChanged)
    Q_PROPERTY(QString folder READ folder CONSTANT)
    Q_PROPERTY(QString validatedFile READ validatedFile NOTIFY validationChanged)
    Q_PROPERTY(bool validationOk READ isValidationOk NOTIFY validationChanged)
    Q_PROPERTY(QStringList validationProblems READ validationProblems NOTIFY validationChanged)

public:
    enum Role { NameRole = Qt::UserRole + 1, ProfileIdRole, KindRole, SourceRole, DetailsRole, ProblemsRole };
    Q_ENUM(Role)

    explicit ProvidersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int errorCount() const;
    //! ProfileRegistry::userFolder().
    QString folder() const;
    QString validatedFile() const { return m_validatedFile; }
    bool isValidationOk() const { return m_validationOk; }
    QStringList validationProblems() const { return m_validationProblems; }

    //! Reads the built-ins and the user folder again.
    Q_INVOKABLE void reload();
    //! Creates the user profiles folder if needed and opens it in the file manager.
    Q_INVOKABLE bool openFolder();
    //! Checks the profile file at \a file with Profile::fromFile; see validationProblems().
    Q_INVOKABLE void validateFile(const QUrl &file);

Q_SIGNALS:
    void countChanged();
    void validationChanged();

private:
    struct Row {
        QString name;
        QString id;
        QString kind; //!< builtin | user | broken
        QString source;
        QString details;
        QStringList problems;
    };
    QList<Row> m_rows;
    QString m_validatedFile;
    bool m_validationOk = false;
    QStringList m_validationProblems;
};

} // namespace AuthSession
