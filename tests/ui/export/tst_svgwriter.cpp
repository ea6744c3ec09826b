// SPDX-License-Identifier: MIT
#include "ui/export/svgwriter.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

using namespace weft::ui;

class TestSvgWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesWhilePaintingNotAtTheEnd();
    void rendersWhatWasPainted();
    void oneGroupForManyShapesInOneState();
    void textIsEscapedAndStaysWellFormed();
    void aTextRunIsOneElementInARealFamily_data();
    void aTextRunIsOneElementInARealFamily();
    void aFailedWriteIsReported();
};

namespace {
QImage rendered(const QByteArray &svg, QSize size)
{
    QSvgRenderer renderer(svg);
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}
} // namespace

void TestSvgWriter::writesWhilePaintingNotAtTheEnd()
{
    // QSvgGenerator wrote nothing before QPainter::end() and held it all.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    SvgWriter svg(&out, QSize(1000, 1000), QStringLiteral("t"), QStringLiteral("d"));
    QPainter painter(&svg);
    for (int i = 0; i < 20000; ++i) {
        const int row = i / 20; // integer division on purpose: 20 rects per row
        painter.fillRect(QRectF(i % 1000, row, 0.5, 1), i % 2 ? QColor(Qt::red) : QColor(Qt::blue));
    }
    const qint64 beforeEnd = out.data().size();
    painter.end();
    QVERIFY2(beforeEnd > 500 * 1000, qPrintable(QString::number(beforeEnd)));
    QVERIFY(out.data().size() - beforeEnd < 64 * 1024 + 100); // at most one buffer was still held
    QVERIFY(svg.ok());
}

void TestSvgWriter::rendersWhatWasPainted()
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const QSize size(200, 100);
    SvgWriter svg(&out, size, QStringLiteral("t"), QStringLiteral("d"));
    {
        QPainter painter(&svg);
        painter.fillRect(QRectF(0, 0, 100, 50), QColor(200, 30, 30));
        painter.fillRect(QRectF(100, 0, 100, 50), QColor(30, 30, 200));
        QPainterPath triangle;
        triangle.moveTo(20, 60);
        triangle.lineTo(80, 60);
        triangle.lineTo(50, 95);
        triangle.closeSubpath();
        painter.fillPath(triangle, QColor(30, 160, 30));
        painter.setPen(QPen(QColor(0, 0, 0), 4));
        painter.drawLine(QPointF(120, 80), QPointF(190, 80));
        painter.translate(150, 0); // transforms travel with the group
        painter.fillRect(QRectF(0, 60, 10, 10), QColor(250, 150, 0));
    }
    QVERIFY(svg.ok());
    const QImage image = rendered(out.data(), size);
    QCOMPARE(image.pixelColor(50, 25), QColor(200, 30, 30));
    QCOMPARE(image.pixelColor(150, 25), QColor(30, 30, 200));
    QCOMPARE(image.pixelColor(50, 70), QColor(30, 160, 30));
    QCOMPARE(image.pixelColor(20, 90), QColor(Qt::white)); // outside the triangle
    QCOMPARE(image.pixelColor(150, 80), QColor(0, 0, 0));
    QCOMPARE(image.pixelColor(155, 65), QColor(250, 150, 0));
    QCOMPARE(image.pixelColor(5, 65), QColor(Qt::white)); // not where it was before the translation
}

void TestSvgWriter::oneGroupForManyShapesInOneState()
{
    // QPainter::fillRect sets and restores the brush around each call: a
    // group per call was most of a large export.
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    SvgWriter svg(&out, QSize(600, 10), QStringLiteral("t"), QStringLiteral("d"));
    {
        QPainter painter(&svg);
        for (int i = 0; i < 300; ++i)
            painter.fillRect(QRectF(i * 2, 0, 1, 10), QColor(10, 20, 30));
    }
    QCOMPARE(out.data().count("<g "), 1);
    QCOMPARE(out.data().count("<rect "), 300);
}

void TestSvgWriter::textIsEscapedAndStaysWellFormed()
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const QString nasty = QStringLiteral("a<b & \"c\"\x01\x1b]0;x\x07 ") + QChar(0xfffe)
        + QChar(0xd800) + QStringLiteral(" 😀 线程");
    SvgWriter svg(&out, QSize(300, 40), nasty, nasty);
    {
        QPainter painter(&svg);
        painter.setPen(Qt::black);
        painter.drawText(QPointF(5, 20), nasty);
    }
    QXmlStreamReader xml(out.data());
    QString shown;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            shown += xml.readElementText(); // one element per font the text falls back to
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(shown.startsWith(QStringLiteral("a<b & \"c\"")), qPrintable(shown));
    QVERIFY(shown.endsWith(QStringLiteral("线程")));
    QVERIFY(!shown.contains(QChar(0x1b)));
    QVERIFY(shown.contains(QStringLiteral("😀"))); // a pair of surrogates is one character
}

void TestSvgWriter::aTextRunIsOneElementInARealFamily_data()
{
    QTest::addColumn<QString>("phrase");
    QTest::newRow("words") << QStringLiteral("worker 1 waits for L2");
    // Latin, full-width brackets and Han: three fonts' items in one phrase.
    QTest::newRow("chinese") << QStringLiteral("MainThread（tid 7） — 2 个线程");
}

// Issue 19: each word (and each font's stretch) was its own <text>, in
// "Sans Serif", a name only Qt knows: slide programs could not edit a phrase.
void TestSvgWriter::aTextRunIsOneElementInARealFamily()
{
    QFETCH(QString, phrase);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    SvgWriter svg(&out, QSize(600, 80), QStringLiteral("t"), QStringLiteral("d"));
    {
        QPainter painter(&svg);
        QFont font(QStringLiteral("Sans Serif"));
        font.setPixelSize(14);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QPointF(5, 20), phrase);
        painter.drawText(QPointF(5, 60), QStringLiteral("next line"));
    }
    QXmlStreamReader xml(out.data());
    QStringList texts, families;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            families << xml.attributes().value(QLatin1String("font-family")).toString();
            texts << xml.readElementText();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(texts, (QStringList {phrase, QStringLiteral("next line")}));
    const QStringList known = QFontDatabase::families();
    for (const QString &family : families) {
        const QStringList names = family.split(QLatin1Char(','));
        QCOMPARE(names.last().trimmed(), QStringLiteral("sans-serif"));
        QVERIFY2(names.size() >= 2, qPrintable(family));
        const QString first = names.first().trimmed().remove(QLatin1Char('\''));
        QVERIFY2(first != QLatin1String("Sans Serif") && known.contains(first), qPrintable(family));
    }
}

void TestSvgWriter::aFailedWriteIsReported()
{
    // A disk that fills up partway through the picture.
    class FullDisk : public QIODevice
    {
    protected:
        qint64 readData(char *, qint64) override { return -1; }
        qint64 writeData(const char *, qint64 size) override
        {
            m_room -= size;
            return m_room >= 0 ? size : -1;
        }

    private:
        qint64 m_room = 100 * 1000;
    } disk;
    disk.open(QIODevice::WriteOnly);
    SvgWriter svg(&disk, QSize(1000, 1000), QStringLiteral("t"), QStringLiteral("d"));
    QPainter painter(&svg);
    for (int i = 0; i < 5000; ++i) {
        const int row = i / 5; // integer division on purpose: 5 rects per row
        painter.fillRect(QRectF(i % 1000, row, 1, 1), Qt::red);
    }
    painter.end();
    QVERIFY(!svg.ok());
}

QTEST_MAIN(TestSvgWriter)
#include "tst_svgwriter.moc"
