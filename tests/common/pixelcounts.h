// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QImage>
#include <QPoint>
#include <QRect>

// Counting pixels of a picture by colour: what a test of painting asserts.
namespace weft::testsupport {

// Within a few levels per channel: antialiasing and premultiplied rounding.
bool near(const QColor &a, const QColor &b, int tolerance = 12);

// How many pixels of `rect` (clipped to the image) are near `color`.
int countNear(const QImage &image, const QRect &rect, const QColor &color, int tolerance = 12);

// How many pixels of `rect` are not exactly `color`: ink over a plain fill.
int countOther(const QImage &image, const QRect &rect, const QColor &color);

// The square of radius r around p, for glyphs whose exact pixel antialiasing decides.
QRect around(QPoint p, int r);

// What a translucent colour looks like painted over an opaque one.
QColor over(const QColor &base, const QColor &overlay);

} // namespace weft::testsupport
