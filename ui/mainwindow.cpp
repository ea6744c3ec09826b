#include "mainwindow.h"

#include <QLabel>

namespace weft::ui {

MainWindow::MainWindow(const ScenarioRegistry &registry, QWidget *parent)
    : QMainWindow(parent)
    , m_registry(registry)
{
    setWindowTitle(tr("Weft"));
    setCentralWidget(new QLabel(tr("Weft"), this));
    resize(1280, 800);
}

void MainWindow::showTrace(const Trace &trace)
{
    m_trace = trace;
}

} // namespace weft::ui
