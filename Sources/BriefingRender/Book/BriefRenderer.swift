import BriefingModel
import Foundation

/// The one-page brief: headline facts, a small topic chart, top topics, commitments by trend,
/// what to watch. Always exactly one page: lists are cut (saying "and N more") until it fits.
public struct BriefRenderer {
    public let layout: Layout

    public init(layout: Layout) { self.layout = layout }

    /// How many items each list shows. Cut coarsely (largest list first) until the brief fits,
    /// then grown back one item at a time while it still fits.
    struct Budget: Equatable {
        var chartTopics: Int
        var topics: Int
        var threads: Int
        var watch: Int
        /// Lines under each heading of the "Since" section.
        var since = 0

        static var keys: [WritableKeyPath<Budget, Int>] { [\.watch, \.threads, \.topics, \.chartTopics, \.since] }

        mutating func shrink() -> Bool {
            guard let k = Self.keys.max(by: { self[keyPath: $0] < self[keyPath: $1] }), self[keyPath: k] > 0 else { return false }
            self[keyPath: k] -= max(1, self[keyPath: k] / 3)
            return true
        }
    }

    /// `since`: what changed since a day (`ChangeFinder`), for the "Since" lines.
    public func render(_ analysis: Analysis, to url: URL, date: DocumentDate? = nil, since: ChangesSince? = nil) throws -> RenderReport {
        // Titles the layout leaves to the relationship pack.
        let titled = layout.titled(by: analysis.relationship)
        guard titled.title == layout.title, titled.relationship == layout.relationship else {
            return try BriefRenderer(layout: titled).render(analysis, to: url, date: date, since: since)
        }
        let style = DocumentStyle(layout: layout)
        let date = date ?? DocumentDate.resolve(analysis: analysis)
        let doc = try PDFDocument(url: url, style: style)
        let digest = BriefingDigest(analysis: analysis)
        let l = layout.limits
        var budget = Budget(chartTopics: min(8, l.summaryTopics), topics: l.summaryTopics, threads: l.summaryThreads,
                            watch: max(l.summaryThreads, 3))
        // Nothing to gain from limits beyond what the analysis has.
        let longestTrend = [CommitmentThread.Trend.new, .strengthening, .weakening, .lapsed].map { digest.threads[$0]?.count ?? 0 }.max() ?? 0
        budget.chartTopics = min(budget.chartTopics, digest.topics.count)
        budget.topics = min(budget.topics, digest.topics.count)
        budget.threads = min(budget.threads, longestTrend)
        budget.watch = min(budget.watch, digest.watch.count)
        if let since, layout.sections.contains(.since) {
            budget.since = min(l.sinceLines, [since.newCommitments.count, since.threadChanges.count, since.topicShifts.count,
                                              since.firstMeetings.count].max() ?? 0)
        }
        let wanted = budget
        let make = { (b: Budget) in
            self.compose(analysis, digest: digest, budget: b, style: style, canvas: doc.canvas, date: date, since: since)
        }
        var composer = make(budget)
        if composer.pageCount > 1 {
            while composer.pageCount > 1, budget.shrink() { composer = make(budget) }
            for key in Budget.keys.reversed() {
                while budget[keyPath: key] < wanted[keyPath: key] {
                    var more = budget
                    more[keyPath: key] += 1
                    let attempt = make(more)
                    guard attempt.pageCount == 1 else { break }
                    (budget, composer) = (more, attempt)
                }
            }
        }
        doc.composer = composer
        try doc.write(metadata: PDFMetadata(
            title: layout.title, author: layout.author, subject: "\(layout.relationship): \(digest.periodText)",
            keywords: digest.topics.prefix(8).map(\.label).joined(separator: ", "),
            creator: "BriefingBook (one-page brief)", date: date), runningTitle: layout.title)
        var warnings = BookRenderer.warnings(engine: doc.canvas.text, composer: composer)
        if composer.pageCount != 1 { warnings.append("the brief did not fit on one page (\(composer.pageCount) pages)") }
        return RenderReport(file: url.path, pages: composer.pageCount, warnings: warnings)
    }

    func compose(_ a: Analysis, digest d: BriefingDigest, budget b: Budget, style: DocumentStyle, canvas: Canvas,
                 date: DocumentDate, since: ChangesSince? = nil) -> Composer {
        let c = Composer(canvas: canvas, style: style)
        c.newPage(section: "Brief", chrome: false)
        for section in layout.sections {
            switch section {
            case .headline:
                c.paragraph(layout.relationship.uppercased(), style: style.label.bold.with(color: style.colors.accent), spaceAfter: 2)
                c.paragraph(layout.title, style: style.h1, spaceAfter: 4, maxLines: 2)
                var m = Markup()
                m.bold(d.periodText)
                m.append("  ·  \(BookComposition.plural(d.meetings, "meeting"))  ·  \(BookComposition.plural(d.sources, "source"))"
                         + "  ·  \(BookComposition.plural(d.commitments, "commitment")) in \(BookComposition.plural(a.threads.count, "thread"))"
                         + "  ·  made \(date.day)")
                c.paragraph(markup: m, style: style.small, spaceAfter: 3, maxLines: 2)
                let rule = style.colors.accent
                c.place(height: 2, spaceAfter: 6) { canvas, f in canvas.line(from: Point(f.x, f.y + 1), to: Point(f.maxX, f.y + 1), rule, width: 1.2) }
            case .since:
                guard let since else { continue }
                composeSince(since, analysis: a, lines: b.since, style: style, into: c)
            case .chart:
                guard b.chartTopics > 0 else { continue }
                let chart = TopicFrequencyChart(analysis: a, limit: b.chartTopics)
                c.heading("Topics by mentions and meetings", level: 3, inOutline: false, keepWith: 0)
                c.place(height: chart.height(width: c.body.width) * 0.8, spaceAfter: 4) { canvas, f in chart.draw(in: f, on: canvas, style: style) }
            case .topTopics:
                guard b.topics > 0 else { continue }
                let shown = d.topics.prefix(b.topics)
                c.heading("Top topics", level: 3, inOutline: false, keepWith: 0)
                c.table(Table(columns: [.init("Topic", weight: 3), .init("Mentions", weight: 1, alignment: .right),
                                        .init("Meetings", weight: 1, alignment: .right),
                                        .init("Commitments", weight: 1.2, alignment: .right), .init("Latest year", weight: 1.1)],
                              rows: shown.map { t in [.init(t.label), .init(String(t.mentions)), .init(String(t.meetings)),
                                                      .init(String(t.commitments)), .init(t.direction.rawValue)] },
                              note: d.topics.count > shown.count ? "and \(d.topics.count - shown.count) more" : nil), spaceAfter: 4)
            case .commitments:
                guard b.threads > 0 else { continue }
                c.heading("Commitments to know", level: 3, inOutline: false, keepWith: 0)
                var rows: [[Table.Cell]] = []
                var left: [String] = []
                for trend in [CommitmentThread.Trend.new, .strengthening, .weakening, .lapsed] {
                    let all = d.threads[trend] ?? []
                    for t in all.prefix(b.threads) {
                        rows.append([.init(trend.rawValue), .init(t.label), .init(a.label(ofTopic: t.topic)),
                                     .init(BookComposition.day(t.lastDate)),
                                     .init(BriefingDigest.strengthPath(t, limit: 5), strength: t.strengths.last)])
                    }
                    if all.count > b.threads { left.append("\(all.count - b.threads) \(trend.rawValue)") }
                }
                if rows.isEmpty {
                    c.paragraph("No new, strengthening, weakening or lapsed threads.", style: style.caption)
                } else {
                    c.table(Table(columns: [.init("Trend", weight: 1.1), .init("Thread", weight: 3.6), .init("Topic", weight: 1.9),
                                            .init("Last", weight: 1.1), .init("Strengths", weight: 1.2)],
                                  rows: rows, note: left.isEmpty ? nil : "and " + left.joined(separator: ", ") + " more"), spaceAfter: 4)
                }
            case .watch:
                guard b.watch > 0 else { continue }
                c.heading("What to watch at the next meeting", level: 3, inOutline: false, keepWith: 0)
                let items = d.watch.prefix(b.watch)
                if items.isEmpty { c.paragraph("Nothing stands out.", style: style.caption) }
                for item in items { c.paragraph("•  " + item, style: style.small, spaceAfter: 2, maxLines: 2, indent: 4) }
                if d.watch.count > items.count { c.paragraph("and \(d.watch.count - items.count) more", style: style.caption) }
            default:
                continue
            }
        }
        return c
    }
}
