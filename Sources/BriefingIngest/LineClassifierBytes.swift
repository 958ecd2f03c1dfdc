/// The classifier's checks over UTF-8 bytes, for lines where bytes give the same answer as
/// Characters (plain ASCII, mostly): each says when it cannot tell, and the Character code
/// in LineClassifier.swift decides those lines. They run on every line of every readout.
extension LineClassifier {
    /// What the bytes say about a list marker: none, one ending at a byte offset, or ask Characters.
    enum MarkerVerdict { case none, marker(end: Int), unsure }

    /// `splitMarker`'s walk over bytes, for lines whose marker (or the lack of one) is plain
    /// ASCII: "1. The two leaders", "(2) Russia", "In the meeting". Every byte it looks at, and
    /// the one after, must be ASCII (so each is a whole Character, and no combining mark can
    /// follow); otherwise `unsure`, and the Character walk decides. `end`: the byte offset
    /// where the marker ends.
    static func asciiMarker(_ s: Substring) -> MarkerVerdict {
        s.utf8.withContiguousStorageIfAvailable { u -> MarkerVerdict in
            let n = u.count
            /// The Character at p is the single ASCII byte u[p] (CR LF is one Character).
            func plain(_ p: Int) -> Bool {
                u[p] < 0x80 && (p + 1 == n || (u[p + 1] < 0x80 && !(u[p] == 0x0D && u[p + 1] == 0x0A)))
            }
            func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
            guard n > 0, plain(0) else { return .unsure }
            var i = 0
            let paren = u[0] == 0x28
            if paren { i = 1 }
            let start = i
            while i < n {
                guard plain(i) else { return .unsure }
                if !digit(u[i]) { break }
                i += 1
            }
            if i == start {
                // Roman numerals (at most five letters) or one letter in parentheses.
                while i < n {
                    guard plain(i) else { return .unsure }
                    guard "IVXivx".utf8.contains(u[i]), i - start < 5 else { break }
                    i += 1
                }
                if i == start, paren, i < n {
                    guard plain(i) else { return .unsure }
                    let c = u[i] | 0x20
                    if c >= 0x61 && c <= 0x7A { i += 1 }
                }
                guard i > start else { return .none }
            }
            guard i < n else { return .none }
            guard plain(i) else { return .unsure }
            if paren {
                guard u[i] == 0x29 else { return .none }
                i += 1
            } else {
                guard u[i] == 0x2E || u[i] == 0x29 else { return .none }
                let next = i + 1
                // "2.5 percent" or "1.30 p.m." is not a marker.
                if next < n {
                    guard plain(next) else { return .unsure }
                    if digit(u[next]) { return .none }
                }
                i = next
            }
            guard i < n else { return .none }
            guard plain(i) else { return .unsure }
            // ASCII white space as Character.isWhitespace has it: tab to carriage return, space.
            return (u[i] >= 0x09 && u[i] <= 0x0D) || u[i] == 0x20 ? .marker(end: i) : .none
        } ?? .unsure
    }

    /// The words `looksLikeDate` lets pass, as bytes.
    static let monthBytes = months.map { Array($0.utf8) }
    static let weekdayBytes = weekdays.map { Array($0.utf8) }
    static let ordinalSuffixBytes = ordinalSuffixes.map { Array($0.utf8) }
    static let dateLabelBytes = dateLabels.map { Array($0.utf8) }
    static let timeWordBytes = timeWords.map { Array($0.utf8) }

    /// `looksLikeDate` for an all-ASCII line, over its bytes: there, splitting on the
    /// separator characters is splitting on their bytes and lower-casing is per byte, so the
    /// answer is the same without a String per word and two hashed lookups each.
    static func asciiLooksLikeDate(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSeparator(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x2C || c == 0x2E || c == 0x28 || c == 0x29 || c == 0x2F || c == 0x2D
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: u.count) { lower -> Bool in
            for k in 0..<u.count { let c = u[k]; lower[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            func isOne(_ w: Slice<UnsafeMutableBufferPointer<UInt8>>, of list: [[UInt8]]) -> Bool {
                list.contains { $0.elementsEqual(w) }
            }
            var sawMonth = false, sawNumber = false
            var i = 0
            while i < u.count {
                if isSeparator(lower[i]) { i += 1; continue }
                var j = i
                while j < u.count, !isSeparator(lower[j]) { j += 1 }
                let w = lower[i..<j]
                i = j
                if isOne(w, of: monthBytes) { sawMonth = true; continue }
                if isOne(w, of: weekdayBytes) { continue }
                let digits = w.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
                if !digits.isEmpty, isOne(w[digits.endIndex...], of: ordinalSuffixBytes) {
                    sawNumber = true
                    continue
                }
                if isOne(w, of: dateLabelBytes) || isOne(w, of: timeWordBytes) { continue }
                // A time of publication: "10:15".
                if w.contains(0x3A), w.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A }) { continue }
                return false
            }
            return sawMonth && sawNumber
        }
    }

    /// `String.hasPrefix(p)` over bytes: the bytes match and the prefix ends where a character
    /// does, certain when the next byte is ASCII (or there is none). Nil when only Characters
    /// can tell (a combining mark may follow). A mismatch of bytes is a mismatch of Characters
    /// for the prefixes used here: no other spelling is canonically equivalent to them.
    static func hasPrefix(_ u: UnsafeBufferPointer<UInt8>, _ p: StaticString) -> Bool? {
        let k = p.utf8CodeUnitCount
        guard u.count >= k else { return false }
        for i in 0..<k where u[i] != p.utf8Start[i] { return false }
        return k == u.count || u[k] < 0x80 ? true : nil
    }

    /// `String.hasSuffix(p)` for a suffix starting with an ASCII byte, over bytes: certain when
    /// the byte before is ASCII (or there is none), nil otherwise.
    static func hasSuffix(_ u: UnsafeBufferPointer<UInt8>, _ p: StaticString) -> Bool? {
        let k = p.utf8CodeUnitCount
        guard u.count >= k else { return false }
        for i in 0..<k where u[u.count - k + i] != p.utf8Start[i] { return false }
        return k == u.count || u[u.count - k - 1] < 0x80 ? true : nil
    }

    /// How many times any of the navigation separators (" > ", " | ", " / ", " › ", " » ")
    /// occurs. Over UTF-8, one step per scalar (continuation bytes skipped); "›" is E2 80 BA
    /// and "»" C2 BB.
    static func separatorCount(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        var prevSpace = false
        var pendingSep = false
        var i = 0
        while i < u.count {
            let c = u[i]
            let len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            defer { i += len }
            if c == 0x20 {
                if pendingSep { n += 1 }
                pendingSep = false
                prevSpace = true
                continue
            }
            let isSep = c == 0x3E || c == 0x7C || c == 0x2F
                || (len == 3 && i + 2 < u.count && c == 0xE2 && u[i + 1] == 0x80 && u[i + 2] == 0xBA)
                || (len == 2 && i + 1 < u.count && c == 0xC2 && u[i + 1] == 0xBB)
            pendingSep = prevSpace && isSep && !pendingSep
            prevSpace = false
        }
        return n
    }
}
