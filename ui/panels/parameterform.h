// SPDX-License-Identifier: MIT
#pragma once

#include "core/parameter.h"

#include <QHash>
#include <QWidget>

class QFormLayout;

namespace weft::ui {

// An editor per ParameterSpec: spin boxes carry the spec's bounds, so a value
// outside them cannot be entered; choices are a combo box, flags a check box.
class ParameterForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterForm(QWidget *parent = nullptr);

    // Rebuilds the editors; values start at the specs' defaults.
    void setSpecs(const QList<ParameterSpec> &specs);
    const QList<ParameterSpec> &specs() const { return m_specs; }

    // Every declared key, every value within bounds.
    ParameterValues values() const;
    // Sets one editor (the editor clamps to its bounds); false for an unknown key.
    bool setValue(const QString &key, const QVariant &value);
    void setValues(const ParameterValues &values);
    void resetToDefaults();

    QWidget *editorFor(const QString &key) const { return m_editors.value(key); }

Q_SIGNALS:
    void valuesChanged();

private:
    QWidget *createEditor(const ParameterSpec &spec);
    QVariant editorValue(const ParameterSpec &spec) const;

    QFormLayout *m_layout;
    QList<ParameterSpec> m_specs;
    QHash<QString, QWidget *> m_editors;
};

} // namespace weft::ui
