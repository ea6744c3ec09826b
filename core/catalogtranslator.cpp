#include "catalogtranslator.h"

#include <QFile>
#include <QXmlStreamReader>

namespace weft {

namespace {
QString key(const QString &context, const QString &source)
{
    return context + QChar(0x1f) + source;
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
                translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
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
