/// Times and durations as readouts write them: "at around 1:30 p.m.", "shortly after 8:50
/// a.m.", "for approximately one hour", "lasted approximately 40 minutes", "an hour and a half".
enum Durations {
    static let numberWords: [String: Int] = [
        "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "half": 0,
    ]

    /// ASCII bytes that can start a number: digits and the first letters of `numberWords`.
    static let numberInitials: [Bool] = (0..<128).map { c in
        (c >= 0x30 && c <= 0x39) || numberWords.keys.contains { $0.utf8.first == UInt8(c) }
    }

    struct Found {
        var minutes: Int
        var tokenStart: Int
    }

    /// Every duration in the tokens, in order.
    static func durations(_ toks: [Token]) -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < toks.count {
            let w = toks[i].lower
            // Before the quantities: "half" is one of them, and "an hour" would win.
            if w == "half", i + 2 < toks.count, toks[i + 1].lower == "an", toks[i + 2].lower == "hour" {
                out.append(Found(minutes: 30, tokenStart: i))
                i += 3
                continue
            }
            if let (value, used) = quantity(toks, i) {
                let unitIndex = i + used
                if unitIndex < toks.count {
                    let unit = toks[unitIndex].lower
                    var minutes: Int?
                    var consumed = used + 1
                    if unit == "minute" || unit == "minutes" || unit == "min" || unit == "mins" {
                        minutes = value
                    } else if unit == "hour" || unit == "hours" || unit == "hr" || unit == "hrs" {
                        minutes = value * 60
                        // "an hour and a half", "one hour and 20 minutes", "1 hour 20 minutes"
                        var j = unitIndex + 1
                        if j < toks.count, toks[j].lower == "and" { j += 1 }
                        if j + 1 < toks.count, toks[j].lower == "a", toks[j + 1].lower == "half" {
                            minutes! += 30
                            consumed = j + 2 - i
                        } else if j < toks.count, let (extra, u) = quantity(toks, j), j + u < toks.count,
                                  toks[j + u].lower.hasPrefix("minute") {
                            minutes! += extra
                            consumed = j + u + 1 - i
                        }
                    } else if unit == "and", unitIndex + 3 < toks.count, toks[unitIndex + 1].lower == "a",
                              toks[unitIndex + 2].lower == "half", toks[unitIndex + 3].lower.hasPrefix("hour") {
                        minutes = value * 60 + 30
                        consumed = used + 4
                    }
                    if let minutes, minutes > 0, minutes < 24 * 60 {
                        out.append(Found(minutes: minutes, tokenStart: i))
                        i += consumed
                        continue
                    }
                }
            }
            i += 1
        }
        return out
    }

    /// A number at i: digits or number words ("forty-five" is two tokens "forty" "five"); nil
    /// at the end of the tokens ("one hour and" ends a sentence).
    static func quantity(_ toks: [Token], _ i: Int) -> (Int, Int)? {
        guard i < toks.count else { return nil }
        let w = toks[i].lower
        // Asked at every word of the opening sentences: decided on the first byte for most
        // words, since a number is all digits and every number word starts with one of a few letters.
        guard let first = w.utf8.first, first >= 0x80 || numberInitials[Int(first)] else { return nil }
        // Digits: no meeting lasts 10,000 units of anything, and a larger number would
        // overflow once turned into minutes.
        if let v = Int(w), v > 0 { return v < 10_000 ? (v, 1) : nil }
        guard let v = numberWords[w], v > 0 || w == "half" else { return nil }
        if v >= 20, i + 1 < toks.count, let u = numberWords[toks[i + 1].lower], u > 0, u < 10 {
            return (v + u, 2)
        }
        if w == "a" || w == "an" {
            // Only "an hour", "a minute".
            guard i + 1 < toks.count, ["hour", "minute"].contains(toks[i + 1].norm) else { return nil }
        }
        return (v, 1)
    }

    /// Clock times: "1:30 p.m." -> "13:30", "9:45 a.m." -> "09:45", "14:05" -> "14:05".
    static func times(_ text: String) -> [(String, Int)] {
        let b = Array(text.utf8)
        var out: [(String, Int)] = []
        var i = 0
        while i < b.count {
            guard b[i] >= 0x30, b[i] <= 0x39, i == 0 || !(b[i - 1] >= 0x30 && b[i - 1] <= 0x39) else { i += 1; continue }
            var j = i
            while j < b.count, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
            guard j - i <= 2, j + 2 < b.count, b[j] == 0x3A, b[j + 1] >= 0x30, b[j + 1] <= 0x39,
                  b[j + 2] >= 0x30, b[j + 2] <= 0x39 else { i = j; continue }
            var hour = Int(String(decoding: b[i..<j], as: UTF8.self)) ?? 0
            let minute = Int(String(decoding: b[(j + 1)..<(j + 3)], as: UTF8.self)) ?? 0
            var k = j + 3
            while k < b.count, b[k] == 0x20 { k += 1 }
            let rest = String(decoding: b[k..<min(b.count, k + 5)], as: UTF8.self).lowercased()
            if rest.hasPrefix("p.m") || rest.hasPrefix("pm") {
                if hour < 12 { hour += 12 }
            } else if rest.hasPrefix("a.m") || rest.hasPrefix("am") {
                if hour == 12 { hour = 0 }
            }
            if hour < 24, minute < 60 {
                out.append(((hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)", i))
            }
            i = j + 3
        }
        return out
    }

    /// "13:30" -> 810.
    static func minutesOfDay(_ t: String) -> Int? {
        let parts = t.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return h * 60 + m
    }
}
