import BriefingModel
@testable import BriefingSchedule
import Foundation
import Testing

/// Every report is given its previous period with it, for its "Since" section: the history a
/// renderer gets holds the previous period's readouts and the report's own.
@Suite struct PreviousPeriodTests {
    /// Writes which readouts the period and its history hold.
    struct HistoryRenderer: ReportRenderer {
        func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, to url: URL) throws {
            try render(analysis, kind: kind, context: context, history: nil, to: url)
        }

        func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, history: Analysis?, to url: URL) throws {
            let text = "period \(context.period) previous \(context.previousPeriod ?? "none")\n"
                + "own \(analysis.meetings.map(\.file).joined(separator: ","))\n"
                + "history \(history.map { $0.meetings.map(\.file).joined(separator: ",") } ?? "none")\n"
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func aWeeklyReportIsGivenTheWeekBeforeWithIt() throws {
        let ws = Workspace(); defer { ws.remove() }
        ws.addReadout("a.txt", date: "2026-01-06")
        ws.addReadout("b.txt", date: "2026-01-13")
        ws.addReadout("c.txt", date: "2026-01-15")
        let runner = ScheduleRunner(schedules: [.weekly(zone: "UTC")], analyzer: FakeAnalyzer(), renderer: HistoryRenderer(),
                                    options: .init(input: ws.input, output: ws.output, now: ISOTime.parse("2026-01-20T00:00:00Z")!))
        let report = try runner.run()
        #expect(report.produced.map(\.period) == ["2026-W02", "2026-W03"])
        let second = ws.read("weekly/2026-W03/briefing-book.pdf")
        #expect(second.contains("period 2026-W03 previous 2026-W02"))
        #expect(second.contains("own b.txt,c.txt"))
        #expect(second.contains("history a.txt,b.txt,c.txt"))
        // The schedule starts with 2026-W02: no period before it.
        #expect(ws.read("weekly/2026-W02/briefing-book.pdf").contains("previous none\nown a.txt\nhistory none"))
    }
}
