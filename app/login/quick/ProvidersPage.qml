// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import AuthSessionLogin

/*!
    The provider profiles: built-in and user profiles, the user profiles that failed to load with each
    problem and its JSON path, "Open profiles folder", and checking a profile file before dropping it
    into that folder. ProvidersModel holds the logic.
*/
Pane {
    id: root

    required property AppController app
    readonly property ProvidersModel providers: app.providers

    padding: 16
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Providers")

    FileDialog {
        id: fileDialog
        objectName: "profileFileDialog"
        //: File dialog title
        title: qsTr("Choose a provider profile")
        nameFilters: [qsTr("Provider profiles (*.json)"), qsTr("All files (*)")]
        onAccepted: root.providers.validateFile(selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label {
            text: qsTr("Providers")
            font.pixelSize: Math.round(root.font.pixelSize * 1.4)
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        Label {
            objectName: "folderLabel"
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            textFormat: Text.StyledText
            //: %1 = folder path
            text: qsTr("Your own profiles go into <i>%1</i>. One JSON file per provider; see docs/profiles.md.").arg(root.providers.folder)
        }
        RowLayout {
            spacing: 8
            Button {
                objectName: "openFolderButton"
                text: qsTr("Open profiles folder")
                onClicked: root.providers.openFolder()
                Accessible.description: qsTr("Creates the folder if needed and opens it in the file manager")
            }
            Button {
                objectName: "validateButton"
                text: qsTr("Check a profile file…")
                onClicked: fileDialog.open()
                Accessible.description: qsTr("Lists every problem of a profile file")
            }
            Button {
                objectName: "reloadButton"
                //: Reads the profiles folder again
                text: qsTr("Reload")
                onClicked: root.providers.reload()
            }
        }

        Frame {
            objectName: "validationResult"
            Layout.fillWidth: true
            visible: root.providers.validatedFile.length > 0
            background: Rectangle {
                color: root.providers.validationOk ? "#e6f4e6" : "#fdecea"
                border.color: root.providers.validationOk ? "#8fc98f" : "#e6a39c"
                radius: 4
            }
            ColumnLayout {
                width: parent.width
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    font.bold: true
                    color: "#202020"
                    text: root.providers.validationOk
                          //: %1 = file path
                          ? qsTr("%1 is a valid profile.").arg(root.providers.validatedFile)
                          : qsTr("%1 has problems:").arg(root.providers.validatedFile)
                }
                Repeater {
                    model: root.providers.validationProblems
                    delegate: Label {
                        required property string modelData
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        font.family: "monospace"
                        color: "#8a1c12"
                        text: "• " + modelData
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "providersList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: root.providers
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Provider profiles")

            delegate: Frame {
                id: card
                required property string name
                required property string profileId
                required property string kind
                required property string source
                required property string details
                required property var problems
                width: list.width - 12
                background: Rectangle {
                    color: card.kind === "broken" ? "#fdecea" : palette.base
                    border.color: card.kind === "broken" ? "#e6a39c" : palette.mid
                    radius: 4
                }
                ColumnLayout {
                    width: parent.width
                    spacing: 2
                    RowLayout {
                        spacing: 8
                        Label {
                            text: card.name
                            font.bold: true
                            color: card.kind === "broken" ? "#8a1c12" : palette.text
                        }
                        Label {
                            text: card.profileId
                            opacity: 0.7
                            visible: card.profileId.length > 0
                        }
                        Label {
                            padding: 2
                            leftPadding: 6
                            rightPadding: 6
                            font.pixelSize: Math.round(root.font.pixelSize * 0.85)
                            color: card.kind === "broken" ? "white" : "#202020"
                            text: card.kind === "builtin" ? qsTr("built-in")
                                : card.kind === "user" ? qsTr("user profile")
                                //: a user profile that could not be loaded
                                : qsTr("not loaded")
                            background: Rectangle {
                                radius: 3
                                color: card.kind === "broken" ? "#b3261e" : card.kind === "user" ? "#cfe3f7" : "#e2e2e2"
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.details
                        wrapMode: Text.Wrap
                        color: card.kind === "broken" ? "#8a1c12" : palette.text
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: card.kind !== "builtin"
                        text: card.source
                        opacity: 0.7
                        elide: Text.ElideMiddle
                        color: card.kind === "broken" ? "#202020" : palette.text
                    }
                    Repeater {
                        model: card.problems
                        delegate: Label {
                            required property string modelData
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            font.family: "monospace"
                            color: "#8a1c12"
                            text: "• " + modelData
                        }
                    }
                }
            }
        }
    }
}
