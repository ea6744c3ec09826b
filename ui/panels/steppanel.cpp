#include "steppanel.h"

#include "ui/models/pendingactionmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace weft::ui {

namespace {
QString idleHint()
{
    return StepPanel::tr("No thread is waiting. Turn on Step Mode (Run menu) before pressing Run: "
                         "every thread then stops before each traced action, and you decide who "
                         "goes next.");
}
} // namespace

StepPanel::StepPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PendingActionModel(this))
    , m_list(new QListView(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QWidget(this))
{
    m_hint->setWordWrap(true);
    m_hint->setText(idleHint());
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *buttonLayout = new QHBoxLayout(m_buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &StepPanel::onCurrentChanged);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const PendingAction *action = m_model->actionAt(index.row()))
            Q_EMIT stepRequested(action->actor);
    });
}

void StepPanel::setActions(QAction *stepSelected, QAction *stepAny, QAction *runFreely)
{
    auto *layout = static_cast<QHBoxLayout *>(m_buttons->layout());
    for (QAction *action : {stepSelected, stepAny, runFreely}) {
        auto *button = new QToolButton(m_buttons);
        button->setDefaultAction(action);
        layout->addWidget(button);
    }
}

void StepPanel::setPending(const QList<PendingAction> &actions, const Trace &trace)
{
    const quint32 keep = m_selectedActor;
    m_model->setPending(actions, trace);
    int row = m_model->rowOfActor(keep);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
    if (!actions.isEmpty())
        m_hint->setText(tr("%n thread(s) waiting for your decision. Double-click one to let it take "
                           "one step.", nullptr, int(actions.size())));
    else
        m_hint->setText(idleHint());
    onCurrentChanged();
}

void StepPanel::selectActor(quint32 actor)
{
    m_selectedActor = actor;
    const int row = m_model->rowOfActor(actor);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row));
}

void StepPanel::onCurrentChanged()
{
    const PendingAction *action = m_model->actionAt(m_list->currentIndex().row());
    if (!action)
        return;
    m_selectedActor = action->actor;
    if (action->site)
        Q_EMIT actionHighlighted(action->site);
}

} // namespace weft::ui
