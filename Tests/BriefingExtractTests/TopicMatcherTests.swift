import Testing
@testable import BriefingConfig
@testable import BriefingExtract

@Suite struct TopicMatcherTests {
    let lexicon = Lexicon()
    let matcher: TopicMatcher

    init() {
        let taxonomy = Taxonomy(topics: [
            .init(id: "north-korea", label: "North Korea", include: ["North Korea", "Korea", "DPRK"],
                  exclude: ["Republic of Korea", "Korea-U.S. alliance"], caseSensitive: [],
                  concepts: [.init(id: "denuclearization", label: "Denuclearization",
                                   phrases: ["denuclearization", "dismantle nuclear weapons"])]),
            .init(id: "technology", label: "Technology", include: ["semiconductor", "quantum computing"],
                  exclude: [], caseSensitive: ["AI"],
                  concepts: [.init(id: "chip-supply", label: "Chip supply", phrases: ["semiconductor supply chain"])]),
            .init(id: "trade", label: "Trade", include: ["tariff", "supply chain"], exclude: [], caseSensitive: [],
                  concepts: [.init(id: "supply-chains", label: "Supply chains", phrases: ["supply chain"])]),
        ])
        matcher = TopicMatcher(taxonomy: taxonomy, lexicon: lexicon)
    }

    func topics(_ sentence: String) -> [String] {
        let toks = lexicon.tokens(sentence)
        return matcher.topics(in: toks, text: Array(sentence.utf8)).map { matcher.topicIDs[$0] }
    }

    @Test func aPhraseInsideAnExcludedOneDoesNotCount() {
        #expect(topics("The ministers condemned North Korea's latest missile launches.") == ["north-korea"])
        #expect(topics("He welcomed the Republic of Korea's role in the region.") == [])
        #expect(topics("The Republic of Korea and Japan called on the DPRK to stop.") == ["north-korea"],
                "another phrase of the topic outside the excluded one still counts")
    }

    @Test func topicsComeInTaxonomyOrderWhateverTheTextOrder() {
        #expect(topics("Tariffs on semiconductors were raised after North Korea fired a missile.")
            == ["north-korea", "technology", "trade"])
        #expect(topics("They exchanged views on the weather.") == [])
    }

    @Test func caseSensitivePhrasesNeedTheirCase() {
        #expect(topics("The leaders agreed to cooperate on AI safety.") == ["technology"])
        #expect(topics("Officials said ai would be discussed later.") == [])
    }

    @Test func conceptsOfTheStatementsOwnTopicsComeFirst() {
        let text = "They agreed to secure the semiconductor supply chain and to work toward denuclearization."
        let toks = lexicon.tokens(text)
        let bytes = Array(text.utf8)
        let trade = matcher.topicIDs.firstIndex(of: "trade")!, nk = matcher.topicIDs.firstIndex(of: "north-korea")!
        #expect(matcher.concepts(in: toks, text: bytes, range: 0..<toks.count, preferring: [nk])
            == ["denuclearization", "chip-supply", "supply-chains"])
        #expect(matcher.concepts(in: toks, text: bytes, range: 0..<toks.count, preferring: [trade])
            == ["supply-chains", "denuclearization", "chip-supply"])
        #expect(matcher.concepts(in: toks, text: bytes, range: 0..<5, preferring: []) == [], "only inside the range")
        #expect(matcher.topicOfConcept("chip-supply") == "technology")
        #expect(matcher.topicOfConcept("no-such-concept") == nil)
    }
}
