// SPDX-License-Identifier: MIT
#include "themepreview.h"

#include "core/tracebuilder.h"
#include "ui/timeline/timelinerenderer.h"

#include <QPainter>

namespace weft::ui {

ThemePreview::ThemePreview(QWidget *parent)
    : QWidget(parent)
    , m_theme(Theme::current())
    , m_model(sampleTrace())
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

Trace ThemePreview::sampleTrace()
{
    TraceBuilder builder;
    const quint32 process = builder.addProcess({4021, QStringLiteral("weft")});
    const quint32 first = builder.addActor({QStringLiteral("Thread-1"), 11, process, false, false});
    const quint32 second
        = builder.addActor({QStringLiteral("Thread-2"), 12, process, false, false});
    const quint32 lock = builder.addObject({QStringLiteral("lock"), ObjectKind::Lock});
    // Times in milliseconds, like a real run, so the preview's ruler reads "20 ms".
    auto add = [&](qint64 ms, EventKind kind, quint32 actor, quint32 object = 0, qint64 value = 0,
                   const QString &text = {}) {
        Event e;
        e.timeNs = ms * 1'000'000;
        e.kind = kind;
        e.actor = actor;
        e.object = object;
        e.value = value;
        e.text = builder.intern(text);
        builder.addEvent(e);
    };
    add(0, EventKind::ThreadStart, first, 0, 11);
    add(5, EventKind::ThreadStart, second, 0, 12);
    add(10, EventKind::LockAcquired, first, lock);
    add(20, EventKind::LockWait, second, lock);
    add(30, EventKind::Print, first, 0, 0, QStringLiteral("counter = 1"));
    add(60, EventKind::LockReleased, first, lock);
    add(60, EventKind::LockAcquired, second, lock);
    add(60, EventKind::SleepBegin, first, 0, 20);
    add(80, EventKind::SleepEnd, first);
    add(85, EventKind::LockReleased, second, lock);
    add(90, EventKind::ThreadEnd, first);
    add(100, EventKind::ThreadEnd, second);
    return builder.build();
}

void ThemePreview::setTheme(const Theme &theme)
{
    m_theme = theme;
    updateGeometry();
    update();
}

int ThemePreview::wantedHeight() const
{
    RenderOptions options;
    return TimelineLayout::fullHeight(m_model, m_theme, 480, options.layout);
}

QSize ThemePreview::sizeHint() const
{
    return QSize(int(m_theme.px(480)), wantedHeight());
}

QSize ThemePreview::minimumSizeHint() const
{
    return QSize(320, wantedHeight());
}

void ThemePreview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const TimelineRenderer renderer(m_theme);
    renderer.render(painter, QRectF(rect()), m_model, RenderOptions {});
}

} // namespace weft::ui
