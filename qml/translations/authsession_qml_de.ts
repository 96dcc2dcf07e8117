<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuthSession::LoginController</name>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n second(s).</source>
        <extracomment>Shown after HTTP 429; counts down every second</extracomment>
        <translation>
            <numerusform>Zu viele Anmeldeversuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anmeldeversuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many sign-in attempts. You can try again now.</source>
        <translation>Zu viele Anmeldeversuche. Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>%1 Check your connection and try again.</source>
        <extracomment>%1 = what went wrong (a sentence)</extracomment>
        <translation>%1 Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 Try again in a few minutes.</source>
        <extracomment>%1 = what went wrong (a sentence)</extracomment>
        <translation>%1 Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
</context>
<context>
    <name>AuthSession::SessionInfo</name>
    <message>
        <source>Your password has expired. Change it before you sign in again.</source>
        <translation>Ihr Passwort ist abgelaufen. Ändern Sie es, bevor Sie sich wieder anmelden.</translation>
    </message>
    <message>
        <source>Your password expires today. Change it soon.</source>
        <translation>Ihr Passwort läuft heute ab. Ändern Sie es bald.</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s). Change it soon.</source>
        <extracomment>%n = whole days left</extracomment>
        <translation>
            <numerusform>Ihr Passwort läuft in %n Tag ab. Ändern Sie es bald.</numerusform>
            <numerusform>Ihr Passwort läuft in %n Tagen ab. Ändern Sie es bald.</numerusform>
        </translation>
    </message>
    <message>
        <source>not scheduled</source>
        <extracomment>No refresh timer is armed (no refresh token or no known expiry)</extracomment>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Token lifetime not known</extracomment>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>Duration: %1 days, %2 hours</extracomment>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>Duration: %1 hours, %2 minutes</extracomment>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>Duration: %1 minutes, %2 seconds</extracomment>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Duration: %1 seconds</extracomment>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Accessible name of the provider choice</extracomment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>The service to sign in to</source>
        <translation>Der Dienst, bei dem Sie sich anmelden</translation>
    </message>
    <message>
        <source>Environment</source>
        <extracomment>Accessible name of the environment (server) choice</extracomment>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Which server of the provider to use</source>
        <translation>Welcher Server des Anbieters verwendet wird</translation>
    </message>
    <message>
        <source>Username</source>
        <extracomment>Accessible name of the username field</extracomment>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Your account name; earlier accounts are in the list</source>
        <translation>Ihr Kontoname; frühere Konten stehen in der Liste</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>Accessible name of the password field</extracomment>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
        <extra-Context>Toggles whether the password is readable</extra-Context>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Shows the password as plain text</source>
        <translation>Zeigt das Passwort als Klartext</translation>
    </message>
    <message>
        <source>Caps Lock is on.</source>
        <translation>Die Feststelltaste ist aktiv.</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Stay signed in on this computer until you sign out</source>
        <translation>Auf diesem Computer angemeldet bleiben, bis Sie sich abmelden</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in (%1)</source>
        <extracomment>%1 = seconds until signing in is allowed again</extracomment>
        <translation>Anmelden (%1)</translation>
    </message>
    <message>
        <source>Stops signing in</source>
        <translation>Bricht die Anmeldung ab</translation>
    </message>
    <message>
        <source>Signs in with this username and password</source>
        <translation>Meldet Sie mit diesem Benutzernamen und Passwort an</translation>
    </message>
    <message>
        <source>Sign in with a token</source>
        <translation>Mit einem Token anmelden</translation>
    </message>
    <message>
        <source>Use a token from another identity provider instead of a password</source>
        <translation>Statt eines Passworts ein Token eines anderen Identitätsanbieters verwenden</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>External token</source>
        <translation>Externes Token</translation>
    </message>
    <message>
        <source>A token from the provider&apos;s identity service; Enter signs in with it</source>
        <translation>Ein Token vom Identitätsdienst des Anbieters; die Eingabetaste meldet Sie damit an</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <extracomment>%1 = the user&apos;s display name</extracomment>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>User ID</source>
        <extracomment>The user&apos;s subject identifier (the &quot;sub&quot; claim)</extracomment>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>Benutzer-ID: %1</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 = provider name, %2 = environment name</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Expires in</source>
        <extracomment>Time left until the access token expires</extracomment>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Expires in %1</source>
        <translation>Läuft ab in %1</translation>
    </message>
    <message>
        <source>Next refresh</source>
        <extracomment>Time left until the session is renewed automatically</extracomment>
        <translation>Nächste Erneuerung</translation>
    </message>
    <message>
        <source>Next refresh: %1</source>
        <translation>Nächste Erneuerung: %1</translation>
    </message>
    <message>
        <source>Refreshing</source>
        <translation>Wird erneuert</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt erneuern</translation>
    </message>
    <message>
        <source>Renews the session now instead of waiting</source>
        <translation>Erneuert die Sitzung sofort, statt zu warten</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Ends the session and forgets the kept sign-in</source>
        <translation>Beendet die Sitzung und vergisst die gespeicherte Anmeldung</translation>
    </message>
</context>
</TS>
