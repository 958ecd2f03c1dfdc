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
            // A wire story's lead ("TOKYO, Sept 20 (Reuters) - Canadian Prime Minister ...") is
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
        // some other ASCII letter, rejected on their first byte.
        if let f = s.utf8.first, f < 0x80, f != 0x28, !(f >= 0x30 && f <= 0x39),
           f != 0x49, f != 0x56, f != 0x58, f != 0x69, f != 0x76, f != 0x78 {
            return nil
        }
        let end = s.utf8.withContiguousStorageIfAvailable { markerEnd($0) }
            ?? Array(s.utf8).withUnsafeBufferPointer { markerEnd($0) }
        guard let end else { return nil }
        let i = s.utf8.index(s.startIndex, offsetBy: end)
        return (String(s[s.startIndex..<i]), trim(s[i...]))
    }

    /// The byte offset where a list marker ends, at the white space after it; nil when the
    /// line has none. Each part of a marker is a character of one scalar: "1.\u{301}" is not one.
    private static func markerEnd(_ u: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        func take(_ test: (Unicode.Scalar) -> Bool) -> Bool {
            guard i < u.count else { return false }
            let (c, len) = UTF8Characters.scalar(u, i)
            guard test(c), !UTF8Characters.continues(u, at: i + len) else { return false }
            i += len
            return true
        }
        func isNumber(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? c >= "0" && c <= "9" : c.properties.numericType != nil
        }
        let paren = take { $0 == "(" || $0 == "（" }
        let start = i
        while take(isNumber) {}
        if i == start {
            // Roman numerals (at most five letters) or one letter in parentheses.
            var letters = 0
            while letters < 5, take({ "IVXivx".unicodeScalars.contains($0) }) { letters += 1 }
            if i == start, paren { _ = take { $0.properties.isAlphabetic } }
            guard i > start else { return nil }
        }
        if paren {
            guard take({ $0 == ")" || $0 == "）" }) else { return nil }
        } else {
            guard take({ $0 == "." || $0 == ")" }) else { return nil }
            // "2.5 percent" or "1.30 p.m." is not a marker.
            if i < u.count, isNumber(UTF8Characters.scalar(u, i).0) { return nil }
        }
        guard i < u.count, UTF8Characters.scalar(u, i).0.properties.isWhitespace else { return nil }
        return i
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

    static let shareStopwords: [StaticString] = ["of", "and", "the", "a", "an", "in", "on", "for", "to", "with", "at", "by", "from"]

    /// The share of a line's words, apart from short function words, whose first letter or
    /// digit is a capital or a digit ("Canada-France Summit Meeting": 1.0).
    static func capitalizedShare(_ s: Substring) -> Double {
        s.utf8.withContiguousStorageIfAvailable { capitalizedShare($0) }
            ?? Array(s.utf8).withUnsafeBufferPointer { capitalizedShare($0) }
    }

    private static func capitalizedShare(_ u: UnsafeBufferPointer<UInt8>) -> Double {
        /// A space byte that is a character of its own separates words.
        func isSpace(_ i: Int) -> Bool { u[i] == 0x20 && !UTF8Characters.continues(u, at: i + 1) }
        func isStopword(_ s: Int, _ e: Int) -> Bool {
            shareStopwords.contains { w in
                guard w.utf8CodeUnitCount == e - s else { return false }
                for k in 0..<(e - s) {
                    let c = u[s + k]
                    if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != w.utf8Start[k] { return false }
                }
                return true
            }
        }
        var words = 0, caps = 0
        var i = 0
        while i < u.count {
            if isSpace(i) { i += 1; continue }
            var j = i
            while j < u.count, !isSpace(j) { j += 1 }
            // The first character that is a letter or a number, by its base scalar.
            var k = i, first: Unicode.Scalar?
            while k < j {
                let c = UTF8Characters.scalar(u, k).0
                if c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
                             : c.properties.isAlphabetic || c.properties.numericType != nil {
                    first = c
                    break
                }
                k = UTF8Characters.characterEnd(u, k)
            }
            if let f = first, !isStopword(i, j) {
                words += 1
                let upper = f.isASCII ? (f >= "A" && f <= "Z") || (f >= "0" && f <= "9")
                                      : f.properties.isUppercase || f.properties.numericType != nil
                if upper { caps += 1 }
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

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                         "sept", "oct", "nov", "dec"].map { Array($0.utf8) }
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { Array($0.utf8) }
    static let ordinalSuffixes = ["", "st", "nd", "rd", "th"].map { Array($0.utf8) }
    static let dateLabels = ["updated", "posted", "published", "date", "date:", "on"].map { Array($0.utf8) }
    /// Words of a time after a date ("10:15 a.m. JST" splits into "a", "m", "jst").
    static let timeWords = ["a", "m", "p", "am", "pm", "at", "jst", "est", "edt", "et", "gmt", "utc", "pst", "pdt",
                            "local", "time"].map { Array($0.utf8) }

    /// A line that is only a date: month names, numbers, weekdays, ordinals, and a time of
    /// publication. The words are compared lower-cased (ASCII letters: every listed word is
    /// ASCII, so a word with another letter is none of them).
    static func looksLikeDate(_ s: String) -> Bool {
        guard s.utf8.count <= 60, s.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var s = s
        return s.withUTF8 { u in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { lower -> Bool in
                for k in 0..<u.count { let c = u[k]; lower[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return looksLikeDate(u, lowered: UnsafeBufferPointer(lower))
            }
        }
    }

    private static func looksLikeDate(_ u: UnsafeBufferPointer<UInt8>, lowered l: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSeparator(_ i: Int) -> Bool {
            let c = u[i]
            return (c == 0x20 || c == 0x2C || c == 0x2E || c == 0x28 || c == 0x29 || c == 0x2F || c == 0x2D)
                && !UTF8Characters.continues(u, at: i + 1)
        }
        func isOne(_ a: Int, _ b: Int, of list: [[UInt8]]) -> Bool { list.contains { $0.elementsEqual(l[a..<b]) } }
        func isNumber(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c >= "0" && c <= "9" : c.properties.numericType != nil }
        var sawMonth = false, sawNumber = false
        var i = 0
        while i < u.count {
            if isSeparator(i) { i += 1; continue }
            var j = i
            while j < u.count, !isSeparator(j) { j += 1 }
            defer { i = j }
            if isOne(i, j, of: months) { sawMonth = true; continue }
            if isOne(i, j, of: weekdays) { continue }
            // Leading number characters, then an ordinal suffix or nothing: "21", "3rd".
            var k = i
            while k < j, isNumber(UTF8Characters.scalar(u, k).0) { k = UTF8Characters.characterEnd(u, k) }
            if k > i, isOne(k, j, of: ordinalSuffixes) {
                sawNumber = true
                continue
            }
            if isOne(i, j, of: dateLabels) || isOne(i, j, of: timeWords) { continue }
            // A time of publication after the date: "Feb. 8, 2025, 10:15 a.m. JST".
            if l[i..<j].contains(0x3A) {
                var k = i, time = true
                while k < j, time {
                    let c = UTF8Characters.scalar(u, k).0
                    time = c == ":" || isNumber(c)
                    k = UTF8Characters.characterEnd(u, k)
                }
                if time { continue }
            }
            return false
        }
        return sawMonth && sawNumber
    }

    /// Byte search in a line (the rules' needles are ASCII).
    static func containsBytes(_ haystack: String, _ needle: StaticString) -> Bool {
        // In place: copying the line into an array cost more than the search.
        var haystack = haystack
        return haystack.withUTF8 { UTF8Characters.contains($0, needle) }
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
}
