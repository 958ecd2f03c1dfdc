import BriefingAggregate
import BriefingModel
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
/// The "Since DATE" section on the seeds, read back with pdftotext against the analysis; the
/// brief stays one page with it.
@Suite struct SinceSectionTests {
    @Test func theBookSaysWhatChangedSinceTheDay() throws {
        let analysis = try SeedsRenderTests.seedsAnalysis()
        let since = try #require(CalendarDay(iso: "2018-01-01"))
        let changes = ChangeFinder.changes(in: analysis, since: since)
        let book = try PDFTools.temporaryFolder("since").appendingPathComponent("book.pdf")
        _ = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: book, date: PDFTools.date, since: changes)
        let names = try BookSourcesTests.links(book).names
        let page = try #require(names["since"])
        let end = try #require(names["summary"])
        let text = try PDFTools.text(book, layout: false, first: page, last: end - 1)
        #expect(text.contains("Since 2018-01-01"))
        #expect(text.contains("New commitments (\(changes.newCommitments.count))"))
        #expect(text.contains("Threads whose trend changed (\(changes.threadChanges.count))"))
        #expect(text.contains("People who met for the first time (\(changes.firstMeetings.count))"))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        for n in changes.newCommitments.suffix(20) {
            let words = n.commitment.text.split(separator: " ").prefix(5).joined(separator: " ")
            #expect(flat.contains(words), "new commitment \(n.commitment.statement) “\(words)” not listed")
        }
        for t in changes.threadChanges.prefix(20) { #expect(text.contains("\(t.before.rawValue) → \(t.after.rawValue)"), "\(t.thread)") }
        for p in changes.firstMeetings.prefix(20) { #expect(text.contains(p.participant.name), "\(p.participant.name) not listed") }
        // Topic rows, as laid out: label, before, since, change, rose or fell.
        let rows = try PDFTools.text(book, first: page, last: end - 1).split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        for s in changes.topicShifts.prefix(20) {
            let d = s.after - s.before
            let row = "\(s.label) \(s.before) \(s.after) \(d > 0 ? "+" : "−")\(abs(d)) \(s.rose ? "rose" : "fell")"
            #expect(rows.contains(row), "topic \(s.topic): no row “\(row)”")
        }
        // Without a day there is no section.
        let plain = try PDFTools.temporaryFolder("since").appendingPathComponent("plain.pdf")
        _ = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: plain, date: PDFTools.date)
        #expect(try BookSourcesTests.links(plain).names["since"] == nil)
    }

    @Test func theBriefGivesTheTopLinesOnItsOnePage() throws {
        let analysis = try SeedsRenderTests.seedsAnalysis()
        let changes = ChangeFinder.changes(in: analysis, since: try #require(CalendarDay(iso: "2017-11-01")))
        let brief = try PDFTools.temporaryFolder("since").appendingPathComponent("brief.pdf")
        let report = try BriefRenderer(layout: .defaults(for: .brief)).render(analysis, to: brief, date: PDFTools.date, since: changes)
        let pages = try PDFTools.pages(brief)
        #expect(report.pages == 1 && pages == 1)
        let text = try PDFTools.text(brief, layout: false)
        #expect(text.contains("Since 2017-11-01"))
        #expect(text.contains("\(changes.newCommitments.count) new commitments"))
        let strongest = try #require(changes.newCommitments.max { $0.commitment.strength < $1.commitment.strength })
        #expect(text.contains("· \(strongest.commitment.strength.label) ·"))
        // Each new commitment's line names its sentence before the quote, which may be cut.
        let shown = SinceLines(changes: changes, analysis: analysis).strongestCommitments.prefix(Layout.defaults(for: .brief).limits.sinceLines)
        for n in shown { #expect(text.contains("· \(n.commitment.statement): “"), "\(n.commitment.statement) not named before its quote") }
    }
}
}
