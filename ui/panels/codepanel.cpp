#include "codepanel.h"

#include "codeeditor.h"

#include "core/scenario.h"

#include <QFile>
#include <QLabel>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
const QString kResourceRoot = QStringLiteral(":/scenarios/");
} // namespace

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_editor(new CodeEditor(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_header);
    layout->addWidget(m_editor, 1);
    clear();
}

QString CodePanel::resourcePathFor(const QString &siteFile) { return kResourceRoot + siteFile; }

void CodePanel::showScenario(const Scenario *scenario)
{
    if (!scenario) {
        clear();
        return;
    }
    QString file = scenario->sourceResource();
    if (file.startsWith(kResourceRoot))
        file = file.mid(kResourceRoot.size());
    const QString text = scenario->sourceText();
    if (text.isEmpty()) {
        m_file.clear();
        m_header->setText(tr("The source of %1 is not embedded in this build.").arg(scenario->id()));
        m_editor->clear();
        return;
    }
    if (file != m_file)
        setSource(file, text);
    m_editor->highlightLine(0);
}

void CodePanel::showSite(const SourceSite &site)
{
    if (site.file.isEmpty())
        return;   // keep what is shown: the event has no site, the code has not changed
    if (site.file != m_file && !loadFile(site.file)) {
        m_file.clear();
        m_header->setText(tr("Source not available: %1").arg(site.file));
        m_editor->clear();
        m_editor->highlightLine(0);
        return;
    }
    m_editor->highlightLine(site.line);
    m_header->setText(tr("%1, line %2").arg(site.file).arg(site.line));
}

void CodePanel::clear()
{
    m_file.clear();
    m_editor->clear();
    m_editor->highlightLine(0);
    m_header->setText(tr("No source to show."));
}

void CodePanel::clearHighlight()
{
    m_editor->highlightLine(0);
    if (!m_file.isEmpty())
        m_header->setText(m_file);
}

int CodePanel::highlightedLine() const { return m_editor->highlightedLine(); }

QString CodePanel::text() const { return m_editor->toPlainText(); }

bool CodePanel::loadFile(const QString &siteFile)
{
    QFile file(resourcePathFor(siteFile));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    setSource(siteFile, QString::fromUtf8(file.readAll()));
    return true;
}

void CodePanel::setSource(const QString &file, const QString &text)
{
    m_file = file;
    m_editor->setPlainText(text);
    m_header->setText(file);
}

} // namespace weft::ui
