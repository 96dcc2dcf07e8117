// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSession
import AuthSessionLogin

/*!
    The signed-in session: what the API said about the user, token type and scope, live countdowns to
    expiry and to the next refresh, Refresh now / Sign out, "Try an API call" with its answer, and the
    history of refreshes and errors. Never shows a token. Presentation only: SessionInfo and
    AppController hold the logic.
*/
Pane {
    id: root

    required property Session session
    required property AppController app

    padding: 16
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Session")

    SessionInfo {
        id: info
        session: root.session
    }

    GridLayout {
        anchors.fill: parent
        columns: root.width > 760 ? 2 : 1
        columnSpacing: 16
        rowSpacing: 16

        GroupBox {
            //: Group box: the signed-in account
            title: qsTr("Account")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.rowSpan: 2

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    Rectangle {
                        Layout.preferredWidth: 56
                        Layout.preferredHeight: 56
                        radius: 28
                        color: palette.highlight
                        clip: true
                        Label {
                            anchors.centerIn: parent
                            visible: avatar.status !== Image.Ready
                            text: info.displayName.length > 0 ? info.displayName.charAt(0).toUpperCase() : "?"
                            color: palette.highlightedText
                            font.pixelSize: 26
                            font.bold: true
                        }
                        Image {
                            id: avatar
                            objectName: "avatarImage"
                            anchors.fill: parent
                            source: root.app.avatarUrl
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                            Accessible.role: Accessible.Graphic
                            Accessible.name: qsTr("Avatar")
                        }
                    }
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
                }

                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 6

                    Label { text: qsTr("Name") }
                    Label { objectName: "displayNameLabel"; Layout.fillWidth: true; text: info.displayName; elide: Text.ElideRight }
                    Label { text: qsTr("Email"); visible: info.email.length > 0 }
                    Label { objectName: "emailLabel"; Layout.fillWidth: true; visible: info.email.length > 0; text: info.email; elide: Text.ElideRight }
                    //: The user's subject identifier (the "sub" claim)
                    Label { text: qsTr("User ID"); visible: info.subject.length > 0 }
                    Label { objectName: "subjectLabel"; Layout.fillWidth: true; visible: info.subject.length > 0; text: info.subject; elide: Text.ElideMiddle }
                    Label { text: qsTr("Provider") }
                    Label {
                        objectName: "providerLabel"
                        Layout.fillWidth: true
                        text: root.session.environment.length > 0
                              //: %1 = provider name, %2 = environment name
                              ? qsTr("%1 (%2)").arg(root.session.profileName).arg(root.session.environment)
                              : root.session.profileName
                        elide: Text.ElideRight
                    }
                    //: e.g. "Bearer"
                    Label { text: qsTr("Token type") }
                    Label {
                        objectName: "tokenTypeLabel"
                        Layout.fillWidth: true
                        //: The server sent no token type (Bearer is assumed)
                        text: root.session.tokenType.length > 0 ? root.session.tokenType : qsTr("(not sent; Bearer)")
                    }
                    //: OAuth scope the token grants
                    Label { text: qsTr("Scope") }
                    Label {
                        objectName: "scopeLabel"
                        Layout.fillWidth: true
                        text: root.session.scope.length > 0 ? root.session.scope : qsTr("(none)")
                        elide: Text.ElideRight
                    }
                    //: Time left until the access token expires
                    Label { text: qsTr("Expires in") }
                    Label {
                        objectName: "expiresLabel"
                        Layout.fillWidth: true
                        text: info.expiresInText
                        font.bold: info.expiresIn >= 0 && info.expiresIn < 10
                        Accessible.name: qsTr("Expires in %1").arg(text)
                    }
                    //: Time left until the session is renewed automatically
                    Label { text: qsTr("Next refresh") }
                    Label {
                        objectName: "refreshLabel"
                        Layout.fillWidth: true
                        text: info.refreshInText
                        Accessible.name: qsTr("Next refresh: %1").arg(text)
                    }
                    Label {
                        Layout.columnSpan: 2
                        Layout.topMargin: 6
                        visible: root.app.userFields.length > 0
                        //: Heading over the other fields of the user object the API returned
                        text: qsTr("More from the API")
                        font.bold: true
                    }
                    Repeater {
                        model: root.app.userFields
                        delegate: RowLayout {
                            required property var modelData
                            Layout.columnSpan: 2
                            Layout.fillWidth: true
                            spacing: 12
                            Label { text: parent.modelData.name; opacity: 0.7; Layout.preferredWidth: 90; elide: Text.ElideRight }
                            Label { text: parent.modelData.value; Layout.fillWidth: true; elide: Text.ElideRight }
                        }
                    }
                }

                Label {
                    objectName: "passwordExpiryLabel"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: info.passwordExpiryText
                    wrapMode: Text.Wrap
                    font.bold: true
                }

                Item { Layout.fillHeight: true }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 8
                    BusyIndicator {
                        running: root.session.busy
                        visible: running
                        Layout.preferredWidth: signOutButton.implicitHeight
                        Layout.preferredHeight: signOutButton.implicitHeight
                    }
                    Button {
                        objectName: "refreshButton"
                        text: qsTr("Refresh now")
                        enabled: root.session.signedIn && !root.session.busy && root.session.hasRefreshToken
                        onClicked: root.session.refresh()
                        Accessible.description: qsTr("Renews the session now instead of waiting")
                    }
                    Item { Layout.fillWidth: true }
                    Button {
                        id: signOutButton
                        objectName: "signOutButton"
                        text: qsTr("Sign out")
                        highlighted: true
                        onClicked: root.session.signOut()
                        Accessible.description: qsTr("Ends the session and forgets the kept sign-in")
                    }
                }
            }
        }

        GroupBox {
            //: Group box: send one authorized request
            title: qsTr("Try an API call")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ColumnLayout {
                anchors.fill: parent
                spacing: 6
                RowLayout {
                    Layout.fillWidth: true
                    Button {
                        objectName: "tryApiButton"
                        text: qsTr("Try an API call")
                        enabled: root.session.signedIn && !root.app.apiBusy
                        onClicked: root.app.tryApiCall()
                        Accessible.description: qsTr("Sends the profile's probe request with the session's token")
                    }
                    BusyIndicator {
                        running: root.app.apiBusy
                        visible: running
                        Layout.preferredHeight: 28
                        Layout.preferredWidth: 28
                    }
                }
                Label {
                    objectName: "apiStatusLabel"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: root.app.apiStatus === 0 && root.app.apiError.length === 0
                          ? (root.app.apiBusy ? qsTr("Sending %1 …").arg(root.app.apiRequest)
                                              : qsTr("Sends the profile's probe request with the session's token. The token itself is never shown."))
                          //: %1 = request, %2 = HTTP status, %3 = error text or empty
                          : qsTr("%1 → HTTP %2 %3").arg(root.app.apiRequest).arg(root.app.apiStatus).arg(root.app.apiError)
                    font.bold: root.app.apiStatus !== 0
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 60
                    TextArea {
                        objectName: "apiBodyView"
                        readOnly: true
                        text: root.app.apiBody
                        font.family: "monospace"
                        wrapMode: TextEdit.WrapAnywhere
                        placeholderText: qsTr("The answer's body appears here.")
                        Accessible.name: qsTr("API answer")
                    }
                }
            }
        }

        GroupBox {
            //: Group box: refreshes and errors of this session
            title: qsTr("History")
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1

            ListView {
                id: historyView
                objectName: "historyView"
                anchors.fill: parent
                clip: true
                model: root.app.history
                ScrollBar.vertical: ScrollBar {}
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Session history")
                delegate: RowLayout {
                    id: entry
                    required property string time
                    required property string event
                    required property string category
                    required property string detail
                    required property bool error
                    width: historyView.width
                    spacing: 8
                    Label { text: entry.time; opacity: 0.7; font.family: "monospace" }
                    Label {
                        Layout.fillWidth: true
                        text: entry.category.length > 0
                              //: history entry: %1 = event, %2 = error category, %3 = message
                              ? qsTr("%1 [%2] %3").arg(entry.event).arg(entry.category).arg(entry.detail)
                              : entry.event
                        color: entry.error ? "#b3261e" : palette.windowText
                        elide: Text.ElideRight
                    }
                }
            }
        }
    }
}
