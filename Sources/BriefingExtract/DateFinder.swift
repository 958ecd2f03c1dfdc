import BriefingModel

/// A date as written: the year may be missing ("On March 9", "Nov. 6", "October 28th").
public struct WrittenDate: Hashable, Sendable {
    public var year: Int?
    public var month: Int
    public var day: Int
    /// The weekday written with the date ("Saturday, June 14"), 0 for Monday.
    public var weekday: Int?
    public var day_: CalendarDay? { year.flatMap { CalendarDay(year: $0, month: month, day: day) } }

    public init(year: Int?, month: Int, day: Int, weekday: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
    }
}

/// Finds dates in text: "September 21, 2017", "21 September 2017", "Sept. 21", "October 28th",
/// "2017-09-21". Works on tokens, so it is cheap enough to run on every title and opening line.
public enum DateFinder {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    public static func dates(in text: String) -> [WrittenDate] {
        // Every date has a number in it.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        return dates(in: Tokenizer.tokens(text))
    }

    /// Dates in already tokenized text (the extractor has tokenized titles and the opening).
    public static func dates(in toks: [Token]) -> [WrittenDate] {
        var out: [WrittenDate] = []
        var i = 0
        while i < toks.count {
            let t = toks[i]
            // ISO: 2017-09-21 (three number tokens).
            if t.lower.utf8.count == 4, let f = t.lower.utf8.first, f == 0x31 || f == 0x32, let y = Int(t.lower),
               (1900...2100).contains(y), i + 2 < toks.count,
               let m = Int(toks[i + 1].lower), let d = Int(toks[i + 2].lower), toks[i + 1].lower.utf8.count <= 2,
               CalendarDay(year: y, month: m, day: d) != nil {
                out.append(WrittenDate(year: y, month: m, day: d))
                i += 3
                continue
            }
            // Numbers: "12/11/2021" (month first, as some government pages write it, unless the first is over
            // 12), three number words joined by single separators.
            if let f = t.lower.utf8.first, f >= 0x30, f <= 0x39, i + 2 < toks.count, t.lower.utf8.count <= 2,
               let a = Int(t.lower), let b = Int(toks[i + 1].lower),
               toks[i + 1].lower.utf8.count <= 2, let y = yearNumber(toks[i + 2].lower),
               toks[i + 1].start == t.end + 1, toks[i + 2].start == toks[i + 1].end + 1 {
                let (m, d) = a <= 12 ? (a, b) : (b, a)
                if CalendarDay(year: y, month: m, day: d) != nil {
                    out.append(WrittenDate(year: y, month: m, day: d))
                    i += 3
                    continue
                }
            }
            // Both orders need a number starting one of the two words; test that before hashing.
            guard let f0 = t.lower.utf8.first else { i += 1; continue }
            let startsDigit = f0 >= 0x30 && f0 <= 0x39
            if !startsDigit {
                guard i + 1 < toks.count, let f1 = toks[i + 1].lower.utf8.first, f1 >= 0x30, f1 <= 0x39 else { i += 1; continue }
            }
            // "Month Day[, Year]" or "Day Month [Year]"; the year, when there, is the third word.
            var found: (month: Int, day: Int)?
            if !startsDigit, let m = months[t.lower], t.capitalized || t.lower.count > 3,
               i + 1 < toks.count, let d = dayNumber(toks[i + 1].lower) {
                found = (m, d)
            } else if startsDigit, let d = dayNumber(t.lower), i + 1 < toks.count,
                      let m = months[toks[i + 1].lower], toks[i + 1].capitalized {
                found = (m, d)
            }
            if let (m, d) = found {
                let year = i + 2 < toks.count ? yearNumber(toks[i + 2].lower) : nil
                if CalendarDay(year: year ?? 2000, month: m, day: d) != nil {
                    let end = i + (year == nil ? 2 : 3)
                    out.append(WrittenDate(year: year, month: m, day: d, weekday: weekdayAround(toks, start: i, end: end)))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The weekday a news lead dates its event by ("met on Friday", "agreed Tuesday"), 0 for
    /// Monday; not one ahead ("next Friday", "by Friday").
    public static func weekday(in toks: [Token]) -> Int? {
        for (i, t) in toks.enumerated() where t.capitalized {
            guard let w = weekdays.firstIndex(of: t.lower) else { continue }
            if i > 0, ["next", "coming", "until", "by", "before", "this"].contains(toks[i - 1].lower) { continue }
            // "for the first time since he became President on Tuesday": another event's day.
            if toks[max(0, i - 8)..<i].contains(where: { ["since", "after", "before", "until"].contains($0.lower) }) { continue }
            return w
        }
        return nil
    }

    static let weekdayAbbreviations = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The weekday written with a date: before it ("Saturday, June 14", "on Sat. 14 June") or
    /// in brackets after it ("June 14 (Sat)").
    static func weekdayAround(_ toks: [Token], start: Int, end: Int) -> Int? {
        if start > 0, let w = weekdays.firstIndex(of: toks[start - 1].lower) { return w }
        if start > 0, toks[start - 1].capitalized, let w = weekdayAbbreviations.firstIndex(of: String(toks[start - 1].lower.prefix(3))),
           toks[start - 1].lower.utf8.count <= 5, weekdays[w].hasPrefix(toks[start - 1].lower) {
            return w
        }
        if end < toks.count {
            let l = toks[end].lower
            if let w = weekdays.firstIndex(of: l) { return w }
            if toks[end].capitalized, l.utf8.count >= 3, let w = weekdayAbbreviations.firstIndex(of: String(l.prefix(3))),
               weekdays[w].hasPrefix(l) {
                return w
            }
        }
        return nil
    }

    /// Days before the page's date that the opening's "yesterday" or "last night" means (1), or
    /// nil; "yesterday's launch" dates another event.
    public static func daysBack(in toks: [Token]) -> Int? {
        for (i, t) in toks.enumerated() where !t.possessive {
            if t.lower == "yesterday" { return 1 }
            if t.lower == "night", i > 0, toks[i - 1].lower == "last" { return 1 }
        }
        return nil
    }

    /// A month and year without a day ("October 2003"), as some pages are dated.
    public static func monthYear(in toks: [Token]) -> (month: Int, year: Int)? {
        for i in toks.indices.dropLast() {
            guard let m = months[toks[i].lower], toks[i].capitalized, let y = yearNumber(toks[i + 1].lower) else { continue }
            if i > 0, dayNumber(toks[i - 1].lower) != nil { continue }
            return (m, y)
        }
        return nil
    }

    /// "6", "28th", "1st".
    static func dayNumber(_ s: String) -> Int? {
        // ASCII words (nearly all) on their bytes: the same digits and suffixes, without
        // Characters and a fresh suffix list per word.
        let u = s.utf8
        if u.count <= 4, u.allSatisfy({ $0 < 0x80 }) {
            var d = 0, k = 0
            for c in u {
                guard c >= 0x30, c <= 0x39 else { break }
                d = d * 10 + Int(c - 0x30)
                k += 1
            }
            guard k >= 1, k <= 2, (1...31).contains(d) else { return nil }
            let rest = u.dropFirst(k)
            if rest.isEmpty { return d }
            guard rest.count == 2, let a = rest.first, let b = rest.last else { return nil }
            let ok = (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
            return ok ? d : nil
        }
        let digits = s.prefix(while: { $0.isNumber })
        guard !digits.isEmpty, digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        let rest = s.dropFirst(digits.count)
        return ["", "st", "nd", "rd", "th"].contains(String(rest)) ? d : nil
    }

    static func yearNumber(_ s: String) -> Int? {
        guard s.utf8.count == 4, let y = Int(s), (1900...2100).contains(y) else { return nil }
        return y
    }

    /// Dates in ISO or RFC-like metadata ("2019-09-16T10:00:00Z", "2019/09/16").
    public static func metadataDate(_ s: String) -> CalendarDay? {
        if let d = CalendarDay(iso: s) { return d }
        let normalized = s.prefix(10).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        if let d = CalendarDay(iso: normalized) { return d }
        if let w = dates(in: s).first, let d = w.day_ { return d }
        return nil
    }
}

import Foundation
