import BriefingModel
import Testing
@testable import BriefingExtract

/// Readouts in styles the seeds do not have: a White House page, a State Department "2+2"
/// note, a foreign ministers' meeting in Markdown, a newspaper article.
@Suite struct UnseenReadoutTests {
    @Test func whiteHouseReadoutPage() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/wh-readout-2023.html")
        #expect(m.date?.description == "2023-05-18")
        #expect(Set(m.participants.map(\.name)) == ["Joseph R. Biden", "Fumio Kishida"])
        #expect(m.place == "Hiroshima")
        #expect(m.commitments.contains { $0.cue == "pledged" && $0.actor == "both" && $0.strength == .agreed })
        #expect(m.commitments.contains { $0.actor == "us" && $0.strength == .confirmed && $0.text.contains("defense of Japan") })
        #expect(!m.commitments.contains { $0.text.contains("stronger than ever") })
        #expect(!m.commitments.contains { $0.text.contains("Related") })
    }

    @Test func twoPlusTwoHasFourParticipants() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/state-2plus2-2024.txt")
        #expect(m.kinds == ["ministers' meeting"])
        #expect(Set(m.participants.map(\.name)) == ["Antony J. Blinken", "Lloyd J. Austin", "Yoko Kamikawa", "Minoru Kihara"])
        #expect(m.participants.first { $0.name == "Minoru Kihara" }?.role == "Minister of Defense")
        #expect(m.commitments.filter { $0.cue == "decided" }.count == 2)
    }

    @Test func foreignMinistersMarkdown() throws {
        let (m, diags) = try extractFile("Tests/Fixtures/unseen/mofa-foreign-ministers-2023.md")
        #expect(m.participants.map(\.name) == ["Yoko Kamikawa", "Antony J. Blinken"])
        #expect(m.durationMinutes == 40)
        #expect(m.place == "Tokyo")
        #expect(!diags.contains { $0.message.contains("not in layouts/people.yaml") })
    }

    @Test func newspaperArticleWithNavigation() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/newspaper-article-2019.txt")
        #expect(m.dateInferred)
        #expect(m.durationMinutes == 40)
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.contains { $0.strength == .signed })
        #expect(!m.commitments.contains { $0.text.contains("Related") || $0.text.contains("Kim meeting") })
    }

    @Test func stateDepartmentReadoutWithTitlesAlone() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/state-secretary-2025.txt")
        #expect(m.participants.map(\.name) == ["Marco Rubio", "Takeshi Iwaya"])
        #expect(m.kinds == ["ministers' meeting"])
        // "The Secretary and Foreign Minister reaffirmed": both; "The Secretary underscored": the U.S.
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.contains { $0.cue == "underscored" && $0.actor == "us" })
        #expect(!m.commitments.contains { $0.text.contains("welcomed") })
    }

    @Test func whiteHouseCallReadout() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/wh-call-2025.html")
        #expect(m.date?.description == "2025-02-03")
        #expect(m.kinds == ["telephone talk"])
        #expect(m.commitments.contains { $0.actor == "japan" && $0.text.contains("increase its investment") })
        #expect(m.commitments.contains { $0.actor == "both" && $0.strength == .agreed })
        #expect(!m.commitments.contains { $0.text.contains("Share") })
    }
}
