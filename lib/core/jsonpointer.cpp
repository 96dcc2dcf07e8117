// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#include "jsonpointer.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace AuthSession {

static bool unescape(const QString &token, QString *out)
{
    QString result;
    result.reserve(token.size());
    for (qsizetype i = 0; i < token.size(); ++i) {
        const QChar c = token.at(i);
        if (c != QLatin1Char('~')) {
            result += c;
            continue;
        }
        if (i + 1 >= token.size())
            return false;
        const QChar n = token.at(++i);
        if (n == QLatin1Char('0'))
            result += QLatin1Char('~');
        else if (n == QLatin1Char('1'))
            result += QLatin1Char('/');
        else
            return false;
    }
    *out = result;
    return true;
}

static bool split(const QString &pointer, QStringList *tokens)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(QLatin1Char('/')))
        return false;
    const QStringList raw = pointer.mid(1).split(QLatin1Char('/'));
    for (const QString &r : raw) {
        QString t;
        if (!unescape(r, &t))
            return false;
        tokens->append(t);
    }
    return true;
}

bool JsonPointer::isValid(const QString &pointer)
{
    QStringList tokens;
    return split(pointer, &tokens);
}

QJsonValue JsonPointer::value(const QJsonValue &root, const QString &pointer, bool *found)
{
    if (found)
        *found = false;
    QStringList tokens;
    if (!split(pointer, &tokens))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = root;
    for (const QString &t : tokens) {
        if (current.isObject()) {
            const QJsonObject o = current.toObject();
            const auto it = o.constFind(t);
            if (it == o.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = it.value();
        } else if (current.isArray()) {
            // RFC 6901: an array index is "0" or digits without a leading zero; no sign, no spaces
            const bool digits = !t.isEmpty() && t.size() <= 9
                && std::all_of(t.cbegin(), t.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
            if (!digits || (t.size() > 1 && t.startsWith(QLatin1Char('0'))))
                return QJsonValue(QJsonValue::Undefined);
            const int index = t.toInt();
            const QJsonArray a = current.toArray();
            if (index >= a.size())
                return QJsonValue(QJsonValue::Undefined);
            current = a.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    if (found)
        *found = true;
    return current;
}

static bool setIn(QJsonObject &object, const QStringList &tokens, int index, const QJsonValue &value)
{
    const QString &key = tokens.at(index);
    if (index == tokens.size() - 1) {
        object.insert(key, value);
        return true;
    }
    QJsonValue child = object.value(key);
    if (child.isUndefined() || child.isNull())
        child = QJsonObject();
    if (!child.isObject())
        return false;
    QJsonObject childObject = child.toObject();
    if (!setIn(childObject, tokens, index + 1, value))
        return false;
    object.insert(key, childObject);
    return true;
}

bool JsonPointer::setValue(QJsonObject &root, const QString &pointer, const QJsonValue &value)
{
    QStringList tokens;
    if (!split(pointer, &tokens) || tokens.isEmpty())
        return false;
    return setIn(root, tokens, 0, value);
}

} // namespace AuthSession
