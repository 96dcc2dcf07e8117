// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "responsemapper.h"

namespace AuthSession {

//! How much of a finished reply readAnswer() reads.
enum class AnswerParts {
    All, //!< everything HttpAnswer holds (what ResponseMapper::map() reads)
    //! status, body and transportError only, for SessionReply: it never reads Content-Type or the
    //! Date header, and Retry-After only on a 429 (parsing Date alone was ~6,000 instructions per
    //! authorized request in callgrind, as much as creating and destroying the SessionReply)
    StatusAndBody,
};

//! HttpAnswer::fromReply() without the local send and receipt times; the same status, body and
//! transport error for both \a parts.
HttpAnswer readAnswer(QNetworkReply *reply, AnswerParts parts);

} // namespace AuthSession
