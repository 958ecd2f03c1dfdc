import Testing
@testable import BriefingIngest

/// The classifier's checks over bytes (LineClassifierBytes.swift) must answer as the Character
/// code did before them. The expected values below are what that code returned; the lines with
/// combining marks, full-width characters and CR LF are the ones the byte paths hand back.
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
}
