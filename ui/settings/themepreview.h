// SPDX-License-Identifier: MIT
#pragma once

#include "ui/timeline/theme.h"
#include "ui/timeline/timelinemodel.h"

#include <QWidget>

namespace weft::ui {

// A strip of two timeline lanes painted by the real renderer in a theme that
// is not (yet) the current one, so the preferences show what they will do.
// Its trace is built in memory: ui/ never runs a scenario.
class ThemePreview : public QWidget
{
    Q_OBJECT
public:
    explicit ThemePreview(QWidget *parent = nullptr);

    void setTheme(const Theme &theme);
    const Theme &theme() const { return m_theme; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Two threads and a lock: one holds it and prints, the other waits, then takes it.
    static Trace sampleTrace();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int wantedHeight() const;

    Theme m_theme;
    TimelineModel m_model;
};

} // namespace weft::ui
