import BriefingModel
/// Everything a user can tune about a document's look and content: page, fonts, colours,
/// which sections appear and in what order, and how much each shows. Loaded from
/// `layouts/NAME.yaml` over these defaults, so a layout file need only say what differs.
public struct Layout: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case book, brief }

    /// A part of a document. Books use the first ten, briefs the rest (and `chart`, `since`).
    public enum Section: String, Sendable, CaseIterable {
        case cover, contents, summary
        case topicOverview = "topic-overview"
        case timeline, topics, meetings, appendix
        /// What changed since `--since DATE` (and, in scheduled reports, since the previous period).
        case since
        /// The cited readouts as analysed, each cited sentence a link target.
        case sources
        case headline
        case topTopics = "top-topics"
        case commitments, watch, chart
    }

    public struct Margins: Sendable, Hashable {
        public var top: Double, bottom: Double, left: Double, right: Double
    }

    public struct Page: Sendable, Hashable {
        public var width: Double
        public var height: Double
        public var margins: Margins
        public static let a4 = (width: 595.276, height: 841.89)
        public static let letter = (width: 612.0, height: 792.0)
    }

    public struct Fonts: Sendable, Hashable {
        /// Family lists with explicit fallbacks, e.g. "Noto Serif, Noto Serif CJK JP".
        public var body: String
        public var heading: String
        /// Body text size in points; headings, tables and captions scale from it.
        public var size: Double
    }

    /// Colours. `series` and `strength` were chosen to stay apart in grayscale print and for
    /// colour-blind readers (Okabe–Ito hues; strength is one hue, light to dark, plus shape).
    public struct Colors: Sendable, Hashable {
        public var ink: Color
        public var muted: Color
        public var accent: Color
        public var rule: Color
        public var stripe: Color
        public var series: [Color]
        public var strength: [Color]
        public var heatLow: Color
        public var heatHigh: Color
    }

    public struct Limits: Sendable, Hashable {
        /// Topics in the summary's table and the brief's.
        public var summaryTopics: Int
        /// Threads listed under each summary heading (new, strengthened, weakened, lapsed).
        public var summaryThreads: Int
        /// Lanes in the commitment timeline; beyond it the chart says how many it left out.
        public var timelineThreads: Int
        /// Lanes per timeline page.
        public var timelineLanesPerPage: Int
        /// Rows in each topic's commitments table (the most recent).
        public var topicCommitments: Int
        /// Threads listed in each topic's section.
        public var topicThreads: Int
        /// Meetings given their own page (the most recent); the rest are in the appendix table.
        public var meetingPages: Int
        /// Heat map columns; more meetings than this are grouped by month, quarter or year.
        public var heatmapColumns: Int
        /// Warnings listed in the appendix.
        public var warnings: Int
        /// Readouts listed one per row in the appendix (the most recent); older ones are
        /// summarised by month, so a 50,000-readout book stays a book.
        public var sources: Int
        /// Readouts quoted in the Sources part (the most recent of those cited); links go only
        /// to these.
        public var sourceReadouts: Int
        /// Lines under each heading of the "Since" section (new commitments, threads, topics,
        /// people).
        public var sinceLines: Int
    }

    public var name: String
    public var kind: Kind
    public var title: String
    public var relationship: String
    public var author: String
    public var page: Page
    public var fonts: Fonts
    public var colors: Colors
    public var sections: [Section]
    public var limits: Limits
    /// Live links from the contents to the sections (needs `qpdf` to repair cairo 1.16's file).
    public var links: Bool

    public static func defaults(for kind: Kind) -> Layout {
        let colors = Colors(
            ink: Color(hex: "#1b1b1b")!, muted: Color(hex: "#5f6368")!, accent: Color(hex: "#0b4f8a")!,
            rule: Color(hex: "#b8bec6")!, stripe: Color(hex: "#f1f3f5")!,
            series: ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
                .compactMap { Color(hex: $0) },
            strength: ["#c6dbef", "#6baed6", "#2171b5", "#08306b"].compactMap { Color(hex: $0) },
            heatLow: Color(hex: "#f7fbff")!, heatHigh: Color(hex: "#08306b")!)
        switch kind {
        case .book:
            return Layout(
                name: "book", kind: .book, title: "", relationship: "", author: "BriefingBook",
                page: Page(width: Page.a4.width, height: Page.a4.height,
                           margins: Margins(top: 62, bottom: 56, left: 58, right: 58)),
                fonts: Fonts(body: "Noto Serif, Noto Serif CJK JP", heading: "Noto Sans, Noto Sans CJK JP", size: 9.5),
                colors: colors,
                sections: [.cover, .contents, .since, .summary, .topicOverview, .timeline, .topics, .meetings, .appendix, .sources],
                limits: Limits(summaryTopics: 10, summaryThreads: 6, timelineThreads: 60, timelineLanesPerPage: 30,
                               topicCommitments: 30, topicThreads: 12, meetingPages: 60, heatmapColumns: 90,
                               warnings: 200, sources: 3000, sourceReadouts: 60, sinceLines: 20),
                links: true)
        case .brief:
            return Layout(
                name: "brief", kind: .brief, title: "", relationship: "", author: "BriefingBook",
                page: Page(width: Page.a4.width, height: Page.a4.height,
                           margins: Margins(top: 40, bottom: 36, left: 44, right: 44)),
                fonts: Fonts(body: "Noto Serif, Noto Serif CJK JP", heading: "Noto Sans, Noto Sans CJK JP", size: 8.5),
                colors: colors,
                sections: [.headline, .since, .chart, .topTopics, .commitments, .watch],
                limits: Limits(summaryTopics: 8, summaryThreads: 5, timelineThreads: 0, timelineLanesPerPage: 0,
                               topicCommitments: 0, topicThreads: 0, meetingPages: 0, heatmapColumns: 0,
                               warnings: 0, sources: 0, sourceReadouts: 0, sinceLines: 3),
                links: false)
        }
    }

    /// The layout with the title and relationship line the analysis's relationship pack gives,
    /// where the layout file sets none.
    public func titled(by relationship: Analysis.RelationshipInfo?) -> Layout {
        var l = self
        if l.title.isEmpty {
            l.title = (kind == .book ? relationship?.bookTitle : relationship?.briefTitle)
                ?? (kind == .book ? "Leader Meetings: Briefing Book" : "Leader Meetings: One-Page Brief")
        }
        if l.relationship.isEmpty { l.relationship = relationship?.label ?? "" }
        return l
    }
}
