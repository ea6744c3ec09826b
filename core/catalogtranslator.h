#pragma once

#include <QHash>
#include <QTranslator>

namespace weft {

// A translator that reads a Qt Linguist .ts catalogue directly.
//
// Lookup is by (context, source) first and falls back to the source text
// alone, so a string whose tr() context differs between lupdate's view and
// the running code (free functions, helper classes) is still translated.
// Unfinished entries are ignored, as lrelease would.
class CatalogTranslator : public QTranslator
{
    Q_OBJECT
public:
    explicit CatalogTranslator(QObject *parent = nullptr);

    bool loadCatalog(const QString &tsPath);
    bool isEmpty() const override { return m_bySource.isEmpty(); }
    int size() const { return int(m_bySource.size()); }

    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;

private:
    QHash<QString, QString> m_byContext;  // "context\x1fsource" -> translation
    QHash<QString, QString> m_bySource;   // source -> translation
};

} // namespace weft
