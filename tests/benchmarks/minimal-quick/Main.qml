// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
import QtQuick

Window {
    width: 480
    height: 640
    visible: true
    title: "Minimal Qt Quick"
    Text {
        anchors.centerIn: parent
        text: "Hello"
    }
}
