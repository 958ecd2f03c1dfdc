import BriefingIngest

/// A sentence of running text with where it came from.
public struct Sentence: Sendable {
    public var text: String
    /// 1-based line in the source file.
    public var line: Int
    /// The section heading above it.
    public var section: String?
    /// The speaker a newspaper gist line names ("Abe" in "Abe: We will ..."), if any.
    public var speakerPrefix: String?
    /// Index of the paragraph (source line) in the readout, for "opening paragraph" rules.
    public var paragraph: Int
    /// The sentence is (or starts) an item of a bulleted list.
    public var listItem = false
}

/// Splits running text into sentences. Survives "U.N.", "Mr.", "a.m.", "Nov. 6", decimals,
/// quotes and list numbering; joins lines that were hard-wrapped mid-sentence.
public enum SentenceSplitter {
    /// Abbreviations that never end a sentence (a name or number always follows).
    static let titles: Set<String> = ["mr", "ms", "mrs", "dr", "st", "jr", "sr", "no", "nos", "gen", "lt", "col",
                                      "adm", "rep", "sen", "amb", "gov", "prof", "h.e", "jan", "feb", "mar", "apr",
                                      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vol", "art", "para",
                                      "approx", "vs", "e.g", "i.e", "cf", "fig", "hon", "rt", "messrs", "mt", "ft"]
    /// Abbreviations that may end a sentence: a boundary only if a sentence-starting word follows.
    static let starters: Set<String> = ["the", "they", "he", "she", "it", "we", "i", "in", "on", "at", "this", "these",
                                        "both", "furthermore", "additionally", "moreover", "also", "however",
                                        "following", "regarding", "during", "under", "as", "there", "meanwhile", "after",
                                        "before", "with", "for", "finally", "then", "today", "a", "an", "our",
                                        "their", "his", "her",
                                        "responding", "at", "when", "while", "since", "mr", "ms"]

    public static func split(_ lines: [SourceLine]) -> [Sentence] {
        var out: [Sentence] = []
        var section: String?
        var paragraph = 0
        var pending: (text: String, line: Int, prefix: String?, bullet: Bool)?
        var lastLine = ""
        func flushPending() {
            guard let p = pending else { return }
            for (k, (s, _)) in splitText(p.text).enumerated() {
                var sentence = Sentence(text: s, line: p.line, section: section, speakerPrefix: p.prefix, paragraph: paragraph)
                sentence.listItem = p.bullet && k == 0
                out.append(sentence)
            }
            paragraph += 1
            pending = nil
        }
        for line in lines {
            switch line.role {
            case .heading:
                flushPending()
                section = [line.marker, line.text].compactMap { $0 }.joined(separator: " ")
            case .prose:
                var text = line.text
                var prefix: String?
                if let (speaker, rest) = gistSpeaker(text) {
                    prefix = speaker
                    text = rest
                }
                // A line that starts lower-case continues a sentence the previous line left open;
                // so does any line after one cut at a fixed width mid-sentence, as wire copy is
                // ("Canadian Prime Minister Yoshihide / Suga said ...").
                if var p = pending, prefix == nil, line.marker == nil, let f = text.first, !endsClosed(p.text),
                   f.isLowercase || (hardWrapped(lastLine) && (f.isUppercase || f.isNumber)) {
                    p.text += " " + text
                    pending = p
                    lastLine = text
                    continue
                }
                flushPending()
                pending = (text, line.number, prefix, line.bullet)
                lastLine = text
            default:
                continue
            }
        }
        flushPending()
        return out
    }

    /// A line cut at a fixed width in the middle of a sentence: long, ending in a word or a comma.
    static func hardWrapped(_ s: String) -> Bool {
        let n = s.utf8.count
        guard n >= 40, n <= 90, let l = s.last else { return false }
        return l.isLetter || l.isNumber || l == ","
    }

    static func endsClosed(_ s: String) -> Bool {
        guard let l = s.last(where: { !"\"'”’)".contains($0) }) else { return true }
        return l == "." || l == "!" || l == "?"
    }

    /// "Abe: We decided ..." -> ("Abe", "We decided ..."): one to four capitalised words, a colon.
    static func gistSpeaker(_ s: String) -> (String, String)? {
        // Cheap reject: a speaker prefix is short, so its colon is within the first 40 bytes.
        guard let colon = s.utf8.prefix(40).firstIndex(of: 0x3A) else { return nil }
        let head = s[..<colon]
        let words = head.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0 == "of" }),
              !head.contains(where: { $0.isNumber }) else { return nil }
        let rest = s[s.index(after: colon)...].drop(while: { $0 == " " })
        guard !rest.dropFirst(8).isEmpty, rest.first?.isUppercase == true || rest.first == "\"" || rest.first == "“" else { return nil }
        return (String(head), String(rest))
    }

    /// Splits one paragraph; returns sentences and their byte offsets.
    static func splitText(_ text: String) -> [(String, Int)] {
        let b = Array(text.utf8)
        let n = b.count
        var out: [(String, Int)] = []
        var start = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x2E || c == 0x21 || c == 0x3F {
                var j = i + 1
                // Closing quotes and brackets belong to the sentence.
                while j < n {
                    if b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 || b[j] == 0x5D { j += 1; continue }
                    if b[j] == 0xE2, j + 2 < n, b[j + 1] == 0x80, b[j + 2] == 0x9D || b[j + 2] == 0x99 { j += 3; continue }
                    break
                }
                guard j < n, b[j] == 0x20 || b[j] == 0x09 else { i += 1; continue }
                var k = j
                while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                guard k < n else { break }
                if c == 0x2E, !isBoundary(b, dot: i, next: k) { i = j; continue }
                guard startsSentence(b, k) else { i = j; continue }
                appendBounded(b, start, j, to: &out)
                start = k
                i = k
                continue
            }
            i += 1
        }
        appendBounded(b, start, n, to: &out)
        return out
    }

    /// The longest sentence, in bytes. Real ones stay under 700; the rules that read a sentence
    /// compare its words and mentions with one another, so a run-on "sentence" of a whole
    /// file (no full stop in megabytes) would cost the square of its length.
    static let maxSentenceBytes = 3_000

    /// Appends `b[s..<e]` trimmed, cut at spaces into pieces of at most `maxSentenceBytes`.
    static func appendBounded(_ b: [UInt8], _ s: Int, _ e: Int, to out: inout [(String, Int)]) {
        var s = s
        while e - s > maxSentenceBytes {
            var cut = s + maxSentenceBytes
            while cut > s, b[cut] != 0x20 { cut -= 1 }
            if cut == s {
                // No space: cut between UTF-8 sequences.
                cut = s + maxSentenceBytes
                while cut > s, b[cut] & 0xC0 == 0x80 { cut -= 1 }
            }
            let piece = trimmed(b, s, cut)
            if !piece.isEmpty { out.append((piece, s)) }
            s = cut
        }
        let piece = trimmed(b, s, e)
        if !piece.isEmpty { out.append((piece, s)) }
    }

    static func trimmed(_ b: [UInt8], _ s: Int, _ e: Int) -> String {
        var s = s, e = e
        while s < e, b[s] == 0x20 { s += 1 }
        while e > s, b[e - 1] == 0x20 { e -= 1 }
        return String(decoding: b[s..<e], as: UTF8.self)
    }

    static func startsSentence(_ b: [UInt8], _ k: Int) -> Bool {
        let c = b[k]
        if c >= 0x41 && c <= 0x5A { return true }
        if c >= 0x30 && c <= 0x39 { return true }
        if c == 0x22 || c == 0x28 || c == 0x27 || c == 0x5B { return true }
        if c == 0xE2 { return true } // curly quotes
        if c >= 0xC3 { return true } // a non-ASCII capital
        return false
    }

    /// Whether the dot at `dot` ends the sentence, given the word before it and the word after.
    static func isBoundary(_ b: [UInt8], dot: Int, next: Int) -> Bool {
        // The word before the dot (letters and inner dots).
        var s = dot
        while s > 0, b[s - 1] != 0x20, b[s - 1] != 0x28, b[s - 1] != 0x22 { s -= 1 }
        let word = String(decoding: b[s..<dot], as: UTF8.self).lowercased()
        if word.isEmpty { return true }
        if titles.contains(word) { return false }
        // "May. 15", "June. 3": a month before a day number.
        if DateFinder.months[word] != nil, next < b.count, b[next] >= 0x30, b[next] <= 0x39 { return false }
        // Single capital initial ("Donald J. Trump").
        if word.utf8.count == 1, let f = word.utf8.first, f >= 0x61, f <= 0x7A, b[s] >= 0x41, b[s] <= 0x5A { return false }
        if word.utf8.contains(0x2E) || word == "u.s" || word == "a.m" || word == "p.m" {
            var e = next
            while e < b.count, (b[e] >= 0x41 && b[e] <= 0x5A) || (b[e] >= 0x61 && b[e] <= 0x7A) { e += 1 }
            let after = String(decoding: b[next..<e], as: UTF8.self).lowercased()
            if starters.contains(after) { return true }
            let capital = b[next] >= 0x41 && b[next] <= 0x5A
            // "at 9:45 a.m. The ..." / "a.m. Prime Minister ...": a capital after a time starts anew.
            // "1:30 p.m. Friday", "5:30 p.m. GMT", "10 a.m. (local time)" go on.
            if word == "a.m" || word == "p.m" { return capital && !afterTime.contains(after) }
            // Initials of a country or body ("U.N.", "E.U.", "R.O.C.") are nearly always followed by
            // the noun they qualify ("E.U. Commissioner", "U.N. Forces"): only a word that starts
            // sentences (above) ends one there.
            return false
        }
        return true
    }

    /// Words that follow a time without starting a sentence: a weekday, a month, a time zone.
    static let afterTime = Set(["gmt", "utc", "est", "edt", "et", "jst", "pst", "pdt", "cst", "cet", "local"])
        .union(DateFinder.weekdays).union(DateFinder.months.keys)
}
