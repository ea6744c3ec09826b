// SPDX-License-Identifier: MIT
#include "tracedrop.h"

#include <QAbstractButton>
#include <QDir>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>

namespace weft::ui {

TraceDrop::TraceDrop(QWidget *window, std::function<bool()> traceShown)
    : QObject(window)
    , m_window(window)
    , m_traceShown(std::move(traceShown))
{
}

QStringList TraceDrop::droppedFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    // Three or more is no comparison and no single trace: refused at the door.
    if (urls.isEmpty() || urls.size() > 2)
        return {};
    QStringList files;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            return {};
        files << url.toLocalFile();
    }
    return files;
}

QMessageBox *TraceDrop::chooser() const
{
    return m_chooser;
}

void TraceDrop::dragEnter(QDragEnterEvent *event) const
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void TraceDrop::drop(QDropEvent *event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    if (files.size() == 2)
        Q_EMIT compareFilesRequested(files[0], files[1]);
    else if (m_traceShown && m_traceShown())
        ask(files[0]);
    else
        Q_EMIT openRequested(files[0]);
}

void TraceDrop::ask(const QString &path)
{
    if (m_chooser) // a second drop before the first was answered replaces its question
        m_chooser->deleteLater();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Dropped Trace"),
                                tr("What should Weft do with %1?")
                                    .arg(QDir::toNativeSeparators(QFileInfo(path).fileName())),
                                QMessageBox::Cancel, m_window);
    box->setInformativeText(tr("A trace is on screen. Open the dropped one instead, or show "
                               "both one above the other on one time scale."));
    QPushButton *open = box->addButton(tr("&Open It"), QMessageBox::AcceptRole);
    QPushButton *compare
        = box->addButton(tr("&Compare with the Run on Screen"), QMessageBox::ActionRole);
    open->setObjectName(QStringLiteral("openDropped"));
    compare->setObjectName(QStringLiteral("compareDropped"));
    box->setDefaultButton(compare); // a second trace dropped on a first is most often a comparison
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, open, compare, path](QAbstractButton *button) {
                if (button == open)
                    Q_EMIT openRequested(path);
                else if (button == compare)
                    Q_EMIT compareWithShownRequested(path);
            });
    m_chooser = box;
    box->show();
}

} // namespace weft::ui
