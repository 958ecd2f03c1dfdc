/// Decides what each line of a readout is: title, date line, section heading, running text,
/// or noise (photo captions, navigation, print buttons, "Back to ...", tag lists, PDF
/// references). The rules are about the shape of pages, not about any one site.
enum LineClassifier {
    static func classify(_ raw: [RawLine], format: ReadoutText.Format) -> [SourceLine] {
        var out: [SourceLine] = []
        out.reserveCapacity(raw.count)
        var seenProse = false
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
            let line = String(text)
            let words = wordCount(text)
            let terminal = endsSentence(text)

            // Reference and link lists follow the text; before it, such a line is page furniture.
            if isReferenceHeading(line), !seenProse {
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            if isReferenceHeading(line) {
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
            if words <= 8, looksLikeDate(line) {
                out.append(SourceLine(text: line, number: r.number, role: .dateline, marker: marker))
                continue
            }
            let headingShape = words <= 14 && !terminal && !hasSpeakerPrefix(line)
                && (heading || marker != nil || capitalizedShare(text) >= 0.5)
            if headingShape || (heading && words <= 20) {
                out.append(SourceLine(text: line, number: r.number, role: seenProse ? .heading : .title, marker: marker))
                continue
            }
            if words < 3, !terminal {
                out.append(SourceLine(text: line, number: r.number, role: .noise, marker: marker))
                continue
            }
            seenProse = true
            out.append(SourceLine(text: line, number: r.number, role: .prose, marker: marker))
        }
        return out
    }

    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f.isWhitespace || f == "\u{FEFF}" { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }

    static func dropBullet(_ s: Substring) -> Substring? {
        guard let f = s.first else { return nil }
        if "•・●○■□◆◇▪‣∙·".contains(f) { return trim(s.dropFirst()) }
        if f == "-" || f == "*" || f == "–", s.dropFirst().first == " " { return trim(s.dropFirst()) }
        return nil
    }

    /// "1.", "1)", "(1)", "(a)", "II." at the start, followed by a space.
    static func splitMarker(_ s: Substring) -> (String, Substring)? {
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
        var n = 0, inWord = false
        for c in s.unicodeScalars {
            let w = !(c == " " || c == "\t")
            if w, !inWord { n += 1 }
            inWord = w
        }
        return n
    }

    static func endsSentence(_ s: Substring) -> Bool {
        var t = s
        while let l = t.last, "\"'”’)]".contains(l) { t.removeLast() }
        guard let l = t.last else { return false }
        return l == "." || l == "!" || l == "?" || l == "。" || l == ":" || l == ";"
    }

    static func capitalizedShare(_ s: Substring) -> Double {
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

    /// "Abe: We ..." — a gist line, running text.
    static func hasSpeakerPrefix(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let head = s[..<colon]
        return head.split(separator: " ").count <= 4 && head.first?.isUppercase == true && s.distance(from: colon, to: s.endIndex) > 10
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// A line that is only a date: month names, numbers, weekdays, ordinals.
    static func looksLikeDate(_ s: String) -> Bool {
        var sawMonth = false, sawNumber = false
        for raw in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" || $0 == "/" || $0 == "-" }) {
            let w = raw.lowercased()
            if months.contains(w) { sawMonth = true; continue }
            if weekdays.contains(w) { continue }
            let digits = w.prefix(while: { $0.isNumber })
            if !digits.isEmpty, ["", "st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count))) {
                sawNumber = true
                continue
            }
            if ["updated", "posted", "published", "date", "date:", "on"].contains(w) { continue }
            return false
        }
        return sawMonth && sawNumber
    }

    static func isReferenceHeading(_ s: String) -> Bool {
        let l = s.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "()[]:：（） "))
        return ["reference", "references", "related documents", "related document", "attachment",
                "attachments", "related links", "related link", "related articles", "related", "see also",
                "documents", "annex"].contains(l)
    }

    static let noiseLines: Set<String> = ["print", "print print", "share", "tweet", "email", "e-mail", "facebook",
                                          "twitter", "x", "line", "page top", "back to top", "top of page", "go to top",
                                          "menu", "search", "home", "close", "copy link", "sns", "print this page",
                                          "share this", "share this article", "advertisement", "read more",
                                          "subscribe", "sign in", "log in", "more", "top", "next", "previous",
                                          "related", "comments", "share on facebook", "share on twitter",
                                          "most read", "most popular", "skip to main content", "japanese",
                                          "english", "日本語"]

    static func isNoise(_ s: String, words: Int, bullet: Bool, terminal: Bool) -> Bool {
        let l = s.lowercased()
        if noiseLines.contains(l) { return true }
        if words <= 14, l.hasPrefix("back to ") || l.hasPrefix("return to ") || l.hasPrefix("go back to ") { return true }
        if l.hasPrefix("(photo") || l.hasPrefix("[photo") || l.hasPrefix("photo:") || l.hasPrefix("photo credit")
            || l.hasPrefix("photograph:") || l.hasPrefix("(photograph") || l.hasPrefix("credit:") || l.hasPrefix("image:") {
            return true
        }
        if l.hasPrefix("photo"), let colon = l.firstIndex(of: ":"),
           l[l.index(l.startIndex, offsetBy: 5)..<colon].allSatisfy({ $0.isNumber || $0 == " " }) {
            return true
        }
        if l.contains("(pdf") || l.contains("[pdf") || l.hasSuffix(" pdf") { return true }
        if l.hasPrefix("©") || l.hasPrefix("copyright") || l.hasPrefix("all rights reserved") { return true }
        var separators = 0
        for sep in [" > ", " › ", " » ", " | ", " / "] { separators += l.components(separatedBy: sep).count - 1 }
        if separators >= 2, words <= 20, !terminal { return true }
        // Tag lists and link lists: short bulleted items with no sentence in them.
        if bullet, words <= 6, !terminal { return true }
        return false
    }
}

import Foundation
