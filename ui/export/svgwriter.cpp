// SPDX-License-Identifier: MIT
#include "svgwriter.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHash>
#include <QIODevice>
#include <QImage>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPixmap>
#include <QRawFont>
#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>

namespace weft::ui {

namespace {
constexpr qsizetype kFlushBytes = 64 * 1024;
constexpr qreal kDotsPerInch = 72; // as QSvgGenerator: one pixel is one point
} // namespace

class SvgPaintEngine : public QPaintEngine
{
public:
    SvgPaintEngine(QIODevice *device, QSize size, const QString &title, const QString &description)
        : QPaintEngine(PaintEngineFeatures(AllFeatures)
                       & ~PaintEngineFeatures(PatternBrush | PerspectiveTransform
                                              | ConicalGradientFill | PorterDuff))
        , m_device(device)
        , m_size(size)
        , m_title(title)
        , m_description(description)
    {
    }

    bool ok() const { return m_ok; }

    bool begin(QPaintDevice *) override
    {
        m_ok = m_device && m_device->isWritable();
        m_out.clear();
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg width=\"";
        number(m_size.width() * 25.4 / kDotsPerInch);
        m_out += "mm\" height=\"";
        number(m_size.height() * 25.4 / kDotsPerInch);
        m_out += "mm\"\n viewBox=\"0 0 ";
        number(m_size.width());
        m_out += ' ';
        number(m_size.height());
        m_out += "\"\n xmlns=\"http://www.w3.org/2000/svg\" "
                 "xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                 " version=\"1.2\" baseProfile=\"tiny\">\n<title>";
        text(m_title);
        m_out += "</title>\n<desc>";
        text(m_description);
        m_out += "</desc>\n";
        m_groupOpen = false;
        m_stateChanged = true;
        return m_ok;
    }

    bool end() override
    {
        flushText();
        if (m_groupOpen)
            m_out += "</g>\n";
        m_groupOpen = false;
        m_out += "</svg>\n";
        flush();
        return m_ok;
    }

    void updateState(const QPaintEngineState &state) override
    {
        const DirtyFlags flags = state.state();
        if (flags & DirtyPen)
            m_pen = state.pen();
        if (flags & DirtyBrush)
            m_brush = state.brush();
        if (flags & DirtyTransform)
            m_transform = state.transform();
        if (flags & DirtyOpacity)
            m_opacity = state.opacity();
        m_stateChanged = true;
    }

    void drawRects(const QRectF *rects, int count) override
    {
        enterGroup();
        for (int i = 0; i < count; ++i) {
            m_out += "<rect ";
            geometry(rects[i]);
            m_out += "/>\n";
            flushIfFull();
        }
    }

    void drawRects(const QRect *rects, int count) override
    {
        for (int i = 0; i < count; ++i) {
            const QRectF rect(rects[i]);
            drawRects(&rect, 1);
        }
    }

    void drawPath(const QPainterPath &path) override
    {
        enterGroup();
        m_out += "<path fill-rule=\"";
        m_out += path.fillRule() == Qt::OddEvenFill ? "evenodd" : "nonzero";
        m_out += "\" d=\"";
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element e = path.elementAt(i);
            switch (e.type) {
            case QPainterPath::MoveToElement:
                m_out += 'M';
                break;
            case QPainterPath::LineToElement:
                m_out += 'L';
                break;
            case QPainterPath::CurveToElement:
                m_out += 'C';
                break;
            case QPainterPath::CurveToDataElement:
                m_out += ' ';
                break;
            }
            point(e.x, e.y);
            m_out += ' ';
        }
        m_out += "\"/>\n";
        flushIfFull();
    }

    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        enterGroup();
        if (mode == PolylineMode) {
            m_out += "<polyline fill=\"none\" points=\"";
        } else {
            m_out += "<polygon fill-rule=\"";
            m_out += mode == OddEvenMode ? "evenodd" : "nonzero";
            m_out += "\" points=\"";
        }
        for (int i = 0; i < count; ++i) {
            point(points[i].x(), points[i].y());
            m_out += ' ';
        }
        m_out += "\"/>\n";
        flushIfFull();
    }

    // Qt hands text over one item per font and script (and spaces apart):
    // a Chinese label came out as "MainThread", "（", "tid 7", "）". Items that
    // continue the previous one on its baseline, in its font and colour, join
    // its <text> element, so a phrase stays one element a slide program can edit.
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QFont font = item.font();
        if (m_text.open && !m_stateChanged && font == m_text.font && m_pen.color() == m_text.color
            && std::abs(p.y() - m_text.origin.y()) < 0.01 && std::abs(p.x() - m_text.endX) < 0.5) {
            m_text.content += item.text();
            m_text.endX = p.x() + item.width();
            return;
        }
        flushText();
        enterGroup();
        m_text.open = true;
        m_text.origin = p;
        m_text.endX = p.x() + item.width();
        m_text.font = font;
        m_text.color = m_pen.color();
        m_text.content = item.text();
    }

    void drawImage(const QRectF &r, const QImage &image, const QRectF &sr,
                   Qt::ImageConversionFlags) override
    {
        enterGroup();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.copy(sr.toAlignedRect()).save(&buffer, "PNG");
        m_out += "<image ";
        geometry(r);
        m_out += " preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,";
        m_out += png.toBase64();
        m_out += "\"/>\n";
        flushIfFull();
    }

    void drawPixmap(const QRectF &r, const QPixmap &pixmap, const QRectF &sr) override
    {
        drawImage(r, pixmap.toImage(), sr, Qt::AutoColor);
    }

    Type type() const override { return SVG; }

private:
    // A new group only when a shape is drawn in a state other than the open
    // group's: QPainter::fillRect sets and restores the brush around every call.
    void enterGroup()
    {
        flushText();
        if (!m_stateChanged && m_groupOpen)
            return;
        m_stateChanged = false;
        const QByteArray attributes = groupAttributes();
        if (m_groupOpen && attributes == m_groupAttributes)
            return;
        if (m_groupOpen)
            m_out += "</g>\n";
        m_out += "<g ";
        m_out += attributes;
        m_out += ">\n";
        m_groupOpen = true;
        m_groupAttributes = attributes;
    }

    void flushText()
    {
        if (!m_text.open)
            return;
        m_text.open = false;
        const QFont &font = m_text.font;
        m_out += "<text fill=\"";
        color(m_text.color, "\" fill-opacity=\"");
        m_out += "\" stroke=\"none\" xml:space=\"preserve\" x=\"";
        number(m_text.origin.x());
        m_out += "\" y=\"";
        number(m_text.origin.y());
        m_out += "\" font-family=\"";
        text(fontFamilies(font, m_text.content));
        m_out += "\" font-size=\"";
        number(font.pixelSize() > 0 ? qreal(font.pixelSize())
                                    : font.pointSizeF() * kDotsPerInch / 72);
        m_out += "\" font-weight=\"";
        number(font.weight());
        m_out += font.italic() ? "\" font-style=\"italic\">" : "\" font-style=\"normal\">";
        text(m_text.content);
        m_out += "</text>\n";
        flushIfFull();
    }

    // The families the text was drawn in, as CSS names: the font Qt resolved
    // ("DejaVu Sans", not the alias "Sans Serif" no other program knows), the
    // one it fell back to for Chinese, then the generic family, so a viewer
    // without them picks a sans-serif face and not a serif one.
    QString fontFamilies(const QFont &font, const QString &content)
    {
        auto quoted = [](const QString &family) {
            return QLatin1Char('\'') + QString(family).remove(QLatin1Char('\''))
                + QLatin1Char('\'');
        };
        const bool han = std::any_of(content.begin(), content.end(),
                                     [](QChar c) { return c.script() == QChar::Script_Han; });
        const QString key = font.key() + (han ? QLatin1String("|han") : QLatin1String(""));
        auto cached = m_families.constFind(key);
        if (cached != m_families.cend())
            return *cached;
        QStringList families;
        const QString primary = QFontInfo(font).family();
        if (!primary.isEmpty())
            families << quoted(primary);
        if (han) {
            const QString cjk
                = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese).familyName();
            if (!cjk.isEmpty() && cjk != primary)
                families << quoted(cjk);
        }
        families << QStringLiteral("sans-serif");
        return *m_families.insert(key, families.join(QLatin1String(", ")));
    }

    QByteArray groupAttributes()
    {
        // Built in m_out's place, then taken out: the same number formatting.
        QByteArray saved;
        saved.swap(m_out);
        if (m_brush.style() == Qt::NoBrush) {
            m_out += "fill=\"none\"";
        } else {
            m_out += "fill=\"";
            color(m_brush.color(), "\" fill-opacity=\"");
            m_out += '"';
        }
        if (m_pen.style() == Qt::NoPen) {
            m_out += " stroke=\"none\"";
        } else {
            const qreal width = m_pen.widthF() > 0 ? m_pen.widthF() : 1;
            m_out += " stroke=\"";
            color(m_pen.color(), "\" stroke-opacity=\"");
            m_out += "\" stroke-width=\"";
            number(width);
            m_out += "\" stroke-linecap=\"";
            m_out += m_pen.capStyle() == Qt::FlatCap ? "butt"
                : m_pen.capStyle() == Qt::RoundCap   ? "round"
                                                     : "square";
            m_out += "\" stroke-linejoin=\"";
            m_out += m_pen.joinStyle() == Qt::RoundJoin ? "round"
                : m_pen.joinStyle() == Qt::BevelJoin    ? "bevel"
                                                        : "miter";
            m_out += '"';
            if (m_pen.style() != Qt::SolidLine) {
                m_out += " stroke-dasharray=\"";
                const QList<qreal> pattern = m_pen.dashPattern();
                for (qsizetype i = 0; i < pattern.size(); ++i) {
                    if (i > 0)
                        m_out += ',';
                    number(pattern[i] * width);
                }
                m_out += '"';
            }
        }
        if (!m_transform.isIdentity()) {
            m_out += " transform=\"matrix(";
            const qreal values[] = {m_transform.m11(), m_transform.m12(), m_transform.m21(),
                                    m_transform.m22(), m_transform.dx(),  m_transform.dy()};
            for (int i = 0; i < 6; ++i) {
                if (i > 0)
                    m_out += ',';
                number(values[i]);
            }
            m_out += ")\"";
        }
        saved.swap(m_out);
        return saved;
    }

    void color(const QColor &c, const char *opacityAttribute)
    {
        m_out += c.name(QColor::HexRgb).toLatin1();
        m_out += opacityAttribute;
        number(c.alphaF() * m_opacity);
    }

    // x="…" y="…" width="…" height="…"
    void geometry(const QRectF &r)
    {
        m_out += "x=\"";
        number(r.x());
        m_out += "\" y=\"";
        number(r.y());
        m_out += "\" width=\"";
        number(r.width());
        m_out += "\" height=\"";
        number(r.height());
        m_out += '"';
    }

    void point(qreal x, qreal y)
    {
        number(x);
        m_out += ',';
        number(y);
    }

    // Shortest form of the value rounded to 1/100 pixel; a non-finite one is 0.
    void number(qreal value)
    {
        const double rounded = std::isfinite(value) ? std::round(value * 100) / 100 : 0.0;
        char digits[32];
        const auto result
            = std::to_chars(digits, digits + sizeof digits, rounded == 0 ? 0.0 : rounded);
        m_out.append(digits, result.ptr - digits);
    }

    // Character data and attribute values: escaped, and without the control
    // characters XML forbids (names from a trace file may hold any).
    void text(const QString &value)
    {
        QString clean = value.toHtmlEscaped();
        for (qsizetype i = 0; i < clean.size(); ++i) {
            const char16_t c = clean[i].unicode();
            const bool pairedHigh = QChar::isHighSurrogate(c) && i + 1 < clean.size()
                && QChar::isLowSurrogate(clean[i + 1].unicode());
            if (pairedHigh) {
                ++i;
                continue;
            }
            if ((c < 0x20 && c != u'\t' && c != u'\n') || c == 0xfffe || c == 0xffff
                || QChar::isSurrogate(c))
                clean[i] = QChar(0xfffd);
        }
        m_out += clean.toUtf8();
    }

    void flushIfFull()
    {
        if (m_out.size() >= kFlushBytes)
            flush();
    }

    void flush()
    {
        if (m_ok && m_device->write(m_out) != m_out.size())
            m_ok = false;
        m_out.clear();
    }

    QIODevice *m_device;
    QSize m_size;
    QString m_title, m_description;
    QByteArray m_out;
    bool m_ok = true;
    QPen m_pen;
    QBrush m_brush;
    QTransform m_transform;
    qreal m_opacity = 1;
    bool m_stateChanged = true;
    bool m_groupOpen = false;
    QByteArray m_groupAttributes;
    struct PendingText
    {
        bool open = false;
        QPointF origin;
        qreal endX = 0;
        QFont font;
        QColor color;
        QString content;
    } m_text; // the <text> element still growing
    QHash<QString, QString> m_families; // font key → font-family value
};

SvgWriter::SvgWriter(QIODevice *device, QSize size, const QString &title,
                     const QString &description)
    : m_size(size)
    , m_engine(std::make_unique<SvgPaintEngine>(device, size, title, description))
{
}

SvgWriter::~SvgWriter() = default;

QPaintEngine *SvgWriter::paintEngine() const
{
    return m_engine.get();
}

bool SvgWriter::ok() const
{
    return m_engine->ok();
}

int SvgWriter::metric(PaintDeviceMetric metric) const
{
    switch (metric) {
    case PdmWidth:
        return m_size.width();
    case PdmHeight:
        return m_size.height();
    case PdmWidthMM:
        return qRound(m_size.width() * 25.4 / kDotsPerInch);
    case PdmHeightMM:
        return qRound(m_size.height() * 25.4 / kDotsPerInch);
    case PdmDepth:
        return 32;
    case PdmNumColors:
        return INT_MAX;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY:
        return int(kDotsPerInch);
    case PdmDevicePixelRatio:
        return 1;
    case PdmDevicePixelRatioScaled:
        return int(devicePixelRatioFScale());
    }
    return 0;
}

} // namespace weft::ui
