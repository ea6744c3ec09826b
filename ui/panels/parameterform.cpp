// SPDX-License-Identifier: MIT
#include "parameterform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <limits>

namespace weft::ui {

namespace {

int clampToInt(qint64 value)
{
    // QSpinBox is int-based; no scenario needs more, and clamping keeps the
    // editor's bounds inside the spec's bounds rather than wrapping.
    return int(std::clamp<qint64>(value, std::numeric_limits<int>::min(),
                                  std::numeric_limits<int>::max()));
}

} // namespace

ParameterForm::ParameterForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // In a narrow dock a long label goes above its editor rather than pushing it off-screen.
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
}

void ParameterForm::setSpecs(const QList<ParameterSpec> &specs)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_specs = specs;
    if (specs.isEmpty()) {
        auto *none = new QLabel(tr("This scenario has no parameters."), this);
        none->setEnabled(false);
        m_layout->addRow(none);
        return;
    }
    for (const ParameterSpec &spec : specs) {
        QWidget *editor = createEditor(spec);
        editor->setToolTip(spec.help);
        editor->setObjectName(spec.key);
        m_editors.insert(spec.key, editor);
        if (spec.type == ParameterSpec::Type::Boolean) {
            m_layout->addRow(QString(), editor);
        } else {
            auto *label = new QLabel(spec.label, this);
            label->setToolTip(spec.help);
            label->setBuddy(editor);
            m_layout->addRow(label, editor);
        }
    }
}

QWidget *ParameterForm::createEditor(const ParameterSpec &spec)
{
    switch (spec.type) {
    case ParameterSpec::Type::Integer: {
        auto *box = new QSpinBox(this);
        box->setRange(clampToInt(spec.minimum.toLongLong()), clampToInt(spec.maximum.toLongLong()));
        box->setValue(clampToInt(spec.defaultValue.toLongLong()));
        box->setAccelerated(true);
        connect(box, &QSpinBox::valueChanged, this, &ParameterForm::valuesChanged);
        return box;
    }
    case ParameterSpec::Type::Real: {
        auto *box = new QDoubleSpinBox(this);
        box->setDecimals(3);
        box->setRange(spec.minimum.toDouble(), spec.maximum.toDouble());
        box->setSingleStep((spec.maximum.toDouble() - spec.minimum.toDouble()) > 10 ? 1.0 : 0.1);
        box->setValue(spec.defaultValue.toDouble());
        connect(box, &QDoubleSpinBox::valueChanged, this, &ParameterForm::valuesChanged);
        return box;
    }
    case ParameterSpec::Type::Boolean: {
        auto *box = new QCheckBox(spec.label, this);
        box->setChecked(spec.defaultValue.toBool());
        connect(box, &QCheckBox::toggled, this, &ParameterForm::valuesChanged);
        return box;
    }
    case ParameterSpec::Type::Choice: {
        auto *box = new QComboBox(this);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
        // The label is what the learner reads; the value is what the run and the command line use.
        for (qsizetype i = 0; i < spec.choices.size(); ++i)
            box->addItem(spec.choiceLabel(i), spec.choices.at(i));
        box->setCurrentIndex(std::max(0, int(spec.choices.indexOf(spec.defaultValue.toString()))));
        connect(box, &QComboBox::currentIndexChanged, this, &ParameterForm::valuesChanged);
        return box;
    }
    case ParameterSpec::Type::Text: {
        auto *edit = new QLineEdit(spec.defaultValue.toString(), this);
        if (spec.maximum.isValid() && spec.maximum.toInt() > 0)
            edit->setMaxLength(spec.maximum.toInt());
        connect(edit, &QLineEdit::textChanged, this, &ParameterForm::valuesChanged);
        return edit;
    }
    }
    return new QWidget(this);
}

QVariant ParameterForm::editorValue(const ParameterSpec &spec) const
{
    QWidget *editor = m_editors.value(spec.key);
    switch (spec.type) {
    case ParameterSpec::Type::Integer:
        return qint64(static_cast<QSpinBox *>(editor)->value());
    case ParameterSpec::Type::Real:
        return static_cast<QDoubleSpinBox *>(editor)->value();
    case ParameterSpec::Type::Boolean:
        return static_cast<QCheckBox *>(editor)->isChecked();
    case ParameterSpec::Type::Choice:
        return static_cast<QComboBox *>(editor)->currentData();
    case ParameterSpec::Type::Text:
        return static_cast<QLineEdit *>(editor)->text();
    }
    return {};
}

ParameterValues ParameterForm::values() const
{
    // Start from the defaults so a value an editor cannot hold still falls
    // back to something the spec accepts.
    ParameterValues values = ParameterValues::defaults(m_specs);
    for (const ParameterSpec &spec : m_specs) {
        const QVariant value = editorValue(spec);
        if (spec.validate(value).isEmpty())
            values.set(spec.key, value);
    }
    return values;
}

bool ParameterForm::setValue(const QString &key, const QVariant &value)
{
    QWidget *editor = m_editors.value(key);
    if (!editor)
        return false;
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        box->setValue(clampToInt(value.toLongLong()));
    else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        box->setValue(value.toDouble());
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(value.toBool());
    else if (auto *box = qobject_cast<QComboBox *>(editor)) {
        const int index = box->findData(value.toString());
        if (index < 0)
            return false;
        box->setCurrentIndex(index);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value.toString());
    return true;
}

void ParameterForm::setValues(const ParameterValues &values)
{
    for (auto it = values.map().cbegin(); it != values.map().cend(); ++it)
        setValue(it.key(), it.value());
}

void ParameterForm::resetToDefaults()
{
    for (const ParameterSpec &spec : m_specs)
        setValue(spec.key, spec.defaultValue);
}

} // namespace weft::ui
