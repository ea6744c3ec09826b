// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace weft::ui {

// The visible time window over a trace's range: zoom about a point, pan, fit
// all. Keeps the window inside the trace (with a small margin) and never
// narrower than a few nanoseconds, so a bad wheel event cannot produce an
// empty or inverted window.
class ZoomControl : public QObject
{
    Q_OBJECT
public:
    explicit ZoomControl(QObject *parent = nullptr);

    qint64 traceStartNs() const { return m_traceStart; }
    qint64 traceEndNs() const { return m_traceEnd; }
    qint64 windowStartNs() const { return m_start; }
    qint64 windowEndNs() const { return m_end; }
    qint64 windowDurationNs() const { return m_end - m_start; }
    bool isFitAll() const;

    // Sets the trace range; keeps the window if it still fits (unless fitting all).
    void setTraceRange(qint64 startNs, qint64 endNs);
    void setWindow(qint64 startNs, qint64 endNs);
    // factor > 1 zooms in; centerNs stays at the same screen position.
    void zoomAbout(qint64 centerNs, double factor);
    void zoomIn();
    void zoomOut();
    void pan(qint64 deltaNs);
    void fitAll();
    // Moves the window so its end is the trace's end (following a live run).
    void followEnd();

    static constexpr qint64 kMinWindowNs = 10;
    // One zoom step (a key press or a toolbar click): larger than a wheel
    // notch, since it is one deliberate step while the wheel sends notches in runs.
    static constexpr double kStepFactor = 1.5;
    // Fit all shows the trace and 1/50 of its length on either side, as exports do.
    static constexpr qint64 kFitAllMarginDivisor = 50;
    static qint64 fitAllMarginNs(qint64 traceDurationNs)
    {
        return traceDurationNs / kFitAllMarginDivisor;
    }

signals:
    void windowChanged(qint64 startNs, qint64 endNs);

private:
    void applyFitAll();
    void apply(qint64 startNs, qint64 endNs);
    qint64 m_traceStart = 0;
    qint64 m_traceEnd = 1;
    qint64 m_start = 0;
    qint64 m_end = 1;
    bool m_fitAll = true;
};

} // namespace weft::ui
