// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import AuthSession

/*!
    The sign-in form for a Session: provider and environment, username (with the kept accounts),
    password, "Keep me signed in", Sign in / Cancel, and the error of the last attempt. Presentation
    only: LoginController holds the logic. Follows the palette of the window; works from 360 px wide.

    \code
    LoginScreen {
        session: Session { profileId: "v1-auth" }
        onSignedIn: stack.push(panel)
    }
    \endcode
*/
Pane {
    id: root

    //! The session to sign in.
    required property Session session
    //! Show the provider choice (hide it when the application has one provider).
    property bool showProviderSelection: true
    //! Show the environment choice.
    property bool showEnvironmentSelection: true
    //! The heading.
    property string title: qsTr("Sign in")
    //! The logic behind the form (error text, countdown, caps lock ...).
    readonly property alias controller: controller

    //! The session signed in.
    signal signedIn()

    //! Back to a fresh form: no password, password hidden, no error.
    function reset(): void {
        passwordField.clear();
        tokenField.clear();
        revealButton.checked = false;
        controller.reset();
    }

    //! Signs in with what is typed (or cancels while busy).
    function submit(): void {
        if (controller.busy) {
            controller.cancel();
            return;
        }
        if (tokenSection.visible && tokenField.text.length > 0)
            controller.submitToken(tokenField.text);
        else
            controller.submit(usernameField.editText, passwordField.text);
    }

    focusPolicy: Qt.NoFocus
    padding: 16
    contentWidth: Math.min(420, form.implicitWidth)
    contentHeight: form.implicitHeight
    onVisibleChanged: if (visible) root.reset()
    Accessible.role: Accessible.Form
    Accessible.name: root.title

    LoginController {
        id: controller
        session: root.session
        onPasswordRejected: {
            passwordField.forceActiveFocus();
            passwordField.selectAll();
        }
        onSignedIn: {
            passwordField.clear();
            tokenField.clear();
            revealButton.checked = false;
            root.signedIn();
        }
    }

    ProviderModel { id: providers }
    EnvironmentModel { id: environments; profileId: root.session.profileId }
    AccountsModel { id: accounts; profileId: root.session.profileId }

    ColumnLayout {
        id: form
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.verticalCenter: parent.height > implicitHeight ? parent.verticalCenter : undefined
        width: Math.min(parent.width, 420)
        spacing: 8

        Label {
            objectName: "titleLabel"
            text: root.title
            font.pixelSize: Math.round(root.font.pixelSize * 1.6)
            font.bold: true
            Layout.bottomMargin: 8
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Label {
            text: qsTr("Provider")
            visible: root.showProviderSelection
        }
        ComboBox {
            id: providerCombo
            objectName: "providerCombo"
            Layout.fillWidth: true
            visible: root.showProviderSelection
            enabled: !controller.busy
            model: providers
            textRole: "name"
            valueRole: "profileId"
            // Re-evaluated when the model fills (count) or the session's profile changes.
            currentIndex: providers.count > 0 ? providers.indexOf(root.session.profileId) : -1
            onActivated: root.session.profileId = currentValue
            KeyNavigation.tab: environmentCombo.visible ? environmentCombo : usernameField
            Accessible.role: Accessible.ComboBox
            //: Accessible name of the provider choice
            Accessible.name: qsTr("Provider")
            Accessible.description: qsTr("The service to sign in to")
        }

        Label {
            text: qsTr("Environment")
            visible: environmentCombo.visible
        }
        ComboBox {
            id: environmentCombo
            objectName: "environmentCombo"
            Layout.fillWidth: true
            visible: root.showEnvironmentSelection && environments.count > 0
            enabled: !controller.busy
            model: environments
            textRole: "name"
            valueRole: "name"
            currentIndex: environments.count > 0 ? environments.indexOf(root.session.environment) : -1
            onActivated: root.session.environment = currentValue
            KeyNavigation.tab: usernameField
            Accessible.role: Accessible.ComboBox
            //: Accessible name of the environment (server) choice
            Accessible.name: qsTr("Environment")
            Accessible.description: qsTr("Which server of the provider to use")
        }

        Label { text: qsTr("Username") }
        ComboBox {
            id: usernameField
            objectName: "usernameField"
            Layout.fillWidth: true
            editable: true
            enabled: !controller.busy
            model: accounts.usernames
            Component.onCompleted: editText = root.session.username.length > 0 ? root.session.username
                                                                               : accounts.lastUsername
            onAccepted: root.submit()
            onEditTextChanged: controller.clearError()
            KeyNavigation.tab: passwordField
            Accessible.role: Accessible.EditableText
            //: Accessible name of the username field
            Accessible.name: qsTr("Username")
            Accessible.description: qsTr("Your account name; earlier accounts are in the list")
        }

        Label { text: qsTr("Password") }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4

            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                enabled: !controller.busy
                echoMode: revealButton.checked ? TextInput.Normal : TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                onAccepted: root.submit()
                onTextEdited: controller.clearError()
                Keys.onPressed: (event) => {
                    controller.handleKey(event.key, event.modifiers, event.text);
                    event.accepted = false;
                }
                KeyNavigation.tab: revealButton
                Accessible.role: Accessible.EditableText
                Accessible.passwordEdit: !revealButton.checked
                //: Accessible name of the password field
                Accessible.name: qsTr("Password")
                Accessible.description: controller.capsLockOn ? capsLockLabel.text : ""
            }
            ToolButton {
                id: revealButton
                objectName: "revealButton"
                checkable: true
                checked: false
                //~ Context Toggles whether the password is readable
                text: checked ? qsTr("Hide") : qsTr("Show")
                focusPolicy: Qt.StrongFocus
                KeyNavigation.tab: keepSignedInCheckBox
                Accessible.role: Accessible.CheckBox
                Accessible.name: checked ? qsTr("Hide password") : qsTr("Show password")
                Accessible.description: qsTr("Shows the password as plain text")
                Accessible.checkable: true
                Accessible.checked: checked
                ToolTip.visible: hovered
                ToolTip.text: Accessible.name
            }
        }

        Label {
            id: capsLockLabel
            objectName: "capsLockLabel"
            Layout.fillWidth: true
            visible: controller.capsLockOn && passwordField.activeFocus
            wrapMode: Text.Wrap
            font.italic: true
            text: qsTr("Caps Lock is on.")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        CheckBox {
            id: keepSignedInCheckBox
            objectName: "keepSignedInCheckBox"
            Layout.fillWidth: true
            enabled: !controller.busy
            text: qsTr("Keep me signed in")
            checked: root.session.keepSignedIn
            onToggled: root.session.keepSignedIn = checked
            Keys.onReturnPressed: root.submit()
            Keys.onEnterPressed: root.submit()
            KeyNavigation.tab: signInButton
            Accessible.role: Accessible.CheckBox
            Accessible.name: text
            Accessible.description: qsTr("Stay signed in on this computer until you sign out")
        }

        Label {
            id: errorLabel
            objectName: "errorLabel"
            Layout.fillWidth: true
            visible: controller.hasError
            text: controller.errorText
            wrapMode: Text.Wrap
            font.bold: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Label {
            id: expiryLabel
            objectName: "passwordExpiryLabel"
            Layout.fillWidth: true
            visible: text.length > 0
            text: controller.passwordExpiryText
            wrapMode: Text.Wrap
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 4
            spacing: 8

            BusyIndicator {
                id: busyIndicator
                objectName: "busyIndicator"
                running: controller.busy
                visible: running
                Layout.preferredWidth: signInButton.implicitHeight
                Layout.preferredHeight: signInButton.implicitHeight
                Accessible.role: Accessible.Animation
                Accessible.name: qsTr("Signing in")
            }
            Item { Layout.fillWidth: true }
            Button {
                id: signInButton
                objectName: "signInButton"
                highlighted: !controller.busy
                enabled: controller.busy
                         || (controller.canSubmit && (usernameField.editText.length > 0 || tokenField.text.length > 0))
                text: controller.busy ? qsTr("Cancel")
                                      : controller.retryCountdown > 0
                                        //: %1 = seconds until signing in is allowed again
                                        ? qsTr("Sign in (%1)").arg(controller.retryCountdown)
                                        : qsTr("Sign in")
                onClicked: root.submit()
                Keys.onReturnPressed: root.submit()
                Keys.onEnterPressed: root.submit()
                KeyNavigation.tab: tokenSection.visible ? tokenToggle : providerCombo
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: controller.busy ? qsTr("Stops signing in") : qsTr("Signs in with this username and password")
            }
        }

        ColumnLayout {
            id: tokenSection
            objectName: "tokenSection"
            Layout.fillWidth: true
            visible: root.session.hasExternalSignIn
            spacing: 4

            Button {
                id: tokenToggle
                objectName: "tokenToggle"
                flat: true
                checkable: true
                text: qsTr("Sign in with a token")
                KeyNavigation.tab: tokenField.visible ? tokenField : providerCombo
                Accessible.role: Accessible.Button
                Accessible.name: text
                Accessible.description: qsTr("Use a token from another identity provider instead of a password")
            }
            TextField {
                id: tokenField
                objectName: "tokenField"
                Layout.fillWidth: true
                visible: tokenToggle.checked
                enabled: !controller.busy
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                placeholderText: qsTr("Token")
                onAccepted: root.submit()
                onTextEdited: controller.clearError()
                KeyNavigation.tab: providerCombo
                Accessible.role: Accessible.EditableText
                Accessible.passwordEdit: true
                Accessible.name: qsTr("External token")
                Accessible.description: qsTr("A token from the provider's identity service; Enter signs in with it")
            }
        }
    }
}
