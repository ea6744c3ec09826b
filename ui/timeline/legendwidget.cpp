// SPDX-License-Identifier: MIT
#include "legendwidget.h"

#include "theme.h"
#include "themenotifier.h"

#include <QPainter>

namespace weft::ui {

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // The swatches and text grow with the font scale: ask the dock for a new height.
    connect(ThemeNotifier::instance(), &ThemeNotifier::themeChanged, this, &LegendWidget::refresh);
}

void LegendWidget::setModel(const TimelineModel *model)
{
    m_model = model;
    refresh();
}

void LegendWidget::refresh()
{
    m_entries = m_model ? LegendPass::entries(*m_model, Theme::current())
                        : std::vector<LegendPass::Entry>();
    updateGeometry();
    update();
}

QSize LegendWidget::sizeHint() const
{
    return QSize(320, heightForWidth(320));
}

int LegendWidget::heightForWidth(int width) const
{
    return LegendPass::heightFor(m_entries, Theme::current(), width);
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const Theme &theme = Theme::current();
    painter.fillRect(rect(), theme.background());
    LegendPass::paintLegend(painter, QRectF(rect()), m_entries, theme);
}

} // namespace weft::ui
