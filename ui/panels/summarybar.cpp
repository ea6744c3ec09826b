// SPDX-License-Identifier: MIT
#include "summarybar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace weft::ui {

SummaryBar::SummaryBar(QWidget *parent)
    : QFrame(parent)
    , m_badge(new QLabel(this))
    , m_text(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(12);
    updateFonts();
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(4);
    layout->addWidget(m_badge);
    layout->addWidget(m_text, 1);
    showMessage(tr("Pick a scenario and press Run, or open a trace file."));
}

QColor SummaryBar::colorFor(Outcome::Status status)
{
    switch (status) {
    case Outcome::Status::Completed:
        return QColor(0x2e, 0x7d, 0x32);
    case Outcome::Status::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case Outcome::Status::Cancelled:
        return QColor(0x61, 0x61, 0x61);
    case Outcome::Status::TimedOut:
        return QColor(0xe6, 0x6a, 0x00);
    case Outcome::Status::Deadlocked:
        return QColor(0x8e, 0x24, 0xaa);
    case Outcome::Status::NotRun:
        break;
    }
    return QColor(0x45, 0x5a, 0x64);
}

QString SummaryBar::statusText(Outcome::Status status)
{
    switch (status) {
    case Outcome::Status::Completed:
        return tr("Completed");
    case Outcome::Status::Failed:
        return tr("Failed");
    case Outcome::Status::Cancelled:
        return tr("Cancelled");
    case Outcome::Status::TimedOut:
        return tr("Timed out");
    case Outcome::Status::Deadlocked:
        return tr("Deadlocked");
    case Outcome::Status::NotRun:
        break;
    }
    return tr("Not run");
}

void SummaryBar::updateFonts()
{
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    m_text->setFont(font);
    font.setBold(true);
    m_badge->setFont(font);
}

void SummaryBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateFonts();
}

void SummaryBar::showOutcome(const Outcome &outcome, const QString &title)
{
    m_status = outcome.status;
    setBadge(statusText(outcome.status), colorFor(outcome.status));
    QString summary = outcome.summary;
    if (summary.isEmpty())
        summary = tr("The run stated no outcome.");
    m_text->setText(title.isEmpty() ? summary : tr("%1 — %2").arg(title, summary));
}

void SummaryBar::showRunning(const QString &title, const QString &elapsed)
{
    m_status = Outcome::Status::NotRun;
    setBadge(tr("Running"), QColor(0x15, 0x65, 0xc0));
    m_text->setText(tr("%1 — running for %2").arg(title, elapsed));
}

void SummaryBar::showMessage(const QString &message)
{
    m_status = Outcome::Status::NotRun;
    m_badge->hide();
    m_text->setText(message);
}

QString SummaryBar::text() const
{
    return m_badge->isVisibleTo(this) ? m_badge->text() + QLatin1String(": ") + m_text->text()
                                      : m_text->text();
}

void SummaryBar::setBadge(const QString &text, const QColor &background)
{
    m_badge->setText(text);
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; "
                       "padding: 2px 10px; }")
            .arg(background.name()));
    m_badge->show();
}

} // namespace weft::ui
