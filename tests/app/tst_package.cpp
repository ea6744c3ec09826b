// SPDX-License-Identifier: MIT
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Builds the Debian package with CPack and checks what it would install.
class TestPackage : public QObject
{
    Q_OBJECT
private slots:
    void debContainsBinaryIconAndDesktopFile();
};

void TestPackage::debContainsBinaryIconAndDesktopFile()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QSKIP("dpkg-deb is not available");
    QTemporaryDir out;
    QVERIFY(out.isValid());
    QProcess cpack;
    cpack.setWorkingDirectory(QStringLiteral(WEFT_BUILD_DIR));
    cpack.start(QStringLiteral("cpack"),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out.path()});
    QVERIFY(cpack.waitForFinished(300000));
    QVERIFY2(cpack.exitCode() == 0, cpack.readAllStandardError().constData());

    const QStringList debs = QDir(out.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    QProcess list;
    list.start(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), out.filePath(debs.first())});
    QVERIFY(list.waitForFinished(60000));
    const QString contents = QString::fromUtf8(list.readAllStandardOutput());
    QVERIFY2(contents.contains(QStringLiteral("./usr/bin/weft")), qPrintable(contents));
    QVERIFY2(contents.contains(QStringLiteral("./usr/share/applications/weft.desktop")),
             qPrintable(contents));
    QVERIFY2(contents.contains(QStringLiteral("./usr/share/icons/hicolor/scalable/apps/weft.svg")),
             qPrintable(contents));
    // weft record looks for its library in ../lib[/<multiarch>]/weft next to the binary.
    static const QRegularExpression library(
        QStringLiteral("\\./usr/lib/([a-z0-9_-]+/)?weft/libweftrecord\\.so"));
    QVERIFY2(library.match(contents).hasMatch(), qPrintable(contents));
    QVERIFY2(!contents.contains(QStringLiteral("rec_")),
             qPrintable(contents)); // test programs stay out
    // The Python probe goes where weft record looks for it: beside the library.
    QVERIFY2(contents.contains(QStringLiteral("/weft/weft_probe.py")), qPrintable(contents));

    // The programs are stripped: no debug information in the package.
    QTemporaryDir unpacked;
    QVERIFY(unpacked.isValid());
    QProcess extract;
    extract.start(QStringLiteral("dpkg-deb"),
                  {QStringLiteral("-x"), out.filePath(debs.first()), unpacked.path()});
    QVERIFY(extract.waitForFinished(120000));
    QCOMPARE(extract.exitCode(), 0);
    QFile binary(unpacked.filePath(QStringLiteral("usr/bin/weft")));
    QVERIFY(binary.open(QIODevice::ReadOnly));
    QVERIFY(!binary.readAll().contains(".debug_info"));

    QProcess info;
    info.start(QStringLiteral("dpkg-deb"),
               {QStringLiteral("-f"), out.filePath(debs.first()), QStringLiteral("Depends")});
    QVERIFY(info.waitForFinished(60000));
    QVERIFY(
        QString::fromUtf8(info.readAllStandardOutput()).contains(QStringLiteral("fonts-noto-cjk")));
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
