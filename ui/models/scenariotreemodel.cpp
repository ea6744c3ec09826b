// SPDX-License-Identifier: MIT
#include "scenariotreemodel.h"

#include "core/scenarioregistry.h"

#include <QFont>

namespace weft::ui {

namespace {
constexpr Topic kTopicOrder[]
    = {Topic::Threads, Topic::Locks, Topic::Gil, Topic::Processes, Topic::Sockets, Topic::Sync};
} // namespace

ScenarioTreeModel::ScenarioTreeModel(const ScenarioRegistry &registry, QObject *parent)
    : QAbstractItemModel(parent)
{
    for (Topic topic : kTopicOrder) {
        std::vector<Lesson> lessons;
        for (const Scenario *scenario : registry.byTopic(topic)) {
            // A Python lesson is shown beside its C++ twin; one without a twin on a row of its own.
            const Scenario *twin = registry.twinOf(*scenario);
            if (scenario->language() == SourceLanguage::Python && twin)
                continue;
            lessons.push_back({scenario, twin});
            for (const Scenario *lesson : {scenario, twin})
                if (lesson)
                    if (const QString reason = lesson->unavailableReason(); !reason.isEmpty())
                        m_unavailable.insert(lesson, reason);
        }
        if (!lessons.empty())
            m_groups.push_back({topic, std::move(lessons)});
    }
}

QModelIndex ScenarioTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < topicRows() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0)
        return {}; // scenarios have no children
    if (row >= rowCount(parent))
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex ScenarioTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ScenarioTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return topicRows();
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    if (isRecordedGroup(parent.row()))
        return int(m_recorded.size());
    return int(m_groups[std::size_t(parent.row())].scenarios.size());
}

int ScenarioTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ScenarioTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.column() == PythonColumn && recordedIndexAt(index) < 0 && index.internalId() != 0) {
        const Scenario *python = scenarioAt(index);
        if (!python)
            return {};
        switch (role) {
        case Qt::DisplayRole:
            return tr("Python");
        case Qt::ToolTipRole:
            if (const QString reason = m_unavailable.value(python); !reason.isEmpty())
                return tr("%1 cannot run here: %2").arg(python->id(), reason);
            return tr("%1: the same lesson as a Python script, run by the real python3")
                .arg(python->id());
        case ScenarioIdRole:
            return python->id();
        case TopicRole:
            return int(python->topic());
        default:
            return {};
        }
    }
    if (index.column() != LessonColumn)
        return {};
    if (index.internalId() == 0 && isRecordedGroup(index.row())) {
        if (role == Qt::DisplayRole)
            return tr("Recorded");
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    if (const int entry = recordedIndexAt(index); entry >= 0) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return m_recorded.at(entry);
        case RecordedIndexRole:
            return entry;
        default:
            return {};
        }
    }
    if (index.internalId() == 0) {
        const Group &group = m_groups[std::size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            return topicTitle(group.topic);
        case TopicRole:
            return int(group.topic);
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            return {};
        }
    }
    const Scenario *scenario = scenarioAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return scenario->title();
    case Qt::ToolTipRole:
    case ScenarioIdRole:
        return scenario->id();
    case TopicRole:
        return int(scenario->topic());
    default:
        return {};
    }
}

Qt::ItemFlags ScenarioTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled; // a topic is a heading, not something to run
    // An empty Python cell: enabled so that the keys move through it (the panel
    // then takes the row's C++ lesson), never selected.
    if (index.column() == PythonColumn && !scenarioAt(index))
        return Qt::ItemIsEnabled;
    // Greyed out, its tooltip saying why and what to install.
    if (m_unavailable.contains(scenarioAt(index)))
        return Qt::ItemIsSelectable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

const Scenario *ScenarioTreeModel::scenarioAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0
        || isRecordedGroup(int(index.internalId() - 1)))
        return nullptr;
    const Lesson &lesson
        = m_groups[std::size_t(index.internalId() - 1)].scenarios[std::size_t(index.row())];
    return index.column() == PythonColumn ? lesson.python : lesson.cpp;
}

QModelIndex ScenarioTreeModel::indexOf(const QString &scenarioId) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto &scenarios = m_groups[g].scenarios;
        for (std::size_t s = 0; s < scenarios.size(); ++s) {
            if (scenarios[s].cpp->id() == scenarioId)
                return createIndex(int(s), LessonColumn, quintptr(g) + 1);
            if (scenarios[s].python && scenarios[s].python->id() == scenarioId)
                return createIndex(int(s), PythonColumn, quintptr(g) + 1);
        }
    }
    return {};
}

void ScenarioTreeModel::setRecordedPrograms(const QStringList &labels)
{
    beginResetModel();
    m_recorded = labels;
    endResetModel();
}

int ScenarioTreeModel::recordedIndexAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0
        || !isRecordedGroup(int(index.internalId() - 1)))
        return -1;
    return index.row();
}

QModelIndex ScenarioTreeModel::recordedIndex(int entry) const
{
    if (entry < 0 || entry >= m_recorded.size())
        return {};
    return createIndex(entry, 0, quintptr(m_groups.size()) + 1);
}

int ScenarioTreeModel::scenarioCount() const
{
    int count = 0;
    for (const auto &group : m_groups)
        for (const Lesson &lesson : group.scenarios)
            count += lesson.python ? 2 : 1;
    return count;
}

} // namespace weft::ui
