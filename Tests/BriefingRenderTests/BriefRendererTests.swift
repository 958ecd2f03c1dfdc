import BriefingModel
import BriefingCorpus
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct BriefRendererTests {
    func render(_ analysis: Analysis, _ name: String, layout: Layout = .defaults(for: .brief)) throws -> (URL, RenderReport) {
        let url = try PDFTools.temporaryFolder("brief").appendingPathComponent(name)
        return (url, try BriefRenderer(layout: layout).render(analysis, to: url, date: PDFTools.date))
    }

    @Test func isOnePageOnASmallCorpus() throws {
        let (url, report) = try render(Fixtures.small, "small.pdf")
        #expect(report.pages == 1)
        #expect(try PDFTools.pages(url) == 1)
        let text = try PDFTools.text(url)
        for t in Fixtures.small.topics.prefix(5) { #expect(text.contains(t.label)) }
    }

    @Test func isOnePageOnTenThousandReadouts() throws {
        let big = SyntheticAnalysis.make(meetings: 10_000, threads: 240, seed: 5)
        let (url, _) = try render(big, "10k.pdf")
        #expect(try PDFTools.pages(url) == 1)
        let text = try PDFTools.text(url)
        #expect(text.contains("10000 meetings"))
        #expect(text.contains("more"), "long lists must say how many were left out")
    }

    @Test func isOnePageEvenWithHugeLimitsAndLargeType() throws {
        var layout = Layout.defaults(for: .brief)
        layout.limits.summaryTopics = 500
        layout.limits.summaryThreads = 500
        layout.fonts.size = 14
        let (url, _) = try render(SyntheticAnalysis.make(meetings: 2000, threads: 300, seed: 9), "huge.pdf", layout: layout)
        #expect(try PDFTools.pages(url) == 1)
    }

    @Test func isOnePageOnAnEmptyAnalysis() throws {
        let (url, _) = try render(SyntheticAnalysis.make(meetings: 0, threads: 0), "empty.pdf")
        #expect(try PDFTools.pages(url) == 1)
    }
}
}
