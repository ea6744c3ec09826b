// SPDX-License-Identifier: MIT
#include "pythonhighlighter.h"

#include <QSet>

namespace weft::ui {

namespace {

using Role = SyntaxPalette::Role;

// Block states: what the line's end leaves open for the next line.
enum State {
    Plain = 0,
    InSingleTriple = 1, // '''
    InDoubleTriple = 2, // """
    InSingle = 3, // '…\ continued by a backslash at the line's end
    InDouble = 4, // "…\ likewise
};

QSet<QString> wordSet(std::initializer_list<const char *> words)
{
    QSet<QString> set;
    for (const char *w : words)
        set.insert(QString::fromLatin1(w));
    return set;
}

const QSet<QString> &keywords()
{
    static const QSet<QString> words = wordSet(
        {"False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
         "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
         "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
         "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"});
    return words;
}

// The builtins a threading or sockets lesson calls, and the exceptions it catches.
const QSet<QString> &builtins()
{
    static const QSet<QString> words = wordSet({"abs",
                                                "all",
                                                "any",
                                                "bin",
                                                "bool",
                                                "bytearray",
                                                "bytes",
                                                "callable",
                                                "chr",
                                                "classmethod",
                                                "dict",
                                                "dir",
                                                "divmod",
                                                "enumerate",
                                                "eval",
                                                "exec",
                                                "exit",
                                                "filter",
                                                "float",
                                                "format",
                                                "frozenset",
                                                "getattr",
                                                "globals",
                                                "hasattr",
                                                "hash",
                                                "hex",
                                                "id",
                                                "input",
                                                "int",
                                                "isinstance",
                                                "issubclass",
                                                "iter",
                                                "len",
                                                "list",
                                                "locals",
                                                "map",
                                                "max",
                                                "min",
                                                "next",
                                                "object",
                                                "oct",
                                                "open",
                                                "ord",
                                                "pow",
                                                "print",
                                                "property",
                                                "range",
                                                "repr",
                                                "reversed",
                                                "round",
                                                "set",
                                                "setattr",
                                                "slice",
                                                "sorted",
                                                "staticmethod",
                                                "str",
                                                "sum",
                                                "super",
                                                "tuple",
                                                "type",
                                                "vars",
                                                "zip",
                                                "__name__",
                                                "__main__",
                                                "Exception",
                                                "BaseException",
                                                "KeyboardInterrupt",
                                                "OSError",
                                                "ConnectionError",
                                                "TimeoutError",
                                                "ValueError",
                                                "TypeError",
                                                "KeyError",
                                                "IndexError",
                                                "RuntimeError",
                                                "StopIteration",
                                                "SystemExit",
                                                "NotImplementedError"});
    return words;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isQuote(QChar c)
{
    return c == u'\'' || c == u'"';
}

// r"", b'', f"", rb"", Rb'', u"" … (case-insensitive, either order for two letters).
bool isStringPrefix(const QString &word)
{
    static const QSet<QString> prefixes = wordSet({"r", "u", "b", "f", "br", "rb", "fr", "rf"});
    return word.size() <= 2 && prefixes.contains(word.toLower());
}

// The last non-space character before `i`, or a space when there is none.
QChar previousNonSpace(const QString &text, int i)
{
    while (--i >= 0) {
        if (!text.at(i).isSpace())
            return text.at(i);
    }
    return u' ';
}

int numberEnd(const QString &text, int i)
{
    const int n = int(text.size());
    const bool radix
        = text.at(i) == u'0' && i + 1 < n && QStringLiteral("xXoObB").contains(text.at(i + 1));
    int j = i + (radix ? 2 : 1);
    while (j < n) {
        const QChar c = text.at(j);
        const QChar before = text.at(j - 1);
        const bool exponentSign // 1e-3
            = (c == u'+' || c == u'-') && !radix && (before == u'e' || before == u'E');
        if (isIdentChar(c) || c == u'.' || exponentSign)
            ++j;
        else
            break;
    }
    return j;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document, const SyntaxPalette &palette)
    : QSyntaxHighlighter(document)
    , m_palette(palette)
{
}

void PythonHighlighter::setSyntaxPalette(const SyntaxPalette &palette)
{
    m_palette = palette;
    rehighlight();
}

int PythonHighlighter::highlightString(const QString &text, int start, int from, QChar quote,
                                       bool triple)
{
    const int n = int(text.size());
    int j = from;
    while (j < n) {
        const QChar c = text.at(j);
        if (c == u'\\') {
            j += 2; // an escaped quote (in raw strings too) does not close the string
            continue;
        }
        if (c == quote && (!triple || text.mid(j, 3) == QString(3, quote))) {
            const int end = j + (triple ? 3 : 1);
            setFormat(start, end - start, m_palette.format(Role::String));
            return end;
        }
        ++j;
    }
    setFormat(start, n - start, m_palette.format(Role::String));
    // A triple-quoted string runs on; a short one only after a backslash at the end.
    if (triple)
        setCurrentBlockState(quote == u'\'' ? InSingleTriple : InDoubleTriple);
    else if (j > n)
        setCurrentBlockState(quote == u'\'' ? InSingle : InDouble);
    return n;
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    setCurrentBlockState(Plain);
    int i = 0;
    switch (previousBlockState()) {
    case InSingleTriple:
        i = highlightString(text, 0, 0, u'\'', true);
        break;
    case InDoubleTriple:
        i = highlightString(text, 0, 0, u'"', true);
        break;
    case InSingle:
        i = highlightString(text, 0, 0, u'\'', false);
        break;
    case InDouble:
        i = highlightString(text, 0, 0, u'"', false);
        break;
    default:
        break;
    }
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'#') {
            setFormat(i, n - i, m_palette.format(Role::Comment));
            return;
        }
        if (isQuote(c)) {
            const bool triple = text.mid(i, 3) == QString(3, c);
            i = highlightString(text, i, i + (triple ? 3 : 1), c, triple);
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < n && text.at(i + 1).isDigit())) {
            const int end = numberEnd(text, i);
            setFormat(i, end - i, m_palette.format(Role::Number));
            i = end;
            continue;
        }
        if (c == u'@' && text.left(i).trimmed().isEmpty()) {
            int j = i + 1;
            while (j < n && (isIdentChar(text.at(j)) || text.at(j) == u'.'))
                ++j;
            setFormat(i, j - i, m_palette.format(Role::Decorator));
            i = j;
            continue;
        }
        if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            if (j < n && isQuote(text.at(j)) && isStringPrefix(word)) {
                const QChar quote = text.at(j);
                const bool triple = text.mid(j, 3) == QString(3, quote);
                i = highlightString(text, i, j + (triple ? 3 : 1), quote, triple);
                continue;
            }
            // After a dot it names an attribute (queue.put, self.range), not a builtin.
            const bool attribute = previousNonSpace(text, i) == u'.';
            if (keywords().contains(word))
                setFormat(i, j - i, m_palette.format(Role::Keyword));
            else if (!attribute && (word == u"self" || word == u"cls"))
                setFormat(i, j - i, m_palette.format(Role::Self));
            else if (!attribute && builtins().contains(word))
                setFormat(i, j - i, m_palette.format(Role::Builtin));
            i = j;
            continue;
        }
        ++i;
    }
}

} // namespace weft::ui
