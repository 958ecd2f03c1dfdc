import BriefingAggregate
import BriefingModel
import BriefingCorpus
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct BookRendererTests {
    let analysis = Fixtures.small

    func render(_ name: String, layout: Layout = .defaults(for: .book), analysis: Analysis? = nil) throws -> (URL, RenderReport) {
        let url = try PDFTools.temporaryFolder("book").appendingPathComponent(name)
        let report = try BookRenderer(layout: layout).render(analysis ?? self.analysis, to: url, date: PDFTools.date)
        return (url, report)
    }

    @Test func everyTopicLabelAndCountInTheOverviewTableEqualsTheAnalysis() throws {
        let (url, report) = try render("counts.pdf")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let text = try PDFTools.text(url)
        let lines = text.split(separator: "\n").map(String.init)
        for t in analysis.topics {
            let row = lines.first { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix(t.label + " ")
                    && line.split(separator: " ").suffix(5).map(String.init)
                    == [String(t.mentions), String(t.meetings), String(t.commitments),
                        t.firstDate?.description ?? "undated", t.lastDate?.description ?? "undated"]
            }
            #expect(row != nil, "topic \(t.id): no overview row reading \(t.label) \(t.mentions) \(t.meetings) \(t.commitments)")
        }
    }

    @Test func frequencyChartBarsCarryTheAnalysisCounts() throws {
        let (url, _) = try render("chart-counts.pdf")
        // In drawing order: each bar's label, then its mentions, then its meetings.
        let raw = try PDFTools.text(url, layout: false).split(separator: "\n").map(String.init)
        let sorted = analysis.topics.sorted { ($0.mentions, $0.meetings, $1.id) > ($1.mentions, $1.meetings, $0.id) }
        for t in sorted {
            let found = raw.indices.contains { i in
                i + 2 < raw.count && raw[i] == t.label && raw[i + 1] == String(t.mentions) && raw[i + 2] == String(t.meetings)
            }
            #expect(found, "frequency chart: \(t.label) should read \(t.mentions) then \(t.meetings)")
        }
    }

    @Test func passesQpdfCheckEmbedsEveryFontAndHasMetadataAndOutline() throws {
        let (url, report) = try render("check.pdf")
        let check = try PDFTools.run("qpdf", ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
        let fonts = try PDFTools.run("pdffonts", [url.path]).output.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for f in fonts {
            let cols = f.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.count >= 5 && cols[cols.count - 5] == "yes", "font not embedded: \(f)")
        }
        let info = try PDFTools.info(url)
        #expect(info["Title"] == Layout.defaults(for: .book).titled(by: analysis.relationship).title)
        #expect(info["Author"] == "BriefingBook")
        #expect(info["Creator"]?.hasPrefix("BriefingBook") == true)
        #expect(Int(info["Pages"] ?? "") == report.pages)
        let outline = try PDFTools.run("qpdf", ["--json", "--json-key=outlines", url.path]).output
        for section in ["Summary", "Topic overview", "Commitment timeline", "Topics", "Meetings", "Appendix"] {
            #expect(outline.contains("\"title\": \"\(section)\""), "outline lacks \(section)")
        }
    }

    @Test func everyContentsEntryIsALiveLink() throws {
        let (url, _) = try render("links.pdf")
        let expanded = url.deletingLastPathComponent().appendingPathComponent("links-qdf.pdf")
        _ = try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", url.path, expanded.path])
        let text = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        // The rest link rows and lanes to sentences in Sources (BookSourcesTests).
        let links = try BookSourcesTests.links(url).links.filter { !["s:", "r:", "c:"].contains($0.dest.prefix(2)) }.count
        let outline = try PDFTools.run("qpdf", ["--json", "--json-key=outlines", url.path]).output
        let bookmarks = outline.components(separatedBy: "\"title\":").count - 1
        // The contents lists levels 1 and 2; the outline has the same entries.
        #expect(links > 0)
        #expect(links == bookmarks, "\(links) links for \(bookmarks) bookmarks")
        #expect(!text.contains("/Dest (") || text.contains("/Dests"))
    }

    @Test func letterLayoutGivesLetterPages() throws {
        var layout = Layout.defaults(for: .book)
        (layout.page.width, layout.page.height) = Layout.Page.letter
        let (url, _) = try render("letter.pdf", layout: layout)
        #expect(try PDFTools.info(url)["Page size"]?.hasPrefix("612 x 792") == true)
    }

    @Test func twoRendersAreByteIdentical() throws {
        let (a, _) = try render("a.pdf")
        let (b, _) = try render("b.pdf")
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test func contentsGivesThePageEachSectionStartsOn() throws {
        let (url, _) = try render("contents.pdf")
        let contents = try PDFTools.text(url, first: 2, last: 3)
        let line = try #require(contents.split(separator: "\n").first { $0.contains("Appendix") })
        let page = try #require(Int(line.split(separator: " ").last ?? ""))
        let appendixPage = try PDFTools.text(url, first: page, last: page)
        #expect(appendixPage.contains("Readouts"), "contents says Appendix is on page \(page)")
    }

    @Test func largeCorpusSummarisesMeetingsAndStaysQuick() throws {
        let big = SyntheticAnalysis.make(meetings: 3000, threads: 220, seed: 3)
        var layout = Layout.defaults(for: .book)
        layout.limits.meetingPages = 10
        let (url, report) = try render("big.pdf", layout: layout, analysis: big)
        let text = try PDFTools.text(url)
        #expect(text.contains("The 10 most recent of 3000 meetings have a page each"))
        #expect(text.contains("Showing the 60 most often made of 220 threads"))
        #expect(report.pages > 50)
        #expect(text.contains(big.meetings[0].file), "the appendix lists every source")
    }

    @Test func periodKeepsOnlyMeetingsInRange() throws {
        let from = CalendarDay(year: 2015, month: 1, day: 1)!, to = CalendarDay(year: 2016, month: 12, day: 31)!
        let sub = AnalysisPeriod(from: from, to: to).apply(to: analysis)
        #expect(!sub.meetings.isEmpty)
        #expect(sub.meetings.allSatisfy { $0.date.map { $0 >= from && $0 <= to } ?? false })
        let mentions = sub.meetings.flatMap(\.topics).reduce(0) { $0 + $1.mentions }
        #expect(sub.topics.reduce(0) { $0 + $1.mentions } == mentions)
    }
}
}
