import BriefingModel
import Foundation

/// One period's analysis as a scheduled report writes it (the `analysis` layout): the
/// analysis, with the schedule, period and edition it reports on around it.
public struct PeriodAnalysis: Sendable {
    public var schedule: String
    /// The period's key ("2026-W47").
    public var period: String
    public var startDay: CalendarDay
    /// Last day of the period (inclusive).
    public var lastDay: CalendarDay
    public var timeZone: String
    public var edition: Int
    /// Said when the period has no readouts.
    public var note: String?
    public var analysis: Analysis

    public init(schedule: String, period: String, startDay: CalendarDay, lastDay: CalendarDay, timeZone: String,
                edition: Int, note: String?, analysis: Analysis) {
        self.schedule = schedule
        self.period = period
        self.startDay = startDay
        self.lastDay = lastDay
        self.timeZone = timeZone
        self.edition = edition
        self.note = note
        self.analysis = analysis
    }

    /// The document's bytes: one JSON object, keys sorted.
    public func encoded() -> Data {
        let w = JSONWriter(capacity: 1 << 16)
        Self.write(self, to: w)
        w.byte(0x0A)
        return w.withBytes { Data($0) }
    }

    /// A document `encoded()` wrote, every field read.
    public static func decode(_ data: Data) throws(AnalysisReadError) -> PeriodAnalysis {
        do {
            return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws -> PeriodAnalysis in
                var p = JSONPull(raw.bindMemory(to: UInt8.self))
                return try read(from: &p)
            }
        } catch {
            let at = (error as? JSONPullError).map { " at byte \($0.offset)" } ?? ""
            throw AnalysisReadError(file: "period analysis", line: nil, kind: .invalid, "not a period's analysis (\(error)\(at))")
        }
    }
}
