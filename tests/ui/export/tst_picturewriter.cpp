// SPDX-License-Identifier: MIT
// The one writer every exporter hands its painting to: its limits, and that a
// refused picture is refused before anything is painted or written.
#include "ui/export/picturewriter.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace weft::ui;

class TestPictureWriter : public QObject
{
    Q_OBJECT
private slots:
    void writesWhatIsPainted_data();
    void writesWhatIsPainted();
    void refusesAnAbsurdSize_data();
    void refusesAnAbsurdSize();
    void namesTheSideOrScaleOutOfRange();

private:
    QTemporaryDir m_dir;
};

void TestPictureWriter::writesWhatIsPainted_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "a.png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "a.svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "a.pdf" << QByteArray("%PDF-");
}

void TestPictureWriter::writesWhatIsPainted()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(file);
    PictureWriter::Picture picture;
    picture.size = QSize(300, 200);
    picture.scale = 2;
    picture.title = QStringLiteral("A picture");
    QString error;
    QVERIFY2(PictureWriter::write(
                 path, picture,
                 [](QPainter &painter) { painter.fillRect(0, 0, 300, 200, QColor(200, 30, 40)); },
                 &error),
             qPrintable(error));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.startsWith(magic));
    if (file.endsWith(QLatin1String(".png"))) {
        const QImage image = QImage::fromData(bytes, "png");
        QCOMPARE(image.size(), QSize(600, 400)); // the scale gives device pixels
        QCOMPARE(image.pixelColor(599, 399), QColor(200, 30, 40));
    }
    if (file.endsWith(QLatin1String(".svg")))
        QVERIFY(bytes.contains("<title>A picture</title>"));
}

void TestPictureWriter::refusesAnAbsurdSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QString>("mention");
    // 40 GB of pixels: refused by arithmetic, never allocated.
    QTest::newRow("png 100000²") << "huge.png" << QSize(100000, 100000) << 1.0
                                 << "too large for a PNG";
    // Within the side limit, but 8× scale makes it 64 Mpx.
    QTest::newRow("png scaled") << "scaled.png" << QSize(2000, 2000) << 8.0
                                << "too large for a PNG";
    QTest::newRow("pdf past 200 inches") << "tall.pdf" << QSize(1600, 56000) << 1.0 << "PDF page";
    QTest::newRow("empty") << "empty.svg" << QSize(0, 400) << 1.0 << "nothing to draw";
    QTest::newRow("negative") << "negative.png" << QSize(400, -5) << 1.0 << "nothing to draw";
    QTest::newRow("scale") << "scale.png" << QSize(400, 400) << 100.0 << "scale factor 100";
    QTest::newRow("format") << "picture.bmp" << QSize(400, 400) << 1.0 << "unknown picture format";
}

void TestPictureWriter::refusesAnAbsurdSize()
{
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(qreal, scale);
    QFETCH(QString, mention);
    const QString path = m_dir.filePath(file);
    PictureWriter::Picture picture;
    picture.size = size;
    picture.scale = scale;
    bool painted = false;
    QString error;
    QVERIFY(!PictureWriter::write(
        path, picture, [&](QPainter &) { painted = true; }, &error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY(!painted);
    QVERIFY(!QFile::exists(path));
}

void TestPictureWriter::namesTheSideOrScaleOutOfRange()
{
    QVERIFY(PictureWriter::sideError(1600, false).isEmpty());
    QVERIFY(PictureWriter::sideError(PictureWriter::kMinSide, true).isEmpty());
    QCOMPARE(PictureWriter::sideError(50000, false),
             QStringLiteral("picture width 50000 is out of range (200 to 20000 pixels)"));
    QCOMPARE(PictureWriter::sideError(10, true),
             QStringLiteral("picture height 10 is out of range (200 to 20000 pixels)"));
    QVERIFY(PictureWriter::scaleError(2).isEmpty());
    QVERIFY(!PictureWriter::scaleError(0.1).isEmpty());
}

QTEST_MAIN(TestPictureWriter)
#include "tst_picturewriter.moc"
