// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "syntaxroles.h"
#include "ui/panels/codeeditor.h"
#include "ui/panels/codepanel.h"
#include "ui/panels/cpphighlighter.h"
#include "ui/panels/pythonhighlighter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::syntaxRoleAt;

Q_DECLARE_METATYPE(CodePanel::Language)

namespace {

// A recorded Python program's file, on disk as `weft record --python` leaves it.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return file.fileName();
}

const QByteArray kPython = "import threading\n"
                           "# comment\n"
                           "def worker(n):\n"
                           "    print(\"#\", n)\n";

} // namespace

// The fake source is embedded as ":/scenarios/fake/fakesource.cpp", exactly
// where the build embeds a real scenario's source.
class TestCodePanel : public QObject
{
    Q_OBJECT
private slots:
    void highlightsTheLineOfAnEventsSite();
    void switchesFileWhenTheSiteDoes();
    void missingSourceIsSaidNotHidden();
    void siteWithoutFileKeepsTheView();
    void languageFollowsTheSuffix_data();
    void languageFollowsTheSuffix();
    void aPythonSourceGetsThePythonHighlighter();
    void aScenarioSourceGetsTheCppHighlighter();
    void anotherFileSwitchesTheHighlighter();
    void theCurrentLineKeepsItsSyntaxColours();
    void aDarkPaletteRecoloursTheSourceAndTheLine();
};

void TestCodePanel::highlightsTheLineOfAnEventsSite()
{
    TraceBuilder builder;
    const quint32 actor = builder.addActor({QStringLiteral("worker"), 1, 0, false, false});
    const quint16 site = builder.addSite({QStringLiteral("fake/fakesource.cpp"), 5});
    Event event;
    event.timeNs = 100;
    event.actor = actor;
    event.kind = EventKind::Print;
    event.site = site;
    builder.addEvent(event);
    const Trace trace = builder.build();

    CodePanel panel;
    panel.showSite(trace.site(trace.events().front().site));
    QCOMPARE(panel.currentFile(), QStringLiteral("fake/fakesource.cpp"));
    QCOMPARE(panel.highlightedLine(), 5);
    QVERIFY(panel.text().contains(QStringLiteral("line 5 prints")));
    // The highlighted block really is line 5 of the file.
    const auto selections = panel.editor()->extraSelections();
    QCOMPARE(selections.size(), 1);
    QVERIFY(selections.first().cursor.block().text().contains(QStringLiteral("line 5 prints")));
}

void TestCodePanel::switchesFileWhenTheSiteDoes()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 3});
    QCOMPARE(panel.highlightedLine(), 3);
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 1});
    QCOMPARE(panel.highlightedLine(), 1);
    QCOMPARE(panel.editor()->extraSelections().first().cursor.block().blockNumber(), 0);
}

void TestCodePanel::missingSourceIsSaidNotHidden()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("nowhere/missing.cpp"), 12});
    QVERIFY(panel.currentFile().isEmpty());
    QVERIFY(panel.text().isEmpty());
    QCOMPARE(panel.highlightedLine(), 0);
}

void TestCodePanel::siteWithoutFileKeepsTheView()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 4});
    panel.showSite({});
    QCOMPARE(panel.currentFile(), QStringLiteral("fake/fakesource.cpp"));
    QCOMPARE(panel.highlightedLine(), 4);
}

void TestCodePanel::languageFollowsTheSuffix_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<CodePanel::Language>("language");
    QTest::newRow("py") << "/home/me/counter.py" << CodePanel::Language::Python;
    QTest::newRow("pyw") << "tool.PYW" << CodePanel::Language::Python;
    QTest::newRow("c") << "/tmp/pingpong.c" << CodePanel::Language::Cpp;
    QTest::newRow("cc") << "a.cc" << CodePanel::Language::Cpp;
    QTest::newRow("cpp") << "locks/race.cpp" << CodePanel::Language::Cpp;
    QTest::newRow("h") << "a.h" << CodePanel::Language::Cpp;
    QTest::newRow("hpp") << "a.hpp" << CodePanel::Language::Cpp;
    QTest::newRow("txt") << "notes.txt" << CodePanel::Language::None;
    QTest::newRow("no suffix") << "/usr/bin/python3" << CodePanel::Language::None;
    QTest::newRow("pyc") << "x.pyc" << CodePanel::Language::None;
}

void TestCodePanel::languageFollowsTheSuffix()
{
    QFETCH(QString, file);
    QFETCH(CodePanel::Language, language);
    QCOMPARE(CodePanel::languageOf(file), language);
}

void TestCodePanel::aPythonSourceGetsThePythonHighlighter()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("counter.py"), kPython);
    QVERIFY(!path.isEmpty());
    CodePanel panel;
    panel.showSite({path, 3});
    QCOMPARE(panel.currentFile(), path);
    QVERIFY(qobject_cast<PythonHighlighter *>(panel.highlighter()));
    const QTextDocument &document = *panel.editor()->document();
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("def")), QStringLiteral("keyword"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("# comment")), QStringLiteral("comment"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("\"#\"")), QStringLiteral("string"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("print")), QStringLiteral("builtin"));
}

void TestCodePanel::aScenarioSourceGetsTheCppHighlighter()
{
    CodePanel panel;
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 5});
    QVERIFY(qobject_cast<CppHighlighter *>(panel.highlighter()));
    const QTextDocument &document = *panel.editor()->document();
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("#include")), QStringLiteral("decorator"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("void")), QStringLiteral("keyword"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("\"line 5 prints\"")), QStringLiteral("string"));
}

void TestCodePanel::anotherFileSwitchesTheHighlighter()
{
    QTemporaryDir dir;
    const QString python = writeFile(dir, QStringLiteral("counter.py"), kPython);
    const QString text = writeFile(dir, QStringLiteral("notes.txt"), "def # not Python\n");
    CodePanel panel;
    panel.showSite({python, 1});
    QVERIFY(qobject_cast<PythonHighlighter *>(panel.highlighter()));
    panel.showSite({QStringLiteral("fake/fakesource.cpp"), 1});
    QVERIFY(qobject_cast<CppHighlighter *>(panel.highlighter()));
    panel.showSite({text, 1});
    QVERIFY(!panel.highlighter());
    QCOMPARE(syntaxRoleAt(*panel.editor()->document(), QStringLiteral("def # not Python")),
             QStringLiteral("plain"));
    panel.showSite({python, 1});
    QVERIFY(qobject_cast<PythonHighlighter *>(panel.highlighter()));
}

void TestCodePanel::theCurrentLineKeepsItsSyntaxColours()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("counter.py"), kPython);
    CodePanel panel;
    panel.showSite({path, 3});
    const auto selections = panel.editor()->extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.block().text(), QStringLiteral("def worker(n):"));
    QVERIFY(!selections.first().format.hasProperty(QTextFormat::ForegroundBrush));
    QCOMPARE(selections.first().format.background().color(),
             SyntaxPalette::forPalette(panel.palette()).currentLine());
    QCOMPARE(syntaxRoleAt(*panel.editor()->document(), QStringLiteral("def")),
             QStringLiteral("keyword"));
}

void TestCodePanel::aDarkPaletteRecoloursTheSourceAndTheLine()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("counter.py"), kPython);
    CodePanel panel;
    panel.showSite({path, 3});
    QPalette dark = panel.palette();
    dark.setColor(QPalette::Base, QColor(0x1f, 0x20, 0x25));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe9, 0xee));
    panel.setPalette(dark);
    const auto *highlighter = qobject_cast<PythonHighlighter *>(panel.highlighter());
    QVERIFY(highlighter);
    QVERIFY(highlighter->syntaxPalette().isDark());
    const QTextBlock line = panel.editor()->document()->findBlockByNumber(2);
    QCOMPARE(line.layout()->formats().first().format.foreground().color(),
             SyntaxPalette::dark().color(SyntaxPalette::Role::Keyword));
    QCOMPARE(panel.editor()->extraSelections().first().format.background().color(),
             SyntaxPalette::dark().currentLine());
    QCOMPARE(panel.highlightedLine(), 3);
}

QTEST_MAIN(TestCodePanel)
#include "tst_codepanel.moc"
