import Testing
@testable import BriefingIngest

/// The classifier's checks compare Characters, so a combining mark, a full-width character or
/// CR LF counts as what a reader sees: "1.\u{301}" is not a list marker, "１." is.
@Suite struct LineClassifierTests {
    @Test(arguments: [
        ("1. The two leaders met", "1.", "The two leaders met"),
        ("(2) Russia Ukraine", "(2)", "Russia Ukraine"),
        ("IV. Cooperation", "IV.", "Cooperation"),
        ("(a) first item", "(a)", "first item"),
        ("12) Twelve", "12)", "Twelve"),
        ("VIII. Eight", "VIII.", "Eight"),
        ("１. Full-width", "１.", "Full-width"),
        ("（1） Full-width", "（1）", "Full-width"),
        ("1.\r\nx", "1.", "\nx"),
    ])
    func listMarkersAreSplitOff(line: String, marker: String, rest: String) throws {
        let split = try #require(LineClassifier.splitMarker(Substring(line)), "\(line.debugDescription): no marker found")
        #expect(split.0 == marker, "\(line.debugDescription): marker")
        #expect(String(split.1) == rest, "\(line.debugDescription): text after the marker")
    }

    @Test(arguments: ["In the meeting", "2.5 percent growth", "1.\u{301} x", "I\u{301}. x", "XIIIIII. Too long", "(1)\u{301} x"])
    func linesWithoutAMarkerKeepTheirText(line: String) {
        #expect(LineClassifier.splitMarker(Substring(line)) == nil, "\(line.debugDescription)")
    }

    @Test(arguments: [
        ("November 21, 2026", true), ("Posted on Monday, Nov. 3rd 2025", true), ("21 November", true),
        ("(1) People Exchange", false), ("Updated: 2026-11-21", false), ("Nove\u{301}mber 21, 2026", false),
        ("ＭＡＹ 5, 2026", false), ("May 5\u{301}, 2026", true),
    ])
    func dateLines(line: String, isDate: Bool) {
        #expect(LineClassifier.looksLikeDate(line) == isDate, "\(line.debugDescription)")
    }

    @Test(arguments: [
        ("Back to top", true), ("back to \u{301}top", false), ("Photo: Cabinet Office", true), ("Photo\u{301}: x", false),
        ("Report (PDF)", true), ("Annual report pdf", true), ("é pdf", true), ("e\u{301} pdf", true),
        ("Home > News > Japan", true), ("Home › News › Japan", true), ("© 2026 Ministry", true),
    ])
    func noiseLines(line: String, isNoise: Bool) {
        let words = line.split(separator: " ").count
        #expect(LineClassifier.isNoise(line, words: words, bullet: false, terminal: false) == isNoise, "\(line.debugDescription)")
    }

    @Test(arguments: [
        ("Japan-U.S. Summit Meeting", 1.0), ("Leaders hold online talks", 0.25),
        ("The Minister of Foreign Affairs and the Secretary", 1.0), ("E\u{301}tats-Unis et Japon", 2.0 / 3),
        ("２０２６ summit", 0.5), ("of the and", 0.0), ("— — —", 0.0),
    ])
    func capitalisedShareCountsWordsByTheirFirstLetterOrDigit(line: String, share: Double) {
        #expect(abs(LineClassifier.capitalizedShare(Substring(line)) - share) < 1e-9, "\(line.debugDescription)")
    }

    @Test func charactersAreReadFromBytesAsSwiftGroupsThem() {
        func check(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) { Array(text.utf8).withUnsafeBufferPointer(body) }
        check("e\u{301}x") { u in
            #expect(UTF8Characters.continues(u, at: 1), "a combining mark continues its letter")
            #expect(!UTF8Characters.continues(u, at: 3))
            #expect(UTF8Characters.characterEnd(u, 0) == 3)
        }
        check("a\r\nb") { u in
            #expect(UTF8Characters.continues(u, at: 2), "LF after CR")
            #expect(UTF8Characters.characterEnd(u, 1) == 3)
        }
        check("石破 🇯🇵") { u in
            #expect(UTF8Characters.scalar(u, 0).0 == "石" && UTF8Characters.scalar(u, 0).1 == 3)
            #expect(UTF8Characters.scalar(u, 7).1 == 4)
        }
        check("back to top") { u in #expect(UTF8Characters.hasPrefix(u, "back to ")) }
        check("back to \u{301}top") { u in #expect(!UTF8Characters.hasPrefix(u, "back to "), "the prefix must end a character") }
        check("report (pdf)") { u in #expect(UTF8Characters.contains(u, "(pdf") && !UTF8Characters.contains(u, "[pdf")) }
    }
}
