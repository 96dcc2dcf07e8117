// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSession
import AuthSessionLogin

/*!
    The main window of authsession-login: the sign-in screen (LoginScreen) or, once signed in, the
    SessionView; the Providers page; the About dialog. The keychain banner sits above every page.
*/
ApplicationWindow {
    id: root

    required property Session session
    required property AppController app

    //! "account" (sign-in or session) or "providers".
    property string tab: "account"
    //! What is on screen: signin, session, providers or about (read by the test hook).
    readonly property string page: aboutLoader.item && aboutLoader.item.visible ? "about"
                                  : tab === "providers" ? "providers"
                                  : session.signedIn ? "session" : "signin"

    //! Switches to \a name (signin, session, providers, about); false for an unknown page.
    function showPage(name: string): bool {
        if (name === "about") {
            openAbout();
            return true;
        }
        if (aboutLoader.item)
            aboutLoader.item.close();
        if (name === "providers") {
            tab = "providers";
            return true;
        }
        if (name === "signin" || name === "session") {
            tab = "account";
            return true;
        }
        return false;
    }

    function openAbout() {
        if (!aboutLoader.item)
            aboutLoader.setSource("AboutDialog.qml", { app: root.app, objectName: "aboutDialog", parent: root.overlay });
        aboutLoader.item.open();
    }

    width: 960
    height: 720
    minimumWidth: 420
    minimumHeight: 480
    visible: true
    title: session.signedIn
           //: Window title while signed in; %1 = account, %2 = provider
           ? qsTr("%1 at %2 — AuthSession Login").arg(session.username).arg(session.profileName)
           : qsTr("AuthSession Login")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            spacing: 4

            Image {
                source: "qrc:/authsession/login/authsession.svg"
                sourceSize: Qt.size(24, 24)
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
                Accessible.ignored: true
            }
            TabBar {
                id: tabBar
                objectName: "tabBar"
                currentIndex: root.tab === "providers" ? 1 : 0
                TabButton {
                    objectName: "accountTab"
                    //: Tab: the sign-in screen or the session
                    text: root.session.signedIn ? qsTr("Session") : qsTr("Sign in")
                    width: implicitWidth
                    onClicked: root.tab = "account"
                }
                TabButton {
                    objectName: "providersTab"
                    //: Tab: the list of provider profiles
                    text: qsTr("Providers")
                    width: implicitWidth
                    onClicked: root.tab = "providers"
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "sandboxBadge"
                visible: root.app.sandbox
                //: Toolbar badge in --sandbox mode
                text: qsTr("Local sandbox")
                padding: 4
                leftPadding: 8
                rightPadding: 8
                color: "#1d4d1d"
                background: Rectangle { color: "#d7f0d2"; radius: 4 }
            }
            ToolButton {
                objectName: "aboutButton"
                text: qsTr("About")
                onClicked: root.openAbout()
                Accessible.description: qsTr("Version, license and Qt version")
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Frame {
            id: banner
            objectName: "storageBanner"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: root.app.storageProblem.length > 0
            background: Rectangle { color: "#fff3cd"; border.color: "#e0c060"; radius: 4 }
            Accessible.role: Accessible.AlertMessage
            Accessible.name: bannerText.text

            RowLayout {
                anchors.fill: parent
                spacing: 8
                Label {
                    id: bannerText
                    objectName: "storageBannerText"
                    Layout.fillWidth: true
                    text: root.app.storageProblem
                    wrapMode: Text.Wrap
                    color: "#5c4400"
                }
                Button {
                    objectName: "dismissBannerButton"
                    //: Hides the keychain warning
                    text: qsTr("Dismiss")
                    onClicked: root.app.dismissStorageProblem()
                }
            }
        }

        // The session and providers pages are built the first time they are shown: the first frame
        // needs only the sign-in page (and the providers page's file dialog loads QtQuick.Dialogs).
        StackLayout {
            id: pages
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.tab === "providers" ? 2 : root.session.signedIn ? 1 : 0
            // By URL, not sourceComponent: an inline component would be compiled with Main.qml.
            function loadCurrent() {
                if (currentIndex === 1 && !sessionLoader.item)
                    sessionLoader.setSource("SessionView.qml", { session: root.session, app: root.app, objectName: "sessionView" });
                else if (currentIndex === 2 && !providersLoader.item)
                    providersLoader.setSource("ProvidersPage.qml", { app: root.app, objectName: "providersPage" });
            }
            onCurrentIndexChanged: loadCurrent()
            Component.onCompleted: loadCurrent()

            Flickable {
                // The sandbox hint right above the form, both centred; scrolls when the window is short.
                id: signInPage
                clip: true
                contentWidth: width
                contentHeight: Math.max(height, signInColumn.implicitHeight)
                boundsBehavior: Flickable.StopAtBounds

                ColumnLayout {
                    id: signInColumn
                    width: signInPage.width
                    anchors.verticalCenter: parent.verticalCenter
                    spacing: 0

                    Frame {
                        objectName: "sandboxHint"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(420, root.width - 32)
                        visible: root.app.sandbox
                        background: Rectangle { color: "#e8f4fd"; border.color: "#9cc9ee"; radius: 4 }

                        Label {
                            objectName: "sandboxHintText"
                            width: parent.width
                            wrapMode: Text.Wrap
                            textFormat: Text.StyledText
                            color: "#0b3b60"
                            //: Shown on the sign-in screen in --sandbox mode; %1 / %2 = demo username / password
                            text: qsTr("A local sandbox runs inside this app and plays every provider. "
                                       + "Sign in with <b>%1</b> / <b>%2</b>.")
                                  .arg(root.app.demoUsername).arg(root.app.demoPassword)
                        }
                    }

                    LoginScreen {
                        id: loginScreen
                        objectName: "loginScreen"
                        Layout.fillWidth: true
                        session: root.session
                        title: qsTr("Sign in")
                    }
                }
            }

            Loader { id: sessionLoader }
            Loader { id: providersLoader }
        }
    }

    Loader { id: aboutLoader }
}
