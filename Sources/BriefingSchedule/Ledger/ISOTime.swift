import Foundation

/// Instants as the ledger, status and `--now` write them: ISO 8601, UTC, whole seconds.
public enum ISOTime {
    public static func string(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
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
        for options: ISO8601DateFormatter.Options in [
            [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate],
            [.withFullDate, .withDashSeparatorInDate],
        ] {
            f.formatOptions = options
            if let d = f.date(from: t) { return d }
        }
        // "2026-11-23T09:00" (no seconds).
        if t.count == 16, let d = f.date(from: t + ":00") { return d }
        return nil
    }
}
