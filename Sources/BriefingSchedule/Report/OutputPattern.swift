import BriefingModel

/// Expands a schedule's output pattern for one period, layout and edition.
public enum OutputPattern {
    public static let placeholders = ["{schedule}", "{key}", "{start}", "{end}", "{year}", "{layout}"]

    /// "weekly/2026-W47/briefing-book.pdf"; editions after the first get ".edition-N" before
    /// the extension ("briefing-book.edition-2.pdf"), so the first edition is never replaced.
    public static func path(_ d: ScheduleDefinition, _ p: Period, kind: ReportKind, edition: Int) -> String {
        var s = d.output
        if !s.contains("{layout}") && d.layouts.count > 1 { s += "/{layout}" }
        s = s.replacingOccurrences(of: "{schedule}", with: d.name)
            .replacingOccurrences(of: "{key}", with: p.key)
            .replacingOccurrences(of: "{start}", with: p.startDay.description)
            .replacingOccurrences(of: "{end}", with: p.lastDay.description)
            .replacingOccurrences(of: "{year}", with: String(p.startDay.year))
            .replacingOccurrences(of: "{layout}", with: kind.fileName)
        guard edition > 1 else { return s }
        let slash = s.lastIndex(of: "/").map { s.index(after: $0) } ?? s.startIndex
        if let dot = s[slash...].lastIndex(of: "."), dot > slash {
            return String(s[..<dot]) + ".edition-\(edition)" + String(s[dot...])
        }
        return s + ".edition-\(edition)"
    }
}
