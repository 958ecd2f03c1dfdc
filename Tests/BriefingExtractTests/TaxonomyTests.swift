import BriefingModel
import Testing
@testable import BriefingExtract

/// The shipped taxonomy on sentences in the wording of real readouts: the ordinary words of
/// each topic, and the homonyms that must stay out.
@Suite struct TaxonomyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var has: [String]
        var hasNot: [String]
        var testDescription: String { sentence }
        init(_ sentence: String, has: [String] = [], not hasNot: [String] = []) {
            self.sentence = sentence
            self.has = has
            self.hasNot = hasNot
        }
    }

    static let cases: [Case] = [
        // Ordinary words of a topic, not only its set phrases.
        Case("The two leaders discussed ways to expand bilateral economic cooperation.", has: ["trade-economy"]),
        Case("The Prime Minister explained that Japan will lift its import restrictions on American beef.", has: ["trade-economy"]),
        Case("They agreed to hold a leaders' summit on the margins of the G20 meeting.", has: ["visits-calendar", "multilateral"]),
        Case("The President said he looked forward to meeting the Prime Minister in person soon.", has: ["visits-calendar"]),
        Case("The President invited the Prime Minister to visit the White House in the spring.", has: ["visits-calendar"]),
        Case("The President reaffirmed that the United States stands ready to defend its allies.", has: ["alliance-defense"]),
        Case("The ministers agreed to expand joint exercises of the Self-Defense Forces and U.S. forces.", has: ["alliance-defense"]),
        Case("The two sides will coordinate ahead of the G-8 summit in Scotland.", has: ["multilateral"]),
        Case("The Foreign Secretary raised the situation in Kyiv and the Kremlin's threats.", has: ["russia-ukraine"]),
        Case("They condemned the attacks on shipping by the Houthis in the Red Sea and discussed Tehran's role.", has: ["middle-east"]),
        Case("They agreed to cooperate on cybersecurity and emerging technologies.", has: ["economic-security"]),
        Case("The leaders welcomed student exchanges ahead of the Olympic Games.", has: ["people-exchange"]),
        // Homonyms stay out.
        Case("Japan will join the Hague Convention on the Civil Aspects of International Child Abduction.", not: ["abductions"]),
        Case("The leaders discussed Iran's nuclear programme and the situation in the Gulf.", has: ["middle-east"], not: ["north-korea"]),
        Case("Secretary of Defense Austin paid a courtesy call on the Prime Minister.", not: ["alliance-defense"]),
        Case("They reaffirmed Israel's right to defend itself.", has: ["middle-east"], not: ["alliance-defense"]),
        Case("They discussed economic security, including export controls on semiconductors.", has: ["economic-security"], not: ["trade-economy"]),
        Case("The summit of the Asia-Pacific Economic Cooperation forum opened in Lima.", not: ["trade-economy", "indo-pacific"]),
        Case("The President invited President Putin to his residence.", not: ["visits-calendar"]),
    ]

    @Test(arguments: cases)
    func topicsOfASentence(_ c: Case) {
        var bytes = Array(c.sentence.utf8)
        let toks = extractor.lexicon.tokens(&bytes)
        let ids = extractor.topics.topics(in: toks, text: bytes).map { extractor.topics.topicIDs[$0] }
        for t in c.has { #expect(ids.contains(t), "\(t) not found; got \(ids)") }
        for t in c.hasNot { #expect(!ids.contains(t), "\(t) found; got \(ids)") }
    }

    @Test func aCommitmentTakesTopicsFromTheSentenceItContinues() throws {
        let text = """
        Japan-U.S. Summit Meeting
        March 9, 2018
        On March 9, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Honorable Donald Trump, President of the United States of America.
        The two leaders discussed the North Korean missile launches.

        They agreed to keep in close contact.

        The two leaders agreed to meet again soon.
        """
        let m = try extract(text).0
        let contact = try #require(m.commitments.first { $0.text.contains("close contact") })
        #expect(contact.topics == ["north-korea"])
        let again = try #require(m.commitments.first { $0.text.contains("meet again") })
        #expect(again.topics == ["visits-calendar"])
    }

    @Test func aNewParagraphWithNoTopicOfItsOwnInheritsNothing() throws {
        let text = """
        Japan-U.S. Summit Meeting
        March 9, 2018
        On March 9, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Honorable Donald Trump, President of the United States of America.
        The two leaders discussed the North Korean missile launches.

        The two leaders agreed to instruct their staff to keep in close contact.
        """
        let m = try extract(text).0
        let c = try #require(m.commitments.first { $0.text.contains("close contact") })
        #expect(c.topics.isEmpty)
    }
}

@Suite struct PhraseGapTests {
    let lexicon = Lexicon()

    func matches(_ phrase: String, _ text: String) -> [(Int, Int)] {
        var m = PhraseMatcher<Bool>(lexicon: lexicon)
        m.add(phrase, true)
        return m.allMatches(in: lexicon.tokens(text)).map { ($0.start, $0.end) }
    }

    @Test func aGapStandsForUpToThreeWords() {
        #expect(matches("hold ... summit", "agreed to hold a summit").map(\.1) == [5])
        #expect(matches("hold ... summit", "to hold a Japan-U.S. summit soon").count == 1)
        #expect(matches("hold ... summit", "to hold summit talks").count == 1)
        #expect(matches("hold ... summit", "hold one two three four summit").isEmpty)
        #expect(matches("hold ... summit", "hold a meeting").isEmpty)
    }

    @Test func aGapAtAnEndIsIgnored() {
        #expect(matches("... summit", "the summit").count == 1)
        #expect(matches("upcoming ...", "the upcoming visit").count == 1)
    }
}
