// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The profile loader: every class of bad profile is reported with its JSON path (all problems at
// once), good profiles load, and the registry loads folders without letting one broken file stop it.
// Fixtures: tests/fixtures/profiles/{bad,good,user}.

#include <AuthSession/profile.h>
#include <AuthSession/profileregistry.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AuthSession;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(AUTHSESSION_SOURCE_DIR "/tests/fixtures/profiles/") + relative;
}

QString describe(const QList<Profile::Problem> &problems)
{
    QStringList lines;
    for (const Profile::Problem &p : problems)
        lines.append(p.toString());
    return lines.join(QLatin1String("\n"));
}

} // namespace

// "jsonPath|message fragment"
using Expectations = QStringList;

class ProfileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsBadProfileWithJsonPath_data();
    void reportsBadProfileWithJsonPath();
    void reportsMalformedJsonWithLineAndColumn();
    void acceptsGoodProfile_data();
    void acceptsGoodProfile();
    void acceptsPlainHttpOnlyWhereAllowed_data();
    void acceptsPlainHttpOnlyWhereAllowed();
    void reportsUnreadableFile();
    void loadsEveryBuiltInProfileWithoutProblems_data();
    void loadsEveryBuiltInProfileWithoutProblems();
    void listsTheSixBuiltIns();
    void loadsGoodUserProfileAndReportsBrokenOne();
    void userProfileReplacesBuiltIn();
    void userFolderIsInAppConfigLocation();
    void expandsPlaceholders_data();
    void expandsPlaceholders();
    void overlaysParameterValues();
    void findsEnvironmentIgnoringCase();
    void inheritsSignInMappingInOptionalRequests();
    void loadsTheDocumentedExample();
};

void ProfileTest::reportsBadProfileWithJsonPath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Expectations>("expected");

    QTest::addRow("not-an-object") << "not-an-object.json" << Expectations{QStringLiteral("$|expected an object")};
    QTest::addRow("unknown-key") << "unknown-key.json"
                                 << Expectations{QStringLiteral("$.signIn.pth|unknown key"), QStringLiteral("$.signIn.path|missing")};
    QTest::addRow("wrong-type") << "wrong-type.json"
                                << Expectations{QStringLiteral("$.allowInsecureHttp|expected a boolean, found a string")};
    QTest::addRow("wrong-type-header") << "wrong-type-header.json"
                                       << Expectations{QStringLiteral("$.signIn.headers.X-Retry|expected a string, found a number")};
    QTest::addRow("missing-path") << "missing-path.json" << Expectations{QStringLiteral("$.signIn.path|missing")};
    QTest::addRow("missing-id") << "missing-id.json" << Expectations{QStringLiteral("$.id|missing")};
    QTest::addRow("missing-environments") << "missing-environments.json" << Expectations{QStringLiteral("$.environments|missing")};
    QTest::addRow("empty-environments") << "empty-environments.json"
                                        << Expectations{QStringLiteral("$.environments|at least one")};
    QTest::addRow("missing-sign-in") << "missing-sign-in.json" << Expectations{QStringLiteral("$.signIn|missing")};
    QTest::addRow("missing-access-token") << "missing-access-token.json"
                                          << Expectations{QStringLiteral("$.signIn.response.accessToken|missing")};
    // An empty pointer selects nothing in a sign-in answer: such a profile could never sign anyone in.
    QTest::addRow("empty-access-token") << "empty-access-token.json"
                                        << Expectations{QStringLiteral("$.signIn.response.accessToken|")};
    QTest::addRow("invalid-pointer") << "invalid-pointer.json"
                                     << Expectations{QStringLiteral("$.signIn.response.accessToken|invalid JSON Pointer \"access_token\"")};
    QTest::addRow("invalid-pointer-in-list") << "invalid-pointer-in-list.json"
                                             << Expectations{QStringLiteral("$.signIn.response.errorMessage[1]|invalid JSON Pointer \"/a~2b\"")};
    QTest::addRow("insecure-http") << "insecure-http.json"
                                   << Expectations{QStringLiteral("$.environments[0].baseUrl|allowInsecureHttp")};
    QTest::addRow("not-a-url") << "not-a-url.json"
                               << Expectations{QStringLiteral("$.environments[0].baseUrl|expected an http:// or https:// URL")};
    QTest::addRow("unknown-parameter") << "unknown-parameter.json"
                                       << Expectations{QStringLiteral("$.signIn.path|unknown parameter ${tenant}")};
    QTest::addRow("bad-choice-default") << "bad-choice-default.json"
                                        << Expectations{QStringLiteral("$.parameters.clientAuth.default|must be one of the choices")};
    QTest::addRow("several-problems") << "several-problems.json"
                                      << Expectations{QStringLiteral("$.nmae|unknown key"),
                                                      QStringLiteral("$.id|lowercase"),
                                                      QStringLiteral("$.signIn.method|GET, POST"),
                                                      QStringLiteral("$.signIn.encoding|json, form or none"),
                                                      QStringLiteral("$.signIn.token|bearer or none"),
                                                      QStringLiteral("$.refresh.path|must start with /"),
                                                      QStringLiteral("$.refresh.response.rejected.statuses[0]|HTTP status"),
                                                      QStringLiteral("$.refresh.response.rejected.statuses[1]|HTTP status"),
                                                      QStringLiteral("$.probe|expected an object, found an array")};
}

void ProfileTest::reportsBadProfileWithJsonPath()
{
    QFETCH(QString, file);
    QFETCH(Expectations, expected);

    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fixture(QLatin1String("bad/") + file), &problems);
    QVERIFY(!p.isValid());
    QVERIFY(p.id.isEmpty()); // nothing half-loaded leaks out
    const QString all = describe(problems);
    for (const QString &e : expected) {
        const QString path = e.section(QLatin1Char('|'), 0, 0);
        const QString fragment = e.section(QLatin1Char('|'), 1);
        bool found = false;
        for (const Profile::Problem &problem : problems)
            found = found || (problem.jsonPath == path && problem.message.contains(fragment));
        QVERIFY2(found, qPrintable(QLatin1String("no \"") + e + QLatin1String("\" among:\n") + all));
    }
    // every problem is expected: no noise, no duplicates
    QVERIFY2(problems.size() == expected.size(), qPrintable(all));
}

void ProfileTest::reportsMalformedJsonWithLineAndColumn()
{
    // line 3 lacks the comma after "Malformed": the parser stops at the next key, "environments" on
    // line 4, which starts at column 3 (QJsonParseError points at its quote or just past it)
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fixture(QStringLiteral("bad/malformed.json")), &problems);
    QVERIFY(!p.isValid());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).jsonPath, QStringLiteral("$"));
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^malformed JSON at line 4, column ([34]): "))
                                          .match(problems.at(0).message);
    QVERIFY2(m.hasMatch(), qPrintable(problems.at(0).message));

    problems.clear();
    Profile::fromJson(QByteArrayLiteral("{\"id\": }"), &problems);
    QCOMPARE(problems.size(), 1);
    // the '}' is column 8; Qt may point just past it
    QVERIFY2(QRegularExpression(QStringLiteral("line 1, column [89]:")).match(problems.at(0).message).hasMatch(),
             qPrintable(problems.at(0).message));

    problems.clear();
    Profile::fromJson(QByteArray(), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).jsonPath, QStringLiteral("$"));
}

void ProfileTest::acceptsGoodProfile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("insecure-http-allowed") << "insecure-http-allowed.json";
    QTest::addRow("loopback-ip") << "loopback-ip.json";
    QTest::addRow("localhost") << "localhost.json";
    QTest::addRow("parameters") << "parameters.json";
}

void ProfileTest::acceptsGoodProfile()
{
    QFETCH(QString, file);
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fixture(QLatin1String("good/") + file), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    QVERIFY(p.isValid());
    QCOMPARE(p.source, fixture(QLatin1String("good/") + file));
    QCOMPARE(p.signIn.method, QByteArray("POST"));
    QCOMPARE(p.signIn.encoding, Profile::Encoding::Json);
    QCOMPARE(p.signIn.response.accessToken, QStringLiteral("/access_token"));
    // defaults of a sign-in mapping
    QCOMPARE(p.signIn.response.invalidCredentials.statuses, QList<int>{401});
    QCOMPARE(p.signIn.response.expiresAtFormat, QStringLiteral("auto"));
    QVERIFY(!p.hasRefresh());
}

void ProfileTest::acceptsPlainHttpOnlyWhereAllowed_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<bool>("allowInsecureHttp");
    QTest::addColumn<bool>("valid");
    QTest::addRow("https") << "https://api.example.com" << false << true;
    QTest::addRow("http-remote") << "http://api.example.com" << false << false;
    QTest::addRow("http-remote-allowed") << "http://api.example.com" << true << true;
    QTest::addRow("http-private-ip") << "http://192.168.1.10:8080" << false << false;
    QTest::addRow("http-127.0.0.1") << "http://127.0.0.1:8080" << false << true;
    QTest::addRow("http-127.1.2.3") << "http://127.1.2.3" << false << true;
    QTest::addRow("http-localhost") << "http://localhost:8080" << false << true;
    QTest::addRow("http-LOCALHOST") << "http://LOCALHOST" << false << true;
    QTest::addRow("http-ipv6-loopback") << "http://[::1]:8080" << false << true;
    QTest::addRow("http-localhost-lookalike") << "http://localhost.example.com" << false << false;
    QTest::addRow("ftp") << "ftp://127.0.0.1" << true << false;
    QTest::addRow("no-host") << "https://" << false << false;
}

void ProfileTest::acceptsPlainHttpOnlyWhereAllowed()
{
    QFETCH(QString, baseUrl);
    QFETCH(bool, allowInsecureHttp);
    QFETCH(bool, valid);
    const QByteArray json = QStringLiteral(R"({"id": "p", "name": "P", "allowInsecureHttp": %1,
        "environments": [{"name": "E", "baseUrl": "%2"}],
        "signIn": {"path": "/login", "response": {"accessToken": "/access_token"}}})")
                                .arg(allowInsecureHttp ? QStringLiteral("true") : QStringLiteral("false"), baseUrl)
                                .toUtf8();
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromJson(json, &problems);
    QCOMPARE(p.isValid(), valid);
    if (!valid) {
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.at(0).jsonPath, QStringLiteral("$.environments[0].baseUrl"));
    }
}

void ProfileTest::reportsUnreadableFile()
{
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fixture(QStringLiteral("bad/no-such-file.json")), &problems);
    QVERIFY(!p.isValid());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).jsonPath, QStringLiteral("$"));
    QVERIFY(problems.at(0).message.contains(QLatin1String("cannot read")));
}

void ProfileTest::loadsEveryBuiltInProfileWithoutProblems_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : ProfileRegistry::builtInIds())
        QTest::addRow("%s", qPrintable(id)) << id;
}

void ProfileTest::loadsEveryBuiltInProfileWithoutProblems()
{
    QFETCH(QString, id);
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(QLatin1String(":/authsession/profiles/") + id + QLatin1String(".json"), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    QVERIFY(p.isValid());
    QCOMPARE(p.id, id);
    QVERIFY(!p.name.isEmpty());
    QVERIFY(!p.environments.isEmpty());
    QVERIFY(!p.sandbox.isEmpty());
    QCOMPARE(ProfileRegistry::builtIn(id).id, id);
}

void ProfileTest::listsTheSixBuiltIns()
{
    const QStringList expected = {QStringLiteral("datarhei-core"), QStringLiteral("oauth2-password"),
                                  QStringLiteral("simple-form-login"), QStringLiteral("tangerine365"),
                                  QStringLiteral("terralayr"), QStringLiteral("v1-auth")};
    QCOMPARE(ProfileRegistry::builtInIds(), expected);
    ProfileRegistry registry;
    registry.loadBuiltIns();
    QVERIFY2(registry.loadErrors().isEmpty(), qPrintable(registry.loadErrors().value(0).toString()));
    QCOMPARE(registry.profiles().size(), 6);
    for (const QString &id : expected)
        QVERIFY(registry.isBuiltIn(id));
    QVERIFY(!ProfileRegistry::builtIn(QStringLiteral("no-such-profile")).isValid());
    QVERIFY(!registry.find(QStringLiteral("no-such-profile")));
}

void ProfileTest::loadsGoodUserProfileAndReportsBrokenOne()
{
    ProfileRegistry registry;
    registry.loadBuiltIns();
    QCOMPARE(registry.loadFolder(fixture(QStringLiteral("user"))), 1);
    QCOMPARE(registry.profiles().size(), 7);
    const Profile *good = registry.find(QStringLiteral("company-sso"));
    QVERIFY(good);
    QCOMPARE(good->name, QStringLiteral("Company SSO"));
    QVERIFY(!registry.isBuiltIn(QStringLiteral("company-sso")));
    QVERIFY(!registry.find(QStringLiteral("broken")));

    const QList<ProfileRegistry::LoadError> errors = registry.loadErrors();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).fileName, QDir(fixture(QStringLiteral("user"))).filePath(QStringLiteral("broken.json")));
    QCOMPARE(errors.at(0).problems.size(), 1);
    QCOMPARE(errors.at(0).problems.at(0).jsonPath, QStringLiteral("$.signIn.path"));
    QCOMPARE(errors.at(0).toString(), errors.at(0).fileName + QLatin1String(": $.signIn.path: missing"));

    // a missing folder is simply empty
    QCOMPARE(registry.loadFolder(fixture(QStringLiteral("no-such-folder"))), 0);
    QCOMPARE(registry.loadErrors().size(), 1);
}

void ProfileTest::userProfileReplacesBuiltIn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("my-terralayr.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"json({"id": "terralayr", "name": "terralayr (staging)",
        "environments": [{"name": "Staging", "baseUrl": "https://staging.trlyr.example"}],
        "signIn": {"path": "/auth/public/authenticate", "response": {"accessToken": "/access_token"}}})json");
    file.close();
    ProfileRegistry registry;
    registry.loadBuiltIns();
    QCOMPARE(registry.loadFolder(dir.path()), 1);
    QCOMPARE(registry.profiles().size(), 6);
    QCOMPARE(registry.find(QStringLiteral("terralayr"))->name, QStringLiteral("terralayr (staging)"));
    QVERIFY(!registry.isBuiltIn(QStringLiteral("terralayr")));
}

void ProfileTest::userFolderIsInAppConfigLocation()
{
    QCOMPARE(ProfileRegistry::userFolder(),
             QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/profiles"));
}

void ProfileTest::expandsPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "/oauth/token" << "/oauth/token";
    QTest::addRow("one") << "/t/${tenant}/login" << "/t/acme/login";
    QTest::addRow("adjacent") << "${tenant}${tenant}" << "acmeacme";
    QTest::addRow("number") << "${port}" << "8443";
    QTest::addRow("unknown-is-empty") << "a${nope}b" << "ab";
    QTest::addRow("lone-dollar") << "cost $5" << "cost $5";
    QTest::addRow("unclosed") << "${tenant" << "${tenant";
    QTest::addRow("not-a-name") << "${1st}" << "${1st}";
    QTest::addRow("no-recursion") << "${nested}" << "${tenant}";
}

void ProfileTest::expandsPlaceholders()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QVariantMap values = {{QStringLiteral("tenant"), QStringLiteral("acme")},
                                {QStringLiteral("port"), 8443},
                                {QStringLiteral("nested"), QStringLiteral("${tenant}")}};
    QCOMPARE(Profile::expand(text, values), expected);
}

void ProfileTest::overlaysParameterValues()
{
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromFile(fixture(QStringLiteral("good/parameters.json")), &problems);
    QVERIFY2(p.isValid(), qPrintable(describe(problems)));
    QCOMPARE(p.parameters.size(), 3);
    QVERIFY(p.parameter(QStringLiteral("clientSecret")));
    QVERIFY(p.parameter(QStringLiteral("clientSecret"))->secret);
    QCOMPARE(p.parameter(QStringLiteral("mode"))->choices, (QStringList{QStringLiteral("body"), QStringLiteral("basic")}));
    QVERIFY(!p.parameter(QStringLiteral("nope")));

    const QVariantMap defaults = p.parameterValues();
    QCOMPARE(defaults.value(QStringLiteral("tenant")).toString(), QStringLiteral("acme"));
    QCOMPARE(defaults.value(QStringLiteral("mode")).toString(), QStringLiteral("body"));
    QVERIFY(defaults.contains(QStringLiteral("clientSecret")));

    const QVariantMap overlaid = p.parameterValues({{QStringLiteral("tenant"), QStringLiteral("globex")},
                                                    {QStringLiteral("extra"), 1}});
    QCOMPARE(overlaid.value(QStringLiteral("tenant")).toString(), QStringLiteral("globex"));
    QCOMPARE(overlaid.value(QStringLiteral("mode")).toString(), QStringLiteral("body"));
    QCOMPARE(overlaid.value(QStringLiteral("extra")).toInt(), 1);
    QCOMPARE(Profile::expand(p.signIn.path, overlaid), QStringLiteral("/tenants/globex/login"));
    QCOMPARE(Profile::expand(p.signIn.clientId, defaults), QStringLiteral("acme-desktop"));
}

void ProfileTest::findsEnvironmentIgnoringCase()
{
    const Profile p = ProfileRegistry::builtIn(QStringLiteral("terralayr"));
    QCOMPARE(p.environments.size(), 2);
    QVERIFY(p.environment(QStringLiteral("sandbox")));
    QCOMPARE(p.environment(QStringLiteral("SANDBOX"))->baseUrl, QUrl(QStringLiteral("https://api.sandbox.trlyr.com")));
    QVERIFY(!p.environment(QStringLiteral("staging")));
}

void ProfileTest::inheritsSignInMappingInOptionalRequests()
{
    const Profile oauth = ProfileRegistry::builtIn(QStringLiteral("oauth2-password"));
    QVERIFY(oauth.hasRefresh());
    QVERIFY(oauth.refreshRotates);
    QCOMPARE(oauth.refresh.response.accessToken, QStringLiteral("/access_token"));
    QCOMPARE(oauth.refresh.response.rejected.codes, QStringList{QStringLiteral("invalid_grant")});
    QCOMPARE(oauth.refresh.omitEmpty, QStringList{QStringLiteral("scope")});
    QCOMPARE(oauth.refresh.encoding, Profile::Encoding::Form);
    const Profile datarhei = ProfileRegistry::builtIn(QStringLiteral("datarhei-core"));
    QVERIFY(datarhei.hasExternalSignIn());
    QCOMPARE(datarhei.externalSignIn.token, Profile::TokenPlacement::Bearer);
    QCOMPARE(datarhei.externalSignIn.encoding, Profile::Encoding::None);
    QCOMPARE(datarhei.externalSignIn.response.refreshToken, QStringLiteral("/refresh_token"));
    QCOMPARE(datarhei.refresh.method, QByteArray("GET"));
    QVERIFY(datarhei.hasProbe());
    QVERIFY(!datarhei.refreshRotates);
}

// docs/profiles.md's complete example must stay a valid profile.
void ProfileTest::loadsTheDocumentedExample()
{
    QFile doc(QStringLiteral(AUTHSESSION_SOURCE_DIR "/docs/profiles.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype heading = text.indexOf(QLatin1String("## A complete example"));
    QVERIFY(heading >= 0);
    const qsizetype start = text.indexOf(QLatin1String("```json\n"), heading);
    QVERIFY(start >= 0);
    const qsizetype end = text.indexOf(QLatin1String("\n```"), start + 8);
    QVERIFY(end > start);
    QList<Profile::Problem> problems;
    const Profile p = Profile::fromJson(text.mid(start + 8, end - start - 8).toUtf8(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    QCOMPARE(p.id, QStringLiteral("acme-sso"));
    QVERIFY(p.hasRefresh() && p.hasSignOut() && p.hasProbe() && p.refreshRotates);
    QCOMPARE(p.refresh.response.rejected.codes, QStringList{QStringLiteral("invalid_grant")});
    QCOMPARE(p.parameter(QStringLiteral("realm"))->choices.size(), 2);
}

QTEST_GUILESS_MAIN(ProfileTest)
#include "tst_profile.moc"
