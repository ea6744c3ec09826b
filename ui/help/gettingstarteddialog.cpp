// SPDX-License-Identifier: MIT
#include "gettingstarteddialog.h"

#include "core/language.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace weft::ui {

GettingStartedDialog::GettingStartedDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Getting started with Weft"));
    auto *browser = new QTextBrowser(this);
    browser->setOpenExternalLinks(false);
    browser->setHtml(pageHtml(Language::effective()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(720, 640);
}

QString GettingStartedDialog::pageHtml(const QString &language)
{
    QFile localized(QStringLiteral(":/help/getting-started_%1.html").arg(language));
    if (language != QLatin1String("en") && localized.open(QIODevice::ReadOnly))
        return QString::fromUtf8(localized.readAll());
    QFile english(QStringLiteral(":/help/getting-started.html"));
    return english.open(QIODevice::ReadOnly) ? QString::fromUtf8(english.readAll()) : QString();
}

bool GettingStartedDialog::isFirstRun()
{
    QSettings settings;
    const bool first = !settings.value(QStringLiteral("help/gettingStartedShown")).toBool();
    settings.setValue(QStringLiteral("help/gettingStartedShown"), true);
    return first;
}

} // namespace weft::ui
