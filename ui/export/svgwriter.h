// SPDX-License-Identifier: MIT
#pragma once

#include <QPaintDevice>
#include <QRect>
#include <QSize>
#include <QString>
#include <memory>

class QIODevice;

namespace weft::ui {

class SvgPaintEngine;

// A paint device that writes SVG straight to a QIODevice while it is painted.
//
// QSvgGenerator keeps the whole document in a QString until QPainter::end()
// and then copies it once more into its text stream: a picture of 2000 lanes
// (20 MB of SVG) held 130 MB of memory at the end. This writer holds one
// 64 KB buffer. It writes what the timeline paints (rectangles, lines,
// paths, polygons, text, images) in the dialect QSvgGenerator writes (SVG 1.2
// Tiny, one <g> per painter state), opening a new group only when a shape is
// drawn with a state other than the current group's.
class SvgWriter : public QPaintDevice
{
public:
    // size: the picture in pixels; 72 pixels per inch, as QSvgGenerator.
    SvgWriter(QIODevice *device, QSize size, const QString &title, const QString &description);
    ~SvgWriter() override;
    SvgWriter(const SvgWriter &) = delete;
    SvgWriter &operator=(const SvgWriter &) = delete;

    QPaintEngine *paintEngine() const override;
    // Whether every byte reached the device (checked after QPainter::end()).
    bool ok() const;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSize m_size;
    std::unique_ptr<SvgPaintEngine> m_engine;
};

} // namespace weft::ui
