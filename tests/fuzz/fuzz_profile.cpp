// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// libFuzzer harness: Profile::fromJson on arbitrary bytes (a user may drop any file into the
// profiles folder). Every problem must be reported, never crash; a valid result must be usable.
#include <AuthSession/profile.h>
#include <AuthSession/requestbuilder.h>

#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace AuthSession;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<Profile::Problem> problems;
    const Profile profile = Profile::fromJson(json, &problems, QStringLiteral("fuzz.json"));
    if (profile.isValid()) {
        // a profile that loads must also build its requests without trouble
        RequestBuilder builder(profile, QUrl(QStringLiteral("http://127.0.0.1:8080/base")));
        PreparedRequest p = builder.signIn(QStringLiteral("user"), QStringLiteral("pass word&=%"));
        p.wipe();
        TokenSet tokens;
        tokens.accessToken = QStringLiteral("access");
        tokens.refreshToken = QStringLiteral("refresh");
        (void)builder.refresh(tokens);
        (void)builder.signOut(tokens);
        (void)builder.probe(tokens);
        (void)builder.externalSignIn(QStringLiteral("external"));
    }
    for (const Profile::Problem &problem : std::as_const(problems))
        (void)problem.toString();
    return 0;
}
