// SPDX-License-Identifier: MIT
#include "ui/panels/codeeditor.h"

#include <QTest>
#include <QTextBlock>

using namespace weft::ui;

class TestCodeEditor : public QObject
{
    Q_OBJECT
private slots:
    void theCurrentLineOnlyTintsTheBackground();
    void aNewLineColourKeepsTheLine();
};

// A foreground on the current line would paint over the syntax colours.
void TestCodeEditor::theCurrentLineOnlyTintsTheBackground()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("one\ntwo\nthree"));
    editor.highlightLine(2);
    const auto selections = editor.extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.block().text(), QStringLiteral("two"));
    QVERIFY(!selections.first().format.hasProperty(QTextFormat::ForegroundBrush));
    QCOMPARE(selections.first().format.background().color(), editor.currentLineBackground());
}

void TestCodeEditor::aNewLineColourKeepsTheLine()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("one\ntwo\nthree"));
    editor.highlightLine(3);
    editor.setCurrentLineBackground(QColor(0x4a, 0x3f, 0x13));
    QCOMPARE(editor.highlightedLine(), 3);
    const auto selections = editor.extraSelections();
    QCOMPARE(selections.size(), 1);
    QCOMPARE(selections.first().cursor.block().blockNumber(), 2);
    QCOMPARE(selections.first().format.background().color(), QColor(0x4a, 0x3f, 0x13));
    editor.highlightLine(0);
    QVERIFY(editor.extraSelections().isEmpty());
}

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
