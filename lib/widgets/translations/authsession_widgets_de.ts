<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuthSession::LoginDialog</name>
    <message>
        <source>Sign In</source>
        <extracomment>Window title of the sign-in dialog</extracomment>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>AuthSession::LoginWidget</name>
    <message>
        <source>Sign in</source>
        <comment>heading</comment>
        <extracomment>Heading of the sign-in form</extracomment>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <extracomment>Form label of the provider chooser (which login API)</extracomment>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Provider</source>
        <extracomment>Accessible name of the provider chooser</extracomment>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>The service to sign in to</source>
        <extracomment>Accessible description of the provider chooser</extracomment>
        <translation>Der Dienst, bei dem Sie sich anmelden</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <extracomment>Form label of the environment chooser (Production, Sandbox ...)</extracomment>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Environment</source>
        <extracomment>Accessible name of the environment chooser</extracomment>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>The server of the service to use</source>
        <extracomment>Accessible description of the environment chooser</extracomment>
        <translation>Der Server des Dienstes, der verwendet wird</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <extracomment>Form label of the username field</extracomment>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Username</source>
        <extracomment>Accessible name of the username field</extracomment>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>The name of your account</source>
        <extracomment>Accessible description of the username field</extracomment>
        <translation>Der Name Ihres Kontos</translation>
    </message>
    <message>
        <source>P&amp;assword:</source>
        <extracomment>Form label of the password field</extracomment>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <extracomment>Accessible name of the password field</extracomment>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The password of your account</source>
        <extracomment>Accessible description of the password field</extracomment>
        <translation>Das Passwort Ihres Kontos</translation>
    </message>
    <message>
        <source>Hide password</source>
        <extracomment>Tooltip/accessible name of the eye button while the password is visible</extracomment>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <source>Show password</source>
        <extracomment>Tooltip/accessible name of the eye button while the password is hidden</extracomment>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Shows or hides the characters of the password</source>
        <extracomment>Accessible description of the eye button next to the password</extracomment>
        <translation>Zeigt oder verbirgt die Zeichen des Passworts</translation>
    </message>
    <message>
        <source>Caps Lock is on</source>
        <extracomment>Shown under the password field while Caps Lock seems to be on</extracomment>
        <translation>Feststelltaste ist aktiv</translation>
    </message>
    <message>
        <source>Warning</source>
        <extracomment>Accessible name of the caps-lock warning icon</extracomment>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <extracomment>Form label of the field for a token from another sign-in service (Auth0)</extracomment>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Token</source>
        <extracomment>Accessible name of the external token field</extracomment>
        <translation>Token</translation>
    </message>
    <message>
        <source>A token from the service&apos;s external sign-in</source>
        <extracomment>Accessible description of the external token field</extracomment>
        <translation>Ein Token aus der externen Anmeldung des Dienstes</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in</source>
        <extracomment>Check box: store the session in the system keychain and restore it on the next start</extracomment>
        <translation>Angemeldet b&amp;leiben</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <extracomment>Accessible name of the keep-signed-in check box</extracomment>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keeps the session in the system keychain and restores it next time</source>
        <extracomment>Accessible description of the keep-signed-in check box</extracomment>
        <translation>Bewahrt die Sitzung im Schlüsselbund des Systems auf und stellt sie beim nächsten Mal wieder her</translation>
    </message>
    <message>
        <source>Message</source>
        <extracomment>Accessible name of the inline error/warning message</extracomment>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Signing in</source>
        <extracomment>Accessible name of the busy indicator while signing in</extracomment>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>The sign-in request is running</source>
        <extracomment>Accessible description of the busy indicator</extracomment>
        <translation>Die Anmeldeanfrage läuft</translation>
    </message>
    <message>
        <source>Sign in with a password</source>
        <extracomment>Link-like button: go back from token to username/password sign-in</extracomment>
        <translation>Mit Passwort anmelden</translation>
    </message>
    <message>
        <source>Sign in with a token</source>
        <extracomment>Link-like button: sign in with a token from another service instead</extracomment>
        <translation>Mit Token anmelden</translation>
    </message>
    <message>
        <source>Switches between password and token sign-in</source>
        <extracomment>Accessible description of the token/password switch</extracomment>
        <translation>Wechselt zwischen Anmeldung mit Passwort und mit Token</translation>
    </message>
    <message>
        <source>Starts or cancels the sign-in</source>
        <extracomment>Accessible description of the sign-in / cancel button</extracomment>
        <translation>Startet oder bricht die Anmeldung ab</translation>
    </message>
    <message>
        <source>Enter a token for %1.</source>
        <extracomment>Prompt under the heading in token mode; %1 is the provider&apos;s name</extracomment>
        <translation>Geben Sie ein Token für %1 ein.</translation>
    </message>
    <message>
        <source>Enter your username and password for %1.</source>
        <extracomment>Prompt under the heading; %1 is the provider&apos;s name</extracomment>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort für %1 ein.</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <extracomment>Environment chooser entry for a base URL set by the application; %1 is host:port</extracomment>
        <translation>Andere (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>abort sign-in</comment>
        <extracomment>Button while a sign-in is running: stops it</extracomment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <extracomment>Button after signing in when the password-expiry warning is shown</extracomment>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <comment>button</comment>
        <extracomment>Button that starts the sign-in</extracomment>
        <translation>Anmel&amp;den</translation>
    </message>
    <message numerus="yes">
        <source>Too many sign-in attempts. Try again in %n s.</source>
        <extracomment>Shown after HTTP 429; %n counts down the seconds until the next attempt is allowed</extracomment>
        <translation>
            <numerusform>Zu viele Anmeldeversuche. Versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Zu viele Anmeldeversuche. Versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check your connection and try again.</source>
        <extracomment>Hint after a network, timeout or TLS error, under the error message</extracomment>
        <translation>Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your password expires today. Change it now.</source>
        <extracomment>Warning after signing in: the password stops working within a day</extracomment>
        <translation>Ihr Passwort läuft heute ab. Ändern Sie es jetzt.</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n day(s). Change it soon.</source>
        <extracomment>Warning after signing in; %n is the number of days left</extracomment>
        <translation>
            <numerusform>Ihr Passwort läuft in %n Tag ab. Ändern Sie es bald.</numerusform>
            <numerusform>Ihr Passwort läuft in %n Tagen ab. Ändern Sie es bald.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a token.</source>
        <extracomment>Validation message when the token field is empty</extracomment>
        <translation>Geben Sie ein Token ein.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <extracomment>Validation message when the username field is empty</extracomment>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <extracomment>Validation message when the password field is empty</extracomment>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
</context>
</TS>
