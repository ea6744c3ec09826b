// SPDX-License-Identifier: MIT
#include "core/language.h"
#include "core/trace.h"
#include "tests/common/pixelcounts.h"
#include "tests/common/renderprobe.h"
#include "ui/timeline/eventkindtext.h"
#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/titlepass.h"

#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>
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
    void chinesePunctuationIsFullWidth();
    void cjkFontCoversEveryTranslation();
    void compiledCatalogueAnswersEveryContext();
    void eventKindsAreNamedInChinese();
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

// Chinese text takes full-width punctuation (，。：；（）？！) and no space after it;
// ASCII punctuation next to a Chinese character reads as a typo. A name made of a
// placeholder and a Chinese word ("%1的深度") gets no space either.
void TestTranslations::chinesePunctuationIsFullWidth()
{
    static const QRegularExpression mixed(
        QStringLiteral("[\\x{4e00}-\\x{9fff}][,;?!)]|[\\x{4e00}-\\x{9fff}]:(?!/)|"
                       "[\\x{4e00}-\\x{9fff}]\\.(?![.\\w])|\\([\\x{4e00}-\\x{9fff}]|"
                       "[，。：；！？] "));
    QStringList wrong;
    for (const Entry &e : entries()) {
        const QRegularExpressionMatch match = mixed.match(e.translation);
        if (match.hasMatch())
            wrong << e.translation.mid(std::max(0, int(match.capturedStart()) - 12), 30);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String(" | "))));

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    for (const char *context : {"weft::Deque", "weft::Queue"}) {
        const QString depth = translator.translate(context, "%1 depth").arg(QStringLiteral("队列"));
        QCOMPARE(depth, QStringLiteral("队列的深度"));
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
        // %Ln is %n in the locale's digits (grouped), the same for a 7.
        expected.replace(QLatin1String("%Ln"), QLatin1String("7"));
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

void TestTranslations::eventKindsAreNamedInChinese()
{
    // The timeline's tooltips and the details panel name a kind in words, not
    // as its raw name ("print，于 4.002 s").
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString print = weft::ui::eventKindText(weft::EventKind::Print);
    const QString wait = weft::ui::eventKindText(weft::EventKind::LockWait);
    QCoreApplication::removeTranslator(&translator);
    for (const QString &text : {print, wait})
        QVERIFY2(
            std::any_of(text.begin(), text.end(),
                        [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; }),
            qPrintable(text));
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

namespace {

// Pixels of `rect` where two pictures differ by more than antialiasing rounding.
int differing(const QImage &a, const QImage &b, const QRect &rect)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            count += weft::testsupport::near(a.pixelColor(x, y), b.pixelColor(x, y), 40) ? 0 : 1;
    return count;
}

// The families of the fonts that draw `text` in `font` with their missing-glyph
// box (glyph 0): what would be tofu.
QStringList fontsDrawingTofu(const QString &text, const QFont &font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QStringList families;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        if (run.glyphIndexes().contains(0))
            families << run.rawFont().familyName();
    }
    return families;
}

} // namespace

// The picture `weft --export` writes in Chinese shows its title in Chinese,
// drawn with real glyphs: its title line is the line TitlePass paints for the
// catalogue's title with this machine's fonts, and unlike the English title
// and unlike the same text in a font without Han characters (tofu boxes).
void TestTranslations::exportedPictureInChinese()
{
    if (QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty())
        QSKIP("no CJK font installed (Debian: fonts-noto-cjk)");
    // The export's title is "<id> — <scenario title>", both translated.
    const QString id = QStringLiteral("threads.create");
    const char scenarioTitle[] = "Start threads from a function";
    QTranslator chinese;
    QVERIFY(chinese.load(QStringLiteral(":/i18n/weft_zh_CN.qm")));
    const QString title = chinese.translate("weft::ui::TraceExporter", "%1 — %2")
                              .arg(id, chinese.translate("ThreadsCreateScenario", scenarioTitle));
    const QString englishTitle = QStringLiteral("%1 — %2").arg(id, QLatin1String(scenarioTitle));
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]{3,}"));
    QVERIFY2(title.contains(han), qPrintable(title));

    constexpr int kWidth = 800;
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("zh.png"));
    QProcess weft;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEFT_LANGUAGE"), QStringLiteral("zh_CN"));
    weft.setProcessEnvironment(env);
    weft.start(qEnvironmentVariable("WEFT_EXECUTABLE"),
               {QStringLiteral("--run"), id, QStringLiteral("--param"),
                QStringLiteral("delay_ms=1"), QStringLiteral("--export"), png,
                QStringLiteral("--width"), QString::number(kWidth)});
    QVERIFY(weft.waitForFinished(120000));
    QVERIFY2(weft.exitCode() == 0, weft.readAllStandardError().constData());
    const QImage image = QImage(png).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QCOMPARE(image.width(), kWidth);

    // The references: the export's look (the command line's default, light at
    // 100 %), its title line at the top of the picture as TitlePass paints it.
    using namespace weft::ui;
    const Theme theme = Theme::make(Theme::Variant::Light, 1.0);
    const QFont font = theme.titleFont();
    QFont lacksHan = font;
    lacksHan.setStyleStrategy(QFont::NoFontMerging);
    QVERIFY2(fontsDrawingTofu(title, font).isEmpty(),
             qPrintable(fontsDrawingTofu(title, font).join(QLatin1String(", "))));
    QVERIFY(!fontsDrawingTofu(title, lacksHan).isEmpty());
    const TimelineModel model {weft::Trace()};
    auto titled = [&](const QString &text) {
        RenderOptions options;
        options.layout.showTitle = true;
        options.title = text;
        return weft::testsupport::RenderProbe(model, theme, options, image.size())
            .renderPass(TitlePass());
    };
    const QImage expected = titled(title), english = titled(englishTitle);
    const QRectF line(theme.px(12), theme.px(4), kWidth - theme.px(24),
                      QFontMetricsF(font).height());
    QImage tofu = titled(QString());
    {
        QPainter painter(&tofu);
        painter.setFont(lacksHan);
        painter.setPen(theme.text());
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
    }
    const QRect region = QRectF(QPointF(0, 0), line.bottomRight()).toAlignedRect();
    const int ink = weft::testsupport::countOther(expected, region, theme.background());
    QVERIFY2(ink > 300, qPrintable(QString::number(ink)));
    // The comparison tells the three apart, so a match below means Chinese glyphs.
    QVERIFY(differing(expected, english, region) > ink / 4);
    QVERIFY(differing(expected, tofu, region) > ink / 4);
    const int off = differing(image, expected, region);
    QVERIFY2(off <= ink / 20,
             qPrintable(QStringLiteral("%1 of the title's %2 inked pixels differ from \"%3\" "
                                       "(from the English title: %4, from tofu: %5)")
                            .arg(off)
                            .arg(ink)
                            .arg(title)
                            .arg(differing(image, english, region))
                            .arg(differing(image, tofu, region))));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
