// SPDX-License-Identifier: MIT
#include "core/nearlysortedsort.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <vector>

using namespace weft;

namespace {

// Sorted by key alone; `order` tells equal keys apart, so stability shows.
// Counts its assignments: shifting items is what a bad order would cost.
struct Item
{
    int key = 0;
    int order = 0;
    static inline std::size_t assignments = 0;

    Item() = default;
    Item(int k, int o)
        : key(k)
        , order(o)
    {
    }
    Item(const Item &) = default;
    Item &operator=(const Item &other)
    {
        ++assignments;
        key = other.key;
        order = other.order;
        return *this;
    }
    friend bool operator==(const Item &a, const Item &b)
    {
        return a.key == b.key && a.order == b.order;
    }
};

struct CountingLess
{
    std::size_t *calls;
    bool operator()(const Item &a, const Item &b) const
    {
        ++*calls;
        return a.key < b.key;
    }
};

// Keys in time order, except that every few items one is written early, the
// way a trace file writes a slice's end beside its begin; keys repeat.
std::vector<Item> nearlySorted(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<Item> items;
    int key = 0;
    for (int i = 0; i < count; ++i) {
        key += int(random.bounded(3));
        const bool early = random.bounded(5) == 0;
        items.push_back({early ? key + int(random.bounded(4)) : key, i});
    }
    return items;
}

std::vector<Item> stableSorted(std::vector<Item> items)
{
    std::stable_sort(items.begin(), items.end(),
                     [](const Item &a, const Item &b) { return a.key < b.key; });
    return items;
}

} // namespace

class TestNearlySortedSort : public QObject
{
    Q_OBJECT
private slots:
    void comesOutAsStableSortWouldHaveIt_data();
    void comesOutAsStableSortWouldHaveIt();
    void nearlySortedInputTakesAboutOnePass();
    void inputInAnotherOrderCostsABoundedDetour();
    void aMergedTailSortsTheWholeAndMovesOnlyFromItsPlace();
};

void TestNearlySortedSort::comesOutAsStableSortWouldHaveIt_data()
{
    QTest::addColumn<std::vector<Item>>("items");
    QTest::addColumn<std::size_t>("maxMoves");
    QTest::newRow("empty") << std::vector<Item>() << std::size_t(10);
    QTest::newRow("one") << std::vector<Item> {{5, 0}} << std::size_t(10);
    QTest::newRow("all equal") << std::vector<Item> {{1, 0}, {1, 1}, {1, 2}, {1, 3}}
                               << std::size_t(10);
    QTest::newRow("first belongs last")
        << std::vector<Item> {{9, 0}, {1, 1}, {2, 2}, {2, 3}, {3, 4}} << std::size_t(10);
    QTest::newRow("last belongs first")
        << std::vector<Item> {{1, 0}, {2, 1}, {2, 2}, {3, 3}, {0, 4}} << std::size_t(10);
    QTest::newRow("nearly sorted, within the budget")
        << nearlySorted(5000, 1) << std::size_t(10000);
    QTest::newRow("nearly sorted, budget spent half way")
        << nearlySorted(5000, 2) << std::size_t(300);
    QTest::newRow("nearly sorted, no budget") << nearlySorted(5000, 3) << std::size_t(0);
    std::vector<Item> reversed = nearlySorted(3000, 4);
    std::reverse(reversed.begin(), reversed.end());
    QTest::newRow("reversed") << reversed << std::size_t(3000);
}

void TestNearlySortedSort::comesOutAsStableSortWouldHaveIt()
{
    QFETCH(std::vector<Item>, items);
    QFETCH(std::size_t, maxMoves);
    const std::vector<Item> expected = stableSorted(items);
    std::size_t calls = 0;
    stableSortNearlySorted(items.begin(), items.end(), CountingLess {&calls}, maxMoves);
    QVERIFY(items == expected);
}

void TestNearlySortedSort::nearlySortedInputTakesAboutOnePass()
{
    // std::stable_sort would compare each item about log2(n) = 17 times.
    std::vector<Item> items = nearlySorted(100'000, 5);
    std::size_t calls = 0;
    stableSortNearlySorted(items.begin(), items.end(), CountingLess {&calls}, items.size());
    QVERIFY(items == stableSorted(items));
    QVERIFY2(calls < 3 * items.size(), qPrintable(QString::number(calls)));
}

void TestNearlySortedSort::inputInAnotherOrderCostsABoundedDetour()
{
    // Reversed, insertion alone would shift n * n / 2 = 2e8 items; the budget
    // stops it after n shifts and std::stable_sort (~n log2 n) does the rest.
    std::vector<Item> items = nearlySorted(20'000, 6);
    std::reverse(items.begin(), items.end());
    const std::vector<Item> expected = stableSorted(items);
    std::size_t calls = 0;
    Item::assignments = 0;
    stableSortNearlySorted(items.begin(), items.end(), CountingLess {&calls}, items.size());
    const std::size_t assignments = Item::assignments;
    QVERIFY(items == expected);
    QVERIFY2(assignments < 40 * items.size(), qPrintable(QString::number(assignments)));
}

void TestNearlySortedSort::aMergedTailSortsTheWholeAndMovesOnlyFromItsPlace()
{
    // A sorted list with new elements after it, in any order: mostly the
    // latest (as a live run's), or anywhere, or none.
    QRandomGenerator random(7);
    for (int round = 0; round < 200; ++round) {
        std::vector<int> values(random.bounded(40));
        for (int &v : values)
            v = random.bounded(1000);
        std::sort(values.begin(), values.end());
        const auto sortedCount = std::ptrdiff_t(values.size());
        const int added = random.bounded(10);
        for (int a = 0; a < added; ++a)
            values.push_back(round % 2 ? 900 + random.bounded(200) : random.bounded(1000));
        const std::vector<int> before = values;
        std::vector<int> whole = values;
        std::sort(whole.begin(), whole.end());
        const auto from = mergeSortedTail(values.begin(), values.begin() + sortedCount,
                                          values.end(), std::less<>());
        QCOMPARE(values, whole);
        // Before the place it returns nothing moved, and there the first new one belongs.
        QVERIFY(std::equal(values.begin(), from, before.begin()));
        if (added == 0)
            QVERIFY(from == values.end());
        else
            QCOMPARE(*from, *std::min_element(before.begin() + sortedCount, before.end()));
    }
}

QTEST_APPLESS_MAIN(TestNearlySortedSort)
#include "tst_nearlysortedsort.moc"
