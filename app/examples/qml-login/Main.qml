// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSession

ApplicationWindow {
    id: root

    //! The provider to start with.
    required property string profileId

    width: 480
    height: 680
    visible: true
    title: qsTr("AuthSession QML example")

    Session {
        id: appSession
        objectName: "session"
        profileId: root.profileId
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: appSession.signedIn ? 1 : 0

        LoginScreen {
            objectName: "loginScreen"
            session: appSession
        }
        SessionPanel {
            objectName: "sessionPanel"
            session: appSession
        }
    }
}
