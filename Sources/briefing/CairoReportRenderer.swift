import BriefingAggregate
import BriefingModel
import BriefingRender
import BriefingSchedule
import Foundation

/// The Cairo rendering stage (module BriefingRender, compiled in once it is a dependency of
/// this target) as the scheduler's `ReportRenderer`: book and brief as one PDF
/// each, charts as a folder of PDFs, with the layouts from the layouts folder.
struct CairoReportRenderer: ReportRenderer {
    let layoutsFolder: URL

    func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, to url: URL) throws {
        try render(analysis, kind: kind, context: context, history: nil, to: url)
    }

    /// Books and briefs carry a "Since" section against the previous period when `history`
    /// (the previous period's readouts with this one's) is given.
    func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, history: Analysis?, to url: URL) throws {
        let since = history.map { ChangeFinder.changes(in: $0, since: context.startDay, through: context.lastDay) }
        // The period covered is the schedule's period, even when its meetings span less of it
        // (or none), and the document is dated by the period's last day, so it is reproducible.
        var a = analysis
        a.summary.firstDate = context.startDay
        a.summary.lastDate = context.lastDay
        let date = DocumentDate(epoch: context.lastDay.dayNumber * 86_400)
        switch kind {
        case .book:
            let layout = try LayoutLoader.load(name: nil, kind: .book, folder: layoutsFolder)
            _ = try BookRenderer(layout: layout).render(a, to: url, date: date, since: since)
        case .brief:
            let layout = try LayoutLoader.load(name: nil, kind: .brief, folder: layoutsFolder)
            _ = try BriefRenderer(layout: layout).render(a, to: url, date: date, since: since)
        case .charts:
            let layout = try LayoutLoader.load(name: nil, kind: .book, folder: layoutsFolder)
            let exporter = ChartExporter(layout: layout)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            for item in exporter.overviewItems(a) + a.topics.map(exporter.topicItem) {
                _ = try exporter.write(item, format: .pdf, folder: url, date: date)
            }
        case .analysis:
            throw AnalysisJSONRenderer.UnavailableLayout(kind: kind)  // written by AnalysisJSONRenderer
        }
    }
}
