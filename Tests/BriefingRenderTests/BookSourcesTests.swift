import BriefingAggregate
import BriefingModel
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
/// The seeds' book: every commitment row, thread row and timeline lane links to its sentence
/// in the Sources part, every link resolves, and Sources reads back as the analysed sentences.
@Suite struct BookSourcesTests {
    /// Link annotations (page, destination name) and named destinations (name, page) of a PDF,
    /// from `qpdf --json`.
    static func links(_ url: URL) throws -> (links: [(page: Int, dest: String)], names: [String: Int]) {
        let out = try PDFTools.run("qpdf", ["--json", url.path]).output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let qpdf = try #require(json["qpdf"] as? [Any])
        let objects = try #require(qpdf[1] as? [String: Any])
        func value(_ ref: String) -> Any? { (objects["obj:" + ref] as? [String: Any])?["value"] }
        let pages = try #require(json["pages"] as? [[String: Any]]).compactMap { $0["object"] as? String }
        let pageNumber = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1, $0 + 1) })
        var names: [String: Int] = [:]
        for (_, o) in objects {
            guard let v = (o as? [String: Any])?["value"] as? [String: Any], let arr = v["/Names"] as? [Any] else { continue }
            for i in stride(from: 0, to: arr.count - 1, by: 2) {
                guard let name = arr[i] as? String else { continue }
                var d: Any? = arr[i + 1]
                if let ref = d as? String, ref.hasSuffix(" R") { d = value(ref) }
                if let list = d as? [Any], let p = list.first as? String { names[String(name.dropFirst(2))] = pageNumber[p] }
            }
        }
        var links: [(Int, String)] = []
        for (n, ref) in pages.enumerated() {
            guard let page = value(ref) as? [String: Any] else { continue }
            for a in page["/Annots"] as? [Any] ?? [] {
                guard let ar = a as? String, let annot = value(ar) as? [String: Any], annot["/Subtype"] as? String == "/Link",
                      let dest = annot["/Dest"] as? String else { continue }
                links.append((n + 1, String(dest.dropFirst(2))))
            }
        }
        return (links, names)
    }

    @Test func everyCommitmentRowAndLaneLinksToItsSentence() throws {
        let analysis = try SeedsRenderTests.seedsAnalysis()
        let layout = Layout.defaults(for: .book)
        let folder = try PDFTools.temporaryFolder("sources")
        let book = folder.appendingPathComponent("book.pdf")
        let since = try #require(CalendarDay(iso: "2017-11-01"))
        let changes = ChangeFinder.changes(in: analysis, since: since)
        _ = try BookRenderer(layout: layout).render(analysis, to: book, date: PDFTools.date, since: changes)
        #expect(try PDFTools.run("qpdf", ["--check", book.path]).status == 0)
        let (links, names) = try Self.links(book)
        for l in links { #expect(names[l.dest] != nil, "link on page \(l.page) to \(l.dest) resolves to no destination") }

        // What the book shows, counted from the analysis with the layout's limits.
        let l = layout.limits
        let commitments = analysis.meetings.reduce(0) { $0 + $1.commitments.count }
        let shownTopics = analysis.topics.filter { $0.mentions > 0 || $0.commitments > 0 }
        let topicRows = shownTopics.reduce(0) { $0 + min($1.commitments, l.topicCommitments) }
        let topicThreadRows = shownTopics.reduce(0) { n, t in n + min(analysis.threads.filter { $0.topic == t.id }.count, l.topicThreads) }
        let digest = BriefingDigest(analysis: analysis)
        let summaryRows = digest.threads.values.reduce(0) { $0 + min($1.count, l.summaryThreads) }
        let lanes = min(analysis.threads.filter { $0.occurrences.contains { $0.date != nil } }.count, l.timelineThreads)
        let sinceRows = min(changes.newCommitments.count, l.sinceLines) + min(changes.threadChanges.count, l.sinceLines)
        let toSentences = links.filter { $0.dest.hasPrefix("s:") }
        #expect(toSentences.count == commitments + topicRows + topicThreadRows + summaryRows + lanes + sinceRows,
                Comment(rawValue: "seeds: \(toSentences.count) sentence links for \(commitments) commitments (meeting pages), \(topicRows) topic rows, "
                    + "\(topicThreadRows + summaryRows) thread rows, \(lanes) lanes, \(sinceRows) since rows"))
        // Every commitment's own sentence is a destination, on a Sources page.
        let sourcesPage = try #require(names["sources"])
        for m in analysis.meetings {
            for c in m.commitments {
                let page = names["s:" + BookCitations.safe(c.statement)]
                #expect(page != nil && page! >= sourcesPage, "\(c.statement): no destination in Sources")
            }
            #expect(links.contains { $0.dest == "r:" + BookCitations.safe(m.file) }, "\(m.file): its meeting page does not link to it")
        }
        // Marked sentences link back to a page before Sources.
        let back = links.filter { $0.dest.hasPrefix("c:") }
        #expect(!back.isEmpty && back.allSatisfy { $0.page >= sourcesPage && names[$0.dest]! < sourcesPage })
    }

    @Test func sourcesReadBackAsTheAnalysedSentences() throws {
        let analysis = try SeedsRenderTests.seedsAnalysis()
        let book = try PDFTools.temporaryFolder("sources-text").appendingPathComponent("book.pdf")
        _ = try BookRenderer(layout: .defaults(for: .book)).render(analysis, to: book, date: PDFTools.date)
        let names = try Self.links(book).names
        let first = try #require(names["sources"])
        let text = try PDFTools.text(book, layout: false, first: first)
        #expect(text.contains("The 5 readouts this book cites, and only those"))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        for m in analysis.meetings {
            #expect(text.contains(m.file), "\(m.file): no head in Sources")
            for s in try #require(m.statements) {
                let number = s.id.split(separator: ":").last.map(String.init)!
                // A sentence's first words follow its line number.
                let words = s.text.split(separator: " ").prefix(4).joined(separator: " ")
                #expect(flat.contains("\(number) \(words)"), "\(s.id): “\(words)” not in Sources after its line number")
            }
        }
    }

    @Test func aLayoutWithoutSourcesHasNoSentenceLinks() throws {
        let analysis = try SeedsRenderTests.seedsAnalysis()
        var layout = Layout.defaults(for: .book)
        layout.sections.removeAll { $0 == .sources }
        let book = try PDFTools.temporaryFolder("no-sources").appendingPathComponent("book.pdf")
        _ = try BookRenderer(layout: layout).render(analysis, to: book, date: PDFTools.date)
        let (links, names) = try Self.links(book)
        #expect(names["sources"] == nil)
        #expect(!links.contains { $0.dest.hasPrefix("s:") || $0.dest.hasPrefix("r:") })
    }

    /// Meetings read without their sentences (a lean read): the book asks for just the quoted
    /// ones, once, and quotes what it is given.
    @Test func theBookAsksForTheSentencesOfTheQuotedReadoutsOnly() throws {
        let whole = try SeedsRenderTests.seedsAnalysis()
        var lean = whole
        for i in lean.meetings.indices { lean.meetings[i].statements = nil }
        var layout = Layout.defaults(for: .book)
        layout.limits.sourceReadouts = 2
        var asked: [[String]] = []
        let book = try PDFTools.temporaryFolder("lookup").appendingPathComponent("book.pdf")
        _ = try BookRenderer(layout: layout).render(lean, to: book, date: PDFTools.date) { meetings in
            asked.append(meetings.map(\.file))
            return Dictionary(uniqueKeysWithValues: meetings.map { m in (m.file, whole.meetings.first { $0.file == m.file }!.statements!) })
        }
        #expect(asked == [whole.meetings.suffix(2).map(\.file)])
        let text = try PDFTools.text(book, layout: false, first: try #require(Self.links(book).names["sources"]))
        let newest = try #require(whole.meetings.last?.statements?.last)
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains(newest.text.split(separator: " ").prefix(4).joined(separator: " ")))
        #expect(!text.contains("No sentences of this readout"))

        // A readout whose sentences are not found is quoted by its cited commitments, and says why.
        let unfound = book.deletingLastPathComponent().appendingPathComponent("unfound.pdf")
        _ = try BookRenderer(layout: layout).render(lean, to: unfound, date: PDFTools.date) { _ in [:] }
        let said = try PDFTools.text(unfound, layout: false, first: try #require(Self.links(unfound).names["sources"]))
        #expect(said.replacingOccurrences(of: "\n", with: " ").contains("No sentences of this readout to quote"))
        try FileManager.default.removeItem(at: unfound)

        // A lookup that fails writes nothing, not even a temporary file.
        struct Unreadable: Error {}
        let failed = book.deletingLastPathComponent().appendingPathComponent("failed.pdf")
        #expect(throws: Unreadable.self) {
            _ = try BookRenderer(layout: layout).render(lean, to: failed, date: PDFTools.date) { _ in throw Unreadable() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: failed.deletingLastPathComponent().path) == ["book.pdf"])
    }
}
}
