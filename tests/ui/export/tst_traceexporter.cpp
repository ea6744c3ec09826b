// SPDX-License-Identifier: MIT
#include "core/tracebuilder.h"
#include "tests/common/pixelcounts.h"
#include "ui/export/traceexporter.h"
#include "ui/timeline/timelinemodel.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
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

QTEST_MAIN(TestTraceExporter)
#include "tst_traceexporter.moc"
