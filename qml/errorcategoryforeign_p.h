// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/autherror.h>

#include <QtQmlIntegration/qqmlintegration.h>

// Makes AuthSession::ErrorCategory usable from QML as ErrorCategory.RateLimited ... without
// teaching Core about QML.
namespace ErrorCategoryForeign {
Q_NAMESPACE
QML_NAMED_ELEMENT(ErrorCategory)
QML_NAMESPACE_EXTENDED(AuthSession)
}
