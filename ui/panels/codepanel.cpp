// SPDX-License-Identifier: MIT
#include "codepanel.h"

#include "codeeditor.h"
#include "core/scenario.h"
#include "cpphighlighter.h"
#include "pythonhighlighter.h"
#include "syntaxpalette.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
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
    updateColors();
    clear();
}

QString CodePanel::resourcePathFor(const QString &siteFile)
{
    return kResourceRoot + siteFile;
}

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
        m_header->setText(
            tr("The source of %1 is not embedded in this build.").arg(scenario->id()));
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
        return; // keep what is shown: the event has no site, the code has not changed
    QString why;
    if (site.file != m_file && !loadFile(site.file, &why)) {
        m_file.clear();
        m_header->setText(why);
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

int CodePanel::highlightedLine() const
{
    return m_editor->highlightedLine();
}

QString CodePanel::text() const
{
    return m_editor->toPlainText();
}

bool CodePanel::loadFile(const QString &siteFile, QString *why)
{
    if (!QDir::isAbsolutePath(siteFile)) {
        QFile file(resourcePathFor(siteFile));
        if (!file.open(QIODevice::ReadOnly)) {
            *why = tr("Source not available: %1").arg(siteFile);
            return false;
        }
        setSource(siteFile, QString::fromUtf8(file.readAll()));
        return true;
    }
    // A recorded program's own file, as it is on disk now.
    const QFileInfo info(siteFile);
    if (!info.exists()) {
        *why = tr("Source not available: %1 is not on this computer.").arg(siteFile);
        return false;
    }
    if (!info.isFile()) {
        *why = tr("Source not shown: %1 is not a regular file.").arg(siteFile);
        return false;
    }
    if (info.size() > kMaxSourceBytes) {
        *why = tr("Source not shown: %1 is larger than %2 MB.")
                   .arg(siteFile)
                   .arg(kMaxSourceBytes >> 20);
        return false;
    }
    QFile file(siteFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = tr("Source not readable: %1 (%2).").arg(siteFile, file.errorString());
        return false;
    }
    const QByteArray bytes = file.read(kMaxSourceBytes);
    if (bytes.contains('\0')) {
        *why = tr("Source not shown: %1 is not a text file.").arg(siteFile);
        return false;
    }
    setSource(siteFile, QString::fromUtf8(bytes));
    return true;
}

void CodePanel::setSource(const QString &file, const QString &text)
{
    m_file = file;
    applyHighlighter(file);
    m_editor->setPlainText(text);
    m_header->setText(file);
}

CodePanel::Language CodePanel::languageOf(const QString &file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == u"py" || suffix == u"pyw")
        return Language::Python;
    static const QStringList cpp
        = {QStringLiteral("c"), QStringLiteral("cc"), QStringLiteral("cpp"), QStringLiteral("cxx"),
           QStringLiteral("h"), QStringLiteral("hh"), QStringLiteral("hpp")};
    return cpp.contains(suffix) ? Language::Cpp : Language::None;
}

void CodePanel::applyHighlighter(const QString &file)
{
    const Language language = languageOf(file);
    const bool isPython = qobject_cast<PythonHighlighter *>(m_highlighter) != nullptr;
    const bool isCpp = qobject_cast<CppHighlighter *>(m_highlighter) != nullptr;
    if ((language == Language::Python && isPython) || (language == Language::Cpp && isCpp))
        return;
    delete m_highlighter;
    m_highlighter = nullptr;
    const SyntaxPalette colors = SyntaxPalette::forPalette(palette());
    if (language == Language::Python)
        m_highlighter = new PythonHighlighter(m_editor->document(), colors);
    else if (language == Language::Cpp)
        m_highlighter = new CppHighlighter(m_editor->document(), colors);
}

void CodePanel::updateColors()
{
    // The panel's own palette: when it hears of a change, the editor inside
    // may not have been told yet; both resolve to the same application palette.
    const SyntaxPalette colors = SyntaxPalette::forPalette(palette());
    m_editor->setCurrentLineBackground(colors.currentLine());
    if (auto *python = qobject_cast<PythonHighlighter *>(m_highlighter))
        python->setSyntaxPalette(colors);
    else if (auto *cpp = qobject_cast<CppHighlighter *>(m_highlighter))
        cpp->setSyntaxPalette(colors);
}

void CodePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColors();
}

} // namespace weft::ui
