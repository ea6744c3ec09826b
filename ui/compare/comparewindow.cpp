// SPDX-License-Identifier: MIT
#include "comparewindow.h"

#include "compareexporter.h"
#include "compareview.h"
#include "runcomparison.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft::ui {

CompareWindow::CompareWindow(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_difference(new QLabel(this))
    , m_view(new CompareView(this))
{
    setWindowTitle(tr("Compare Two Runs"));
    // A window of its own (maximisable), not a modal box over the main one.
    setWindowFlag(Qt::Window, true);
    setModal(false);
    auto *layout = new QVBoxLayout(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    QFont bold = m_difference->font();
    bold.setBold(true);
    m_difference->setFont(bold);
    m_difference->setWordWrap(true);
    m_difference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_difference->setObjectName(QStringLiteral("difference"));
    layout->addWidget(m_title);
    layout->addWidget(m_difference);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *fit = buttons->addButton(tr("Fit All"), QDialogButtonBox::ActionRole);
    auto *exportButton = buttons->addButton(tr("Export Picture…"), QDialogButtonBox::ActionRole);
    m_stepAligned = buttons->addButton(tr("Align by Steps"), QDialogButtonBox::ActionRole);
    m_stepAligned->setCheckable(true);
    m_stepAligned->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_stepAligned->setToolTip(tr("Put step N of one run above step N of the other: each event in "
                                 "its own column, in the order it happened, the time in between "
                                 "left out (Ctrl+Shift+T)"));
    connect(m_stepAligned, &QPushButton::toggled, this, [this](bool on) {
        if (!m_view->comparison())
            return;
        RunComparison comparison = *m_view->comparison();
        comparison.setStepAligned(on);
        m_view->setComparison(comparison);
    });
    connect(fit, &QPushButton::clicked, m_view, &CompareView::fitAll);
    connect(exportButton, &QPushButton::clicked, this, &CompareWindow::chooseExportFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CompareWindow::setComparison(const RunComparison &comparison)
{
    m_title->setText(comparison.title());
    m_difference->setText(comparison.differenceLine());
    m_view->setComparison(comparison);
    const QSignalBlocker blocker(m_stepAligned);
    m_stepAligned->setChecked(comparison.isStepAligned());
}

QString CompareWindow::differenceText() const
{
    return m_difference->text();
}

bool CompareWindow::exportTo(const QString &path, QString *error) const
{
    if (!m_view->comparison()) {
        if (error)
            *error = tr("there is nothing to compare");
        return false;
    }
    CompareExportOptions options;
    options.fromNs = m_view->windowStartNs();
    options.toNs = m_view->windowEndNs();
    return exportComparison(*m_view->comparison(), path, options, error);
}

void CompareWindow::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison"), QStringLiteral("compare.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export Comparison"), error);
}

} // namespace weft::ui
