import Testing
@testable import BriefingExtract

@Suite struct SentenceSplitterTests {
    @Test func abbreviationsDatesAndQuotesDoNotEndSentences() {
        let s = SentenceSplitter.splitText("Mr. Abe met Mr. Trump at 9:45 a.m. on Nov. 6 in the U.S. capital. They agreed on “maximum pressure.” The U.S. Forces Japan will stay. They met the U.S. The talks ended.")
        #expect(s.map(\.0) == [
            "Mr. Abe met Mr. Trump at 9:45 a.m. on Nov. 6 in the U.S. capital.",
            "They agreed on “maximum pressure.”",
            "The U.S. Forces Japan will stay.",
            "They met the U.S.",
            "The talks ended.",
        ])
    }

    @Test func initialsOfACountryGoOnIntoTheNounTheyQualify() {
        // "U.K. Prime Minister", "U.S. Navy": only a word that starts sentences ends one after initials.
        let s = SentenceSplitter.splitText("He met U.K. Prime Minister Rishi Sunak and the U.S. Navy chief. The talks ended with the U.K. They agreed to meet again. U.S. President Trump agreed.")
        #expect(s.map(\.0) == [
            "He met U.K. Prime Minister Rishi Sunak and the U.S. Navy chief.",
            "The talks ended with the U.K.",
            "They agreed to meet again.",
            "U.S. President Trump agreed.",
        ])
    }

    @Test func aTimeFollowedByAWeekdayOrZoneGoesOn() {
        let s = SentenceSplitter.splitText("Suga will hold talks with Biden from 1:30 p.m. Friday (5:30 p.m. GMT), followed by a press conference. They met at 9 a.m. The talks ended. Japanese trade negotiator X and U.S. Commerce Secretary Y met.")
        #expect(s.map(\.0) == [
            "Suga will hold talks with Biden from 1:30 p.m. Friday (5:30 p.m. GMT), followed by a press conference.",
            "They met at 9 a.m.",
            "The talks ended.",
            "Japanese trade negotiator X and U.S. Commerce Secretary Y met.",
        ])
    }

    @Test func initialsAndDecimalsStayInside() {
        let s = SentenceSplitter.splitText("President Donald J. Trump noted growth of 2.5 percent. Japan agreed.")
        #expect(s.count == 2)
    }

    /// A "sentence" without a full stop for megabytes is read in pieces cut at spaces (or, with
    /// no space, between characters), so the rules that compare a sentence's words with one
    /// another cost the size of a piece, not of the file.
    @Test func aRunOnSentenceIsReadInBoundedPieces() {
        let clause = "the leaders agreed and confirmed that they will continue to cooperate and "
        let text = String(repeating: clause, count: 2_000)
        let pieces = SentenceSplitter.splitText(text)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.0.utf8.count <= SentenceSplitter.maxSentenceBytes })
        #expect(pieces.map(\.0).joined(separator: " ") + " " == text)
        let unbroken = String(repeating: "日本", count: 4_000)
        let cut = SentenceSplitter.splitText(unbroken)
        #expect(cut.allSatisfy { $0.0.utf8.count <= SentenceSplitter.maxSentenceBytes })
        #expect(cut.map(\.0).joined() == unbroken)
        // Real sentences are untouched.
        #expect(SentenceSplitter.splitText("They met. The two leaders agreed to cooperate.").map(\.0) == ["They met.", "The two leaders agreed to cooperate."])
    }

    @Test func gistSpeakerPrefix() {
        #expect(SentenceSplitter.gistSpeaker("Abe: We decided to implement further sanctions.")?.0 == "Abe")
        #expect(SentenceSplitter.gistSpeaker("Note: this is short") == nil)
        #expect(SentenceSplitter.gistSpeaker("The ratio has dropped to around 9%: a fact.") == nil)
    }
}
