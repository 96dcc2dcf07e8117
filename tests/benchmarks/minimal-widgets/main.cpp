// SPDX-FileCopyrightText: 2026 AuthSession contributors
// SPDX-License-Identifier: BSD-3-Clause
//
// The smallest Qt Widgets app: a QWidget with one QLabel. Start-up baseline for authsession-login --widgets.
#include "../../../app/login/firstframehook.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

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
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("Minimal Qt Widgets"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new Label(QStringLiteral("Hello")));
    window.resize(480, 640);
    window.show();
    return app.exec();
}
