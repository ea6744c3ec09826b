// SPDX-License-Identifier: MIT
#pragma once

#include "core/scenario.h"

#include <QAbstractItemModel>
#include <QHash>
#include <vector>

namespace weft {
class ScenarioRegistry;
}

namespace weft::ui {

// The scenario catalogue as a two-level tree: topics, then their scenarios in
// catalogue order. Topics without scenarios are left out, so the browser never
// shows an empty folder. Programs the user recorded follow under "Recorded".
//
// A lesson is one row with its languages side by side: column 0 is the C++
// lesson, column 1 its Python twin where it has one (LanguageColumn).
class ScenarioTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { ScenarioIdRole = Qt::UserRole + 1, TopicRole, RecordedIndexRole };
    enum Column { LessonColumn = 0, PythonColumn = 1, ColumnCount };

    explicit ScenarioTreeModel(const ScenarioRegistry &registry, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The scenario of a row's cell: the C++ lesson in column 0, its Python twin
    // in column 1; nullptr for a topic row, an empty cell or an invalid index.
    const Scenario *scenarioAt(const QModelIndex &index) const;
    // The cell of a scenario (a Python twin's is column 1 of its lesson's row).
    QModelIndex indexOf(const QString &scenarioId) const;
    int scenarioCount() const;

    // The "Recorded" group: one row per program, most recent first (empty: no group).
    void setRecordedPrograms(const QStringList &labels);
    // Which recorded program a row is; -1 for a scenario or a topic.
    int recordedIndexAt(const QModelIndex &index) const;
    QModelIndex recordedIndex(int entry) const;

private:
    struct Lesson
    {
        const Scenario *cpp;
        const Scenario *python; // nullptr: no twin
    };
    struct Group
    {
        Topic topic;
        std::vector<Lesson> scenarios;
    };
    // A scenario row stores its group's position + 1 as internal id; a topic row stores 0.
    std::vector<Group> m_groups;
    // Why a lesson cannot run here, asked once when the model is built: asking
    // stats the interpreter and the recording library, and flags() runs per paint.
    QHash<const Scenario *, QString> m_unavailable;
    QStringList m_recorded;
    bool isRecordedGroup(int topicRow) const { return topicRow == int(m_groups.size()); }
    int topicRows() const { return int(m_groups.size()) + (m_recorded.isEmpty() ? 0 : 1); }
};

} // namespace weft::ui
