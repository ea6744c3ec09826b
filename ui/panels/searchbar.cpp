// SPDX-License-Identifier: MIT
#include "searchbar.h"

#include "ui/models/eventsearch.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace weft::ui {

namespace {
// Typing pauses this long before a search: a million events take a moment.
constexpr int kDebounceMs = 200;
} // namespace

SearchBar::SearchBar(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_query, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setArrowType(Qt::DownArrow);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        search();
        step(+1);
    });
    connect(m_query, &QLineEdit::textChanged, this, [this] {
        m_stale = true;
        m_debounce->start();
    });
    connect(m_previous, &QToolButton::clicked, this, &SearchBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &SearchBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    retranslate();
    updateStatus();
}

void SearchBar::setTrace(const Trace &trace)
{
    if (trace.sharesDataWith(m_trace))
        return;
    m_trace = trace;
    m_matches.clear();
    m_current = -1;
    m_stale = true;
    updateStatus();
}

void SearchBar::activate()
{
    show();
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

QString SearchBar::query() const
{
    return m_query->text();
}

void SearchBar::setQuery(const QString &query)
{
    m_query->setText(query);
}

void SearchBar::findNext()
{
    step(+1);
}

void SearchBar::findPrevious()
{
    step(-1);
}

void SearchBar::search()
{
    m_debounce->stop();
    m_matches = EventSearch(m_trace).find(m_query->text());
    m_current = -1;
    m_stale = false;
    updateStatus();
}

void SearchBar::step(int direction)
{
    if (m_stale)
        search();
    if (m_matches.empty())
        return;
    const int count = int(m_matches.size());
    m_current
        = m_current < 0 ? (direction > 0 ? 0 : count - 1) : (m_current + direction + count) % count;
    updateStatus();
    emit matchSelected(m_matches[std::size_t(m_current)]);
}

QString SearchBar::statusText() const
{
    return m_status->text();
}

void SearchBar::updateStatus()
{
    const bool any = !m_matches.empty();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    if (m_query->text().trimmed().isEmpty() || m_stale)
        m_status->clear();
    else if (!any)
        m_status->setText(tr("no match"));
    else if (m_current < 0)
        m_status->setText(tr("%n match(es)", nullptr, int(m_matches.size())));
    else
        m_status->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

void SearchBar::retranslate()
{
    m_query->setPlaceholderText(tr("Find events: a name, a lock, a thread, bytes…"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_next->setToolTip(tr("Next match (Enter, F3)"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    updateStatus();
}

bool SearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            step(key->modifiers() & Qt::ShiftModifier ? -1 : +1);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SearchBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace weft::ui
