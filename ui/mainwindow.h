#pragma once

#include "core/trace.h"

#include <QMainWindow>

namespace weft {
class ScenarioRegistry;
}

namespace weft::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const ScenarioRegistry &registry, QWidget *parent = nullptr);

    void showTrace(const Trace &trace);

private:
    const ScenarioRegistry &m_registry;
    Trace m_trace;
};

} // namespace weft::ui
