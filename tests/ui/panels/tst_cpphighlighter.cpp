// SPDX-License-Identifier: MIT
#include "syntaxroles.h"
#include "ui/panels/cpphighlighter.h"

#include <QTest>
#include <QTextCursor>

using namespace weft::ui;
using weft::testsupport::highlightedRole;
using weft::testsupport::resourceText;
using weft::testsupport::syntaxRoleAt;

class TestCppHighlighter : public QObject
{
    Q_OBJECT
private slots:
    void colours_data();
    void colours();
    void anOpenBlockCommentColoursTheLinesAfterItUntilClosed();
    void aNewPaletteRecolours();
};

void TestCppHighlighter::colours_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("occurrence");
    QTest::addColumn<QString>("role");
    const auto row = [](const char *name, const char *needle, const char *role,
                        int occurrence = 0) {
        QTest::newRow(name) << QString::fromUtf8(needle) << occurrence << QString::fromLatin1(role);
    };
    row("line comment, quotes inside", "// a comment with \"quotes\" and 'ticks'", "comment");
    row("#include", "#include", "decorator");
    row("<header>", "<thread>", "string");
    row("indented # include", "#  include", "decorator");
    row("\"header\"", "\"core/tracing.h\"", "string");
    row("#define", "#define", "decorator");
    row("macro name", "LIMIT", "plain");
    row("digit separators", "1'000", "number");
    row("block comment, first line", "/* a block comment", "comment");
    row("block comment, quoted line", "   \"not a string\", still comment", "comment");
    row("block comment, last line", "   end */", "comment");
    row("keyword after the comment", "unsigned", "keyword");
    row("name after the comment", "after", "plain");
    row("string with // inside", "\"http://host//path\"", "string");
    row("comment after the string", "// trailing comment", "comment");
    row("char literal holding a quote", "'\"'", "string");
    row("escaped tick", "'\\''", "string");
    row("keyword after the char literals", "auto", "keyword");
    row("raw string, first line", "R\"weft(first", "string");
    row("raw string, // line", "// not a comment", "string", 0);
    row("raw string, )\" inside", ")\" still raw", "string");
    row("raw string, last line", ")weft\"", "string");
    row("keyword after the raw string", "double", "keyword");
    row("hex float", "0x1Fp-3", "number");
    row("exponent", "1e-9", "number");
    row("suffix", "42u", "number");
    row("leading dot", ".5f", "number");
    row("u8 string with //", "u8\"text // not a comment\"", "string");
    row("function name", "puts", "plain");
    row("class", "class", "keyword");
    row("final", "final", "keyword");
    row("class name", "Worker", "plain");
}

void TestCppHighlighter::colours()
{
    QFETCH(QString, needle);
    QFETCH(int, occurrence);
    QFETCH(QString, role);
    QCOMPARE(
        highlightedRole<CppHighlighter>(
            resourceText(QStringLiteral(":/highlight/highlight_sample.cpp")), needle, occurrence),
        role);
}

void TestCppHighlighter::anOpenBlockCommentColoursTheLinesAfterItUntilClosed()
{
    QTextDocument document;
    document.documentLayout(); // a document without one emits no contentsChange
    CppHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("int a; /* open\nint b;\nint c;"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("int c;")), QStringLiteral("comment"));
    QTextCursor cursor(document.findBlockByNumber(0));
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(QStringLiteral(" */"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("int"), 2), QStringLiteral("keyword"));
    QCOMPARE(syntaxRoleAt(document, QStringLiteral("c;")), QStringLiteral("plain"));
}

void TestCppHighlighter::aNewPaletteRecolours()
{
    QTextDocument document;
    document.documentLayout(); // a document without one emits no contentsChange
    CppHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("return 0;"));
    highlighter.setSyntaxPalette(SyntaxPalette::dark());
    const QTextLayout *layout = document.firstBlock().layout();
    QVERIFY(!layout->formats().isEmpty());
    QCOMPARE(layout->formats().first().format.foreground().color(),
             SyntaxPalette::dark().color(SyntaxPalette::Role::Keyword));
}

QTEST_MAIN(TestCppHighlighter)
#include "tst_cpphighlighter.moc"
