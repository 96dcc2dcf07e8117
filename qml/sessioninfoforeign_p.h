// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <AuthSession/sessioninfo.h>

#include <QtQml/qqml.h>

// SessionInfo lives in Core (the widgets session window of authsession-login uses it too); this
// makes it the QML type SessionInfo without teaching Core about QML.
struct SessionInfoForeign {
    Q_GADGET
    QML_FOREIGN(AuthSession::SessionInfo)
    QML_NAMED_ELEMENT(SessionInfo)
};
