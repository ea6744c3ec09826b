// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

class QWidget;

namespace weft::ui {

// After a language change: "Restart now / Later". Restarting closes the window
// the usual way (its close handling stops runs and saves the layout), starts
// this executable again with the same arguments, and quits. The question and
// the launch are replaceable, so a test answers without a dialog or a process.
class RestartOffer : public QObject
{
    Q_OBJECT
public:
    // True: restart now.
    using Question = std::function<bool(QWidget *window)>;
    // Starts program with arguments, detached; false if it could not.
    using Launcher = std::function<bool(const QString &program, const QStringList &arguments)>;

    explicit RestartOffer(QWidget *window);

    void setQuestion(Question question) { m_question = std::move(question); }
    void setLauncher(Launcher launcher) { m_launcher = std::move(launcher); }

    // True if Weft restarts; false after "Later", or if the window would not close.
    bool offer();

    static bool askWithMessageBox(QWidget *window);
    static bool launchDetached(const QString &program, const QStringList &arguments);

private:
    QWidget *m_window;
    Question m_question = &RestartOffer::askWithMessageBox;
    Launcher m_launcher = &RestartOffer::launchDetached;
};

} // namespace weft::ui
