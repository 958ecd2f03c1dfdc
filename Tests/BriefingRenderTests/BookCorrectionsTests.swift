import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
/// The book's appendix lists the corrections in force (Tests/Fixtures/corrections), read back
/// from the PDF as a reader's tools see it.
@Suite struct BookCorrectionsTests {
    static func fixtureAnalysis(corrections: Bool) throws -> Analysis {
        let root = SeedsRenderTests.root
        let (config, _) = try Configuration.load(layoutsFolder: root.appendingPathComponent("layouts"))
        return try CorpusAnalyzer(configuration: config, options: .init(asOf: CalendarDay(year: 2026, month: 1, day: 1),
                                                                        applyCorrections: corrections))
            .analyze(folder: root.appendingPathComponent("Tests/Fixtures/corrections"))
    }

    /// The appendix's text from its heading on, lines trimmed, spaces collapsed.
    static func appendix(_ analysis: Analysis, _ name: String) throws -> [String] {
        let url = try PDFTools.temporaryFolder("corrections").appendingPathComponent(name)
        let report = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: url, date: PDFTools.date)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let lines = try PDFTools.text(url).split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        let start = lines.lastIndex { $0 == "Appendix" } ?? 0
        return Array(lines[start...])
    }

    @Test func theAppendixListsEachCorrectionInForce() throws {
        let lines = try Self.appendix(try Self.fixtureAnalysis(corrections: true), "corrected.pdf")
        let at = try #require(lines.firstIndex { $0 == "Corrections in force" }, "no Corrections in force section")
        let section = lines[at...].prefix { $0 != "Taxonomy" }.joined(separator: "\n")
        for row in ["010_telephone_may.txt 8 drop The two ministers shared the view",
                    "010_telephone_may.txt 9 add Minister Kono said that Japan will keep",
                    "010_telephone_may.txt 10 change The two ministers agreed to meet again",
                    "010_telephone_may.txt participant added Stephen Biegun",
                    "010_telephone_may.txt participant Michael R. Pompeo",
                    "010_telephone_may.txt place Tokyo",
                    "011_summit_september.txt date 2019-10-02",
                    "011_summit_september.txt kinds summit meeting, working lunch",
                    "011_summit_september.txt 9 change Prime Minister Abe expressed his"] {
            #expect(section.contains(row), "no row starting \(row) in:\n\(section)")
        }
        #expect(!section.contains("013_withdrawn_readout.txt"), "a stale correction is not in force")
        // The stale ones are among the warnings, with their line in corrections.yaml.
        let warnings = lines.joined(separator: "\n")
        #expect(warnings.contains("corrections.yaml:") && warnings.contains("(stale)"), "\(warnings)")
    }

    @Test func aBookWithoutCorrectionsHasNoSuchSection() throws {
        let lines = try Self.appendix(try Self.fixtureAnalysis(corrections: false), "plain.pdf")
        #expect(!lines.contains("Corrections in force"))
    }

    /// Commitment tables mark an analyst's rows (added or changed) with a dagger and say what it
    /// means under the table; the extractor's rows and books without corrections carry none.
    @Test func commitmentTablesMarkTheAnalystsRows() throws {
        let analysis = try Self.fixtureAnalysis(corrections: true)
        let url = try PDFTools.temporaryFolder("corrections").appendingPathComponent("marked.pdf")
        _ = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: url, date: PDFTools.date)
        let text = try PDFTools.text(url, layout: false).replacingOccurrences(of: "\n", with: " ")
        let analysts = analysis.meetings.flatMap(\.commitments).filter { $0.source != nil }
        #expect(analysts.count == 3, "the fixture adds one commitment and changes two")
        for cm in analysts {
            let tail = cm.text.split(separator: " ").suffix(3).joined(separator: " ")
            #expect(text.contains("\(tail)” †"), "\(cm.statement): no dagger after “…\(tail)”")
        }
        #expect(text.contains("† added or changed by an analyst (corrections.yaml)"))
        let extractors = analysis.meetings.flatMap(\.commitments).filter { $0.source == nil }
        for cm in extractors {
            let tail = cm.text.split(separator: " ").suffix(3).joined(separator: " ")
            #expect(!text.contains("\(tail)” †"), "\(cm.statement): the extractor's row is marked")
        }
        let plain = try PDFTools.temporaryFolder("corrections").appendingPathComponent("unmarked.pdf")
        _ = try BookRenderer(layout: .defaults(for: .book)).render(try Self.fixtureAnalysis(corrections: false), to: plain, date: PDFTools.date)
        #expect(!(try PDFTools.text(plain, layout: false)).contains("†"))
    }
}
}
