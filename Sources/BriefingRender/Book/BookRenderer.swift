import BriefingModel
import Dispatch
import Foundation

/// The sentences of `meetings` (read back from where a lean read left them), by file.
public typealias StatementLookup = (_ meetings: [Meeting]) throws -> [String: [Statement]]

/// What a render made, for the command line to print.
public struct RenderReport: Sendable {
    public var file: String
    public var pages: Int
    /// Problems a reader would notice (missing glyphs, clipped blocks); printed as warnings.
    public var warnings: [String]
}

/// The briefing book: cover, contents, summary, topic overview, commitment timeline, one
/// section per topic, one page per (recent) meeting, appendix — each switchable and ordered
/// by the layout. A pure function of (analysis, layout, date).
public struct BookRenderer {
    public let layout: Layout

    public init(layout: Layout) { self.layout = layout }

    /// `since`: what changed since a day (`ChangeFinder`), for the "Since" section.
    /// `statements`: where the Sources part finds the sentences of quoted readouts whose
    /// meetings came without them (a lean read of a saved analysis); asked once, before the
    /// file is begun, for just those meetings. Its error ends the render and writes nothing.
    public func render(_ analysis: Analysis, to url: URL, date: DocumentDate? = nil, since: ChangesSince? = nil,
                       statements: StatementLookup? = nil) throws -> RenderReport {
        // Titles the layout leaves to the relationship pack.
        let titled = layout.titled(by: analysis.relationship)
        guard titled.title == layout.title, titled.relationship == layout.relationship else {
            return try BookRenderer(layout: titled).render(analysis, to: url, date: date, since: since, statements: statements)
        }
        let style = DocumentStyle(layout: layout)
        let date = date ?? DocumentDate.resolve(analysis: analysis)
        var book = BookComposition(analysis: analysis, digest: BriefingDigest(analysis: analysis), style: style,
                                   date: date, links: layout.links && PDFRepair.qpdf != nil, since: since)
        book.citations = BookCitations(book: book)
        let unread = book.citations.quoted.map { analysis.meetings[$0] }.filter { $0.statements == nil }
        if let statements, !unread.isEmpty { book.quotedStatements = try statements(unread) }
        let doc = try PDFDocument(url: url, style: style)
        let trace = StepTrace()
        for section in layout.sections where section != .cover && section != .contents {
            book.compose(section, into: doc.composer)
            trace.mark(section.rawValue)
        }
        // Front matter is composed last, when the body's page numbers are known.
        let front = Composer(canvas: doc.canvas, style: style)
        let frontPages = PageCount()
        for section in layout.sections where section == .cover || section == .contents {
            book.composeFront(section, into: front, body: doc.composer, frontPages: frontPages)
        }
        frontPages.value = front.pageCount
        doc.composer.prepend(front)
        let d = book.digest
        try doc.write(metadata: PDFMetadata(
            title: layout.title, author: layout.author,
            subject: "\(layout.relationship): \(d.meetings) meetings, \(d.periodText)",
            keywords: analysis.topics.filter { $0.mentions > 0 }.map(\.label).joined(separator: ", "),
            creator: "BriefingBook (briefing book)", date: date), runningTitle: layout.title)
        trace.mark("draw and write \(doc.composer.pageCount) pages")
        return RenderReport(file: url.path, pages: doc.composer.pageCount,
                            warnings: Self.warnings(engine: doc.canvas.text, composer: doc.composer))
    }

    static func warnings(engine: TextEngine, composer: Composer) -> [String] {
        var w: [String] = []
        if engine.unknownGlyphs > 0 {
            w.append("\(engine.unknownGlyphs) character(s) had no glyph in the layout's fonts (install fonts-noto-core "
                     + "fonts-noto-cjk), e.g. \(engine.unknownSamples.map { "“\($0)”" }.joined(separator: ", "))")
        }
        if composer.clippedBlocks > 0 { w.append("\(composer.clippedBlocks) block(s) taller than a page were cut") }
        return w
    }
}

extension BookRenderer {
    /// Every style the book sets text in, for `FontWarmup`.
    public static func textStyles(_ layout: Layout) -> [TextStyle] {
        let st = DocumentStyle(layout: layout)
        let cover = BookComposition.coverStyles(st)
        return st.allStyles + [st.chrome, cover.kicker, cover.title, cover.factKey, cover.factValue]
            + ChartExporter(layout: layout).textStyles
    }
}

/// A number known only after composing, read when drawing.
final class PageCount: @unchecked Sendable { var value = 0 }

/// The book's sections, composed into the page flow. One instance per render.
struct BookComposition {
    let analysis: Analysis
    let digest: BriefingDigest
    let style: DocumentStyle
    let date: DocumentDate
    let links: Bool
    let since: ChangesSince?
    var citations = BookCitations.none
    /// Sentences of quoted readouts whose meetings came without them, by file.
    var quotedStatements: [String: [Statement]] = [:]

    var limits: Layout.Limits { style.layout.limits }

    func compose(_ section: Layout.Section, into c: Composer) {
        switch section {
        case .summary: summary(c)
        case .topicOverview: topicOverview(c)
        case .timeline: timeline(c)
        case .topics: topics(c)
        case .meetings: meetings(c)
        case .appendix: appendix(c)
        case .since: sinceSection(c)
        case .sources: sources(c)
        default: break
        }
    }

    func composeFront(_ section: Layout.Section, into c: Composer, body: Composer, frontPages: PageCount) {
        switch section {
        case .cover: cover(c)
        case .contents: contents(c, body: body, frontPages: frontPages)
        default: break
        }
    }

    // MARK: cover and contents

    /// The cover's relationship line, title, and the keys and values of its facts.
    static func coverStyles(_ st: DocumentStyle) -> (kicker: TextStyle, title: TextStyle, factKey: TextStyle, factValue: TextStyle) {
        (st.label.with(color: .white).bold.with(size: st.label.font.size + 2),
         st.h1.with(size: st.h1.font.size * 1.5),
         st.label.with(color: st.colors.muted).with(size: st.body.font.size + 1),
         st.h3.with(size: st.body.font.size + 2))
    }

    func cover(_ c: Composer) {
        c.newPage(section: "Cover", chrome: false)
        let layout = style.layout
        let d = digest
        let made = date.day.description
        let (kicker, titleStyle, factKey, factValue) = Self.coverStyles(style)
        let st = style
        c.place(height: c.body.height) { canvas, frame in
            canvas.fill(Rect(x: 0, y: 0, width: layout.page.width, height: frame.y + 120), st.colors.accent)
            canvas.text(layout.relationship.uppercased(), in: Rect(x: frame.x, y: frame.y + 20, width: frame.width, height: 16),
                        style: kicker, maxLines: 1)
            canvas.text(layout.title, in: Rect(x: frame.x, y: frame.y + 150, width: frame.width, height: 120),
                        style: titleStyle.with(color: st.colors.ink), maxLines: 3)
            var y = frame.y + 290.0
            let facts: [(String, String)] = [
                ("Period covered", d.periodText),
                ("Meetings", "\(d.meetings)"),
                ("Sources", "\(d.sources) readout\(d.sources == 1 ? "" : "s")"),
                ("Commitments", "\(d.commitments) in \(analysis.threads.count) thread\(analysis.threads.count == 1 ? "" : "s")"),
                ("Made", made),
            ]
            for (k, v) in facts {
                canvas.text(k, in: Rect(x: frame.x, y: y, width: 130, height: 18), style: factKey, maxLines: 1)
                canvas.text(v, in: Rect(x: frame.x + 130, y: y, width: frame.width - 130, height: 18),
                            style: factValue, maxLines: 1)
                y += 24
            }
            canvas.line(from: Point(frame.x, frame.maxY - 40), to: Point(frame.maxX, frame.maxY - 40), st.colors.rule)
            canvas.text("Prepared by \(layout.author) from \(d.sources) meeting readout\(d.sources == 1 ? "" : "s"). "
                        + "Every count in this book is computed from the readouts, all listed in the appendix.",
                        in: Rect(x: frame.x, y: frame.maxY - 34, width: frame.width, height: 34), style: st.caption, maxLines: 2)
        }
    }

    func contents(_ c: Composer, body: Composer, frontPages: PageCount) {
        c.newPage(section: "Contents")
        c.heading("Contents", level: 1, anchor: "contents", inOutline: false)
        let entries = body.outline.filter { $0.level <= 2 }
        let lineStyle1 = style.h3.with(size: style.body.font.size)
        let lineStyle2 = style.body.with(size: style.body.font.size - 0.5)
        let numberWidth = 40.0
        for e in entries {
            let st = e.level == 1 ? lineStyle1 : lineStyle2
            let indent = e.level == 1 ? 0.0 : 14.0
            let before = e.level == 1 ? 5.0 : 0.0
            let block = c.canvas.text.layout(e.title, style: st, width: c.body.width - indent - numberWidth - 8, maxLines: 1)
            let h = block.height + 3
            c.ensure(before + h)
            if !c.atTop { c.advance(before) }
            let top = c.cursor
            let x = c.body.x, right = c.body.maxX
            let anchorPage = body.anchors[e.anchor] ?? 0
            let muted = style.colors.rule
            let numberStyle = st.with(alignment: .right)
            c.draw { canvas in
                canvas.draw(block, at: Point(x + indent, top))
                let leaderStart = x + indent + block.width + 4, leaderEnd = right - numberWidth
                if leaderEnd > leaderStart + 6 {
                    canvas.line(from: Point(leaderStart, top + block.baseline), to: Point(leaderEnd, top + block.baseline),
                                muted, width: 0.6, dash: [0.6, 2.4])
                }
                canvas.text(String(anchorPage + frontPages.value + 1), in: Rect(x: right - numberWidth, y: top, width: numberWidth, height: h),
                            style: numberStyle, maxLines: 1)
            }
            if links { c.link(Rect(x: x, y: top, width: c.body.width, height: h), to: e.anchor) }
            c.advance(h)
        }
    }

    // MARK: helpers shared by the sections

    static func day(_ d: CalendarDay?) -> String { d?.description ?? "undated" }

    /// How the book names an actor: the side's label from the relationship pack, or "both".
    func actor(_ a: String) -> String { analysis.relationship?.label(ofActor: a) ?? a }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    func topicAnchor(_ id: String) -> String {
        "topic-" + String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" })
    }
}
