// SPDX-License-Identifier: MIT
#include "preferencesdialog.h"

#include "themecontroller.h"
#include "themepreview.h"
#include "ui/panels/windowactions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
constexpr double kOneEventPerSecondItem = -1.0; // the speed box's data for teaching mode
}

PreferencesDialog::PreferencesDialog(Preferences *preferences, const ThemeController *themes,
                                     QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_themes(themes)
    , m_speed(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_fontScale(new QComboBox(this))
    , m_preview(new ThemePreview(this))
{
    setWindowTitle(tr("Preferences"));
    m_speed->setObjectName(QStringLiteral("speed"));
    m_theme->setObjectName(QStringLiteral("theme"));
    m_fontScale->setObjectName(QStringLiteral("fontScale"));
    m_preview->setObjectName(QStringLiteral("preview"));

    for (double factor : WindowActions::speedFactors())
        m_speed->addItem(tr("%1×").arg(factor), factor);
    m_speed->addItem(tr("One event per second"), kOneEventPerSecondItem);
    m_theme->addItem(tr("Follow the system"), int(Preferences::ThemeMode::FollowSystem));
    m_theme->addItem(tr("Light"), int(Preferences::ThemeMode::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::ThemeMode::Dark));
    for (int percent : Preferences::fontScales())
        m_fontScale->addItem(tr("%1 %").arg(percent), percent);

    auto *form = new QFormLayout;
    form->addRow(tr("Replay speed at start:"), m_speed);
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(tr("Timeline text size:"), m_fontScale);
    auto *hint = new QLabel(tr("Larger text makes lanes taller too, for projectors and slides. "
                               "Exported pictures use the theme chosen here unless the export "
                               "dialog says otherwise."),
                            this);
    hint->setWordWrap(true);

    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { showValues(Preferences::defaults()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(previewBox);
    layout->addStretch(1);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // the preview grows with the scale

    showValues(m_preferences->values());
    for (QComboBox *box : {m_theme, m_fontScale})
        connect(box, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updatePreview);
}

Preferences::Values PreferencesDialog::chosenValues() const
{
    Preferences::Values values;
    const double speed = m_speed->currentData().toDouble();
    values.oneEventPerSecond = speed == kOneEventPerSecondItem;
    values.speed = values.oneEventPerSecond ? 1.0 : speed;
    values.themeMode = Preferences::ThemeMode(m_theme->currentData().toInt());
    values.fontScalePercent = m_fontScale->currentData().toInt();
    return values;
}

void PreferencesDialog::showValues(const Preferences::Values &values)
{
    int speedIndex = m_speed->findData(kOneEventPerSecondItem);
    if (!values.oneEventPerSecond) {
        for (int i = 0; i < m_speed->count(); ++i)
            if (qFuzzyCompare(m_speed->itemData(i).toDouble(), values.speed))
                speedIndex = i;
    }
    m_speed->setCurrentIndex(speedIndex);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(values.themeMode))));
    m_fontScale->setCurrentIndex(std::max(0, m_fontScale->findData(values.fontScalePercent)));
    updatePreview();
}

void PreferencesDialog::updatePreview()
{
    const Preferences::Values values = chosenValues();
    if (m_themes) {
        m_preview->setTheme(m_themes->themeFor(values));
        return;
    }
    const qreal scale = values.fontScalePercent / 100.0;
    switch (values.themeMode) {
    case Preferences::ThemeMode::Light:
        m_preview->setTheme(Theme::light(scale));
        break;
    case Preferences::ThemeMode::Dark:
        m_preview->setTheme(Theme::dark(scale));
        break;
    case Preferences::ThemeMode::FollowSystem:
        m_preview->setTheme(Theme::forPalette(QGuiApplication::palette(), scale));
        break;
    }
}

void PreferencesDialog::accept()
{
    m_preferences->setValues(chosenValues());
    QDialog::accept();
}

} // namespace weft::ui
