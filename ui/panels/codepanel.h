// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracetypes.h"

#include <QWidget>

class QLabel;
class QSyntaxHighlighter;

namespace weft {
class Scenario;
}

namespace weft::ui {

class CodeEditor;

// The source that ran, beside the timeline. Scenario sources are embedded as
// resources under ":/scenarios/", and an event's site names its file relative
// to that, so a trace loaded from disk still finds its code (if this build
// has that scenario). A site whose file is an absolute path (a recorded
// program's own source, e.g. a Python script) is read from disk, up to
// kMaxSourceBytes. Python and C/C++ sources are syntax-coloured.
class CodePanel : public QWidget
{
    Q_OBJECT
public:
    explicit CodePanel(QWidget *parent = nullptr);

    void showScenario(const Scenario *scenario);
    // Shows the site's file (loading it if needed) with its line highlighted.
    void showSite(const SourceSite &site);
    void clear();
    // Keeps the file, removes the line highlight (an event without a site).
    void clearHighlight();

    QString currentFile() const { return m_file; }
    int highlightedLine() const;
    QString text() const;
    CodeEditor *editor() const { return m_editor; }
    // The PythonHighlighter or CppHighlighter colouring the shown file, if any.
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }

    // Chosen by the file's suffix: .py/.pyw Python; .c/.cc/.cpp/.cxx/.h/.hh/.hpp C++.
    enum class Language { None, Python, Cpp };
    static Language languageOf(const QString &file);

    static QString resourcePathFor(const QString &siteFile);
    static constexpr qint64 kMaxSourceBytes = 2 * 1024 * 1024;

protected:
    void changeEvent(QEvent *event) override;

private:
    // False with *why set when the file cannot be shown.
    bool loadFile(const QString &siteFile, QString *why);
    void applyHighlighter(const QString &file);
    void updateColors();
    void setSource(const QString &file, const QString &text);

    QLabel *m_header;
    CodeEditor *m_editor;
    QString m_file;
    QSyntaxHighlighter *m_highlighter = nullptr;
};

} // namespace weft::ui
