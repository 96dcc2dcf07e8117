// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A plain sign-in form in Qt Quick Controls (Fusion, as authsession-login), without AuthSession:
// what any Qt Quick login screen costs before it does anything.
ApplicationWindow {
    width: 960
    height: 720
    visible: true
    title: "Minimal Qt Quick Controls sign-in"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            TabBar {
                TabButton { text: "Account" }
                TabButton { text: "Providers" }
            }
            Item { Layout.fillWidth: true }
            ToolButton { text: "About" }
        }
    }

    Pane {
        anchors.centerIn: parent
        width: 420
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: "Sign in"; font.pixelSize: 22; font.bold: true }
            Label { text: "Provider" }
            ComboBox { Layout.fillWidth: true; model: ["v1-auth", "terralayr", "oauth2-password"] }
            Label { text: "Environment" }
            ComboBox { Layout.fillWidth: true; model: ["Local sandbox", "Production"] }
            Label { text: "Username" }
            ComboBox { Layout.fillWidth: true; editable: true; model: [] }
            Label { text: "Password" }
            RowLayout {
                TextField {
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                }
                ToolButton { text: "Show"; checkable: true }
            }
            CheckBox { text: "Keep me signed in" }
            Button { Layout.fillWidth: true; text: "Sign in"; highlighted: true }
            BusyIndicator { running: false; visible: false }
        }
    }
}
