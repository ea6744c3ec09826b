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

    // The legend of what the timeline shows (lock colours come from the trace,
    // so it names the locks there): the timeline view's model, which the
    // caller keeps alive while it is set; nullptr shows no entries. It reads
    // the model the view has already derived rather than deriving its own
    // (1.5 s at 10 M events).
    void setModel(const TimelineModel *model);
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    const TimelineModel *m_model = nullptr;
    // Found once per trace and theme: finding them walks every lane's instants.
    std::vector<LegendPass::Entry> m_entries;
};

} // namespace weft::ui
