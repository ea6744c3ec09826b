// SPDX-License-Identifier: MIT
#include "loadprogressbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace weft::ui {

namespace {
constexpr int kSteps = 1000;

QString mebibytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 2);
}
} // namespace

LoadProgressBar::LoadProgressBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, kSteps);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(200);
    // In the status bar's permanent area: as wide as the text needs, no wider.
    m_cancel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_cancel->setToolTip(tr("Stop opening the file and keep the trace shown (Esc)"));
    connect(m_cancel, &QPushButton::clicked, this, &LoadProgressBar::cancelRequested);
}

QString LoadProgressBar::describe(qint64 bytesDone, qint64 bytesTotal, qint64 events)
{
    return tr("%1 MiB of %2 MiB read, %3 events")
        .arg(mebibytes(bytesDone), mebibytes(bytesTotal), QLocale().toString(events));
}

void LoadProgressBar::begin(const QString &fileName, qint64 bytesTotal)
{
    setToolTip(tr("Opening %1").arg(fileName));
    setProgress(0, bytesTotal, 0);
}

void LoadProgressBar::setProgress(qint64 bytesDone, qint64 bytesTotal, qint64 events)
{
    m_label->setText(describe(bytesDone, bytesTotal, events));
    m_bar->setValue(bytesTotal > 0 ? int(std::min(bytesDone, bytesTotal) * kSteps / bytesTotal)
                                   : 0);
}

QString LoadProgressBar::text() const
{
    return m_label->text();
}

} // namespace weft::ui
