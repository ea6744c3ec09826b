// SPDX-License-Identifier: MIT
#include "scenariopanel.h"

#include "core/scenario.h"
#include "parameterform.h"
#include "ui/models/scenariotreemodel.h"

#include <QAction>
#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace weft::ui {

ScenarioPanel::ScenarioPanel(const ScenarioRegistry &registry, QWidget *parent)
    : QWidget(parent)
    , m_model(new ScenarioTreeModel(registry, this))
    , m_tree(new QTreeView(this))
    , m_languageRow(new QWidget(this))
    , m_languages(new QButtonGroup(this))
    , m_title(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_form(new ParameterForm(this))
    , m_reset(new QPushButton(tr("Reset to defaults"), this))
    , m_runRow(new QWidget(this))
    , m_elapsed(new QLabel(this))
{
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->expandAll();
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_tree->setObjectName(QStringLiteral("scenarioTree"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ScenarioTreeModel::LessonColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(ScenarioTreeModel::PythonColumn,
                                           QHeaderView::ResizeToContents);

    // C++ | Python: the same lesson in either language.
    auto *languageLayout = new QHBoxLayout(m_languageRow);
    languageLayout->setContentsMargins(0, 0, 0, 0);
    languageLayout->setSpacing(12);
    languageLayout->addWidget(new QLabel(tr("Language:"), m_languageRow));
    const std::pair<SourceLanguage, QString> languages[]
        = {{SourceLanguage::Cpp, tr("&C++")}, {SourceLanguage::Python, tr("P&ython")}};
    for (const auto &[language, label] : languages) {
        // Radio buttons: which language is on must be plain at a glance.
        auto *button = new QRadioButton(label, m_languageRow);
        button->setObjectName(language == SourceLanguage::Cpp ? QStringLiteral("languageCpp")
                                                              : QStringLiteral("languagePython"));
        m_languages->addButton(button, int(language));
        languageLayout->addWidget(button);
    }
    languageLayout->addStretch(1);
    m_languages->setExclusive(true);
    connect(m_languages, &QButtonGroup::idClicked, this,
            [this](int id) { selectLanguage(SourceLanguage(id)); });

    updateTitleFont();
    m_title->setWordWrap(true);
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *parametersBox = new QGroupBox(tr("Parameters"), this);
    auto *parametersLayout = new QVBoxLayout(parametersBox);
    parametersLayout->addWidget(m_form);
    parametersLayout->addWidget(m_reset, 0, Qt::AlignRight);

    auto *runLayout = new QHBoxLayout(m_runRow);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addStretch(1);
    runLayout->addWidget(m_elapsed);
    m_elapsed->setMinimumWidth(
        m_elapsed->fontMetrics().horizontalAdvance(QStringLiteral("000.0 s  ")));
    m_elapsed->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    // The details scroll as one page, so a long explanation never squeezes the form.
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(m_languageRow);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_explanation);
    detailsLayout->addWidget(parametersBox);
    detailsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Text wraps to the dock's width; sideways scrolling to read a sentence is no use.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_runRow);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ScenarioPanel::onCurrentChanged);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->scenarioAt(index) || m_model->recordedIndexAt(index) >= 0)
            Q_EMIT runRequested();
    });
    connect(m_reset, &QPushButton::clicked, m_form, &ParameterForm::resetToDefaults);
    connect(m_form, &ParameterForm::valuesChanged, this, &ScenarioPanel::rememberValues);
    onCurrentChanged();
}

void ScenarioPanel::updateTitleFont()
{
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
}

void ScenarioPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateTitleFont();
}

void ScenarioPanel::setRunActions(QAction *run, QAction *cancel)
{
    auto *layout = static_cast<QHBoxLayout *>(m_runRow->layout());
    int position = 0;
    for (QAction *action : {run, cancel}) {
        auto *button = new QToolButton(m_runRow);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setMinimumWidth(90);
        layout->insertWidget(position++, button);
    }
}

bool ScenarioPanel::selectScenario(const QString &id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    return true;
}

bool ScenarioPanel::selectLanguage(SourceLanguage language)
{
    const QModelIndex current = m_tree->currentIndex();
    const int column = language == SourceLanguage::Python ? ScenarioTreeModel::PythonColumn
                                                          : ScenarioTreeModel::LessonColumn;
    const QModelIndex cell = current.siblingAtColumn(column);
    if (!m_model->scenarioAt(cell)) {
        updateLanguageSwitch();
        return false;
    }
    m_tree->setCurrentIndex(cell);
    return true;
}

void ScenarioPanel::updateLanguageSwitch()
{
    const QModelIndex current = m_tree->currentIndex();
    m_languageRow->setVisible(m_model->scenarioAt(current) != nullptr);
    const Scenario *twin
        = m_model->scenarioAt(current.siblingAtColumn(ScenarioTreeModel::PythonColumn));
    const QString unavailable = twin ? twin->unavailableReason() : QString();
    QAbstractButton *python = m_languages->button(int(SourceLanguage::Python));
    python->setEnabled(twin && unavailable.isEmpty());
    python->setToolTip(!twin ? tr("This lesson has no Python version.")
                           : !unavailable.isEmpty()
                           ? unavailable
                           : tr("The same lesson as a Python script, run by the real python3"));
    if (m_current)
        m_languages->button(int(m_current->language()))->setChecked(true);
}

void ScenarioPanel::setRecordedPrograms(const QStringList &labels)
{
    const QString scenarioId = m_current ? m_current->id() : QString();
    const int recorded = m_currentRecorded;
    m_model->setRecordedPrograms(labels);
    m_tree->expandAll();
    // A reset forgets the current row: put it back where it was.
    if (!scenarioId.isEmpty())
        selectScenario(scenarioId);
    else if (recorded >= 0)
        selectRecordedProgram(std::min(recorded, int(labels.size()) - 1));
}

void ScenarioPanel::selectRecordedProgram(int entry)
{
    const QModelIndex index = m_model->recordedIndex(entry);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void ScenarioPanel::selectFirstScenario()
{
    const QModelIndex topic = m_model->index(0, 0);
    if (m_model->rowCount(topic) > 0)
        m_tree->setCurrentIndex(m_model->index(0, 0, topic));
}

ParameterValues ScenarioPanel::parameterValues() const
{
    return m_form->values();
}

void ScenarioPanel::showParameterText(const QList<QPair<QString, QString>> &values)
{
    for (const ParameterSpec &spec : m_form->specs()) {
        for (const auto &[key, text] : values) {
            if (key != spec.key)
                continue;
            QString error;
            if (const auto value = spec.parse(text, &error))
                m_form->setValue(key, *value);
        }
    }
}

void ScenarioPanel::setElapsed(const QString &text)
{
    m_elapsed->setText(text);
}

void ScenarioPanel::setEditable(bool editable)
{
    m_form->setEnabled(editable);
    m_reset->setEnabled(editable && m_current && !m_current->parameters().isEmpty());
}

void ScenarioPanel::onCurrentChanged()
{
    // Moving up or down from a Python cell onto a lesson without one lands on
    // its empty cell: take the lesson's C++ cell instead.
    const QModelIndex index = m_tree->currentIndex();
    if (index.column() == ScenarioTreeModel::PythonColumn && !m_model->scenarioAt(index)
        && m_model->scenarioAt(index.siblingAtColumn(ScenarioTreeModel::LessonColumn))) {
        m_tree->setCurrentIndex(index.siblingAtColumn(ScenarioTreeModel::LessonColumn));
        return;
    }
    const Scenario *scenario = m_model->scenarioAt(m_tree->currentIndex());
    const int recorded = m_model->recordedIndexAt(m_tree->currentIndex());
    if (scenario == m_current && scenario)
        return;
    m_current = scenario;
    m_currentRecorded = recorded;
    if (recorded >= 0) {
        m_title->setText(m_model->data(m_tree->currentIndex()).toString());
        m_explanation->setText(tr("A program you recorded. Run (Ctrl+R) records it again with the "
                                  "same working directory, environment and timeout; File ▸ Record "
                                  "a Program… (Ctrl+Shift+R) changes them."));
        m_form->setSpecs({});
        m_reset->setEnabled(false);
    } else if (!scenario) {
        m_title->setText(tr("No scenario selected"));
        m_explanation->setText(tr("Choose a scenario from the list above to read what it shows "
                                  "and to run it."));
        m_form->setSpecs({});
        m_reset->setEnabled(false);
    } else {
        m_title->setText(scenario->title());
        QString explanation = scenario->explanation();
        if (const QString reason = scenario->unavailableReason(); !reason.isEmpty())
            explanation
                += QStringLiteral("\n\n") + tr("Cannot run on this computer: %1").arg(reason);
        m_explanation->setText(explanation);
        m_form->setSpecs(scenario->parameters());
        if (m_values.contains(scenario->id()))
            m_form->setValues(m_values.value(scenario->id()));
        m_reset->setEnabled(!scenario->parameters().isEmpty());
    }
    updateLanguageSwitch();
    Q_EMIT currentScenarioChanged(scenario);
}

void ScenarioPanel::rememberValues()
{
    if (m_current)
        m_values.insert(m_current->id(), m_form->values());
}

} // namespace weft::ui
