// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSession

/*!
    Who is signed in and for how long: name, email and subject from Session.user, live countdowns to
    the token's expiry and the next refresh, and Refresh now / Sign out. SessionInfo holds the logic.

    \code
    SessionPanel { session: mySession; onSignedOut: stack.pop() }
    \endcode
*/
Pane {
    id: root

    //! The signed-in session.
    required property Session session
    //! The session was signed out from the panel.
    signal signedOut()

    focusPolicy: Qt.NoFocus
    padding: 16
    contentWidth: Math.min(420, content.implicitWidth)
    contentHeight: content.implicitHeight
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Session")

    SessionInfo {
        id: info
        session: root.session
    }

    ColumnLayout {
        id: content
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.height > implicitHeight ? parent.verticalCenter : undefined
        width: Math.min(parent.width, 420)
        spacing: 8

        Label {
            objectName: "headingLabel"
            Layout.fillWidth: true
            //: %1 = the user's display name
            text: qsTr("Signed in as %1").arg(info.displayName)
            elide: Text.ElideRight
            font.pixelSize: Math.round(root.font.pixelSize * 1.4)
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        GridLayout {
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 12
            rowSpacing: 6

            Label { text: qsTr("Name") }
            Label {
                objectName: "displayNameLabel"
                Layout.fillWidth: true
                text: info.displayName
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Name: %1").arg(text)
            }
            Label { text: qsTr("Email"); visible: info.email.length > 0 }
            Label {
                objectName: "emailLabel"
                Layout.fillWidth: true
                visible: info.email.length > 0
                text: info.email
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Email: %1").arg(text)
            }
            //: The user's subject identifier (the "sub" claim)
            Label { text: qsTr("User ID"); visible: info.subject.length > 0 }
            Label {
                objectName: "subjectLabel"
                Layout.fillWidth: true
                visible: info.subject.length > 0
                text: info.subject
                elide: Text.ElideMiddle
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("User ID: %1").arg(text)
            }
            Label { text: qsTr("Provider") }
            Label {
                objectName: "providerLabel"
                Layout.fillWidth: true
                text: root.session.environment.length > 0
                      //: %1 = provider name, %2 = environment name
                      ? qsTr("%1 (%2)").arg(root.session.profileName).arg(root.session.environment)
                      : root.session.profileName
                elide: Text.ElideRight
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Provider: %1").arg(text)
            }
            //: Time left until the access token expires
            Label { text: qsTr("Expires in") }
            Label {
                objectName: "expiresLabel"
                Layout.fillWidth: true
                text: info.expiresInText
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Expires in %1").arg(text)
            }
            //: Time left until the session is renewed automatically
            Label { text: qsTr("Next refresh") }
            Label {
                objectName: "refreshLabel"
                Layout.fillWidth: true
                text: info.refreshInText
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Next refresh: %1").arg(text)
            }
        }

        Label {
            objectName: "passwordExpiryLabel"
            Layout.fillWidth: true
            visible: text.length > 0
            text: info.passwordExpiryText
            wrapMode: Text.Wrap
            font.bold: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            spacing: 8

            BusyIndicator {
                running: root.session.busy
                visible: running
                Layout.preferredWidth: signOutButton.implicitHeight
                Layout.preferredHeight: signOutButton.implicitHeight
                Accessible.role: Accessible.Animation
                Accessible.name: qsTr("Refreshing")
            }
            Item { Layout.fillWidth: true }
            Button {
                id: refreshButton
                objectName: "refreshButton"
                text: qsTr("Refresh now")
                enabled: root.session.signedIn && !root.session.busy && root.session.hasRefreshToken
                onClicked: root.session.refresh()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                KeyNavigation.tab: signOutButton
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: qsTr("Renews the session now instead of waiting")
            }
            Button {
                id: signOutButton
                objectName: "signOutButton"
                text: qsTr("Sign out")
                highlighted: true
                onClicked: {
                    root.session.signOut();
                    root.signedOut();
                }
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                KeyNavigation.tab: refreshButton.enabled ? refreshButton : signOutButton
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: qsTr("Ends the session and forgets the kept sign-in")
            }
        }
    }
}
