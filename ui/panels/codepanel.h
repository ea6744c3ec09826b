#pragma once

#include "core/tracetypes.h"

#include <QWidget>

class QLabel;

namespace weft {
class Scenario;
}

namespace weft::ui {

class CodeEditor;

// The source that ran, beside the timeline. Scenario sources are embedded as
// resources under ":/scenarios/", and an event's site names its file relative
// to that, so a trace loaded from disk still finds its code (if this build
// has that scenario).
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

    static QString resourcePathFor(const QString &siteFile);

private:
    bool loadFile(const QString &siteFile);
    void setSource(const QString &file, const QString &text);

    QLabel *m_header;
    CodeEditor *m_editor;
    QString m_file;
};

} // namespace weft::ui
