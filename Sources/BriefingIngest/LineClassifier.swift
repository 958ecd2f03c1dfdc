/// Decides what each line of a readout is: title, date line, section heading, running text,
/// or noise (photo captions, navigation, print buttons, "Back to ...", tag lists, PDF
/// references). The rules are about the shape of pages, not about any one site.
enum LineClassifier {
    static func classify(_ raw: [RawLine], format: ReadoutText.Format) -> [SourceLine] {
        var out: [SourceLine] = []
        out.reserveCapacity(raw.count)
        var seenProse = false
        /// A title, heading or running text line has been placed.
        var placedText = false
        // The previous line was running text cut at a fixed width mid-sentence (wire copy): the
        // next is its continuation, not a heading.
        var continuesWrappedProse = false
        var inReferences = false
        for r in raw {
            var text = trim(Substring(r.text))
            if text.isEmpty { continue }
            var heading = r.heading
            var bullet = false
            if format == .markdown, text.hasPrefix("#") {
                text = trim(text.drop(while: { $0 == "#" }))
                heading = true
            }
            if let rest = dropBullet(text) {
                text = rest
                bullet = true
            }
            var marker: String?
            if let (m, rest) = splitMarker(text) {
                marker = m
                text = rest
            }
            if text.isEmpty { continue }
            let afterWrappedProse = continuesWrappedProse
            continuesWrappedProse = false
            let line = String(text)
            let words = wordCount(text)
            let terminal = endsSentence(text)

            // Reference and link lists follow the text; before it, such a line is page furniture.
            let referenceHeading = isReferenceHeading(line)
            if referenceHeading, !seenProse {
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            if referenceHeading {
                inReferences = true
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            if inReferences {
                if words >= 12, terminal, !bullet { inReferences = false } else {
                    out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                    continue
                }
            }
            if isNoise(line, words: words, bullet: bullet, terminal: terminal) {
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            if words <= 8, looksLikeDate(line) || startsWithNumericDate(line) {
                out.append(SourceLine(text: line, number: r.number, role: .dateline, marker: marker))
                continue
            }
            let headingShape = words <= 14 && !terminal && !hasSpeakerPrefix(line)
                && (heading || marker != nil || capitalizedShare(text) >= 0.5)
            // Before the text, a long capitalised line without a full stop is still the title
            // ("Readout of the Secretary's Meeting With the Minister of ...").
            // And the first line of all, short and without a full stop, is a headline even in
            // sentence case ("Leaders hold online talks").
            let longTitle = !seenProse && !terminal && !hasSpeakerPrefix(line)
                && (words <= 24 && capitalizedShare(text) >= 0.5 || !placedText && words <= 14 && words >= 3)
            // A wire story's lead ("TOKYO, Sept 20 (Reuters) - Japanese Prime Minister ...") is
            // text however it is wrapped.
            if headingShape || longTitle || (heading && words <= 20), !isNewsLead(line), !afterWrappedProse {
                out.append(SourceLine(text: line, number: r.number, role: seenProse ? .heading : .title, marker: marker))
                placedText = true
                continue
            }
            if words < 3, !terminal {
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            seenProse = true
            placedText = true
            out.append(SourceLine(text: line, number: r.number, role: .prose, marker: marker, bullet: bullet))
            continuesWrappedProse = marker == nil && !terminal && (40...90).contains(line.utf8.count)
        }
        return out
    }

    /// "TOKYO, Sept 20 (Reuters) -", "WASHINGTON, March 4 —": a place in capitals, a comma and a month.
    static func isNewsLead(_ s: String) -> Bool {
        guard let comma = s.utf8.prefix(40).firstIndex(of: 0x2C) else { return false }
        let place = s[..<comma]
        guard place.utf8.count >= 3, place.unicodeScalars.allSatisfy({ ($0.value >= 0x41 && $0.value <= 0x5A) || $0 == " " || $0 == "." }) else {
            return false
        }
        let rest = s[s.index(after: comma)...].drop(while: { $0 == " " })
        let month = rest.prefix { $0.isLetter }.lowercased()
        return month.count >= 3 && monthPrefixes.contains { month.hasPrefix($0) }
    }

    /// "12/11/2021 08:57 AM EST", "2021-12-11": a line that opens with a date in numbers.
    static func startsWithNumericDate(_ s: String) -> Bool {
        let first = s.utf8.prefix { $0 != 0x20 }
        let parts = first.split(omittingEmptySubsequences: false, whereSeparator: { $0 == 0x2F || $0 == 0x2D || $0 == 0x2E })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return false }
        let lengths = parts.map { $0.count }
        return lengths == [4, 2, 2] || (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    }

    static let monthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func trim(_ s: Substring) -> Substring {
        // Most lines start and end with a visible ASCII character: nothing to trim, decided
        // on two bytes instead of walking scalars.
        if let f = s.utf8.first, let l = s.utf8.last, f < 0x80, l < 0x80,
           f != 0x20, f != 0x09, f != 0x0D, l != 0x20, l != 0x09, l != 0x0D {
            return s
        }
        var s = s
        while let f = s.unicodeScalars.first, f == " " || f == "\t" || f == "\u{FEFF}" || f == "\u{A0}" || f == "\u{3000}" || f == "\r" {
            s = s.unicodeScalars.dropFirst().isEmpty ? "" : Substring(s.unicodeScalars.dropFirst())
        }
        while let l = s.unicodeScalars.last, l == " " || l == "\t" || l == "\u{A0}" || l == "\u{3000}" || l == "\r" {
            s = Substring(s.unicodeScalars.dropLast())
        }
        return s
    }

    static let bulletScalars: Set<Unicode.Scalar> = Set("•・●○■□◆◇▪‣∙·".unicodeScalars)

    static func dropBullet(_ s: Substring) -> Substring? {
        guard let f = s.unicodeScalars.first else { return nil }
        if f.value >= 0x80, bulletScalars.contains(f) { return trim(s.dropFirst()) }
        if f == "-" || f == "*" || f == "–", s.dropFirst().first == " " { return trim(s.dropFirst()) }
        return nil
    }

    /// "1.", "1)", "(1)", "(a)", "II." at the start, followed by a space.
    static func splitMarker(_ s: Substring) -> (String, Substring)? {
        // A bullet alone on its line leaves nothing.
        guard !s.isEmpty else { return nil }
        // A marker starts with "(", a digit or a Roman numeral letter; most lines start with
        // some other ASCII letter, rejected here without building Characters.
        if let f = s.utf8.first, f < 0x80, f != 0x28, !(f >= 0x30 && f <= 0x39),
           f != 0x49, f != 0x56, f != 0x58, f != 0x69, f != 0x76, f != 0x78 {
            return nil
        }
        switch asciiMarker(s) {
        case .none: return nil
        case .marker(let end):
            let i = s.utf8.index(s.startIndex, offsetBy: end)
            return (String(s[s.startIndex..<i]), trim(s[i...]))
        case .unsure: break
        }
        var i = s.startIndex
        var paren = false
        if s[i] == "(" || s[i] == "（" { paren = true; i = s.index(after: i) }
        let start = i
        while i < s.endIndex, s[i].isNumber { i = s.index(after: i) }
        var isNumber = i > start
        if !isNumber {
            // Roman numerals or a single letter in parentheses.
            while i < s.endIndex, "IVXivx".contains(s[i]), s.distance(from: start, to: i) < 5 { i = s.index(after: i) }
            if i == start, paren, i < s.endIndex, s[i].isLetter { i = s.index(after: i) }
            isNumber = i > start
        }
        guard isNumber, i < s.endIndex else { return nil }
        if paren {
            guard s[i] == ")" || s[i] == "）" else { return nil }
            i = s.index(after: i)
        } else {
            guard s[i] == "." || s[i] == ")" else { return nil }
            let n = s.index(after: i)
            // "2.5 percent" or "1.30 p.m." is not a marker.
            if n < s.endIndex, s[n].isNumber { return nil }
            i = n
        }
        guard i < s.endIndex, s[i].isWhitespace else { return nil }
        return (String(s[s.startIndex..<i]), trim(s[i...]))
    }

    static func wordCount(_ s: Substring) -> Int {
        // Over the contiguous bytes when there are (always, for native strings): iterating a
        // Substring's UTF-8 view byte by byte is several times slower.
        if let n = s.utf8.withContiguousStorageIfAvailable({ countWords($0) }) { return n }
        return countWords(s.utf8)
    }

    private static func countWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var n = 0, inWord = false
        for c in bytes {
            let w = !(c == 0x20 || c == 0x09)
            if w, !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    static func endsSentence(_ s: Substring) -> Bool {
        // Skip closing quotes and brackets (ASCII and the curly ones, E2 80 99 / E2 80 9D).
        // Only the last few bytes matter.
        if let ends = s.utf8.withContiguousStorageIfAvailable({ endsSentence(UnsafeBufferPointer(rebasing: $0.suffix(12))) }) {
            return ends
        }
        return Array(s.utf8.suffix(12)).withUnsafeBufferPointer { endsSentence($0) }
    }

    private static func endsSentence(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = u.count - 1
        while i >= 0 {
            let c = u[i]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { i -= 1; continue }
            if c == 0x99 || c == 0x9D, i >= 2, u[i - 1] == 0x80, u[i - 2] == 0xE2 { i -= 3; continue }
            break
        }
        guard i >= 0 else { return false }
        let c = u[i]
        if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A || c == 0x3B { return true }
        return i >= 2 && u[i - 2] == 0xE3 && u[i - 1] == 0x80 && c == 0x82 // 。
    }

    static func capitalizedShare(_ s: Substring) -> Double {
        if let share = s.utf8.withContiguousStorageIfAvailable({ asciiCapitalizedShare($0) }), let share { return share }
        var words = 0, caps = 0
        for w in s.split(separator: " ") {
            guard let f = w.first(where: { $0.isLetter || $0.isNumber }) else { continue }
            let lower = w.lowercased()
            if ["of", "and", "the", "a", "an", "in", "on", "for", "to", "with", "at", "by", "from"].contains(lower) { continue }
            words += 1
            if f.isUppercase || f.isNumber { caps += 1 }
        }
        return words == 0 ? 0 : Double(caps) / Double(words)
    }

    static let shareStopwords: [StaticString] = ["of", "and", "the", "a", "an", "in", "on", "for", "to", "with", "at", "by", "from"]

    /// `capitalizedShare` over the bytes of an all-ASCII line (nil otherwise), where a letter
    /// is A-Z or a-z and a number 0-9, so the answer is the same without building Characters
    /// and a lower-cased copy of every word.
    private static func asciiCapitalizedShare(_ u: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isStopword(_ s: Int, _ e: Int) -> Bool {
            shareStopwords.contains { w in
                guard w.utf8CodeUnitCount == e - s else { return false }
                for k in 0..<(e - s) where u[s + k] | (isLetter(u[s + k]) ? 0x20 : 0) != w.utf8Start[k] { return false }
                return true
            }
        }
        var words = 0, caps = 0
        var i = 0
        let n = u.count
        while i < n {
            if u[i] == 0x20 { i += 1; continue }
            var j = i
            while j < n, u[j] != 0x20 { j += 1 }
            if let f = u[i..<j].first(where: { isLetter($0) || isDigit($0) }), !isStopword(i, j) {
                words += 1
                if (f >= 0x41 && f <= 0x5A) || isDigit(f) { caps += 1 }
            }
            i = j
        }
        return words == 0 ? 0 : Double(caps) / Double(words)
    }

    /// "Abe: We ..." — a gist line, running text.
    static func hasSpeakerPrefix(_ s: String) -> Bool {
        // Over bytes: the colon, then at most four words before it (a byte search instead of
        // building Characters for the whole line).
        guard let colon = s.utf8.firstIndex(of: 0x3A) else { return false }
        var words = 0, inWord = false
        for c in s.utf8[..<colon] {
            let w = c != 0x20
            if w, !inWord {
                words += 1
                if words > 4 { return false }
            }
            inWord = w
        }
        return s.first?.isUppercase == true && !s[colon...].dropFirst(10).isEmpty
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let ordinalSuffixes = ["", "st", "nd", "rd", "th"]
    static let dateLabels = ["updated", "posted", "published", "date", "date:", "on"]
    /// Words of a time after a date ("10:15 a.m. JST" splits into "a", "m", "jst").
    static let timeWords = ["a", "m", "p", "am", "pm", "at", "jst", "est", "edt", "et", "gmt", "utc", "pst", "pdt", "local", "time"]

    /// A line that is only a date: month names, numbers, weekdays, ordinals.
    static func looksLikeDate(_ s: String) -> Bool {
        guard s.utf8.count <= 60, s.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var s = s
        if let ascii = s.withUTF8({ u in u.allSatisfy({ $0 < 0x80 }) ? asciiLooksLikeDate(u) : nil }) { return ascii }
        var sawMonth = false, sawNumber = false
        for raw in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" || $0 == "/" || $0 == "-" }) {
            let w = raw.lowercased()
            if months.contains(w) { sawMonth = true; continue }
            if weekdays.contains(w) { continue }
            let digits = w.prefix(while: { $0.isNumber })
            if !digits.isEmpty, ordinalSuffixes.contains(String(w.dropFirst(digits.count))) {
                sawNumber = true
                continue
            }
            if dateLabels.contains(w) || timeWords.contains(w) { continue }
            // A time of publication after the date: "Feb. 8, 2025, 10:15 a.m. JST".
            if w.contains(":"), w.allSatisfy({ $0.isNumber || $0 == ":" }) { continue }
            return false
        }
        return sawMonth && sawNumber
    }

    static func isReferenceHeading(_ s: String) -> Bool {
        let n = s.utf8.count
        guard n <= 48, n <= 24 || endsWithSidebarWord(s) else { return false }
        var l = Substring(asciiLowercased(s)).unicodeScalars[...]
        while let f = l.first, bracketScalars.contains(f) { l.removeFirst() }
        while let e = l.last, bracketScalars.contains(e) { l.removeLast() }
        let heading = String(l)
        if n <= 24, referenceHeadings.contains(heading) { return true }
        // A news site's sidebar of other stories, often after its section ("Politics" POPULAR ARTICLE).
        guard endsWithSidebarWord(s) else { return false }
        return sidebarHeadings.contains { heading == $0 || heading.hasSuffix(" " + $0) }
    }

    /// The last word of a line, lower-cased, is the last word of a sidebar heading (a cheap test
    /// before the full one).
    static func endsWithSidebarWord(_ s: String) -> Bool {
        var word: [UInt8] = []
        for c in s.utf8.reversed() {
            if c == 0x20 { if word.isEmpty { continue } else { break } }
            word.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            if word.count > 12 { return false }
        }
        return sidebarLastWords.contains(String(decoding: word.reversed(), as: UTF8.self))
    }

    static let sidebarLastWords: Set<String> = ["article", "articles", "read", "popular", "viewed", "stories", "news",
                                                "recommended", "like", "trending", "picks", "next", "story", "coverage"]

    static let sidebarHeadings = ["popular article", "popular articles", "most read", "most popular", "most viewed",
                                  "related stories", "related news", "more stories", "top stories", "recommended",
                                  "recommended stories", "you may also like", "trending", "latest news", "editor's picks",
                                  "read next", "more on this story", "related coverage"]

    static let bracketScalars: Set<Unicode.Scalar> = Set("()[]:：（） ".unicodeScalars)
    static let referenceHeadings: Set<String> = ["reference", "references", "related documents", "related document",
                                                 "attachment", "attachments", "related links", "related link",
                                                 "related articles", "related", "see also", "documents", "annex"]

    /// Substring search over UTF-8 bytes (Foundation's `contains` is slow on Linux).
    static func containsBytes(_ haystack: String, _ needle: StaticString) -> Bool {
        // In place: copying the line into an array cost more than the search.
        var haystack = haystack
        return haystack.withUTF8 { h in containsBytes(h, needle) }
    }

    private static func containsBytes(_ h: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let k = needle.utf8CodeUnitCount
        guard h.count >= k else { return false }
        let p = needle.utf8Start
        outer: for i in 0...(h.count - k) {
            for j in 0..<k where h[i + j] != p[j] { continue outer }
            return true
        }
        return false
    }

    /// Lower-cases ASCII letters only (fast; the noise rules are ASCII).
    static func asciiLowercased(_ s: String) -> String {
        // Written straight into the new string's storage, no intermediate array.
        let n = s.utf8.count
        return String(unsafeUninitializedCapacity: n) { buf in
            var i = 0
            for c in s.utf8 {
                buf[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                i += 1
            }
            return n
        }
    }

    static let noiseLines: Set<String> = ["print", "print print", "share", "tweet", "email", "e-mail", "facebook",
                                          "twitter", "x", "line", "page top", "back to top", "top of page", "go to top",
                                          "menu", "search", "home", "close", "copy link", "sns", "print this page",
                                          "share this", "share this article", "advertisement", "read more",
                                          "subscribe", "sign in", "log in", "more", "top", "next", "previous",
                                          "related", "comments", "share on facebook", "share on twitter",
                                          "most read", "most popular", "skip to main content", "english", "français",
                                          "español", "deutsch", "日本語", "中文", "한국어", "русский"]

    /// Over the lower-cased bytes of a line.
    static func isAttribution(_ l: UnsafeBufferPointer<UInt8>) -> Bool {
        if containsBytes(l, "the following readout") || containsBytes(l, "the following statement") { return true }
        guard l.last == 0x3A else { return false }
        return hasPrefix(l, "as stated by") == true || containsBytes(l, "attributable to") || containsBytes(l, "spokesperson")
            || containsBytes(l, "press secretary") || containsBytes(l, "spokesman") || containsBytes(l, "spokeswoman")
    }

    static func isNoise(_ s: String, words: Int, bullet: Bool, terminal: Bool) -> Bool {
        if words > 40 { return false }
        // Long running text ending a sentence is never page furniture except a "(PDF)" link.
        if words > 14, terminal, !bullet, let f = s.utf8.first, !"([PpCcIi©".utf8.contains(f),
           !containsBytes(s, "PDF"), !containsBytes(s, "pdf") { return false }
        // The rules read the line lower-cased (ASCII letters only), here in a buffer on the
        // stack: a lower-cased String cost an allocation for every line longer than 15 bytes.
        var s = s
        return s.withUTF8 { u in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { buf in
                for k in 0..<u.count { let c = u[k]; buf[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return isNoise(lowered: UnsafeBufferPointer(buf), words: words, bullet: bullet, terminal: terminal)
            }
        }
    }

    /// `isNoise` after the quick exits, over the ASCII-lower-cased bytes `l` of the line.
    private static func isNoise(lowered l: UnsafeBufferPointer<UInt8>, words: Int, bullet: Bool, terminal: Bool) -> Bool {
        /// `String.hasPrefix` of the lower-cased line, by bytes when they decide it.
        func prefix(_ p: StaticString) -> Bool {
            hasPrefix(l, p) ?? String(decoding: l, as: UTF8.self).hasPrefix(p.description)
        }
        // Every navigation line listed has at most four words: longer lines skip the hash.
        if words <= 4, noiseLines.contains(String(decoding: l, as: UTF8.self)) { return true }
        if words <= 14, prefix("back to ") || prefix("return to ") || prefix("go back to ") { return true }
        if prefix("(photo") || prefix("[photo") || prefix("photo:") || prefix("photo credit")
            || prefix("photograph:") || prefix("(photograph") || prefix("credit:") || prefix("image:") {
            return true
        }
        if prefix("photo") {
            // "photo1:", "photo 2:"
            let rest = l.dropFirst(5)
            if let colon = rest.firstIndex(of: 0x3A), rest[rest.startIndex..<colon].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 }) {
                return true
            }
        }
        if containsBytes(l, "(pdf") || containsBytes(l, "[pdf") { return true }
        if hasSuffix(l, " pdf") ?? String(decoding: l, as: UTF8.self).hasSuffix(" pdf") { return true }
        if prefix("©") || prefix("copyright") || prefix("all rights reserved") { return true }
        // Who released the text ("The Press Secretary provided the following readout:", "As
        // stated by Spokesperson ...:"): the spokesperson is neither a participant nor a speaker.
        if words <= 20, isAttribution(l) { return true }
        if words <= 20, !terminal, separatorCount(l) >= 2 { return true }
        // Tag lists and link lists: short bulleted items with no sentence in them.
        if bullet, words <= 6, !terminal { return true }
        return false
    }
}

import Foundation
