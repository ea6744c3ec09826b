// SPDX-License-Identifier: MIT
#include "restartoffer.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QWidget>

namespace weft::ui {

RestartOffer::RestartOffer(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

bool RestartOffer::offer()
{
    if (!m_question(m_window))
        return false;
    if (!m_window->close())
        return false; // the window's own close handling said no
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (!m_launcher(QCoreApplication::applicationFilePath(), arguments)) {
        m_window->show(); // nothing started: this window stays the user's
        return false;
    }
    QCoreApplication::quit();
    return true;
}

bool RestartOffer::askWithMessageBox(QWidget *window)
{
    QMessageBox box(QMessageBox::Question, tr("Language Changed"),
                    tr("Weft shows the new language after a restart. Restart now?"),
                    QMessageBox::NoButton, window);
    QPushButton *now = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(now);
    box.exec();
    return box.clickedButton() == now;
}

bool RestartOffer::launchDetached(const QString &program, const QStringList &arguments)
{
    return QProcess::startDetached(program, arguments);
}

} // namespace weft::ui
