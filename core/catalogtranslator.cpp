#include "catalogtranslator.h"

#include <QFile>
#include <QXmlStreamReader>

namespace weft {

namespace {
QString key(const QString &context, const QString &source)
{
    return context + QChar(0x1f) + source;
}

// A plain <translation> is its text. A numerus one holds <numerusform> children with
// layout whitespace between them; its translation is the first form (Chinese has one),
// never that whitespace, or a plural label would start with a newline and indentation.
QString readTranslation(QXmlStreamReader &xml)
{
    QString text;
    QString firstForm;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters()) {
            text += xml.text();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
            const QString form = xml.readElementText();
            if (!numerus)
                firstForm = form;
            numerus = true;
        } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
            break;
        }
    }
    return numerus ? firstForm : text;
}

} // namespace

CatalogTranslator::CatalogTranslator(QObject *parent)
    : QTranslator(parent)
{
}

bool CatalogTranslator::loadCatalog(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    QString translation;
    bool finished = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                source.clear();
                translation.clear();
                finished = false;
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                finished = type != QLatin1String("unfinished") && type != QLatin1String("vanished")
                    && type != QLatin1String("obsolete");
                translation = readTranslation(xml);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (finished && !translation.isEmpty() && !source.isEmpty()) {
                m_byContext.insert(key(context, source), translation);
                m_bySource.insert(source, translation);
            }
        }
    }
    return !xml.hasError() && !m_bySource.isEmpty();
}

QString CatalogTranslator::translate(const char *context, const char *sourceText,
                                     const char *disambiguation, int n) const
{
    Q_UNUSED(disambiguation);
    const QString source = QString::fromUtf8(sourceText);
    QString result = m_byContext.value(key(QString::fromUtf8(context), source));
    if (result.isEmpty())
        result = m_bySource.value(source);
    if (!result.isEmpty() && n >= 0)
        result.replace(QLatin1String("%n"), QString::number(n));
    return result;
}

} // namespace weft
