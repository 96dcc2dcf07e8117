// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
import QtQuick
import QtQuick.Controls
import QtTest
import AuthSession

Item {
    id: top
    width: 420
    height: 720

    Component {
        id: screenComponent
        LoginScreen {
            anchors.fill: parent
            session: Session {
                profileId: "v1-auth"
                requestTimeout: 10000
            }
        }
    }

    TestCase {
        id: test
        name: "LoginScreen"
        when: windowShown

        property LoginScreen screen

        function child(name: string): Item {
            const item = findChild(test.screen, name);
            verify(item, "no child " + name);
            return item;
        }

        function typeText(text: string): void {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i]);
        }

        // Fills the form the way a user does: username, Tab, password, Enter.
        function signIn(username: string, password: string): void {
            const user = child("usernameField");
            user.forceActiveFocus();
            user.editText = username;
            keyClick(Qt.Key_Tab);
            verify(child("passwordField").activeFocus, "Tab from the username goes to the password");
            typeText(password);
            keyClick(Qt.Key_Return);
        }

        function init(): void {
            sandbox.clearFaults();
            test.screen = createTemporaryObject(screenComponent, top);
            verify(test.screen);
            compare(test.screen.session.environment, "Local sandbox");
        }

        function test_defaults(): void {
            const password = child("passwordField");
            compare(password.echoMode, TextInput.Password);
            verify(password.inputMethodHints & Qt.ImhSensitiveData);
            verify(password.inputMethodHints & Qt.ImhNoPredictiveText);
            compare(child("revealButton").checked, false);
            compare(child("errorLabel").visible, false);
            compare(child("signInButton").text, "Sign in");
            compare(child("providerCombo").currentValue, "v1-auth");
            compare(child("environmentCombo").currentText, "Local sandbox");
            compare(test.screen.session.state, Session.SignedOut);
        }

        function test_signInSucceeds(): void {
            const spy = signalSpy.createObject(test, {target: test.screen, signalName: "signedIn"});
            signIn("demo", "demo");
            tryCompare(test.screen.session, "signedIn", true, 10000);
            compare(test.screen.session.state, Session.SignedIn);
            compare(test.screen.session.username, "demo");
            compare(spy.count, 1);
            compare(child("passwordField").text, "", "the password is not kept after signing in");
            compare(child("errorLabel").visible, false);
        }

        function test_wrongPasswordShowsErrorAndSelectsPassword(): void {
            signIn("demo", "wrong");
            tryCompare(child("errorLabel"), "visible", true, 10000);
            compare(test.screen.controller.errorCategory, ErrorCategory.InvalidCredentials);
            verify(child("errorLabel").text.length > 0);
            const password = child("passwordField");
            verify(password.activeFocus);
            compare(password.selectedText, "wrong");
            compare(test.screen.session.state, Session.SignedOut);
            // Typing again hides the error.
            keyClick("x");
            compare(child("errorLabel").visible, false);
        }

        function test_cancelDuringSlowSignIn(): void {
            verify(sandbox.addFault("kind=delay,delayMs=5000,endpoint=signIn"));
            signIn("demo", "demo");
            const button = child("signInButton");
            tryCompare(test.screen.session, "busy", true);
            compare(button.text, "Cancel");
            verify(button.enabled);
            verify(child("busyIndicator").running);
            mouseClick(button);
            tryCompare(test.screen.session, "busy", false, 2000);
            compare(test.screen.session.state, Session.SignedOut);
            compare(button.text, "Sign in");
            compare(child("errorLabel").visible, false, "cancelling is not an error");
            compare(child("busyIndicator").running, false);
        }

        function test_rateLimitCountsDown(): void {
            verify(sandbox.addFault("kind=status,status=429,retryAfter=3,endpoint=signIn"));
            signIn("demo", "demo");
            const button = child("signInButton");
            tryVerify(() => test.screen.controller.retryCountdown > 0, 10000);
            compare(test.screen.controller.errorCategory, ErrorCategory.RateLimited);
            compare(button.enabled, false);
            verify(button.text.indexOf(String(test.screen.controller.retryCountdown)) >= 0, button.text);
            verify(child("errorLabel").visible);
            verify(child("errorLabel").text.indexOf("second") >= 0, child("errorLabel").text);
            // Enter does nothing while the countdown runs.
            keyClick(Qt.Key_Return);
            compare(test.screen.session.busy, false);
            tryCompare(button, "enabled", true, 5000);
            compare(test.screen.controller.retryCountdown, 0);
            compare(button.text, "Sign in");
        }

        function test_revealToggle(): void {
            const password = child("passwordField");
            const reveal = child("revealButton");
            password.forceActiveFocus();
            typeText("secret");
            mouseClick(reveal);
            compare(reveal.checked, true);
            compare(password.echoMode, TextInput.Normal);
            mouseClick(reveal);
            compare(password.echoMode, TextInput.Password);
            // Shown again -> hidden again, and the password is gone.
            mouseClick(reveal);
            test.screen.visible = false;
            test.screen.visible = true;
            compare(reveal.checked, false);
            compare(password.echoMode, TextInput.Password);
            compare(password.text, "");
        }

        function test_capsLockHint(): void {
            const password = child("passwordField");
            password.forceActiveFocus();
            keyClick("a");
            compare(child("capsLockLabel").visible, false);
            keyClick("A"); // an upper-case letter without Shift
            compare(test.screen.controller.capsLockOn, true);
            compare(child("capsLockLabel").visible, true);
            keyClick("a");
            compare(child("capsLockLabel").visible, false);
        }

        function test_keepSignedInReachesSession(): void {
            const box = child("keepSignedInCheckBox");
            compare(box.checked, false);
            compare(test.screen.session.keepSignedIn, false);
            mouseClick(box);
            compare(test.screen.session.keepSignedIn, true);
            signIn("alice", "wonderland");
            tryCompare(test.screen.session, "signedIn", true, 10000);
            compare(test.screen.session.keepSignedIn, true);
            mouseClick(box);
            compare(test.screen.session.keepSignedIn, false);
        }

        function test_keyboardNavigation(): void {
            child("providerCombo").forceActiveFocus();
            keyClick(Qt.Key_Tab);
            verify(child("environmentCombo").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(child("usernameField").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(child("passwordField").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(child("revealButton").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(child("keepSignedInCheckBox").activeFocus);
            keyClick(Qt.Key_Tab);
            verify(child("signInButton").activeFocus);
        }

        function test_tokenSignInForExternalProfiles(): void {
            compare(child("tokenSection").visible, false);
            test.screen.session.profileId = "datarhei-core";
            compare(test.screen.session.environment, "Local sandbox");
            compare(child("tokenSection").visible, true);
            mouseClick(child("tokenToggle"));
            const token = child("tokenField");
            verify(token.visible);
            compare(token.echoMode, TextInput.Password);
            token.forceActiveFocus();
            typeText("demo-external-token");
            keyClick(Qt.Key_Return);
            tryCompare(test.screen.session, "signedIn", true, 10000);
        }

        function test_hideSelections(): void {
            test.screen.showProviderSelection = false;
            test.screen.showEnvironmentSelection = false;
            compare(child("providerCombo").visible, false);
            compare(child("environmentCombo").visible, false);
        }

        function cleanup(): void {
            top.width = 420;
        }

        function test_narrowLayout(): void {
            top.width = 360;
            compare(test.screen.width, 360);
            for (const name of ["providerCombo", "usernameField", "passwordField", "revealButton", "signInButton"]) {
                const item = child(name);
                const right = item.mapToItem(test.screen, item.width, 0).x;
                verify(right <= 360 - test.screen.rightPadding, name + " fits at 360 px: " + right);
            }
        }
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
