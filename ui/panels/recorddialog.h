// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace weft::ui {

// File ▸ Record a Program…: the command line, its working directory, extra
// environment variables and a timeout, remembered between sessions.
class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RecordDialog(QWidget *parent = nullptr);

    // The command split as a shell would split simple words and quotes.
    QStringList command() const;
    QString workingDirectory() const;
    QStringList environment() const; // "NAME=value" lines
    int timeoutSeconds() const;
    // Empty if the input can be run; else what is wrong with it.
    QString problem() const;

    void remember() const;

    // "a 'b c' \"d\"" -> a, b c, d. Unbalanced quotes: empty list.
    static QStringList splitCommandLine(const QString &line);

private:
    void browseDirectory();
    void updateOk();

    QLineEdit *m_command;
    QLineEdit *m_directory;
    QPlainTextEdit *m_environment;
    QSpinBox *m_timeout;
    QDialogButtonBox *m_buttons;
    QLabel *m_problem;
};

} // namespace weft::ui
