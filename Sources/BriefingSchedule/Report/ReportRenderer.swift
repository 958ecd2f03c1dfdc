import BriefingFormat
import BriefingModel
import Foundation

/// What a report is about, for its title page and for saying "no readouts" when so.
public struct ReportContext: Hashable, Sendable, Codable {
    public var schedule: String
    public var period: String
    /// First day of the period.
    public var startDay: CalendarDay
    /// Last day of the period (inclusive, as a reader expects).
    public var lastDay: CalendarDay
    public var timeZone: String
    public var edition: Int
    public var readouts: Int
    /// The period before this one (its key), which the report's "Since" section compares with.
    public var previousPeriod: String?
    /// True when no readout falls in the period: the report must say so.
    public var isEmpty: Bool { readouts == 0 }
    /// "Week 2026-W47 (2026-11-16 to 2026-11-22), edition 2".
    public var title: String {
        "\(schedule) \(period) (\(startDay) to \(lastDay))" + (edition > 1 ? ", edition \(edition)" : "")
    }
}

/// Writes one layout of one period's analysis at `url`: one file, or for `charts` one folder
/// of files (a temporary path; the scheduler renames it into place, folders included).
/// Throws on failure; must not write anywhere else.
public protocol ReportRenderer: Sendable {
    func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, to url: URL) throws
    /// As `render(_:kind:context:to:)`, with `history`: the analysis of the previous period's
    /// readouts and this period's together, for the report's "Since" section.
    func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, history: Analysis?, to url: URL) throws
}

extension ReportRenderer {
    public func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, history: Analysis?, to url: URL) throws {
        try render(analysis, kind: kind, context: context, to: url)
    }
}

/// The renderer for `analysis`: the period's analysis as JSON with the period around it.
/// Delegates the other layouts to `base` (the Cairo renderer, when built in).
public struct AnalysisJSONRenderer: ReportRenderer {
    public var base: (any ReportRenderer)?
    public init(base: (any ReportRenderer)? = nil) { self.base = base }

    public struct UnavailableLayout: Error, LocalizedError {
        public var kind: ReportKind
        public init(kind: ReportKind) { self.kind = kind }
        public var errorDescription: String? { "this build has no renderer for the \(kind.rawValue) layout" }
    }

    public func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, to url: URL) throws {
        try render(analysis, kind: kind, context: context, history: nil, to: url)
    }

    public func render(_ analysis: Analysis, kind: ReportKind, context: ReportContext, history: Analysis?, to url: URL) throws {
        guard kind == .analysis else {
            guard let base else { throw UnavailableLayout(kind: kind) }
            return try base.render(analysis, kind: kind, context: context, history: history, to: url)
        }
        let doc = PeriodAnalysis(schedule: context.schedule, period: context.period, startDay: context.startDay,
                                 lastDay: context.lastDay, timeZone: context.timeZone, edition: context.edition,
                                 note: context.isEmpty ? "No readouts in this period." : nil, analysis: analysis)
        try doc.encoded().write(to: url)
    }
}
