/// Page furniture: reference-list headings, navigation, captions, print and share buttons,
/// copyright lines, spokesperson attributions, PDF links, tag lists.
extension LineClassifier {
    /// A heading of a reference or link list ("Related Links", "[References]").
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
        func has(_ p: StaticString) -> Bool { UTF8Characters.contains(l, p) }
        if has("the following readout") || has("the following statement") { return true }
        guard l.last == 0x3A else { return false }
        return UTF8Characters.hasPrefix(l, "as stated by") || has("attributable to") || has("spokesperson")
            || has("press secretary") || has("spokesman") || has("spokeswoman")
    }

    static func isNoise(_ s: String, words: Int, bullet: Bool, terminal: Bool) -> Bool {
        if words > 40 { return false }
        // Long running text ending a sentence is never page furniture except a "(PDF)" link.
        if words > 14, terminal, !bullet, let f = s.utf8.first, !"([PpCcIi©".utf8.contains(f),
           !containsBytes(s, "PDF"), !containsBytes(s, "pdf") { return false }
        // The rules read the line lower-cased (ASCII letters only), here in a buffer on the
        // stack: a lower-cased String would be an allocation for every line longer than 15 bytes.
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
        func prefix(_ p: StaticString) -> Bool { UTF8Characters.hasPrefix(l, p) }
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
        if UTF8Characters.contains(l, "(pdf") || UTF8Characters.contains(l, "[pdf") { return true }
        if UTF8Characters.hasSuffix(l, " pdf") { return true }
        if prefix("©") || prefix("copyright") || prefix("all rights reserved") { return true }
        // Who released the text ("The Press Secretary provided the following readout:", "As
        // stated by Spokesperson ...:"): the spokesperson is neither a participant nor a speaker.
        if words <= 20, isAttribution(l) { return true }
        if words <= 20, !terminal, separatorCount(l) >= 2 { return true }
        // Tag lists and link lists: short bulleted items with no sentence in them.
        if bullet, words <= 6, !terminal { return true }
        return false
    }

    /// How many times any of the navigation separators (" > ", " | ", " / ", " › ", " » ")
    /// occurs. Over UTF-8, one step per scalar; "›" is E2 80 BA and "»" C2 BB.
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
