// SPDX-License-Identifier: MIT
#pragma once

#include "ui/export/exportpreset.h"
#include "ui/export/traceexporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace weft::ui {

// Asks how to export the timeline: format, size (a preset or a width and
// height of one's own) and PNG scale, the theme (the screen's, light or dark,
// at the screen's text size), the whole run or what the timeline shows now,
// and whether to draw the playhead.
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
    ExportPreset preset() const;
    void setPreset(ExportPreset preset);
    // Saves the size for the next dialog (it opens with the last one).
    void remember() const;

    // Asks for options and a file name, then writes the picture. Returns the
    // path written; empty if the user cancelled or on error (then *error is set).
    // A non-empty `markedRange` says the window is a range the user marked
    // ("The marked range (2.1 ms)"): the dialog offers it by that name, chosen.
    // `stepAxis`: the picture has the view's step-order axis (the times given stay real).
    // `notice`: what the written picture could not honour (see exportTrace).
    static QString exportInteractively(QWidget *parent, const Trace &trace, qint64 windowFromNs,
                                       qint64 windowToNs, qint64 playheadNs,
                                       const QString &directory, QString *error,
                                       const QString &markedRange = {}, bool stepAxis = false,
                                       QString *notice = nullptr);
    // Names the window choice as the marked range and chooses it.
    void offerMarkedRange(const QString &description);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateEnabled();

    QComboBox *m_format;
    QComboBox *m_preset;
    QComboBox *m_scale;
    QComboBox *m_theme;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QRadioButton *m_whole;
    QRadioButton *m_visible;
    QCheckBox *m_playhead;
    QLineEdit *m_title;
};

} // namespace weft::ui
