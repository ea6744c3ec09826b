// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "ui/export/exportpreset.h"
#include "ui/export/traceexporter.h"
#include "ui/timeline/timelinemodel.h"

#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace weft;
using namespace weft::ui;
using weft::testsupport::countNear;

namespace {

Trace smallTrace()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("weft")});
    const quint32 main = builder.addActor({QStringLiteral("MainThread"), 10, process, true, false});
    const quint32 worker = builder.addActor({QStringLiteral("worker"), 11, process, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("lock"), ObjectKind::Lock});
    builder.addEvent({0, 10, main, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({1000, worker, main, 0, 0, 0, EventKind::ThreadSpawn, 0});
    builder.addEvent({2000, 11, worker, 0, 0, 0, EventKind::ThreadStart, 0});
    builder.addEvent({3000, 0, worker, lock, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({3500, 0, main, lock, 0, 0, EventKind::LockWait, 0});
    builder.addEvent(
        {4000, 0, worker, 0, builder.intern(QStringLiteral("hello")), 0, EventKind::Print, 0});
    builder.addEvent({6000, 0, worker, lock, 0, 0, EventKind::LockReleased, 0});
    builder.addEvent({6000, 0, main, lock, 0, 0, EventKind::LockAcquired, 0});
    builder.addEvent({7000, 0, worker, 0, 0, 0, EventKind::ThreadEnd, 0});
    builder.addEvent({8000, 0, main, lock, 0, 0, EventKind::LockReleased, 0});
    builder.addEvent({9000, 0, main, 0, 0, 0, EventKind::ThreadEnd, 0});
    builder.metadata().scenarioId = QStringLiteral("test.export");
    builder.metadata().title = QStringLiteral("Export test");
    builder.metadata().outcome.status = Outcome::Status::Completed;
    builder.metadata().outcome.summary = QStringLiteral("done");
    return builder.build();
}

// Threads enough that their lanes cannot fit a few hundred pixels readably.
Trace manyLanesTrace(int lanes)
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({1, QStringLiteral("weft")});
    for (int i = 0; i < lanes; ++i) {
        const quint32 actor = builder.addActor(
            {QStringLiteral("worker-%1").arg(i), qint64(10 + i), process, i == 0, false});
        builder.addEvent({qint64(i) * 100, 10 + i, actor, 0, 0, 0, EventKind::ThreadStart, 0});
        builder.addEvent({10000 + qint64(i) * 100, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    builder.metadata().title = QStringLiteral("Many lanes");
    return builder.build();
}

} // namespace

class TestTraceExporter : public QObject
{
    Q_OBJECT
private slots:
    void png_data();
    void png();
    void svgIsWellFormedXml();
    void pdfStartsWithPdfMagic();
    void visibleWindowAndPlayhead();
    void darkExport();
    void fontScaleMakesItTaller();
    void currentThemeIsTheDefault();
    void errors_data();
    void errors();
    void aPngOrPdfTooLargeIsRefusedAndSvgStillWorks();
    void svgTextRunsAreWholePhrases();
    void presetsGiveTheirSize_data();
    void presetsGiveTheirSize();
    void paperPresetsSetThePdfPage_data();
    void paperPresetsSetThePdfPage();
    void lanesGrowToFillAFixedHeight();
    void aHeightTooSmallForTheLanesIsExceededAndSaid();
    void defaultWidthGrowsWithTheTextAndFitsTheTitle_data();
    void defaultWidthGrowsWithTheTextAndFitsTheTitle();
    void aRangeShowsOnlyItsEvents();
    void largeTextAtDoubleScaleIsStillAPng();

private:
    QTemporaryDir m_dir;
    Trace m_trace = smallTrace();
};

void TestTraceExporter::png_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("default") << 1600 << 1.0;
    QTest::newRow("narrow") << 640 << 1.0;
    QTest::newRow("retina") << 800 << 2.0;
}

void TestTraceExporter::png()
{
    QFETCH(int, width);
    QFETCH(qreal, scale);
    const QString path = m_dir.filePath(QStringLiteral("out_%1_%2.png").arg(width).arg(scale));
    ExportOptions options;
    options.width = width;
    options.scale = scale;
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.width(), qRound(width * scale));
    QVERIFY(image.height() > 100);
}

void TestTraceExporter::svgIsWellFormedXml()
{
    const QString path = m_dir.filePath(QStringLiteral("out.svg"));
    ExportOptions options;
    options.width = 1200;
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    bool sawSvg = false, sawLabel = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg")) {
            sawSvg = true;
            QCOMPARE(xml.attributes()
                         .value(QLatin1String("width"))
                         .toString()
                         .remove(QLatin1String("mm"))
                         .isEmpty(),
                     false);
            const auto viewBox = xml.attributes()
                                     .value(QLatin1String("viewBox"))
                                     .toString()
                                     .split(QLatin1Char(' '));
            QCOMPARE(viewBox.size(), 4);
            QCOMPARE(viewBox[2].toInt(), 1200);
        }
        if (xml.isCharacters() && xml.text().contains(QLatin1String("worker")))
            sawLabel = true;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvg);
    QVERIFY(sawLabel); // lane labels are real text, not pixels
}

void TestTraceExporter::pdfStartsWithPdfMagic()
{
    const QString path = m_dir.filePath(QStringLiteral("out.pdf"));
    QString error;
    QVERIFY2(exportTrace(m_trace, path, ExportOptions(), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    QVERIFY(file.size() > 1000);
}

void TestTraceExporter::visibleWindowAndPlayhead()
{
    const QString path = m_dir.filePath(QStringLiteral("window.png"));
    ExportOptions options;
    options.width = 800;
    options.visibleWindowOnly = true;
    options.fromNs = 2000;
    options.toNs = 5000;
    options.showPlayhead = true;
    options.playheadNs = 4000;
    options.title = QStringLiteral("A window");
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    QCOMPARE(QImage(path).width(), 800);
}

void TestTraceExporter::darkExport()
{
    const QString path = m_dir.filePath(QStringLiteral("dark.png"));
    ExportOptions options;
    options.width = 800;
    options.theme = Theme::dark();
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    // The background (corners, margins) is dark ...
    for (const QPoint p :
         {QPoint(2, 2), QPoint(image.width() - 3, 2), QPoint(2, image.height() - 3),
          QPoint(image.width() - 3, image.height() - 3)})
        QVERIFY2(image.pixelColor(p).lightness() < 60, qPrintable(image.pixelColor(p).name()));
    QCOMPARE(image.pixelColor(image.width() - 3, image.height() - 3).rgb(),
             Theme::dark().background().rgb());
    // ... and the lanes carry the dark theme's state colours, not the light ones.
    QVERIFY(countNear(image, image.rect(), Theme::dark().stateColor(LaneState::Running), 0) > 100);
    QVERIFY(countNear(image, image.rect(), Theme::dark().stateColor(LaneState::BlockedOnLock), 0)
            > 20);
    // Both themes draw the states in Okabe and Ito's colours; the finished line is the
    // theme's own grey.
    QVERIFY(countNear(image, image.rect(), Theme::dark().stateColor(LaneState::Finished), 0) > 20);
    QCOMPARE(countNear(image, image.rect(), Theme::light().stateColor(LaneState::Finished), 0), 0);
}

void TestTraceExporter::fontScaleMakesItTaller()
{
    auto heightAt = [&](qreal scale) {
        const QString path = m_dir.filePath(QStringLiteral("scaled_%1.png").arg(scale));
        ExportOptions options;
        options.width = 1000;
        options.theme = Theme::light(scale);
        QString error;
        if (!exportTrace(m_trace, path, options, &error))
            return -1;
        const QImage image(path);
        return image.width() == 1000 ? image.height() : -2;
    };
    const int normal = heightAt(1.0), doubled = heightAt(2.0);
    QVERIFY(normal > 0);
    QVERIFY2(doubled > normal * 17 / 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(doubled).arg(normal)));
}

void TestTraceExporter::currentThemeIsTheDefault()
{
    const Theme before = Theme::current();
    Theme::setCurrent(Theme::dark());
    const QString path = m_dir.filePath(QStringLiteral("current.png"));
    ExportOptions options;
    options.width = 640;
    QString error;
    const bool ok = exportTrace(m_trace, path, options, &error);
    Theme::setCurrent(before);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(QImage(path).pixelColor(2, 2).rgb(), Theme::dark().background().rgb());
}

void TestTraceExporter::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("empty");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown suffix") << "out.bmp" << 1600 << false << ".bmp";
    QTest::newRow("no suffix") << "out" << 1600 << false << "png";
    QTest::newRow("unwritable directory")
        << "/nonexistent-weft-dir/out.png" << 1600 << false << "/nonexistent-weft-dir/out.png";
    QTest::newRow("width too small") << "small.png" << 10 << false << "10";
    QTest::newRow("empty trace") << "empty.png" << 1600 << true << "no events";
}

void TestTraceExporter::errors()
{
    QFETCH(QString, path);
    QFETCH(int, width);
    QFETCH(bool, empty);
    QFETCH(QString, mention);
    const QString full = path.startsWith(QLatin1Char('/')) ? path : m_dir.filePath(path);
    ExportOptions options;
    options.width = width;
    QString error;
    QVERIFY(!exportTrace(empty ? Trace() : m_trace, full, options, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY(!QFile::exists(full));
}

void TestTraceExporter::aPngOrPdfTooLargeIsRefusedAndSvgStillWorks()
{
    // 2000 lanes at 1600 px wide: ~56 000 px tall, a 360 MB image in memory.
    TraceBuilder builder;
    for (int i = 0; i < 2000; ++i) {
        const quint32 actor = builder.addActor({QStringLiteral("T%1").arg(i), 0, 0, false, false});
        builder.addEvent({qint64(i), 0, actor, 0, 0, 0, EventKind::ThreadStart, 0});
        builder.addEvent({qint64(i) + 5000, 0, actor, 0, 0, 0, EventKind::ThreadEnd, 0});
    }
    const Trace wide = builder.build();
    ExportOptions options;
    options.width = 1600;
    QString error;
    const QString png = m_dir.filePath(QStringLiteral("tall.png"));
    QVERIFY(!exportTrace(wide, png, options, &error));
    QVERIFY2(error.contains(QLatin1String("SVG")), qPrintable(error));
    QVERIFY(!QFile::exists(png));
    // Taller than a PDF page can be (200 inches).
    const QString pdf = m_dir.filePath(QStringLiteral("tall.pdf"));
    QVERIFY(!exportTrace(wide, pdf, options, &error));
    QVERIFY2(error.contains(QLatin1String("PDF page")) && error.contains(QLatin1String("SVG")),
             qPrintable(error));
    QVERIFY(!QFile::exists(pdf));
    const QString svg = m_dir.filePath(QStringLiteral("tall.svg"));
    QVERIFY2(exportTrace(wide, svg, options, &error), qPrintable(error));
    QVERIFY(QFileInfo(svg).size() > 0);
}

namespace {

// Every <text> element's content and font-family, in order.
QList<QPair<QString, QString>> svgTexts(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QList<QPair<QString, QString>> texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            const QString family = xml.attributes().value(QLatin1String("font-family")).toString();
            texts.append({xml.readElementText(), family});
        }
    }
    return texts;
}

// Rows of the picture that hold some of the colour.
int rowsWith(const QImage &image, const QColor &color)
{
    int rows = 0;
    for (int y = 0; y < image.height(); ++y)
        rows += countNear(image, QRect(0, y, image.width(), 1), color, 0) > 0 ? 1 : 0;
    return rows;
}

// From the first row of pixels in `color` to the last: how far the lanes spread.
int spreadOf(const QImage &image, const QColor &color)
{
    int first = -1, last = -1;
    for (int y = 0; y < image.height(); ++y) {
        if (countNear(image, QRect(0, y, image.width(), 1), color, 0) > 0) {
            first = first < 0 ? y : first;
            last = y;
        }
    }
    return first < 0 ? 0 : last - first + 1;
}

} // namespace

// Issue 19: a phrase was cut into one <text> per word or per font, in a
// family ("Sans Serif") only Qt knows.
void TestTraceExporter::svgTextRunsAreWholePhrases()
{
    const QString path = m_dir.filePath(QStringLiteral("phrases.svg"));
    ExportOptions options;
    options.theme = Theme::light();
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    const auto texts = svgTexts(path);
    QStringList contents;
    for (const auto &[text, family] : texts) {
        contents << text;
        QVERIFY2(family.endsWith(QLatin1String(", sans-serif")), qPrintable(family));
        const QString first = family.section(QLatin1Char(','), 0, 0).remove(QLatin1Char('\''));
        // Qt's alias "Sans Serif" is no family a browser or slide program knows.
        QVERIFY2(first != QLatin1String("Sans Serif") && QFontDatabase::families().contains(first),
                 qPrintable(family));
    }
    QVERIFY2(contents.contains(QStringLiteral("test.export — Export test")),
             qPrintable(contents.join(QLatin1Char('|'))));
    QVERIFY2(contents.contains(QStringLiteral("blocked on a lock")), // a legend entry
             qPrintable(contents.join(QLatin1Char('|'))));
}

void TestTraceExporter::presetsGiveTheirSize_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QSize>("size");
    QTest::newRow("slide 16:9") << int(ExportPreset::Slide16x9) << QSize(1920, 1080);
    QTest::newRow("slide 4:3") << int(ExportPreset::Slide4x3) << QSize(1440, 1080);
    QTest::newRow("A4") << int(ExportPreset::A4) << QSize(1123, 794);
    QTest::newRow("Letter") << int(ExportPreset::Letter) << QSize(1056, 816);
    // Two lanes: a small scene, so fitting it makes a 16:9 picture.
    QTest::newRow("fit a small scene") << int(ExportPreset::Fit) << QSize(1600, 900);
}

void TestTraceExporter::presetsGiveTheirSize()
{
    QFETCH(int, preset);
    QFETCH(QSize, size);
    for (const QString &suffix : {QStringLiteral("png"), QStringLiteral("svg")}) {
        const QString path = m_dir.filePath(QStringLiteral("preset_%1.%2").arg(preset).arg(suffix));
        ExportOptions options;
        options.theme = Theme::light();
        applyExportPreset(ExportPreset(preset), &options);
        QString error;
        QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
        if (suffix == QLatin1String("png")) {
            QCOMPARE(QImage(path).size(), size);
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.readAll().contains(QStringLiteral("viewBox=\"0 0 %1 %2\"")
                                                .arg(size.width())
                                                .arg(size.height())
                                                .toUtf8()));
        }
    }
}

void TestTraceExporter::paperPresetsSetThePdfPage_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QSizeF>("points"); // landscape
    QTest::newRow("A4") << int(ExportPreset::A4) << QSizeF(841.89, 595.28);
    QTest::newRow("Letter") << int(ExportPreset::Letter) << QSizeF(792, 612);
}

void TestTraceExporter::paperPresetsSetThePdfPage()
{
    QFETCH(int, preset);
    QFETCH(QSizeF, points);
    const QString path = m_dir.filePath(QStringLiteral("paper_%1.pdf").arg(preset));
    ExportOptions options;
    applyExportPreset(ExportPreset(preset), &options);
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString pdf = QString::fromLatin1(file.readAll());
    const QRegularExpression mediaBox(
        QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]"));
    const QRegularExpressionMatch match = mediaBox.match(pdf);
    QVERIFY2(match.hasMatch(), qPrintable(pdf.left(600)));
    QVERIFY2(qAbs(match.captured(1).toDouble() - points.width()) < 1
                 && qAbs(match.captured(2).toDouble() - points.height()) < 1,
             qPrintable(match.captured(0)));
}

// threads.join came out 1600 × 210: two thin lanes. Asked for a slide, the lanes
// grow to fill it instead of leaving a strip on a white page.
void TestTraceExporter::lanesGrowToFillAFixedHeight()
{
    auto export1 = [&](const QString &name, int height) {
        const QString path = m_dir.filePath(name);
        ExportOptions options;
        options.width = 1920;
        options.height = height;
        options.theme = Theme::light();
        QString error;
        return exportTrace(m_trace, path, options, &error) ? QImage(path) : QImage();
    };
    const QImage strip = export1(QStringLiteral("strip.png"), 0);
    const QImage slide = export1(QStringLiteral("slide.png"), 1080);
    QVERIFY(!strip.isNull() && !slide.isNull());
    QVERIFY(strip.height() < 400);
    QCOMPARE(slide.size(), QSize(1920, 1080));
    const QColor running = Theme::light().stateColor(LaneState::Running);
    const int thin = rowsWith(strip, running), tall = rowsWith(slide, running);
    QVERIFY(thin > 0);
    // The lanes grow to fill the slide; their bars thicken too, but less (a
    // lane several times as tall with a bar as thick would read as a bar chart).
    QVERIFY2(tall >= 2 * thin, qPrintable(QStringLiteral("%1 vs %2").arg(tall).arg(thin)));
    const int spread = spreadOf(slide, running);
    QVERIFY2(spread >= 4 * spreadOf(strip, running),
             qPrintable(QStringLiteral("%1 vs %2").arg(spread).arg(spreadOf(strip, running))));
    QVERIFY2(spread >= slide.height() / 3, qPrintable(QString::number(spread)));
}

void TestTraceExporter::aHeightTooSmallForTheLanesIsExceededAndSaid()
{
    auto export1 = [&](const Trace &trace, const QString &name, int height, QString *notice) {
        const QString path = m_dir.filePath(name);
        ExportOptions options;
        options.width = 1000;
        options.height = height;
        options.theme = Theme::light();
        QString error;
        *notice = QStringLiteral("stale");
        return exportTrace(trace, path, options, &error, notice) ? QImage(path) : QImage();
    };
    const Trace many = manyLanesTrace(60);
    QString notice;
    // Sixty lanes at half size still need more than 300 px: taller, and said.
    const QImage squeezed = export1(many, QStringLiteral("squeezed.png"), 300, &notice);
    QVERIFY(!squeezed.isNull());
    QCOMPARE(squeezed.width(), 1000);
    QVERIFY2(squeezed.height() > 300, qPrintable(QString::number(squeezed.height())));
    QVERIFY2(notice.contains(QLatin1String("300"))
                 && notice.contains(QString::number(squeezed.height())),
             qPrintable(notice));
    // As tall as they need, or a height they fit: nothing to say.
    QVERIFY(!export1(many, QStringLiteral("natural.png"), 0, &notice).isNull());
    QVERIFY2(notice.isEmpty(), qPrintable(notice));
    const QImage slide = export1(m_trace, QStringLiteral("fits.png"), 1080, &notice);
    QCOMPARE(slide.size(), QSize(1000, 1080));
    QVERIFY2(notice.isEmpty(), qPrintable(notice));
}

void TestTraceExporter::defaultWidthGrowsWithTheTextAndFitsTheTitle_data()
{
    QTest::addColumn<qreal>("scale");
    QTest::newRow("100 %") << 1.0;
    QTest::newRow("200 %") << 2.0;
    QTest::newRow("250 %") << 2.5;
}

// At --font-scale 200 a 1600 px picture cut its title.
void TestTraceExporter::defaultWidthGrowsWithTheTextAndFitsTheTitle()
{
    QFETCH(qreal, scale);
    const QString title = QStringLiteral(
        "locks.counter — Many threads increment one shared counter, with and without a lock");
    const QString path = m_dir.filePath(QStringLiteral("titled_%1.png").arg(scale));
    ExportOptions options;
    options.title = title;
    options.theme = Theme::light(scale);
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    const int width = QImage(path).width();
    QVERIFY2(width >= qRound(1600 * scale), qPrintable(QString::number(width)));
    const Theme theme = Theme::light(scale);
    const qreal needed = QFontMetricsF(theme.titleFont()).horizontalAdvance(title) + theme.px(24);
    QVERIFY2(width >= needed, qPrintable(QStringLiteral("%1 < %2").arg(width).arg(needed)));
}

// The playhead-less window 5000..9000 ns leaves out the print at 4000 ns;
// the ruler starts at the window, not at 0.
void TestTraceExporter::aRangeShowsOnlyItsEvents()
{
    auto texts = [&](const QString &name, qint64 from, qint64 to) {
        const QString path = m_dir.filePath(name);
        ExportOptions options;
        options.theme = Theme::light();
        options.visibleWindowOnly = to > from;
        options.fromNs = from;
        options.toNs = to;
        QString error;
        QStringList contents;
        if (exportTrace(m_trace, path, options, &error)) {
            for (const auto &pair : svgTexts(path))
                contents << pair.first;
        }
        return contents;
    };
    const QStringList whole = texts(QStringLiteral("whole.svg"), 0, 0);
    const QStringList late = texts(QStringLiteral("late.svg"), 5000, 9000);
    QVERIFY(whole.contains(QStringLiteral("hello")));
    QVERIFY2(!late.contains(QStringLiteral("hello")), qPrintable(late.join(QLatin1Char('|'))));
    QVERIFY(whole.contains(QStringLiteral("0 µs")) || whole.contains(QStringLiteral("0 ns")));
    // The first ruler label of the range is at (or just after) 5 µs, not 0.
    const QRegularExpression tick(QStringLiteral("^(\\d+(\\.\\d+)?) µs$"));
    double first = -1;
    for (const QString &text : late) {
        const QRegularExpressionMatch match = tick.match(text);
        if (match.hasMatch()) {
            first = match.captured(1).toDouble();
            break;
        }
    }
    QVERIFY2(first >= 5 && first < 6, qPrintable(late.join(QLatin1Char('|'))));
}

// The dialog's defaults at 250 % text: the width that follows the text, 2× PNG
// scale. 8000 × 4500 device pixels would be refused as too large.
void TestTraceExporter::largeTextAtDoubleScaleIsStillAPng()
{
    const QString path = m_dir.filePath(QStringLiteral("large2x.png"));
    ExportOptions options;
    applyExportPreset(ExportPreset::Fit, &options);
    options.scale = 2;
    options.theme = Theme::light(2.5);
    QString error;
    QVERIFY2(exportTrace(m_trace, path, options, &error), qPrintable(error));
    const QImage image(path);
    QVERIFY(qint64(image.width()) * image.height() <= 32 * 1000 * 1000);
    QVERIFY(image.width() > 3 * 1600);
}

QTEST_MAIN(TestTraceExporter)
#include "tst_traceexporter.moc"
