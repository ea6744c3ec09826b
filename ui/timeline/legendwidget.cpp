// SPDX-License-Identifier: MIT
#include "legendwidget.h"

#include "legendpass.h"
#include "theme.h"
#include "themenotifier.h"

#include <QPainter>

namespace weft::ui {

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // The swatches and text grow with the font scale: ask the dock for a new height.
    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this, [this] {
        updateGeometry();
        update();
    });
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
    return LegendPass::heightFor(m_model, Theme::current(), width);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const Theme &theme = Theme::current();
    painter.fillRect(rect(), theme.background());
    LegendPass::paintLegend(painter, QRectF(rect()), m_model, theme);
}

} // namespace weft::ui
