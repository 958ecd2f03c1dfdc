import Testing
@testable import BriefingExtract

@Suite struct TokenizerTests {
    func words(_ text: String) -> [String] { Tokenizer.tokens(text).map(\.lower) }

    @Test func abbreviationsKeepTheirDots() {
        #expect(words("The U.S. side met in Washington, D.C. at 9:30 a.m. on Friday.")
            == ["the", "u.s.", "side", "met", "in", "washington", "d.c.", "at", "9", "30", "a.m.", "on", "friday"])
        // A sentence's full stop after a single letter is not an abbreviation.
        #expect(words("They signed Annex B. Then they left.") == ["they", "signed", "annex", "b", "then", "they", "left"])
    }

    @Test func possessivesAreMarkedAndDropped() {
        let toks = Tokenizer.tokens("China's coast guard and the United States' allies; Japan’s view")
        #expect(toks.map(\.lower) == ["china", "coast", "guard", "and", "the", "united", "states", "allies", "japan", "view"])
        #expect(toks.filter(\.possessive).map(\.lower) == ["china", "states", "japan"])
        // An apostrophe inside a word that is not a possessive keeps the word whole.
        #expect(words("They don't agree") == ["they", "don't", "agree"])
    }

    @Test func offsetsCaseAndPunctuationAfter() {
        let text = "Minister MOTEGI (Japan), said: yes"
        let toks = Tokenizer.tokens(text)
        let bytes = Array(text.utf8)
        #expect(toks.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Minister", "MOTEGI", "Japan", "said", "yes"])
        #expect(toks.map(\.capitalized) == [true, true, true, false, false])
        // The byte right after the word: "MOTEGI" is followed by a space, not by the "(".
        #expect(toks.map(\.punctuationAfter) == [0, 0, UInt8(ascii: ")"), UInt8(ascii: ":"), 0])
    }

    @Test func lettersBeyondASCIIAreWords() {
        let toks = Tokenizer.tokens("Prime Minister 石破茂 met Ms. Müller-Lüdenscheidt")
        #expect(toks.map(\.lower) == ["prime", "minister", "石破茂", "met", "ms", "müller", "lüdenscheidt"])
        #expect(toks[5].capitalized)
        let text = "Prime Minister 石破茂 met"
        #expect(Tokenizer.tokens(text)[2].end - Tokenizer.tokens(text)[2].start == 9, "offsets count UTF-8 bytes")
    }

    @Test func pluralsFoldToTheSingular() {
        #expect(Tokenizer.fold("launches") == "launch")
        #expect(Tokenizer.fold("abductees") == "abductee")
        #expect(Tokenizer.fold("policies") == "policy")
        #expect(Tokenizer.fold("businesses") == "business")
        #expect(Tokenizer.fold("taxes") == "tax")
        // Words that only look plural stay as they are.
        for word in ["crisis", "status", "congress", "gas", "u.s."] { #expect(Tokenizer.fold(word) == word, "\(word)") }
        #expect(Tokenizer.tokens("Ballistic Missiles").map(\.norm) == ["ballistic", "missile"])
    }

    @Test func phraseWordsAreTokenizedAsTextIs() {
        #expect(Tokenizer.phraseWords("the Leaders' Statements on U.S. tariffs") == ["the", "leader", "statement", "on", "u.s.", "tariff"])
        #expect(Tokenizer.phraseWords("") == [])
    }
}
