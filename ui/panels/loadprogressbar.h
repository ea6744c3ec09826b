// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace weft::ui {

// The status bar's view of a file being opened in the background
// (TraceLoadJob): "1.00 MiB of 95.37 MiB read, 11,955 events", a bar, and a
// Cancel button. It only shows; the window decides what cancelling does.
class LoadProgressBar : public QWidget
{
    Q_OBJECT
public:
    explicit LoadProgressBar(QWidget *parent = nullptr);

    // Shows the bar for a new load of fileName, at nothing read yet.
    void begin(const QString &fileName, qint64 bytesTotal);
    void setProgress(qint64 bytesDone, qint64 bytesTotal, qint64 events);
    QString text() const;
    QPushButton *cancelButton() const { return m_cancel; }

    // "1.00 MiB of 95.37 MiB read, 11,955 events", in the default locale.
    static QString describe(qint64 bytesDone, qint64 bytesTotal, qint64 events);

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace weft::ui
