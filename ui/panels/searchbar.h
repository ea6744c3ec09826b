// SPDX-License-Identifier: MIT
#pragma once

#include "core/trace.h"

#include <QWidget>
#include <vector>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace weft::ui {

// The find bar over the timeline (Ctrl+F): a query, the match count ("3 of
// 17"), previous/next (Shift+Enter / Enter, Shift+F3 / F3) and close (Esc).
// It only finds (EventSearch); the window shows the match it selects.
class SearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit SearchBar(QWidget *parent = nullptr);

    void setTrace(const Trace &trace);
    // Shows the bar with the query selected, ready to type over.
    void activate();
    QString query() const;
    void setQuery(const QString &query);
    int matchCount() const { return int(m_matches.size()); }
    // Index into the matches of the one selected now; -1 when none.
    int currentMatch() const { return m_current; }
    QString statusText() const;

public slots:
    void findNext();
    void findPrevious();

signals:
    // The event to show: select it, bring it into view.
    void matchSelected(int eventIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void search();
    void step(int direction);
    void updateStatus();
    void retranslate();

    Trace m_trace;
    std::vector<int> m_matches;
    int m_current = -1;
    bool m_stale = false; // the query changed since the last search
    QLineEdit *m_query;
    QLabel *m_status;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QTimer *m_debounce;
};

} // namespace weft::ui
