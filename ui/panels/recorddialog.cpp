// SPDX-License-Identifier: MIT
#include "recorddialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
const QString kCommandKey = QStringLiteral("record/command");
const QString kDirectoryKey = QStringLiteral("record/directory");
const QString kEnvironmentKey = QStringLiteral("record/environment");
const QString kTimeoutKey = QStringLiteral("record/timeoutSeconds");
} // namespace

RecordDialog::RecordDialog(QWidget *parent)
    : QDialog(parent)
    , m_command(new QLineEdit(this))
    , m_directory(new QLineEdit(this))
    , m_environment(new QPlainTextEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Record a Program"));
    const QSettings settings;
    m_command->setText(settings.value(kCommandKey).toString());
    m_command->setPlaceholderText(tr("e.g. ./my_program --threads 4   or   python3 script.py"));
    m_command->setMinimumWidth(420);
    m_directory->setText(settings.value(kDirectoryKey, QDir::currentPath()).toString());
    m_environment->setPlainText(settings.value(kEnvironmentKey).toString());
    m_environment->setPlaceholderText(tr("NAME=value, one per line"));
    m_environment->setMaximumHeight(80);
    m_timeout->setRange(1, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.value(kTimeoutKey, 60).toInt());

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &RecordDialog::browseDirectory);
    auto *directoryRow = new QHBoxLayout;
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Command:"), m_command);
    // A row holding a layout gets no buddy from addRow(QString, QLayout*): set it, so
    // the mnemonic works and its "&" is not shown.
    auto *directoryLabel = new QLabel(tr("&Working directory:"), this);
    directoryLabel->setBuddy(m_directory);
    form->addRow(directoryLabel, directoryRow);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("&Timeout:"), m_timeout);

    auto *explanation = new QLabel(
        tr("Weft runs the program with its recording library preloaded and draws its threads, "
           "locks, condition variables, sleeps, pipes, sockets and child processes. It works for "
           "dynamically linked programs (C, C++, Python…); Cancel (Esc) stops the whole process "
           "tree and keeps what was recorded."),
        this);
    explanation->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight)"));

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Record"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_command, &QLineEdit::textChanged, this, &RecordDialog::updateOk);
    connect(m_directory, &QLineEdit::textChanged, this, &RecordDialog::updateOk);
    connect(m_environment, &QPlainTextEdit::textChanged, this, &RecordDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    updateOk();
}

QStringList RecordDialog::splitCommandLine(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else if (c == u'\\' && quote == u'"' && i + 1 < line.size())
                word += line.at(++i);
            else
                word += c;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return {};
    if (inWord)
        words.append(word);
    return words;
}

QStringList RecordDialog::command() const
{
    return splitCommandLine(m_command->text());
}

QString RecordDialog::workingDirectory() const
{
    return m_directory->text().trimmed();
}

QStringList RecordDialog::environment() const
{
    QStringList lines;
    for (const QString &line : m_environment->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

int RecordDialog::timeoutSeconds() const
{
    return m_timeout->value();
}

QString RecordDialog::problem() const
{
    if (m_command->text().trimmed().isEmpty())
        return tr("Type the command to record.");
    if (command().isEmpty())
        return tr("A quote in the command is not closed.");
    if (!workingDirectory().isEmpty() && !QDir(workingDirectory()).exists())
        return tr("The working directory does not exist.");
    static const QRegularExpression assignment(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*=.*$"));
    for (const QString &line : environment()) {
        if (!assignment.match(line).hasMatch())
            return tr("Environment lines look like NAME=value: %1").arg(line.left(60));
    }
    return {};
}

void RecordDialog::updateOk()
{
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void RecordDialog::browseDirectory()
{
    const QString dir
        = QFileDialog::getExistingDirectory(this, tr("Working Directory"), workingDirectory());
    if (!dir.isEmpty())
        m_directory->setText(dir);
}

void RecordDialog::remember() const
{
    QSettings settings;
    settings.setValue(kCommandKey, m_command->text());
    settings.setValue(kDirectoryKey, workingDirectory());
    settings.setValue(kEnvironmentKey, m_environment->toPlainText());
    settings.setValue(kTimeoutKey, timeoutSeconds());
}

} // namespace weft::ui
