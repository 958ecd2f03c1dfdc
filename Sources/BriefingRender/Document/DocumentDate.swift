import BriefingModel
import Foundation

/// The date a document says it was made. Never the clock: `SOURCE_DATE_EPOCH` when set,
/// otherwise the analysis's last meeting date, so a re-render is byte-identical.
public struct DocumentDate: Sendable, Hashable {
    /// Seconds since 1970-01-01 UTC.
    public let epoch: Int

    public init(epoch: Int) { self.epoch = epoch }

    public static func resolve(analysis: Analysis, environment: [String: String] = ProcessInfo.processInfo.environment) -> DocumentDate {
        if let s = environment["SOURCE_DATE_EPOCH"], let v = Int(s.trimmingCharacters(in: .whitespaces)), v >= 0 {
            return DocumentDate(epoch: v)
        }
        let day = analysis.summary.lastDate ?? analysis.meetings.compactMap(\.date).max()
        return DocumentDate(epoch: (day?.dayNumber ?? 0) * 86_400)
    }

    public var day: CalendarDay { CalendarDay(dayNumber: epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400) }

    /// ISO 8601 as cairo's PDF metadata wants it.
    public var iso8601: String {
        let secs = ((epoch % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }
}
