// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The smallest Qt Widgets app: a QWidget with one QLabel. Start-up baseline for authsession-login --widgets.
//   bench_min_widgets          the QLabel
//   bench_min_widgets --form   a plain sign-in dialog with the widgets LoginDialog uses (provider,
//                              environment and username combo boxes, password field with a reveal
//                              action, keep-signed-in box, button, hidden progress bar), without
//                              AuthSession: what any Qt Widgets login dialog costs
#include "../../../app/login/firstframehook.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
class Label : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent *e) override
    {
        QLabel::paintEvent(e);
        Bench::reportFirstFrame(); // painted; the backing store is flushed right after this
    }
};

void buildForm(QDialog *dialog)
{
    auto *layout = new QVBoxLayout(dialog);
    auto *title = new Label(QStringLiteral("Sign in"), dialog);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    auto *provider = new QComboBox(dialog);
    provider->addItems({QStringLiteral("v1-auth"), QStringLiteral("terralayr"), QStringLiteral("oauth2-password")});
    auto *environment = new QComboBox(dialog);
    environment->addItems({QStringLiteral("Local sandbox"), QStringLiteral("Production")});
    auto *username = new QComboBox(dialog);
    username->setEditable(true);
    auto *password = new QLineEdit(dialog);
    password->setEchoMode(QLineEdit::Password);
    password->addAction(new QAction(QStringLiteral("Show"), password), QLineEdit::TrailingPosition);
    form->addRow(QStringLiteral("&Provider:"), provider);
    form->addRow(QStringLiteral("&Environment:"), environment);
    form->addRow(QStringLiteral("&Username:"), username);
    form->addRow(QStringLiteral("Pass&word:"), password);
    layout->addLayout(form);
    layout->addWidget(new QCheckBox(QStringLiteral("&Keep me signed in"), dialog));
    auto *progress = new QProgressBar(dialog);
    progress->setRange(0, 0);
    progress->hide();
    layout->addWidget(progress);
    auto *button = new QPushButton(QStringLiteral("Sign in"), dialog);
    button->setDefault(true);
    layout->addWidget(button);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--form"))) {
        QDialog dialog;
        dialog.setWindowTitle(QStringLiteral("Minimal Qt Widgets sign-in"));
        buildForm(&dialog);
        dialog.show();
        return app.exec();
    }
    QWidget window;
    window.setWindowTitle(QStringLiteral("Minimal Qt Widgets"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new Label(QStringLiteral("Hello")));
    window.resize(480, 640);
    window.show();
    return app.exec();
}
