// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
import QtQuick
import QtQuick.Controls
import QtTest
import AuthSession

Item {
    id: top
    width: 420
    height: 480

    // The session lives inside the panel so both go away together.
    Component {
        id: panelComponent
        SessionPanel {
            anchors.fill: parent
            session: Session {
                profileId: "v1-auth"
                requestTimeout: 10000
            }
        }
    }

    TestCase {
        id: test
        name: "SessionPanel"
        when: windowShown

        property Session session
        property SessionPanel panel

        function child(name: string): Item {
            const item = findChild(test.panel, name);
            verify(item, "no child " + name);
            return item;
        }

        function init(): void {
            sandbox.clearFaults();
            test.panel = createTemporaryObject(panelComponent, top);
            verify(test.panel);
            test.session = test.panel.session;
            test.session.signIn("demo", "demo");
            tryCompare(test.session, "signedIn", true, 10000);
        }

        function test_showsUser(): void {
            verify(child("headingLabel").text.length > 0);
            verify(child("displayNameLabel").text.length > 0);
            compare(child("emailLabel").text, "demo@example.com");
            verify(child("subjectLabel").text.length > 0);
        }

        function test_countdownIsLive(): void {
            const label = child("expiresLabel");
            verify(label.text !== "unknown", label.text);
            const before = label.text;
            tryVerify(() => label.text !== before, 3000, "the countdown moves");
            verify(child("refreshLabel").text.length > 0);
        }

        function test_refreshNow(): void {
            const button = child("refreshButton");
            verify(button.enabled);
            const spy = signalSpy.createObject(test, {target: test.session, signalName: "refreshed"});
            mouseClick(button);
            spy.wait(10000);
            compare(test.session.state, Session.SignedIn);
        }

        function test_signOut(): void {
            const spy = signalSpy.createObject(test, {target: test.panel, signalName: "signedOut"});
            mouseClick(child("signOutButton"));
            tryCompare(test.session, "state", Session.SignedOut, 10000);
            compare(test.session.signedIn, false);
            compare(spy.count, 1);
        }
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
