// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace weft::ui {

struct ExportOptions;

// The shapes a picture can be asked for: one that fits the scene, the two
// slide shapes, the two paper sizes (a PDF gets that page, landscape), or a
// width and height of one's own. The dialog's combo box and --preset share them.
enum class ExportPreset { Fit, Slide16x9, Slide4x3, A4, Letter, Custom };

// Every preset, in the order the dialog lists them.
QList<ExportPreset> exportPresets();
// The command line's name: "fit", "slide-16x9", "slide-4x3", "a4", "letter", "custom".
QString exportPresetId(ExportPreset preset);
std::optional<ExportPreset> exportPresetFromId(const QString &id);
// "Slide 16:9 (1920 × 1080)", translated.
QString exportPresetName(ExportPreset preset);
// Sets the size (and the PDF page) the preset stands for; Custom leaves them.
void applyExportPreset(ExportPreset preset, ExportOptions *options);

} // namespace weft::ui
