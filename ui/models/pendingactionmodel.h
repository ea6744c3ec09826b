// SPDX-License-Identifier: MIT
#pragma once

#include "core/stepgate.h"
#include "core/trace.h"
#include "ui/timeline/pendingactionpass.h"

#include <QAbstractListModel>

namespace weft::ui {

// The threads parked at their step gates and what each is about to do. A
// thread about to take a lock that another thread holds is marked blocked:
// stepping it would only make it wait.
class PendingActionModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ActorRole = Qt::UserRole + 1, BlockedRole, SiteRole };

    explicit PendingActionModel(QObject *parent = nullptr);

    // The live trace names the lanes and tells who holds which lock.
    void setPending(const QList<PendingAction> &actions, const Trace &trace);
    const PendingAction *actionAt(int row) const;
    int rowOfActor(quint32 actor) const;
    bool isBlocked(int row) const;
    // "blocked: L1 held by t2"; empty if the row's step can be taken.
    QString blockedText(int row) const;
    // The rows as the timeline draws them: one chip per parked thread.
    QList<PendingMark> timelineMarks() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        PendingAction action;
        QString lane;
        QString blockedBy; // the owner's name when the lock is held by another thread
        QString object; // the lock's name
        QString site;
    };
    QList<Row> m_rows;
};

} // namespace weft::ui
