// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace weft::ui {

// Help ▸ Getting started: what the colours and arrows mean and how to run,
// step and export. Shown once on the first start, and from the Help menu.
class GettingStartedDialog : public QDialog
{
    Q_OBJECT
public:
    explicit GettingStartedDialog(QWidget *parent = nullptr);

    // The page for the current language (falls back to English).
    static QString pageHtml(const QString &language);
    // True the first time it is asked on this machine; remembered in QSettings.
    static bool isFirstRun();
};

} // namespace weft::ui
