// SPDX-License-Identifier: MIT
#include "core/language.h"

#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The Simplified Chinese catalogue is complete, renders without missing
// glyphs, and the app really speaks it; the compiled catalogues embedded in
// the program are what answers; English and Chinese say "1 thread", not "1 thread(s)".
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everyEntryIsTranslated();
    void placeholdersSurviveTranslation();
    void cjkFontCoversEveryTranslation();
    void compiledCatalogueAnswersEveryContext();
    void englishHasEveryPluralInBothForms();
    void pluralsInEnglishAndChinese();
    void everyLanguageInstalls();
    void commandLineSpeaksChinese();
    void exportedPictureInChinese();

public:
    struct Entry
    {
        QString context, source, comment, translation, type;
        QStringList forms; // a plural entry's translations, one per form
    };

private:
    static QList<Entry> entries(const char *language = "zh_CN");
};

// <translation type="...">text</translation>, or one <numerusform> per plural form.
static void readTranslation(QXmlStreamReader &xml, TestTranslations::Entry *entry)
{
    entry->type = xml.attributes().value(QLatin1String("type")).toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
            break;
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
            entry->forms << xml.readElementText();
        else if (xml.isCharacters())
            entry->translation += xml.text();
    }
    if (!entry->forms.isEmpty())
        entry->translation = entry->forms.join(QLatin1Char('\n'));
}

QList<TestTranslations::Entry> TestTranslations::entries(const char *language)
{
    QFile file(QStringLiteral(WEFT_TRANSLATIONS_DIR "/weft_%1.ts").arg(QLatin1String(language)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> result;
    QXmlStreamReader xml(&file);
    Entry current;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                current = Entry {context, {}, {}, {}, {}, {}};
            else if (xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (xml.name() == QLatin1String("comment"))
                current.comment = xml.readElementText();
            else if (xml.name() == QLatin1String("translation"))
                readTranslation(xml, &current);
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            result.append(current);
        }
    }
    return result;
}

void TestTranslations::everyEntryIsTranslated()
{
    const auto all = entries();
    QVERIFY2(all.size() > 100, "the catalogue is missing or nearly empty");
    QStringList unfinished;
    for (const Entry &e : all) {
        if (e.type == QLatin1String("unfinished") || e.translation.trimmed().isEmpty()
            || e.forms.contains(QString()))
            unfinished << e.context + QLatin1String(": ") + e.source;
    }
    QVERIFY2(unfinished.isEmpty(),
             qPrintable(QStringLiteral("%1 unfinished entries, first: %2")
                            .arg(unfinished.size())
                            .arg(unfinished.mid(0, 5).join(QLatin1String(" | ")))));
}

void TestTranslations::placeholdersSurviveTranslation()
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d+|n)"));
    for (const Entry &e : entries()) {
        if (e.type == QLatin1String("unfinished") || e.type == QLatin1String("vanished"))
            continue;
        QStringList in, out;
        for (auto it = placeholder.globalMatch(e.source); it.hasNext();)
            in << it.next().captured(0);
        for (auto it = placeholder.globalMatch(e.translation); it.hasNext();)
            out << it.next().captured(0);
        in.sort();
        out.sort();
        in.removeDuplicates();
        out.removeDuplicates();
        QVERIFY2(in == out, qPrintable(e.source + QLatin1String(" -> ") + e.translation));
    }
}

void TestTranslations::cjkFontCoversEveryTranslation()
{
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    if (families.isEmpty())
        QSKIP("no CJK font installed (Debian: fonts-noto-cjk)");
    QFont font = QGuiApplication::font();
    QFontMetrics metrics(font);
    QStringList missing;
    for (const Entry &e : entries()) {
        for (const QChar c : e.translation) {
            if (c.isPrint() && !c.isSpace() && !metrics.inFont(c))
                missing << QString(c);
        }
    }
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("no glyph for: ") + missing.join(QString())));
}

// Every string of every context comes out of the compiled :/i18n/weft_zh_CN.qm
// (lrelease at build time, embedded in weft_core) as the .ts says, looked up the
// way tr() does: by the context lupdate wrote, with no fallback to the source alone.
void TestTranslations::compiledCatalogueAnswersEveryContext()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QMap<QString, int> translatedPerContext;
    QStringList wrong;
    for (const Entry &e : entries()) {
        const QByteArray context = e.context.toUtf8(), source = e.source.toUtf8(),
                         comment = e.comment.toUtf8();
        const char *disambiguation = comment.isEmpty() ? nullptr : comment.constData();
        const int n = e.forms.isEmpty() ? -1 : 7;
        QString expected = e.forms.isEmpty() ? e.translation : e.forms.first();
        expected.replace(QLatin1String("%n"), QLatin1String("7"));
        // Found in the .qm itself (a translator answers "" for what it lacks), and
        // what tr() shows is that translation.
        const bool found = !translator.translate(context, source, disambiguation, n).isEmpty();
        const QString shown = QCoreApplication::translate(context, source, disambiguation, n);
        translatedPerContext[e.context] += found ? 1 : 0;
        if (!found || shown != expected)
            wrong << e.context + QLatin1String(": ") + e.source + QLatin1String(" -> ") + shown;
    }
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(translatedPerContext.size() > 50, "the catalogue is missing or nearly empty");
    QStringList silent;
    for (auto it = translatedPerContext.cbegin(); it != translatedPerContext.cend(); ++it) {
        if (it.value() == 0)
            silent << it.key();
    }
    QVERIFY2(silent.isEmpty(),
             qPrintable(QLatin1String("contexts with no string translated: ")
                        + silent.join(QLatin1String(", "))));
    QVERIFY2(wrong.isEmpty(),
             qPrintable(QStringLiteral("%1 strings not as in the .ts, first: %2")
                            .arg(wrong.size())
                            .arg(wrong.mid(0, 5).join(QLatin1String(" | ")))));
}

// English is the source language but needs a catalogue for its plurals: it must
// hold every plural string Chinese has, with a singular and a plural form.
void TestTranslations::englishHasEveryPluralInBothForms()
{
    QSet<QString> english;
    for (const Entry &e : entries("en")) {
        QVERIFY2(!e.forms.isEmpty(), qPrintable(QLatin1String("not a plural: ") + e.source));
        QVERIFY2(e.type.isEmpty() && e.forms.size() == 2 && !e.forms.contains(QString())
                     && e.forms.first() != e.forms.last(),
                 qPrintable(QLatin1String("unfinished or one form for all: ") + e.source));
        english << e.context + QLatin1Char('|') + e.source;
    }
    int plurals = 0;
    for (const Entry &e : entries()) {
        if (e.forms.isEmpty())
            continue;
        ++plurals;
        QVERIFY2(english.contains(e.context + QLatin1Char('|') + e.source),
                 qPrintable(QLatin1String("no English plural forms for ") + e.context
                            + QLatin1String(": ") + e.source));
        // Chinese has one form, and no "(s)" in it.
        QVERIFY2(!e.translation.contains(QLatin1String("(s)")), qPrintable(e.translation));
    }
    QVERIFY(plurals > 10);
}

// The picture's caption ("3 threads, 120 events, 1.2 ms") counts with %n, through the
// catalogue Language::install loads.
void TestTranslations::pluralsInEnglishAndChinese()
{
    const char context[] = "weft::ui::TraceExporter";
    const char threads[] = "%n thread(s)";
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/weft_en.qm")));
    QCoreApplication::installTranslator(&english);
    QCOMPARE(QCoreApplication::translate(context, threads, nullptr, 1), QStringLiteral("1 thread"));
    QCOMPARE(QCoreApplication::translate(context, threads, nullptr, 2),
             QStringLiteral("2 threads"));
    QCOMPARE(QCoreApplication::translate(context, threads, nullptr, 0),
             QStringLiteral("0 threads"));
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    QCoreApplication::installTranslator(&chinese);
    QCOMPARE(QCoreApplication::translate(context, threads, nullptr, 1), QStringLiteral("1 个线程"));
    QCOMPARE(QCoreApplication::translate(context, threads, nullptr, 2), QStringLiteral("2 个线程"));
    QCoreApplication::removeTranslator(&chinese);
    QCoreApplication::removeTranslator(&english);
}

void TestTranslations::everyLanguageInstalls()
{
    // Last: the translators it installs stay for the rest of the run.
    for (const QString &language : weft::Language::available())
        QVERIFY2(weft::Language::install(language), qPrintable(language));
    QVERIFY(!weft::Language::install(QStringLiteral("xx")));
}

void TestTranslations::commandLineSpeaksChinese()
{
    QProcess weft;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEFT_LANGUAGE"), QStringLiteral("zh_CN"));
    weft.setProcessEnvironment(env);
    weft.start(qEnvironmentVariable("WEFT_EXECUTABLE"),
               {QStringLiteral("--run"), QStringLiteral("nonexistent.id")});
    QVERIFY(weft.waitForFinished(60000));
    QCOMPARE(weft.exitCode(), 2);
    const QString err = QString::fromUtf8(weft.readAllStandardError());
    // Any CJK ideograph shows the catalogue was loaded for the command line too.
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    QVERIFY2(err.contains(han), qPrintable(err));
}

void TestTranslations::exportedPictureInChinese()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("zh.png"));
    QProcess weft;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEFT_LANGUAGE"), QStringLiteral("zh_CN"));
    weft.setProcessEnvironment(env);
    weft.start(qEnvironmentVariable("WEFT_EXECUTABLE"),
               {QStringLiteral("--run"), QStringLiteral("threads.create"),
                QStringLiteral("--param"), QStringLiteral("delay_ms=1"), QStringLiteral("--export"),
                png});
    QVERIFY(weft.waitForFinished(120000));
    QVERIFY2(weft.exitCode() == 0, weft.readAllStandardError().constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 200);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
