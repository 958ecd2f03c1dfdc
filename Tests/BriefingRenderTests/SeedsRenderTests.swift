import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
/// The five real readouts in seeds/, extracted by the pipeline and rendered.
@Suite struct SeedsRenderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func seedsAnalysis() throws -> Analysis {
        let (config, _) = try Configuration.load(layoutsFolder: root.appendingPathComponent("layouts"))
        return try CorpusAnalyzer(configuration: config, options: .init(asOf: CalendarDay(year: 2026, month: 1, day: 1)))
            .analyze(folder: root.appendingPathComponent("seeds"))
    }

    @Test func seedsBookHasEveryTopicAndCountAndTheBriefIsOnePage() throws {
        let analysis = try Self.seedsAnalysis()
        #expect(analysis.meetings.count == 5)
        let folder = try PDFTools.temporaryFolder("seeds")
        let book = folder.appendingPathComponent("book.pdf")
        let report = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: book, date: PDFTools.date)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(try PDFTools.run("qpdf", ["--check", book.path]).status == 0)
        let lines = try PDFTools.text(book).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for t in analysis.topics where t.mentions > 0 {
            let row = lines.first { $0.hasPrefix(t.label + " ") && $0.split(separator: " ").suffix(5).prefix(3).map(String.init)
                == [String(t.mentions), String(t.meetings), String(t.commitments)] }
            #expect(row != nil, "seeds: no overview row for \(t.id) reading \(t.mentions) \(t.meetings) \(t.commitments)")
        }
        for m in analysis.meetings { #expect(lines.contains { $0.contains(m.file) }, "seeds: \(m.file) not in the sources") }

        let brief = folder.appendingPathComponent("brief.pdf")
        _ = try BriefRenderer(layout: .defaults(for: .brief)).render(analysis, to: brief, date: PDFTools.date)
        #expect(try PDFTools.pages(brief) == 1)
    }
}
}
