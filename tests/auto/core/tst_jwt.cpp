// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// JWT decoding (RFC 7519, claims only, no verification) and RFC 6901 JSON Pointers.

#include <AuthSession/jsonpointer.h>
#include <AuthSession/jwt.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace AuthSession;

namespace {

// The access and refresh JWTs of the datarhei Core document (tests/fixtures/seeds/datarhei-core-login.txt).
const char datarheiAccess[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleGkiOjYwMCwiZXhwIjoxNjcwNDQxODI1LCJpYXQiOjE2NzA0NDEyMjUsImlzcyI6ImRhdGFyaGVp"
    "LWNvcmUiLCJqdGkiOiJhZWU4OTZhNS05ZThhLTRlMGQtYjk4Zi01NTA3NTUwNzA2YzUiLCJzdWIiOiJhZG1pbiIsInVzZWZvciI6ImFjY2VzcyJ9."
    "xrnIfNZU9Z0nrUxYddpPQOMO7ypHA2vuqrYuAr95elg";
const char datarheiRefresh[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleGkiOjg2NDAwLCJleHAiOjE2NzA1Mjc2MjUsImlhdCI6MTY3MDQ0MTIyNSwiaXNzIjoiZGF0YXJo"
    "ZWktY29yZSIsImp0aSI6IjczM2Q4Y2UxLTY3YjEtNDM3Yy04YzQ1LTM3Yjg4MmZjMWExZiIsInN1YiI6ImFkbWluIiwidXNlZm9yIjoicmVmcmVzaCJ9."
    "3lqZFJeN7ILfM4DTi0-ZJ7kAzqTMR-yRgRl3o89O-jY";

// RFC 6901 section 5
QJsonObject rfc6901Document()
{
    return QJsonObject{{QStringLiteral("foo"), QJsonArray{QStringLiteral("bar"), QStringLiteral("baz")}},
                       {QStringLiteral(""), 0},
                       {QStringLiteral("a/b"), 1},
                       {QStringLiteral("c%d"), 2},
                       {QStringLiteral("e^f"), 3},
                       {QStringLiteral("g|h"), 4},
                       {QStringLiteral("i\\j"), 5},
                       {QStringLiteral("k\"l"), 6},
                       {QStringLiteral(" "), 7},
                       {QStringLiteral("m~n"), 8},
                       {QStringLiteral("~1"), 9}};
}

} // namespace

class JwtTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesBase64UrlWithoutPadding_data();
    void decodesBase64UrlWithoutPadding();
    void encodesBase64UrlWithoutPadding();
    void readsDatarheiAccessToken();
    void readsDatarheiRefreshToken();
    void rejectsNonJwt_data();
    void rejectsNonJwt();
    void roundTripsHs256();
    void signsHs256LikeOtherLibraries();

    void resolvesRfc6901Examples_data();
    void resolvesRfc6901Examples();
    void resolvesArrayIndexesStrictly_data();
    void resolvesArrayIndexesStrictly();
    void validatesPointers_data();
    void validatesPointers();
    void setsValues();
    void refusesToSetThroughNonObjects();
};

void JwtTest::decodesBase64UrlWithoutPadding_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addRow("one-byte") << QByteArray("YQ") << true << QByteArray("a");
    QTest::addRow("two-bytes") << QByteArray("YWI") << true << QByteArray("ab");
    QTest::addRow("three-bytes") << QByteArray("YWJj") << true << QByteArray("abc");
    QTest::addRow("empty") << QByteArray() << true << QByteArray();
    QTest::addRow("url-alphabet") << QByteArray("-_-_") << true << QByteArray("\xfb\xff\xbf");
    QTest::addRow("url-alphabet-short") << QByteArray("--8") << true << QByteArray("\xfb\xef");
    QTest::addRow("plus-is-not-url") << QByteArray("+/+/") << false << QByteArray();
    QTest::addRow("space") << QByteArray("YW Jj") << false << QByteArray();
    QTest::addRow("garbage") << QByteArray("!!!!") << false << QByteArray();
    QTest::addRow("high-bytes") << QByteArray("\xc3\xa9\xc3\xa9") << false << QByteArray();
}

void JwtTest::decodesBase64UrlWithoutPadding()
{
    QFETCH(QByteArray, encoded);
    QFETCH(bool, ok);
    QFETCH(QByteArray, decoded);
    bool result = !ok;
    const QByteArray bytes = Jwt::decodeBase64Url(encoded, &result);
    QCOMPARE(result, ok);
    QCOMPARE(bytes, decoded);
    Jwt::decodeBase64Url(encoded); // the flag is optional
}

void JwtTest::encodesBase64UrlWithoutPadding()
{
    QCOMPARE(Jwt::encodeBase64Url("a"), QByteArray("YQ"));
    QCOMPARE(Jwt::encodeBase64Url("\xfb\xff\xbf"), QByteArray("-_-_"));
    QCOMPARE(Jwt::encodeBase64Url("any carnal pleas"), QByteArray("YW55IGNhcm5hbCBwbGVhcw"));
    for (int n = 0; n < 64; ++n) {
        QByteArray data;
        for (int i = 0; i < n; ++i)
            data.append(char(i * 37 + n));
        bool ok = false;
        QCOMPARE(Jwt::decodeBase64Url(Jwt::encodeBase64Url(data), &ok), data);
        QVERIFY(ok);
        QVERIFY(!Jwt::encodeBase64Url(data).contains('='));
    }
}

void JwtTest::readsDatarheiAccessToken()
{
    bool ok = false;
    const QJsonObject claims = Jwt::payload(QLatin1String(datarheiAccess), &ok);
    QVERIFY(ok);
    QCOMPARE(claims.value(QLatin1String("exi")).toInt(), 600);
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger(), 1670441825);
    QCOMPARE(claims.value(QLatin1String("iat")).toInteger(), 1670441225);
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), QStringLiteral("datarhei-core"));
    QCOMPARE(claims.value(QLatin1String("jti")).toString(), QStringLiteral("aee896a5-9e8a-4e0d-b98f-5507550706c5"));
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), QStringLiteral("admin"));
    QCOMPARE(claims.value(QLatin1String("usefor")).toString(), QStringLiteral("access"));
    QCOMPARE(claims.size(), 7);
}

void JwtTest::readsDatarheiRefreshToken()
{
    bool ok = false;
    const QJsonObject claims = Jwt::payload(QLatin1String(datarheiRefresh), &ok);
    QVERIFY(ok);
    QCOMPARE(claims.value(QLatin1String("exi")).toInt(), 86400);
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger() - claims.value(QLatin1String("iat")).toInteger(), 86400);
    QCOMPARE(claims.value(QLatin1String("usefor")).toString(), QStringLiteral("refresh"));
}

void JwtTest::rejectsNonJwt_data()
{
    QTest::addColumn<QString>("token");
    // the documents' shortened placeholders are not JWTs
    QTest::addRow("datarhei-placeholder") << "eyJz93a...k4laUWw";
    QTest::addRow("v1-auth-placeholder") << "eyJraWQiOiJLT0R...";
    QTest::addRow("opaque") << "2YotnFZFEjr1zCsicMWpAA";
    QTest::addRow("empty") << "";
    QTest::addRow("dots-only") << "..";
    QTest::addRow("two-parts") << "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0";
    QTest::addRow("four-parts") << "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln.c2ln";
    QTest::addRow("empty-payload") << "eyJhbGciOiJIUzI1NiJ9..c2ln";
    QTest::addRow("payload-not-json") << "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln";
    QTest::addRow("payload-array") << "eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln";
    QTest::addRow("payload-bad-base64") << "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi*n0.c2ln";
    QTest::addRow("non-latin1") << "eyJ\u00e9.\u4e2d\u6587.x";
    QTest::addRow("jwe-five-parts") << "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d";
}

void JwtTest::rejectsNonJwt()
{
    QFETCH(QString, token);
    bool ok = true;
    const QJsonObject claims = Jwt::payload(token, &ok);
    QVERIFY(!ok);
    QVERIFY(claims.isEmpty());
}

void JwtTest::roundTripsHs256()
{
    const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("admin")},
                             {QStringLiteral("iat"), 1768478400},
                             {QStringLiteral("exp"), 1768479000},
                             {QStringLiteral("name"), QStringLiteral("J\u00f6rg \u2713")},
                             {QStringLiteral("roles"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}};
    const QByteArray key = QByteArrayLiteral("sandbox-secret");
    const QString token = Jwt::encodeHs256(claims, key);
    QCOMPARE(token.count(QLatin1Char('.')), 2);
    QVERIFY(!token.contains(QLatin1Char('=')));
    bool ok = false;
    QCOMPARE(Jwt::payload(token, &ok), claims);
    QVERIFY(ok);

    const QList<QByteArray> parts = token.toLatin1().split('.');
    const QJsonObject header = QJsonDocument::fromJson(Jwt::decodeBase64Url(parts.at(0))).object();
    QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
    const QByteArray signature = QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), key, QCryptographicHash::Sha256);
    QCOMPARE(Jwt::decodeBase64Url(parts.at(2)), signature);
    QVERIFY(Jwt::encodeHs256(claims, "other key") != token);
}

void JwtTest::signsHs256LikeOtherLibraries()
{
    // computed with Python's hmac module over the same compact, key-sorted JSON
    const QJsonObject claims{{QStringLiteral("sub"), QStringLiteral("1234567890")},
                             {QStringLiteral("name"), QStringLiteral("John Doe")},
                             {QStringLiteral("iat"), 1516239022}};
    QCOMPARE(Jwt::encodeHs256(claims, "your-256-bit-secret"),
             QStringLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1MTYyMzkwMjIsIm5hbWUiOiJKb2huIERvZSIsInN1YiI6IjEy"
                            "MzQ1Njc4OTAifQ.fdOPQ05ZfRhkST2-rIWgUpbqUsVhkkNVNcuG7Ki0s-8"));
}

void JwtTest::resolvesRfc6901Examples_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("expected");
    const QJsonObject doc = rfc6901Document();
    QTest::newRow("whole-document") << "" << QJsonValue(doc);
    QTest::newRow("/foo") << "/foo" << QJsonValue(QJsonArray{QStringLiteral("bar"), QStringLiteral("baz")});
    QTest::newRow("/foo/0") << "/foo/0" << QJsonValue(QStringLiteral("bar"));
    QTest::newRow("/foo/1") << "/foo/1" << QJsonValue(QStringLiteral("baz"));
    QTest::newRow("/") << "/" << QJsonValue(0);
    QTest::newRow("/a~1b") << "/a~1b" << QJsonValue(1);
    QTest::newRow("/c%d") << "/c%d" << QJsonValue(2);
    QTest::newRow("/e^f") << "/e^f" << QJsonValue(3);
    QTest::newRow("/g|h") << "/g|h" << QJsonValue(4);
    QTest::newRow("/i\\j") << "/i\\j" << QJsonValue(5);
    QTest::newRow("/k\"l") << "/k\"l" << QJsonValue(6);
    QTest::newRow("/ ") << "/ " << QJsonValue(7);
    QTest::newRow("/m~0n") << "/m~0n" << QJsonValue(8);
    // ~01 is "~1" (unescape ~0 first would wrongly give "/")
    QTest::newRow("/~01") << "/~01" << QJsonValue(9);
}

void JwtTest::resolvesRfc6901Examples()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, expected);
    bool found = false;
    QCOMPARE(JsonPointer::value(rfc6901Document(), pointer, &found), expected);
    QVERIFY(found);
}

void JwtTest::resolvesArrayIndexesStrictly_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("found");
    QTest::addRow("0") << "/foo/0" << true;
    QTest::addRow("1") << "/foo/1" << true;
    QTest::addRow("past-the-end") << "/foo/2" << false;
    QTest::addRow("dash") << "/foo/-" << false;
    QTest::addRow("leading-zero") << "/foo/01" << false;
    QTest::addRow("double-zero") << "/foo/00" << false;
    QTest::addRow("negative") << "/foo/-1" << false;
    QTest::addRow("minus-zero") << "/foo/-0" << false;
    QTest::addRow("plus") << "/foo/+1" << false;
    QTest::addRow("space") << "/foo/ 1" << false;
    QTest::addRow("empty") << "/foo/" << false;
    QTest::addRow("hex") << "/foo/0x1" << false;
    QTest::addRow("huge") << "/foo/99999999999999999999" << false;
    QTest::addRow("into-string") << "/foo/0/0" << false;
    QTest::addRow("missing-key") << "/nope" << false;
    QTest::addRow("into-number") << "/a~1b/x" << false;
    QTest::addRow("object-key-with-leading-zero") << "/obj/01" << true;
}

void JwtTest::resolvesArrayIndexesStrictly()
{
    QFETCH(QString, pointer);
    QFETCH(bool, found);
    QJsonObject doc = rfc6901Document();
    doc.insert(QStringLiteral("obj"), QJsonObject{{QStringLiteral("01"), true}});
    bool result = !found;
    const QJsonValue v = JsonPointer::value(doc, pointer, &result);
    QCOMPARE(result, found);
    if (!found)
        QVERIFY(v.isUndefined());
}

void JwtTest::validatesPointers_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("valid");
    QTest::addRow("empty") << "" << true;
    QTest::addRow("root-key") << "/" << true;
    QTest::addRow("escapes") << "/a~0b/c~1d/0" << true;
    QTest::addRow("no-slash") << "access_token" << false;
    QTest::addRow("bad-escape") << "/a~2" << false;
    QTest::addRow("dangling-tilde") << "/a~" << false;
    QTest::addRow("uri-fragment-form") << "#/a" << false;
}

void JwtTest::validatesPointers()
{
    QFETCH(QString, pointer);
    QFETCH(bool, valid);
    QCOMPARE(JsonPointer::isValid(pointer), valid);
    if (!valid) {
        bool found = true;
        QVERIFY(JsonPointer::value(rfc6901Document(), pointer, &found).isUndefined());
        QVERIFY(!found);
    }
}

void JwtTest::setsValues()
{
    QJsonObject root;
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/access_token"), QStringLiteral("t")));
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/tokens/idToken"), QStringLiteral("i")));
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/tokens/accessToken"), QStringLiteral("a")));
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/a~1b/m~0n"), 8));
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/"), true));
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "access_token": "t",
        "tokens": {"idToken": "i", "accessToken": "a"},
        "a/b": {"m~n": 8},
        "": true
    })").object();
    QCOMPARE(root, expected);
    bool found = false;
    QCOMPARE(JsonPointer::value(root, QStringLiteral("/tokens/accessToken"), &found), QJsonValue(QStringLiteral("a")));
    QVERIFY(found);

    // overwrite, and replace a null on the way with an object
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/access_token"), QStringLiteral("u")));
    QCOMPARE(root.value(QLatin1String("access_token")).toString(), QStringLiteral("u"));
    root.insert(QStringLiteral("data"), QJsonValue::Null);
    QVERIFY(JsonPointer::setValue(root, QStringLiteral("/data/email"), QStringLiteral("e@example.com")));
    QCOMPARE(root.value(QLatin1String("data")).toObject().value(QLatin1String("email")).toString(), QStringLiteral("e@example.com"));
}

void JwtTest::refusesToSetThroughNonObjects()
{
    QJsonObject root{{QStringLiteral("s"), QStringLiteral("text")}, {QStringLiteral("list"), QJsonArray{1, 2}}};
    const QJsonObject before = root;
    QVERIFY(!JsonPointer::setValue(root, QStringLiteral("/s/x"), 1));
    QVERIFY(!JsonPointer::setValue(root, QStringLiteral("/list/0"), 1)); // arrays are never created or entered
    QVERIFY(!JsonPointer::setValue(root, QString(), 1)); // the whole document is not a member
    QVERIFY(!JsonPointer::setValue(root, QStringLiteral("x"), 1));
    QVERIFY(!JsonPointer::setValue(root, QStringLiteral("/a~2"), 1));
    QCOMPARE(root, before);
}

QTEST_GUILESS_MAIN(JwtTest)
#include "tst_jwt.moc"
