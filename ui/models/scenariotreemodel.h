#pragma once

#include "core/scenario.h"

#include <QAbstractItemModel>

#include <vector>

namespace weft {
class ScenarioRegistry;
}

namespace weft::ui {

// The scenario catalogue as a two-level tree: topics, then their scenarios in
// catalogue order. Topics without scenarios are left out, so the browser never
// shows an empty folder.
class ScenarioTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { ScenarioIdRole = Qt::UserRole + 1, TopicRole };

    explicit ScenarioTreeModel(const ScenarioRegistry &registry, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // nullptr for a topic row or an invalid index.
    const Scenario *scenarioAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &scenarioId) const;
    int scenarioCount() const;

private:
    struct Group
    {
        Topic topic;
        std::vector<const Scenario *> scenarios;
    };
    // A scenario row stores its group's position + 1 as internal id; a topic row stores 0.
    std::vector<Group> m_groups;
};

} // namespace weft::ui
