// SPDX-License-Identifier: MIT
#pragma once

#include "legendpass.h"
#include "timelinemodel.h"

#include <QWidget>

namespace weft::ui {

// The legend on its own, for a dock or a popup; paints with the same
// LegendPass code that goes into exports.
class LegendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit LegendWidget(QWidget *parent = nullptr);

    // Lock colours come from the trace, so the legend names the locks it shows.
    void setTrace(const Trace &trace);
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    TimelineModel m_model;
    // Found once per trace and theme: finding them walks every lane's instants.
    std::vector<LegendPass::Entry> m_entries;
};

} // namespace weft::ui
