// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// Transport security against a network attacker: the sandbox in HTTPS mode with a throwaway CA and
// server certificates made at test time with openssl. Untrusted certificates are refused with a Tls
// error naming the problem, never ignored; the supported way for an app to trust its own CA works;
// plain http to non-loopback hosts is refused; credentials never follow a redirect to another origin.
#include "../session/sessiontestutil.h"

#include <AuthSession/requestbuilder.h>
#include <AuthSession/sessionreply.h>

#include <QFile>
#include <QNetworkInterface>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace AuthSession;

namespace {

// A bare HTTP/1.1 server answering every request with one canned answer, counting what it gets.
class RawServer : public QTcpServer
{
public:
    explicit RawServer(QByteArray answer = {}) : m_answer(std::move(answer)) { }
    void setAnswer(const QByteArray &answer) { m_answer = answer; }
    int connections = 0;
    QByteArray received;

protected:
    void incomingConnection(qintptr handle) override
    {
        ++connections;
        auto socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            received += socket->readAll();
            // answer once the headers are in (the redirect does not need the body)
            if (received.contains("\r\n\r\n") && !m_answered.contains(socket)) {
                m_answered.append(socket);
                socket->write(m_answer);
                socket->flush();
            }
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    QByteArray m_answer;
    QList<QTcpSocket *> m_answered;
};

QByteArray redirectTo(int status, const QUrl &target)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Redirect\r\nLocation: " + target.toEncoded()
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_openssl;
    QSslConfiguration m_originalDefault;

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_openssl, args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning().noquote() << "openssl" << args.join(QLatin1Char(' ')) << "failed:" << p.readAll();
            return false;
        }
        return true;
    }

    // A server certificate signed by the throwaway CA, for the given subjectAltName.
    bool makeServerCert(const QString &name, const QString &san)
    {
        QFile ext(m_dir.filePath(name + QLatin1String(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName="
                  + san.toLatin1() + "\n");
        ext.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QLatin1String(".key"), QStringLiteral("-out"), name + QLatin1String(".csr"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=AuthSession test server")})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QLatin1String(".csr"),
                        QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                        QStringLiteral("-set_serial"), QString::number(QDateTime::currentMSecsSinceEpoch()),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), name + QLatin1String(".ext"),
                        QStringLiteral("-out"), name + QLatin1String(".pem")});
    }

    QSslConfiguration serverTls(const QString &name)
    {
        QFile certFile(m_dir.filePath(name + QLatin1String(".pem")));
        QFile keyFile(m_dir.filePath(name + QLatin1String(".key")));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return {};
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for client certificates
        return tls;
    }

    // Signs in to an HTTPS sandbox serving certificate \a name; returns the outcome.
    AuthError signInOverTls(const QString &name, const QString &id, Session::State *state, int *signInRequests)
    {
        SandboxServer server;
        server.setTlsConfiguration(serverTls(name));
        if (!server.listen())
            return AuthError(ErrorCategory::Configuration, QStringLiteral("listen failed"));
        auto session = makeSession(server, id);
        session->setRequestTimeout(5000);
        QSignalSpy failed(session.get(), &Session::signInFailed);
        const bool ok = signInDemo(*session);
        *state = session->state();
        *signInRequests = server.count(id, QStringLiteral("signIn"));
        if (ok)
            return {};
        return failed.isEmpty() ? AuthError(ErrorCategory::Cancelled, QStringLiteral("no outcome"))
                                : failed.at(0).at(0).value<AuthError>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<AuthError>();
        m_originalDefault = QSslConfiguration::defaultConfiguration();
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend");
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (m_openssl.isEmpty())
            QSKIP("openssl is not installed");
        QVERIFY(m_dir.isValid());
        // the throwaway CA
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=AuthSession throwaway test CA"),
                         QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                         QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")}));
        QVERIFY(makeServerCert(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1,DNS:localhost")));
        QVERIFY(makeServerCert(QStringLiteral("wronghost"), QStringLiteral("DNS:login.example.org")));
        // a self-signed leaf (no CA at all)
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("selfsigned.key"), QStringLiteral("-out"), QStringLiteral("selfsigned.pem"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")}));
    }

    void cleanupTestCase() { QSslConfiguration::setDefaultConfiguration(m_originalDefault); }

    void sandboxServesHttps()
    {
        SandboxServer server;
        server.setTlsConfiguration(serverTls(QStringLiteral("server")));
        QVERIFY(server.isTls());
        QVERIFY(server.listen() != 0);
        QCOMPARE(server.baseUrl(QStringLiteral("v1-auth")).scheme(), QStringLiteral("https"));
    }

    void refusesUntrustedCertificate_data()
    {
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("names"); //!< one of these must appear in the message
        const QStringList unknownIssuer = {QStringLiteral("issuer"), QStringLiteral("first certificate")};
        const QStringList selfSigned = {QStringLiteral("self signed"), QStringLiteral("self-signed")};
        for (const QString &id : ProfileRegistry::builtInIds())
            QTest::addRow("CA not trusted, %s", qPrintable(id)) << QStringLiteral("server") << id << unknownIssuer;
        QTest::addRow("self-signed") << QStringLiteral("selfsigned") << QStringLiteral("v1-auth") << selfSigned;
    }
    void refusesUntrustedCertificate()
    {
        QFETCH(QString, cert);
        QFETCH(QString, id);
        QFETCH(QStringList, names);
        Session::State state;
        int requests = -1;
        const AuthError error = signInOverTls(cert, id, &state, &requests);
        QVERIFY2(error.category() == ErrorCategory::Tls, qPrintable(error.toString()));
        bool named = false;
        for (const QString &n : std::as_const(names))
            named = named || error.message().contains(n, Qt::CaseInsensitive);
        QVERIFY2(named, qPrintable(error.message()));
        QCOMPARE(state, Session::State::SignedOut);
        QCOMPARE(requests, 0); // the credentials never left the client
    }

    void acceptsCertificateOnceTheAppTrustsItsCa()
    {
        // The supported way: the embedding app adds its CA to Qt's default TLS configuration before
        // the session's first request (every QNetworkAccessManager request starts from it).
        const auto ca = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem")));
        QCOMPARE(ca.size(), 1);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(ca);
        QSslConfiguration::setDefaultConfiguration(tls);

        for (const QString &id : ProfileRegistry::builtInIds()) {
            Session::State state;
            int requests = 0;
            const AuthError error = signInOverTls(QStringLiteral("server"), id, &state, &requests);
            QVERIFY2(!error.isError(), qPrintable(id + QLatin1String(": ") + error.toString()));
            QCOMPARE(state, Session::State::SignedIn);
            QCOMPARE(requests, 1);
        }
    }

    void refreshOverTls()
    {
        SandboxServer server;
        server.setTlsConfiguration(serverTls(QStringLiteral("server")));
        QVERIFY(server.listen() != 0);
        auto session = makeSession(server, QStringLiteral("oauth2-password"));
        QVERIFY(signInDemo(*session));
        QSignalSpy refreshed(session.get(), &Session::refreshed);
        session->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(server.count(QStringLiteral("oauth2-password"), QStringLiteral("refresh")), 1);
    }

    void refusesWrongHostEvenWithTrustedCa()
    {
        // still trusting the CA (previous test): a certificate for another host is refused
        Session::State state;
        int requests = -1;
        const AuthError error = signInOverTls(QStringLiteral("wronghost"), QStringLiteral("terralayr"), &state, &requests);
        QVERIFY2(error.category() == ErrorCategory::Tls, qPrintable(error.toString()));
        QVERIFY2(error.message().contains(QLatin1String("host name"), Qt::CaseInsensitive), qPrintable(error.message()));
        QCOMPARE(state, Session::State::SignedOut);
        QCOMPARE(requests, 0);
    }

    void refusesPlainHttpToNonLoopbackHost()
    {
        Profile profile = ProfileRegistry::builtIn(QStringLiteral("v1-auth"));
        QVERIFY(!profile.allowInsecureHttp);
        RawServer nobody; // must stay untouched
        QVERIFY(nobody.listen(QHostAddress::AnyIPv4));
        QString lanAddress;
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) {
                lanAddress = a.toString();
                break;
            }
        }
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(lanAddress.isEmpty() ? QStringLiteral("192.0.2.1") : lanAddress);
        base.setPort(nobody.serverPort());
        base.setPath(QStringLiteral("/v1-auth"));

        Session session;
        session.setProfile(profile);
        session.setBaseUrl(base);
        session.setRequestTimeout(1000);
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<AuthError>();
        QVERIFY2(error.category() == ErrorCategory::Configuration, qPrintable(error.toString()));
        QCOMPARE(session.state(), Session::State::SignedOut);
        QTest::qWait(100);
        QCOMPARE(nobody.connections, 0);

        // the same through RequestBuilder: nothing to send at all
        RequestBuilder builder(profile, base);
        PreparedRequest p = builder.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QCOMPARE(p.error.category(), ErrorCategory::Configuration);
        QVERIFY(p.body.isEmpty());

        // a profile that explicitly allows it may (an intranet API without TLS): the request leaves
        // (a new Session: setProfile() ignores a profile with the same id and source)
        profile.allowInsecureHttp = true;
        Session allowed;
        allowed.setProfile(profile);
        allowed.setBaseUrl(base);
        allowed.setRequestTimeout(1000);
        QSignalSpy allowedFailed(&allowed, &Session::signInFailed);
        allowed.signIn(QStringLiteral("demo"), QStringLiteral("demo"));
        QVERIFY(QTest::qWaitFor([&] { return !allowed.isBusy(); }, 5000));
        QVERIFY(!allowedFailed.isEmpty()); // our raw server never answers
        const auto allowedError = allowedFailed.at(0).at(0).value<AuthError>();
        QVERIFY2(allowedError.category() != ErrorCategory::Configuration, qPrintable(allowedError.toString()));
        if (!lanAddress.isEmpty())
            QTRY_VERIFY(nobody.connections > 0);
    }

    void credentialsNeverFollowRedirectToAnotherOrigin_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("id");
        for (int status : {301, 302, 303, 307, 308}) {
            for (const QString &id : {QStringLiteral("v1-auth"), QStringLiteral("oauth2-password"), QStringLiteral("simple-form-login")})
                QTest::addRow("%d %s", status, qPrintable(id)) << status << id;
        }
    }
    void credentialsNeverFollowRedirectToAnotherOrigin()
    {
        QFETCH(int, status);
        QFETCH(QString, id);
        RawServer evil; // another origin: must never receive anything
        QVERIFY(evil.listen(QHostAddress::LocalHost));
        QUrl target;
        target.setScheme(QStringLiteral("http"));
        target.setHost(QStringLiteral("127.0.0.1"));
        target.setPort(evil.serverPort());
        target.setPath(QStringLiteral("/collect"));
        RawServer redirector(redirectTo(status, target));
        QVERIFY(redirector.listen(QHostAddress::LocalHost));

        Session session;
        session.setProfile(ProfileRegistry::builtIn(id));
        session.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(redirector.serverPort()).arg(id)));
        session.setRequestTimeout(2000);
        QSignalSpy failed(&session, &Session::signInFailed);
        session.signIn(QStringLiteral("demo"), QStringLiteral("canary-redirect-password"));
        QVERIFY(failed.wait(5000));
        const auto error = failed.at(0).at(0).value<AuthError>();
        QVERIFY2(error.category() == ErrorCategory::Protocol, qPrintable(error.toString()));
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(session.state(), Session::State::SignedOut);
        QVERIFY(redirector.received.contains("canary-redirect-password") || redirector.received.contains("Authorization"));
        QTest::qWait(200); // give a wrongly followed redirect the time to arrive
        QCOMPARE(evil.connections, 0);
        QVERIFY(evil.received.isEmpty());
    }

    void authorizedRequestsStayOnTheirOrigin()
    {
        SandboxServer server;
        QVERIFY(server.listen() != 0);
        auto session = makeSession(server, QStringLiteral("v1-auth"));
        QVERIFY(signInDemo(*session));
        RawServer evil;
        QVERIFY(evil.listen(QHostAddress::LocalHost));
        QUrl other(QStringLiteral("http://127.0.0.1:%1/v1-auth/data").arg(evil.serverPort()));
        SessionReply *reply = session->send(QNetworkRequest(other));
        QSignalSpy finished(reply, &SessionReply::finished);
        QVERIFY(finished.wait(3000));
        QCOMPARE(reply->error().category(), ErrorCategory::Configuration);
        QCOMPARE(evil.connections, 0);

        // a resource on the session's origin that redirects elsewhere: QNAM's same-origin policy
        // stops it before the token travels
        RawServer redirector(redirectTo(307, other));
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        session->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/v1-auth").arg(redirector.serverPort())));
        if (session->tokens().isEmpty())
            QSKIP("changing the base URL signs out in this version");
        SessionReply *redirected = session->send(QNetworkRequest(QUrl(QStringLiteral("/data"))));
        QSignalSpy redirectedFinished(redirected, &SessionReply::finished);
        QVERIFY(redirectedFinished.wait(3000));
        QVERIFY(redirected->error().isError());
        QTest::qWait(200);
        QCOMPARE(evil.connections, 0);
    }
};

QTEST_MAIN(tst_Tls)
#include "tst_tls.moc"
