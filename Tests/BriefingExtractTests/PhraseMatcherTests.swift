import Testing
@testable import BriefingExtract

@Suite struct PhraseMatcherTests {
    let lexicon = Lexicon()

    func matcher(_ phrases: [(String, String)], caseSensitive: Set<String> = []) -> PhraseMatcher<String> {
        var m = PhraseMatcher<String>(lexicon: lexicon)
        for (p, v) in phrases { m.add(p, v, caseSensitive: caseSensitive.contains(p)) }
        return m
    }

    func found(_ m: PhraseMatcher<String>, _ text: String, all: Bool = false) -> [String] {
        let toks = lexicon.tokens(text)
        let bytes = Array(text.utf8)
        return (all ? m.allMatches(in: toks, text: bytes) : m.matches(in: toks, text: bytes))
            .map { "\($0.value)@\($0.start)-\($0.end)" }
    }

    @Test func theLongestPhraseAtAPositionWins() {
        let m = matcher([("North Korea", "nk"), ("North Korea's nuclear program", "program"), ("nuclear", "nuclear")])
        #expect(found(m, "They discussed North Korea's nuclear programs.") == ["program@2-6"])
        #expect(found(m, "They discussed North Korea's nuclear programs.", all: true) == ["program@2-6", "nk@2-4", "nuclear@4-5"])
        #expect(found(m, "Nuclear issues and North Korea") == ["nuclear@0-1", "nk@3-5"])
    }

    @Test func phrasesMatchIgnoringCaseAndPluralsUnlessCaseSensitive() {
        let m = matcher([("supply chain", "chain"), ("AI", "ai")], caseSensitive: ["AI"])
        #expect(found(m, "resilient SUPPLY CHAINS") == ["chain@1-3"])
        #expect(found(m, "cooperation on AI and ai") == ["ai@2-3"], "only the capitalised form")
        let toks = lexicon.tokens("cooperation on AI")
        #expect(m.match(at: 2, in: toks) == nil, "a case-sensitive phrase needs the text to compare")
    }

    @Test func rangesAndEmptyPhrases() {
        var m = matcher([("economic dialogue", "dialogue")])
        m.add("", "nothing")
        #expect(m.count == 1, "an empty phrase is ignored")
        let toks = lexicon.tokens("the economic dialogue resumed")
        #expect(m.allMatches(in: toks, range: 0..<2).isEmpty, "a phrase may not run past the range")
        #expect(m.allMatches(in: toks, range: 1..<3).map(\.value) == ["dialogue"])
        #expect(m.match(at: 1, in: toks)?.end == 3)
        #expect(m.match(at: 4, in: toks) == nil)
    }
}
