import Testing
@testable import BriefingExtract

@Suite struct LexiconTests {
    @Test func everyWordHasOneIdAndUnknownWordsHaveNone() {
        let lexicon = Lexicon()
        let alliance = lexicon.intern("alliance"), deterrence = lexicon.intern("deterrence")
        #expect(alliance > 0 && deterrence > 0 && alliance != deterrence)
        #expect(lexicon.intern("alliance") == alliance, "interning again gives the same id")
        #expect(lexicon.lookup("alliance") == alliance)
        #expect(lexicon.lookup("weather") == 0)
        #expect(lexicon.lookup("") == 0)
        #expect(lexicon.count == 3, "the empty word and two others")
    }

    @Test func textTokensFindTheirWordsFoldedAndInAnyCase() {
        let lexicon = Lexicon()
        let ids = lexicon.internPhrase("missile launch by the Alliance").map(\.id)
        let toks = lexicon.tokens("ALLIANCE partners condemned the Missile Launches")
        #expect(toks.map(\.lower) == ["alliance", "partners", "condemned", "the", "missile", "launches"])
        #expect(toks.map(\.id) == [ids[4], 0, 0, ids[3], ids[0], ids[1]])
        #expect(lexicon.tokens("the policies").last?.id == 0, "a word no phrase has")
        let policy = lexicon.intern("policy")
        #expect(lexicon.tokens("the policies").last?.id == policy, "'policies' folds to 'policy'")
    }

    @Test func wordsBeyondASCIIAreFoundToo() {
        let lexicon = Lexicon()
        let name = lexicon.intern("石破")
        let accented = lexicon.intern("müller")
        #expect(lexicon.tokens("Prime Minister 石破 and Ms. Müller").map(\.id).suffix(4) == [name, 0, 0, accented])
        // Strings compare by canonical equivalence: a Kelvin sign is a capital K.
        let kelvin = lexicon.intern("\u{212A}ey")
        #expect(lexicon.lookup("Key") == kelvin)
    }

    @Test func wordSetsContainTheirWordsByFoldedForm() {
        let lexicon = Lexicon()
        let verbs = WordSet(["Agreed", "pledges"], lexicon: lexicon)
        let toks = lexicon.tokens("They agreed and pledged; she pledges")
        #expect(toks.map { verbs.contains($0) } == [false, true, false, false, false, true])
    }
}
