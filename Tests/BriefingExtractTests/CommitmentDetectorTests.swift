import BriefingModel
import Testing
@testable import BriefingExtract

/// One sentence in, the commitments (strength, actor) out. Written from the definition of a
/// commitment, in the wording of readouts in general.
@Suite struct CommitmentDetectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var expected: [(Int, String)]
        var testDescription: String { sentence }
        init(_ sentence: String, _ expected: [(Int, String)]) {
            self.sentence = sentence
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("The two leaders signed a memorandum on energy cooperation.", [(4, "both")]),
        Case("The two leaders agreed to launch a new economic dialogue.", [(3, "both")]),
        Case("The leaders pledged to deepen cooperation on semiconductors.", [(3, "both")]),
        Case("The two leaders instructed their ministers to accelerate work on supply chains.", [(3, "both")]),
        Case("They launched a new dialogue on economic security.", [(3, "both")]),
        Case("The two leaders welcomed the established framework for consultations.", []),
        Case("President Trump reaffirmed the commitment of the United States to the defense of Japan.", [(2, "us")]),
        Case("Prime Minister Abe expressed his determination to resolve the abductions issue.", [(1, "japan")]),
        Case("The two leaders shared the view that they will keep working on the TPP.", [(1, "both")]),
        Case("They confirmed that Japan and the United States will work closely together.", [(2, "both")]),
        Case("President Trump stated that he hopes to visit Japan next year.", [(1, "us")]),
        Case("Trump: We will continue to seek further cooperation from China.", [(1, "us")]),
        Case("President Obama stated that the U.S. commitment to defend Japan is absolute.", [(1, "us")]),
        Case("Prime Minister Kishida stated that Japan would fundamentally reinforce its defense capabilities.", [(1, "japan")]),
        // Two commitments in one sentence.
        Case("The two leaders signed a joint statement and confirmed their intention to expand investment.", [(4, "both"), (2, "both")]),
        // "agreed that" with an action in its clause, and with an assessment only.
        Case("They agreed that the two countries should take the lead in setting trade rules.", [(3, "both")]),
        Case("The leaders agreed that now is not the time for dialogue but to apply maximum pressure.", [(3, "both")]),
        Case("The two leaders agreed that the alliance has never been stronger.", []),
        // A participle that sets the scene is not a commitment of its own; its main clause is.
        Case("Recognizing the U.S. commitment to the defense of Japan, the leaders resolved to deepen cooperation.", [(3, "both")]),
        // Thanks, respects and talk after "would like to" are not intentions to act.
        Case("I would like to express my heartfelt condolences to the families.", []),
        Case("We will talk about our mutual desire to fight terror.", []),
        Case("The Prime Minister stated that he was resolved to raise the issue with the Chairman.", [(1, "japan")]),
        // The wider language of intent.
        Case("President Trump promised to support Japan's efforts on the abductions issue.", [(3, "us")]),
        Case("The ministers approved the revised roadmap for the realignment of U.S. forces.", [(3, "both")]),
        Case("President Trump reaffirmed that the United States stands ready to respond to any provocation.", [(2, "us")]),
        Case("Prime Minister Abe stated that he wishes to deepen coordination on supply chains.", [(1, "japan")]),
        Case("Prime Minister Abe explained that Japan is preparing to submit the assessment report by the end of the year.", [(1, "japan")]),
        Case("Prime Minister Abe noted that he had decided to begin consultations on joining the negotiations.", [(3, "japan")]),
        Case("President Trump stressed that the USG will take further measures to ensure safety.", [(1, "us")]),
        Case("The two leaders confirmed that close coordination between Japan, the United States and Australia is essential in responding to North Korea.", [(2, "both")]),
        // A short follow-up of the same subject is part of the commitment before it.
        Case("The two leaders agreed to hold another call after the election, and decided to coordinate the details.", [(3, "both")]),
        Case("President Trump said that Japan and the US would cooperate against terrorism.", [(1, "both")]),
        Case("The leaders shared the view on continuing to strengthen the Alliance.", [(1, "both")]),
        Case("President Trump accepted an invitation to visit Japan in May.", [(3, "us")]),
        // Not commitments.
        Case("The two leaders called on North Korea to abide by its commitment to denuclearization.", []),
        Case("They expressed satisfaction with a viable plan to relocate the air station.", []),
        Case("In 2006, the previous government signed an agreement on the relocation.", []),
        Case("President Trump stated that he appreciated Prime Minister Abe's will to strengthen the alliance.", []),
        Case("President Trump said he will depart on Saturday for Singapore.", []),
        Case("Prime Minister Abe gave an outline of the recently announced measures.", []),
        Case("Ambassador Smith was confirmed as ambassador to Japan last week.", []),
        Case("Prime Minister Abe cited real and genuine signs of progress in the talks.", []),
        Case("The leaders discussed progress made since they announced the new framework.", []),
        Case("Prime Minister Abe reiterated his shock and sadness about the attack.", []),
        Case("President Trump reiterated his thanks for continued defense cooperation.", []),
        Case("Prime Minister Abe agreed on the huge strength of the relationship.", []),
        Case("The two leaders looked forward to the summit which will take place in June.", []),
        Case("Prime Minister Abe said Japan wants to see the other parties implement their commitments.", []),
        Case("Japan signs the agreement with the United States today.", [(4, "japan")]),
        Case("The United States continues to implement its rebalance to the region.", [(1, "us")]),
        Case("The situation in the region continues to deteriorate.", []),
        Case("Prime Minister Abe noted the need to have a Senate-confirmed ambassador in place.", []),
        Case("The Japanese and American governments will continue to support the process.", [(1, "both")]),
        Case("The foreign minister, Taro Kono, and his American counterpart, Mike Pompeo, met in Tokyo and agreed to speed up talks.", [(3, "both")]),
        Case("The White House announced on Tuesday that President Trump would attend the summit.", []),
        Case("The two leaders reaffirmed Ukraine's right to defend itself.", []),
        Case("As agreed at the previous summit, the two leaders exchanged views on trade.", []),
        Case("The two leaders had agreed on the framework at their first meeting.", []),
        Case("Prime Minister Abe stated that he concurred with the President's assessment.", []),
        Case("They confirmed that the Alliance is important for the region.", []),
        Case("The two leaders welcomed the adoption of the resolution.", []),
        Case("Prime Minister Abe thanked the President for his hospitality.", []),
        Case("Prime Minister Abe expressed his condolences for the victims of the hurricane.", []),
        Case("President Trump explained the U.S. position on trade.", []),
        Case("They shared the view that the missile launches constitute a grave threat.", []),
        Case("They confirmed that the Alliance is stronger than ever.", []),
        Case("Prime Minister Abe noted that North Korea must show concrete actions.", []),
        Case("The two leaders exchanged views on the situation in the Middle East.", []),
        Case("President Trump said he would like to exchange views on regional affairs.", []),
        Case("The President stated that the relationship would be stronger than ever before.", []),
        Case("Prime Minister Abe stated that he agreed with the President's comments.", []),
        Case("The two leaders did not agree on the tariffs.", []),
        Case("The two leaders attended a signing ceremony for the agreements.", []),
        Case("He said that Chairman Kim Jong-un was committed to denuclearization.", []),
    ]

    @Test(arguments: cases)
    func strengthAndActor(_ c: Case) throws {
        let found = try commitments(c.sentence)
        #expect(found.map { ($0.strength.rawValue, $0.actor) }.elementsEqual(c.expected, by: { $0 == $1 }),
                "got \(found.map { ($0.strength.rawValue, $0.actor, $0.cue) })")
    }

    @Test func textIsSplitBetweenTwoCommitments() throws {
        let found = try commitments("The two leaders signed a document on critical minerals and confirmed their intention to strengthen economic growth.")
        #expect(found.count == 2)
        #expect(found[0].text == "The two leaders signed a document on critical minerals")
        #expect(found[1].text == "confirmed their intention to strengthen economic growth.")
        #expect(found[1].topics.contains("trade-economy"))
        #expect(found[0].topics.contains("economic-security"))
        #expect(found[0].concepts.first == "critical-minerals")
    }

    @Test func anImportanceClauseJoinsTheCommitmentBeforeIt() throws {
        let found = try commitments("They confirmed the importance of dialogue with the Chinese government and agreed on the importance of China's role.")
        #expect(found.count == 1)
        #expect(found.first?.strength == .confirmed)
    }

    @Test func aJointStatementsBulletedUndertakingsAreTheirSectionsSide() throws {
        let text = """
        Japan-U.S. Security Consultative Committee
        March 9, 2018
        On March 9, Foreign Minister Taro Kono and Minister of Defense Itsunori Onodera held the Security Consultative Committee with Secretary of State Rex Tillerson and Secretary of Defense James Mattis in Washington.

        (1) Japan's defense policy

          • Continue strengthening its defense capabilities in close coordination with the United States.
          • Reaffirm the importance of the Alliance for regional peace.

        (2) The Alliance

          • Deepen cooperation on missile defense and cyber security.
          • The situation remains severe
        """
        let m = try extract(text).0
        let items = m.commitments.filter { $0.line >= 7 }
        #expect(items.map(\.actor) == ["japan", "japan", "both"], "\(items.map { ($0.text, $0.actor) })")
        #expect(items.map(\.strength.rawValue) == [1, 2, 1])
        #expect(items.first?.topics.contains("alliance-defense") == true)
    }
}
