import BriefingModel
import Foundation

/// Instants as status, plans and `--now` write them: ISO 8601, UTC, whole seconds.
public enum ISOTime {
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = floorDiv(seconds, 86_400), rest = seconds - days * 86_400
        return "\(CalendarDay(dayNumber: days))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// Accepts "2026-11-23T09:00:00Z", "...+09:00", fractional seconds, "2026-11-23T09:00"
    /// (UTC) and "2026-11-23" (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let f = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds],
        ] {
            f.formatOptions = options
            if let d = f.date(from: t) { return d }
        }
        f.timeZone = TimeZone(identifier: "UTC")
        if t.count == 10 {
            f.formatOptions = [.withFullDate, .withDashSeparatorInDate]
            return f.date(from: t)
        }
        // "2026-11-23T09:00" (no seconds) and "2026-11-23T09:00:00" (no zone) are UTC.
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        if t.count == 16, let d = f.date(from: t + ":00") { return d }
        if t.count == 19, let d = f.date(from: t) { return d }
        return nil
    }
}
