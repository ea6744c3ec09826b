// SPDX-License-Identifier: MIT
#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QVBoxLayout>
#include <algorithm>

namespace weft::ui {

namespace {
constexpr int kAutoHeight = 199; // the height box's "as tall as the lanes need"
// A teacher exports many pictures for one deck: the last size is the next default.
const QString kPresetKey = QStringLiteral("Export/preset");
const QString kWidthKey = QStringLiteral("Export/width");
const QString kHeightKey = QStringLiteral("Export/height");
} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_preset(new QComboBox(this))
    , m_scale(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_whole(new QRadioButton(tr("The whole run"), this))
    , m_visible(new QRadioButton(tr("What the timeline shows now"), this))
    , m_playhead(new QCheckBox(tr("Draw the playhead"), this))
    , m_title(new QLineEdit(this))
{
    setWindowTitle(tr("Export Picture"));
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF document"), QStringLiteral("pdf"));
    m_preset->setObjectName(QStringLiteral("preset"));
    for (ExportPreset preset : exportPresets())
        m_preset->addItem(exportPresetName(preset), int(preset));
    m_preset->setToolTip(tr("Fit the scene: as wide as the text size needs, 16:9 when there are "
                            "few lanes. A4 and Letter make a landscape PDF page of that paper."));
    m_scale->setObjectName(QStringLiteral("scale"));
    for (int scale : {1, 2, 3, 4})
        m_scale->addItem(tr("%1× (for %2)")
                             .arg(scale)
                             .arg(scale == 1 ? tr("the screen") : tr("slides and print")),
                         scale);
    m_scale->setCurrentIndex(1);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("As on screen"), int(ThemeChoice::Current));
    m_theme->addItem(tr("Light"), int(ThemeChoice::Light));
    m_theme->addItem(tr("Dark"), int(ThemeChoice::Dark));
    m_theme->setToolTip(tr("Light suits printed pages and most slides; dark suits dark slides."));
    m_width->setObjectName(QStringLiteral("width"));
    m_width->setRange(640, 8000);
    m_width->setSingleStep(160);
    m_width->setValue(1920);
    m_width->setSuffix(tr(" px"));
    // The lowest value stands for "no fixed height": a custom width alone keeps
    // the picture as tall as its lanes.
    m_height->setObjectName(QStringLiteral("height"));
    m_height->setRange(kAutoHeight, 8000);
    m_height->setSingleStep(120);
    m_height->setValue(kAutoHeight);
    m_height->setSuffix(tr(" px"));
    m_height->setSpecialValueText(tr("As tall as the lanes need"));
    m_whole->setChecked(true);
    m_title->setPlaceholderText(tr("The trace's title and outcome"));

    auto *form = new QFormLayout;
    // Fields keep their full width (a Chinese "2×（适用于幻灯片和打印）" was cut):
    // the dialog grows instead, and on a narrow screen labels go above their fields.
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), m_preset);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("PNG scale:"), m_scale);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Range:"), m_whole);
    form->addRow(QString(), m_visible);
    form->addRow(QString(), m_playhead);
    form->addRow(tr("Title:"), m_title);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    for (QComboBox *box : {m_format, m_preset, m_scale, m_theme})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // never smaller than its fields
    layout->addLayout(form);
    layout->addWidget(buttons);
    const QSettings settings;
    setPreset(
        exportPresetFromId(settings.value(kPresetKey).toString()).value_or(ExportPreset::Fit));
    m_width->setValue(settings.value(kWidthKey, m_width->value()).toInt());
    m_height->setValue(settings.value(kHeightKey, m_height->value()).toInt());
    updateEnabled();
}

void ExportDialog::remember() const
{
    QSettings settings;
    settings.setValue(kPresetKey, exportPresetId(preset()));
    settings.setValue(kWidthKey, m_width->value());
    settings.setValue(kHeightKey, m_height->value());
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

void ExportDialog::setFormat(const QString &suffix)
{
    const int index = m_format->findData(suffix.toLower());
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

void ExportDialog::setDefaultTitle(const QString &title)
{
    m_title->setPlaceholderText(title);
}

ExportDialog::ThemeChoice ExportDialog::themeChoice() const
{
    return ThemeChoice(m_theme->currentData().toInt());
}

void ExportDialog::setThemeChoice(ThemeChoice choice)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(choice))));
}

ExportPreset ExportDialog::preset() const
{
    return ExportPreset(m_preset->currentData().toInt());
}

void ExportDialog::setPreset(ExportPreset preset)
{
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(int(preset))));
}

ExportOptions ExportDialog::options(qint64 windowFromNs, qint64 windowToNs, qint64 playheadNs) const
{
    ExportOptions options;
    applyExportPreset(preset(), &options);
    if (preset() == ExportPreset::Custom) {
        options.width = m_width->value();
        options.height = m_height->value() == kAutoHeight ? 0 : m_height->value();
    }
    options.scale = format() == QLatin1String("png") ? m_scale->currentData().toInt() : 1;
    options.visibleWindowOnly = m_visible->isChecked();
    if (options.visibleWindowOnly) {
        options.fromNs = windowFromNs;
        options.toNs = windowToNs;
    }
    options.showPlayhead = m_playhead->isChecked();
    options.playheadNs = playheadNs;
    options.title = m_title->text().trimmed();
    // Light and dark keep the screen's text size: a projector user wants both large.
    const qreal textScale = Theme::current().scale();
    switch (themeChoice()) {
    case ThemeChoice::Current:
        options.theme = Theme::current();
        break;
    case ThemeChoice::Light:
        options.theme = Theme::light(textScale);
        break;
    case ThemeChoice::Dark:
        options.theme = Theme::dark(textScale);
        break;
    }
    return options;
}

QString ExportDialog::exportInteractively(QWidget *parent, const Trace &trace, qint64 windowFromNs,
                                          qint64 windowToNs, qint64 playheadNs,
                                          const QString &directory, QString *error,
                                          const QString &markedRange, bool stepAxis,
                                          QString *notice)
{
    ExportDialog dialog(parent);
    dialog.setDefaultTitle(trace.metadata().title);
    if (!markedRange.isEmpty())
        dialog.offerMarkedRange(markedRange);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    dialog.remember();
    const QString format = dialog.format();
    const QString base = trace.metadata().scenarioId.isEmpty() ? QStringLiteral("timeline")
                                                               : trace.metadata().scenarioId;
    const QString suggested = QDir(directory).filePath(base + QLatin1Char('.') + format);
    QString path
        = QFileDialog::getSaveFileName(parent, tr("Export Picture"), suggested,
                                       tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    ExportOptions options = dialog.options(windowFromNs, windowToNs, playheadNs);
    options.stepAxis = stepAxis;
    if (!exportTrace(trace, path, options, error, notice))
        return {};
    return path;
}

void ExportDialog::offerMarkedRange(const QString &description)
{
    m_visible->setText(tr("The marked range (%1)").arg(description));
    m_visible->setChecked(true);
}

void ExportDialog::showEvent(QShowEvent *event)
{
    // A window opens at most two thirds of the screen wide, and its combo boxes
    // and radio buttons then shrink and cut their text (Chinese at 200 % on a
    // 1366 px screen). The whole dialog as wide as its fields want, if the screen
    // has the room.
    // A combo box's own size hint, measured once and early, was at times narrower
    // than its Chinese text measured when shown: measure again now, when the
    // fonts are final.
    for (QComboBox *box : {m_format, m_preset, m_scale, m_theme}) {
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.frame = box->hasFrame();
        const int frame = box->width()
            - style()
                  ->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box)
                  .width();
        int widest = 0;
        for (int i = 0; i < box->count(); ++i)
            widest = std::max(widest, box->fontMetrics().horizontalAdvance(box->itemText(i)));
        box->setMinimumWidth(widest + frame + box->fontMetrics().averageCharWidth());
    }
    const QSize wanted = sizeHint().boundedTo(screen()->availableGeometry().size());
    setMinimumSize(wanted);
    resize(size().expandedTo(wanted));
    QDialog::showEvent(event);
}

void ExportDialog::updateEnabled()
{
    m_scale->setEnabled(format() == QLatin1String("png"));
    const bool custom = preset() == ExportPreset::Custom;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
}

} // namespace weft::ui
