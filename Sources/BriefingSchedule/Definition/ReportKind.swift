/// A layout a schedule can render for each period, with the file name it is written under.
public enum ReportKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The full briefing book (PDF).
    case book
    /// The short brief (PDF).
    case brief
    /// The charts: a folder with one file per chart.
    case charts
    /// The period's analysis as JSON, written by this module; needs no renderer.
    case analysis

    /// The file (or, for charts, folder) name `{layout}` stands for in an output pattern.
    public var fileName: String {
        switch self {
        case .book: "briefing-book.pdf"
        case .brief: "brief.pdf"
        case .charts: "charts"
        case .analysis: "analysis.json"
        }
    }
}
