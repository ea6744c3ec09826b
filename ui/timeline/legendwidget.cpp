#include "legendwidget.h"

#include "legendpass.h"
#include "theme.h"

#include <QPainter>

namespace weft::ui {

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void LegendWidget::setTrace(const Trace &trace)
{
    m_model.setTrace(trace);
    updateGeometry();
    update();
}

QSize LegendWidget::sizeHint() const
{
    return QSize(320, heightForWidth(320));
}

int LegendWidget::heightForWidth(int width) const
{
    return LegendPass::heightFor(m_model, Theme::standard(), width);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Theme::standard().background());
    LegendPass::paintLegend(painter, QRectF(rect()), m_model, Theme::standard());
}

} // namespace weft::ui
