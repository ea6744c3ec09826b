#include "core/catalogtranslator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace weft;

class TestCatalogTranslator : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void plainTranslationByContextAndSource();
    void numerusTranslationIsItsFirstFormWithoutLayout();
    void unfinishedEntriesAreIgnored();

private:
    QTemporaryDir m_dir;
    CatalogTranslator m_translator;
};

void TestCatalogTranslator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("t.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Ctx</name>
    <message>
        <source>Lock &amp; key</source>
        <translation>锁与钥匙</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n thread(s)</source>
        <translation>
            <numerusform>%1 — %n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished">还没有</translation>
    </message>
</context>
</TS>
)");
    file.close();
    QVERIFY(m_translator.loadCatalog(path));
}

void TestCatalogTranslator::plainTranslationByContextAndSource()
{
    QCOMPARE(m_translator.translate("Ctx", "Lock & key"), QStringLiteral("锁与钥匙"));
    // Another context still finds it by its source.
    QCOMPARE(m_translator.translate("Other", "Lock & key"), QStringLiteral("锁与钥匙"));
}

void TestCatalogTranslator::numerusTranslationIsItsFirstFormWithoutLayout()
{
    QCOMPARE(m_translator.translate("Ctx", "%1 — %n thread(s)", nullptr, 3),
             QStringLiteral("%1 — 3 个线程"));
}

void TestCatalogTranslator::unfinishedEntriesAreIgnored()
{
    QVERIFY(m_translator.translate("Ctx", "Not yet").isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogTranslator)
#include "tst_catalogtranslator.moc"
