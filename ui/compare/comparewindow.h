// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace weft::ui {

class CompareView;
class RunComparison;

// The comparison's own window: what is compared and the one-line difference
// on top, the two runs below (CompareView), and Fit All, Export Picture… and
// Close. Esc closes it, like any dialog; the main window stays usable.
class CompareWindow : public QDialog
{
    Q_OBJECT
public:
    explicit CompareWindow(QWidget *parent = nullptr);

    void setComparison(const RunComparison &comparison);
    CompareView *compareView() const { return m_view; }
    QPushButton *stepAlignButton() const { return m_stepAligned; }
    QString differenceText() const;

    // Writes the picture of what is shown (the window both views show now).
    bool exportTo(const QString &path, QString *error) const;

private:
    void chooseExportFile();

    QLabel *m_title;
    QLabel *m_difference;
    CompareView *m_view;
    QPushButton *m_stepAligned = nullptr; // "Align by Steps": the step-order axis for both
};

} // namespace weft::ui
