/// A layout a schedule can render for each period, with the file name it is written under.
public enum ReportKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The full briefing book (PDF).
    case book
    /// The short brief (PDF).
    case brief
    /// The charts (PDF).
    case charts
    /// The period's analysis as JSON, written by this module; needs no renderer.
    case analysis

    /// The file name `{layout}` stands for in an output pattern.
    public var fileName: String {
        switch self {
        case .book: "briefing-book.pdf"
        case .brief: "brief.pdf"
        case .charts: "charts.pdf"
        case .analysis: "analysis.json"
        }
    }
}
