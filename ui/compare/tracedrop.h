// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

class QDragEnterEvent;
class QDropEvent;
class QMessageBox;
class QMimeData;
class QWidget;

namespace weft::ui {

// Trace files dropped on the main window. One file with nothing on screen is
// opened; one file over a trace on screen asks "Open It" or "Compare with the
// Run on Screen" (a small window-modal box, so the drop returns at once and
// the answer arrives later); two files at once are compared with each other.
// It only decides: what it decides is a signal the window and the
// CompareController carry out.
class TraceDrop : public QObject
{
    Q_OBJECT
public:
    // `traceShown` says whether the window shows a trace to compare with.
    TraceDrop(QWidget *window, std::function<bool()> traceShown);

    // The local files a drag carries when it is one or two of them; empty otherwise.
    static QStringList droppedFiles(const QMimeData *mime);

    // For the window's dragEnterEvent and dropEvent.
    void dragEnter(QDragEnterEvent *event) const;
    void drop(QDropEvent *event);

    // The question asked about the last single file, while it is open.
    QMessageBox *chooser() const;

Q_SIGNALS:
    void openRequested(const QString &path);
    void compareWithShownRequested(const QString &path);
    void compareFilesRequested(const QString &first, const QString &second);

private:
    void ask(const QString &path);

    QWidget *m_window;
    std::function<bool()> m_traceShown;
    QPointer<QMessageBox> m_chooser;
};

} // namespace weft::ui
