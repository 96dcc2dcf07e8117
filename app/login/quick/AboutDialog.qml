// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSessionLogin

/*!
    About AuthSession Login: version, license and the Qt version it runs on.
*/
Dialog {
    id: root

    required property AppController app

    //: Dialog title
    title: qsTr("About AuthSession Login")
    modal: true
    standardButtons: Dialog.Close
    // Main.qml makes the window's overlay the parent when it loads the dialog.
    anchors.centerIn: parent
    width: Math.min(440, parent ? parent.width - 32 : 440)

    ColumnLayout {
        width: parent.width
        spacing: 10

        RowLayout {
            spacing: 16
            Image {
                source: "qrc:/authsession/login/authsession.svg"
                sourceSize: Qt.size(72, 72)
                Layout.preferredWidth: 72
                Layout.preferredHeight: 72
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("AuthSession logo")
            }
            ColumnLayout {
                Label {
                    text: "AuthSession Login"
                    font.pixelSize: Math.round(root.font.pixelSize * 1.5)
                    font.bold: true
                }
                Label {
                    objectName: "versionLabel"
                    //: %1 = version number
                    text: qsTr("Version %1").arg(root.app.version)
                }
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Signs you in to REST login APIs and keeps the session alive: timed refresh, "
                       + "the system keychain for “Keep me signed in”, and a local sandbox to try it all offline.")
        }
        GridLayout {
            columns: 2
            columnSpacing: 12
            Label { text: qsTr("License"); opacity: 0.7 }
            Label { objectName: "licenseLabel"; text: root.app.license }
            Label { text: qsTr("Qt"); opacity: 0.7 }
            Label { objectName: "qtVersionLabel"; text: root.app.qtVersion }
        }
    }
}
