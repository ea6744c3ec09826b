// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QWidget>

class QTableView;
class QLabel;

namespace weft::ui {

class EventDetailsModel;
struct SliceFacts;

// The clicked (or current) event, field by field, in a stock table view.
class EventDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetailsPanel(QWidget *parent = nullptr);

    void showEvent(const Trace &trace, int eventIndex, const SliceFacts *slice = nullptr);
    void clear();
    EventDetailsModel *model() const { return m_model; }

private:
    EventDetailsModel *m_model;
    QTableView *m_view;
    QLabel *m_hint;
};

} // namespace weft::ui
