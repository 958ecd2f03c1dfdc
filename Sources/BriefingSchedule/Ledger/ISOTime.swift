import BriefingModel
import Foundation

/// Instants as the ledger, status and `--now` write them: ISO 8601, UTC, whole seconds.
public enum ISOTime {
    public static func string(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = floorDiv(seconds, 86_400), rest = seconds - days * 86_400
        return "\(CalendarDay(dayNumber: days))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// "YYYY-MM-DDTHH:MM:SSZ" exactly, as the ledger stores times; nil for any other shape.
    static func parseStored(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90,
              let day = LedgerDay.parse(text),
              let h = number(b[11...12]), let m = number(b[14...15]), let s = number(b[17...18]) else { return nil }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + h * 3600 + m * 60 + s))
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var n = 0
        for d in digits {
            guard d >= 48 && d <= 57 else { return nil }
            n = n * 10 + Int(d - 48)
        }
        return n
    }

    /// Accepts "2026-11-23T09:00:00Z", "...+09:00", fractional seconds, "2026-11-23T09:00"
    /// (UTC) and "2026-11-23" (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        if let fast = parseStored(text) { return fast }
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

/// "YYYY-MM-DD" from the ledger, parsed without allocating (50,000 of them per run).
enum LedgerDay {
    static func parse(_ text: String) -> CalendarDay? {
        var utf8 = text.utf8.makeIterator()
        var fields = [0, 0, 0], index = 0, digits = 0
        while let c = utf8.next() {
            if c == 45 {  // "-"
                guard index < 2, digits > 0 else { return nil }
                index += 1
                digits = 0
            } else if c >= 48 && c <= 57, digits < 4 {
                fields[index] = fields[index] * 10 + Int(c - 48)
                digits += 1
            } else {
                break
            }
        }
        guard index == 2 else { return nil }
        return CalendarDay(year: fields[0], month: fields[1], day: fields[2])
    }
}
