// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/traceexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace weft::ui {

// Asks how to export the timeline: format, width and PNG scale, the theme
// (the screen's, light or dark, at the screen's text size), the whole trace or
// the visible window, and whether to draw the playhead.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    // "png", "svg" or "pdf".
    QString format() const;
    void setFormat(const QString &suffix);
    // The options, with the window and playhead filled in from the caller's view.
    ExportOptions options(qint64 windowFromNs, qint64 windowToNs, qint64 playheadNs) const;
    void setDefaultTitle(const QString &title);
    enum class ThemeChoice { Current, Light, Dark };
    ThemeChoice themeChoice() const;
    void setThemeChoice(ThemeChoice choice);

    // Asks for options and a file name, then writes the picture. Returns the
    // path written; empty if the user cancelled or on error (then *error is set).
    static QString exportInteractively(QWidget *parent, const Trace &trace, qint64 windowFromNs,
                                       qint64 windowToNs, qint64 playheadNs,
                                       const QString &directory, QString *error);

private:
    void updateEnabled();

    QComboBox *m_format;
    QComboBox *m_scale;
    QComboBox *m_theme;
    QSpinBox *m_width;
    QRadioButton *m_whole;
    QRadioButton *m_visible;
    QCheckBox *m_playhead;
    QLineEdit *m_title;
};

} // namespace weft::ui
