#include "core/catalogtranslator.h"

#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The Simplified Chinese catalogue is complete, renders without missing
// glyphs, and the app really speaks it.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everyEntryIsTranslated();
    void placeholdersSurviveTranslation();
    void cjkFontCoversEveryTranslation();
    void commandLineSpeaksChinese();
    void exportedPictureInChinese();

private:
    struct Entry
    {
        QString context, source, translation, type;
    };
    static QList<Entry> entries();
};

QList<TestTranslations::Entry> TestTranslations::entries()
{
    QFile file(QStringLiteral(WEFT_TS_FILE));
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
                current = Entry{context, {}, {}, {}};
            else if (xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
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
        if (e.type == QLatin1String("unfinished") || e.translation.trimmed().isEmpty())
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
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no glyph for: ") + missing.join(QString())));
}

void TestTranslations::commandLineSpeaksChinese()
{
    QProcess weft;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEFT_LANGUAGE"), QStringLiteral("zh_CN"));
    weft.setProcessEnvironment(env);
    weft.start(qEnvironmentVariable("WEFT_EXECUTABLE"), {QStringLiteral("--run"), QStringLiteral("nonexistent.id")});
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
               {QStringLiteral("--run"), QStringLiteral("threads.create"), QStringLiteral("--param"),
                QStringLiteral("delay_ms=1"), QStringLiteral("--export"), png});
    QVERIFY(weft.waitForFinished(120000));
    QVERIFY2(weft.exitCode() == 0, weft.readAllStandardError().constData());
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 200);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
