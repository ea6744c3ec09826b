// SPDX-License-Identifier: MIT
#include "exportpreset.h"

#include "traceexporter.h"

#include <QCoreApplication>

namespace weft::ui {

namespace {

// The translation context of this file's strings, read by lupdate too.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(weft::ui::ExportPreset)
};

// A4 and Letter, landscape, at the 96 pixels per inch the PDF writer uses.
constexpr int kA4Width = 1123, kA4Height = 794; // 297 × 210 mm
constexpr int kLetterWidth = 1056, kLetterHeight = 816; // 11 × 8.5 in

} // namespace

QList<ExportPreset> exportPresets()
{
    return {ExportPreset::Fit, ExportPreset::Slide16x9, ExportPreset::Slide4x3,
            ExportPreset::A4,  ExportPreset::Letter,    ExportPreset::Custom};
}

QString exportPresetId(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Fit:
        return QStringLiteral("fit");
    case ExportPreset::Slide16x9:
        return QStringLiteral("slide-16x9");
    case ExportPreset::Slide4x3:
        return QStringLiteral("slide-4x3");
    case ExportPreset::A4:
        return QStringLiteral("a4");
    case ExportPreset::Letter:
        return QStringLiteral("letter");
    case ExportPreset::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<ExportPreset> exportPresetFromId(const QString &id)
{
    const QString wanted = id.trimmed().toLower();
    for (ExportPreset preset : exportPresets()) {
        if (exportPresetId(preset) == wanted)
            return preset;
    }
    return std::nullopt;
}

QString exportPresetName(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Fit:
        return Tr::tr("Fit the scene (16:9 when it is small)");
    case ExportPreset::Slide16x9:
        return Tr::tr("Slide 16:9 (%1 × %2)").arg(1920).arg(1080);
    case ExportPreset::Slide4x3:
        return Tr::tr("Slide 4:3 (%1 × %2)").arg(1440).arg(1080);
    case ExportPreset::A4:
        return Tr::tr("A4 page, landscape");
    case ExportPreset::Letter:
        return Tr::tr("Letter page, landscape");
    case ExportPreset::Custom:
        return Tr::tr("Custom size");
    }
    return {};
}

void applyExportPreset(ExportPreset preset, ExportOptions *options)
{
    options->pdfPage.reset();
    options->minHeightRatio = 0;
    switch (preset) {
    case ExportPreset::Fit:
        options->width = 0;
        options->height = 0;
        options->minHeightRatio = 9.0 / 16.0;
        break;
    case ExportPreset::Slide16x9:
        options->width = 1920;
        options->height = 1080;
        break;
    case ExportPreset::Slide4x3:
        options->width = 1440;
        options->height = 1080;
        break;
    case ExportPreset::A4:
        options->width = kA4Width;
        options->height = kA4Height;
        options->pdfPage = QPageSize::A4;
        break;
    case ExportPreset::Letter:
        options->width = kLetterWidth;
        options->height = kLetterHeight;
        options->pdfPage = QPageSize::Letter;
        break;
    case ExportPreset::Custom:
        break;
    }
}

} // namespace weft::ui
