// SPDX-License-Identifier: MIT
#pragma once

#include "core/tracetypes.h"

#include <QFrame>

class QLabel;

namespace weft::ui {

// One sentence stating what a run proved, coloured by how it ended, large
// enough to read from the back of a classroom.
class SummaryBar : public QFrame
{
    Q_OBJECT
public:
    explicit SummaryBar(QWidget *parent = nullptr);

    void showOutcome(const Outcome &outcome, const QString &title = {});
    void showRunning(const QString &title, const QString &elapsed);
    void showMessage(const QString &message);

    // The whole sentence as shown (status and summary).
    QString text() const;
    Outcome::Status status() const { return m_status; }
    static QColor colorFor(Outcome::Status status);
    static QString statusText(Outcome::Status status);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The sentence and badge a quarter larger than the window's text, at any text size.
    void updateFonts();
    void setBadge(const QString &text, const QColor &background);

    QLabel *m_badge;
    QLabel *m_text;
    Outcome::Status m_status = Outcome::Status::NotRun;
};

} // namespace weft::ui
