#include "tools/screenshots/ScreenshotRunner.h"

#include "ui/data/DataPage.h"
#include "ui/demo/DemoPage.h"
#include "ui/evaluate/EvaluationSession.h"
#include "ui/MainWindow.h"
#include "tools/screenshots/TrainDemoScreenshot.h"
#include "ui/data/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace tagbench::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
{
    connect(m_window->workspace(), &Workspace::loadFailed, this, [this](const QString& path, const QString& message) {
        std::fprintf(stderr, "tagbench: cannot load %s: %s\n", qPrintable(path), qPrintable(message));
        ++m_failures;
    });
}

void ScreenshotRunner::start()
{
    if (m_window->workspace()->isLoading()) {
        connect(m_window->workspace(), &Workspace::loadingIdle, this, &ScreenshotRunner::start,
                Qt::SingleShotConnection);
        return;
    }
    EvaluationSession* evaluation = m_window->evaluation();
    if (evaluation->isLoading()) {
        connect(evaluation, &EvaluationSession::runLoaded, this, &ScreenshotRunner::start, Qt::SingleShotConnection);
        connect(evaluation, &EvaluationSession::loadFailed, this, [this](const QString& runDir, const QString& message) {
            std::fprintf(stderr, "tagbench: cannot load run %s: %s\n", qPrintable(runDir), qPrintable(message));
            ++m_failures;
            start();
        });
        return;
    }
    if (m_started)
        return;
    m_started = true;
    // Train, Demo and Export need a trained model: train the sample config first.
    auto* scenario = new TrainDemoScreenshot(m_window, this);
    connect(scenario, &TrainDemoScreenshot::ready, this, [this] {
        // Let queued layout and replot events run so the pages show their final state.
        QTimer::singleShot(500, this, &ScreenshotRunner::captureAll);
    });
    scenario->start();
}

void ScreenshotRunner::save(const QString& name)
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    if (!m_window->grab().save(file)) {
        std::fprintf(stderr, "tagbench: cannot write %s\n", qPrintable(file));
        ++m_failures;
    } else {
        std::printf("%s\n", qPrintable(file));
    }
}

void ScreenshotRunner::captureAll()
{
    if (!QDir().mkpath(m_directory)) {
        std::fprintf(stderr, "tagbench: cannot create folder %s\n", qPrintable(m_directory));
        emit finished(1);
        return;
    }
    const int original = m_window->currentPage();
    for (int page = 0; page < m_window->pageCount(); ++page) {
        m_window->setCurrentPage(page);
        if (page == MainWindow::DataPageIndex) {
            // The data page is five views in tabs; each gets its own picture.
            static const char* const tabIds[] = {"distribution", "cardinality", "cooccurrence", "hierarchy",
                                                 "documents"};
            for (int tab = 0; tab < DataPage::TabCount; ++tab) {
                m_window->findChild<DataPage*>(QStringLiteral("DataPage"))->setCurrentTab(tab);
                save(QStringLiteral("data-%1").arg(QLatin1String(tabIds[tab])));
            }
            m_window->findChild<DataPage*>(QStringLiteral("DataPage"))->setCurrentTab(DataPage::DistributionTab);
            continue;
        }
        save(m_window->pageId(page));
        if (page == MainWindow::DemoPageIndex) {
            // Presentation mode is its own full-screen window; picture it at the window's size.
            auto* demo = m_window->findChild<DemoPage*>(QStringLiteral("DemoPage"));
            demo->setPresentationMode(true);
            demo->stage()->resize(m_window->size());
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            const QString file = QDir(m_directory).filePath(QStringLiteral("demo-presentation.png"));
            if (!demo->stage()->grab().save(file)) {
                std::fprintf(stderr, "tagbench: cannot write %s\n", qPrintable(file));
                ++m_failures;
            } else {
                std::printf("%s\n", qPrintable(file));
            }
            demo->setPresentationMode(false);
        }
    }
    m_window->setCurrentPage(original);
    emit finished(m_failures == 0 ? 0 : 1);
}

} // namespace tagbench::ui
