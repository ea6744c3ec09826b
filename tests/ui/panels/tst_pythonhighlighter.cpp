// SPDX-License-Identifier: MIT
#include "syntaxroles.h"
#include "ui/panels/pythonhighlighter.h"

#include <QTest>
#include <QTextCursor>

using namespace weft::ui;
using weft::testsupport::highlightedRole;
using weft::testsupport::resourceText;
using weft::testsupport::syntaxRoleAt;

class TestPythonHighlighter : public QObject
{
    Q_OBJECT
private slots:
    void colours_data();
    void colours();
    void anOpenTripleQuoteColoursTheLinesAfterItUntilClosed();
    void aNewPaletteRecolours();
};

void TestPythonHighlighter::colours_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<QString>("role");
    const auto row = [](const char *name, const char *needle, const char *role,
                        int occurrence = 0) {
        QTest::newRow(name) << QString::fromUtf8(needle) << occurrence << QString::fromLatin1(role);
    };
    row("comment, quotes inside", "# a comment with \"quotes\" and 'ticks'", "comment");
    row("keyword import", "import", "keyword");
    row("module name", "threading", "plain");
    row("decorator", "@decorator.attr", "decorator");
    row("keyword def", "def", "keyword");
    row("function name", "worker", "plain");
    row("self parameter", "self", "self");
    row("string with # inside", "\"http://host/#frag\"", "string");
    row("comment after the string", "# trailing comment", "comment");
    row("escaped quote and #", "\"a \\\" # b\"", "string");
    row("triple string, first line", "\"\"\"first line", "string");
    row("triple string, # line", "    # not a comment", "string");
    row("triple string, last line", "    last line\"\"\"", "string");
    row("after the triple string", "after", "plain");
    row("None", "None", "keyword");
    row("''' string, first line", "'''one", "string");
    row("''' string, last line", "    two'''", "string");
    row("builtin print", "print", "builtin");
    row("builtin len", "len", "builtin");
    row("builtin range", "range", "builtin");
    row("attribute named print", "print", "plain", 1);
    row("self.lock", "self", "self", 1);
    row("attribute lock", "lock", "plain");
    row("hex", "0x1F", "number");
    row("exponent", "1e-3", "number");
    row("underscores", "2_000", "number");
    row("imaginary", "3j", "number");
    row("leading dot", ".5", "number");
    row("bytes raw prefix", "rb'\\d+#'", "string");
    row("f-string", "f\"{n}#\"", "string");
    row("capital prefix", "Rb\"raw\"", "string");
    row("matrix @ is no decorator", "@ b", "plain");
    row("keyword return", "return", "keyword");
    row("cls", "cls", "self");
}

void TestPythonHighlighter::colours()
{
    QFETCH(QString, needle);
    QFETCH(int, occurrence);
    QFETCH(QString, role);
    QCOMPARE(
        highlightedRole<PythonHighlighter>(
            resourceText(QStringLiteral(":/highlight/highlight_sample.py")), needle, occurrence),
        role);
}

void TestPythonHighlighter::anOpenTripleQuoteColoursTheLinesAfterItUntilClosed()
{
    QTextDocument document;
    document.documentLayout(); // a document without one emits no contentsChange
    PythonHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("x = \"\"\"open\ny = 1\nz = 2"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("z = 2")), QStringLiteral("string"));
    // Closing it on the first line (as a reloaded file would) frees the lines after it.
    QTextCursor cursor(document.findBlockByNumber(0));
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(QStringLiteral("\"\"\""));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("z")), QStringLiteral("plain"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("2")), QStringLiteral("number"));
}

void TestPythonHighlighter::aNewPaletteRecolours()
{
    QTextDocument document;
    document.documentLayout(); // a document without one emits no contentsChange
    PythonHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("def f(): pass"));
    highlighter.setSyntaxPalette(SyntaxPalette::dark());
    const QTextLayout *layout = document.firstBlock().layout();
    QVERIFY(!layout->formats().isEmpty());
    QCOMPARE(layout->formats().first().format.foreground().color(),
             SyntaxPalette::dark().color(SyntaxPalette::Role::Keyword));
    QVERIFY(layout->formats().first().format.fontWeight() == QFont::Bold);
}

QTEST_MAIN(TestPythonHighlighter)
#include "tst_pythonhighlighter.moc"
