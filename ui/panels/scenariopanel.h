// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"
#include "core/scenario.h"

#include <QHash>
#include <QWidget>

class QAction;
class QButtonGroup;
class QLabel;
class QTreeView;
class QPushButton;

namespace weft {
class Scenario;
class ScenarioRegistry;
} // namespace weft

namespace weft::ui {

class ParameterForm;
class ScenarioTreeModel;

// The scenario browser: the catalogue grouped by topic, the selected
// scenario's explanation, its parameters, and the Run / Cancel controls
// with an elapsed-time indicator. A lesson with a Python twin offers both:
// its row's second cell, or the C++ / Python switch, picks the language.
class ScenarioPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScenarioPanel(const ScenarioRegistry &registry, QWidget *parent = nullptr);

    // Adds buttons bound to the window's actions, so menus, toolbar and panel agree.
    void setRunActions(QAction *run, QAction *cancel);

    const Scenario *currentScenario() const { return m_current; }
    // The "Recorded" entry selected (most recent first), or -1.
    int currentRecordedProgram() const { return m_currentRecorded; }
    void setRecordedPrograms(const QStringList &labels);
    void selectRecordedProgram(int entry);
    // Selects the scenario's cell: a Python lesson's is beside its C++ twin.
    bool selectScenario(const QString &id);
    // Switches the current lesson to its C++ or Python version; false if it has none.
    bool selectLanguage(SourceLanguage language);
    void selectFirstScenario();
    ParameterValues parameterValues() const;
    // Shows the values a trace was recorded with (key, value as text); unknown
    // keys and values the spec rejects are skipped.
    void showParameterText(const QList<QPair<QString, QString>> &values);
    void setElapsed(const QString &text);
    // Off while a run uses the values: the form shows what is running.
    void setEditable(bool editable);

    ScenarioTreeModel *model() const { return m_model; }
    ParameterForm *parameterForm() const { return m_form; }

Q_SIGNALS:
    void currentScenarioChanged(const weft::Scenario *scenario);
    // Double-click on a scenario: run it at once.
    void runRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The lesson's title a fifth larger than the panel's text, at any text size.
    void updateTitleFont();
    void onCurrentChanged();
    void rememberValues();
    void updateLanguageSwitch();

    ScenarioTreeModel *m_model;
    QTreeView *m_tree;
    QWidget *m_languageRow;
    QButtonGroup *m_languages;
    QLabel *m_title;
    QLabel *m_explanation;
    ParameterForm *m_form;
    QPushButton *m_reset;
    QWidget *m_runRow;
    QLabel *m_elapsed;
    const Scenario *m_current = nullptr;
    int m_currentRecorded = -1;
    // Values the user set per scenario during this session, restored on return.
    QHash<QString, ParameterValues> m_values;
};

} // namespace weft::ui
