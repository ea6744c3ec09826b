// SPDX-License-Identifier: MIT
#include "core/interchange/utf8interner.h"

#include <QTest>
#include <string>

using namespace weft;

class TestUtf8Interner : public QObject
{
    Q_OBJECT
private slots:
    void givesEachDistinctTextOneId();
    void keepsIdsAcrossGrowth();
    void decodesUtf8Once();
};

void TestUtf8Interner::givesEachDistinctTextOneId()
{
    Utf8Interner texts;
    const quint32 a = texts.intern("lock");
    const quint32 b = texts.intern("unlock");
    QCOMPARE(a, 1u);
    QCOMPARE(b, 2u);
    QCOMPARE(texts.intern(std::string("lock")), a);
    QCOMPARE(texts.intern("unlock"), b);
    // A prefix is another text, not a match.
    QCOMPARE(texts.intern("loc"), 3u);
    QCOMPARE(texts.size(), std::size_t(3));
}

void TestUtf8Interner::keepsIdsAcrossGrowth()
{
    // Far past the first index size: every id must still be found after each growth.
    Utf8Interner texts;
    const int count = 50'000;
    for (int i = 0; i < count; ++i)
        QCOMPARE(texts.intern("name-" + std::to_string(i)), quint32(i + 1));
    for (int i = count - 1; i >= 0; i -= 7)
        QCOMPARE(texts.intern("name-" + std::to_string(i)), quint32(i + 1));
    const std::vector<QString> strings = texts.take();
    QCOMPARE(strings.size(), std::size_t(count));
    QCOMPARE(strings.front(), QStringLiteral("name-0"));
    QCOMPARE(strings.back(), QStringLiteral("name-%1").arg(count - 1));
    QCOMPARE(texts.size(), std::size_t(0));
}

void TestUtf8Interner::decodesUtf8Once()
{
    Utf8Interner texts;
    const quint32 id = texts.intern("互斥锁 L1");
    QCOMPARE(texts.intern("互斥锁 L1"), id);
    QVERIFY(texts.intern("互斥锁 L2") != id);
    QCOMPARE(texts.take().front(), QStringLiteral("互斥锁 L1"));
}

QTEST_GUILESS_MAIN(TestUtf8Interner)
#include "tst_utf8interner.moc"
