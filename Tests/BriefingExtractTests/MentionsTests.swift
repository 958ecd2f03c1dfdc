import BriefingModel
import Testing
@testable import BriefingExtract

/// Who a readout names, and in which role: participants, people only mentioned, and names the
/// registry does not know (MentionFinder, through the extractor).
@Suite struct MentionsTests {
    let call = """
        Japan-U.S. Foreign Ministers' Telephone Talk
        On April 3, 2024, from 8:00 p.m. for about 30 minutes, Ms. Yoko Kamikawa, Minister for Foreign Affairs of Japan, held a telephone talk with the Honorable Antony Blinken, Secretary of State of the United States.
        Minister Kamikawa said that Japan would continue to work closely with the United States toward the visit of Prime Minister Kishida to Washington. Secretary Blinken agreed.
        """

    @Test func whoMetAreParticipantsWhoIsNamedIsMentioned() throws {
        let (m, _) = try extract(call + "\n")
        #expect(m.participants.map(\.name) == ["Yoko Kamikawa", "Antony J. Blinken"])
        #expect(m.participants.map(\.side) == ["japan", "us"])
        #expect(m.participants.allSatisfy { $0.known })
        #expect(m.mentioned.map(\.name) == ["Fumio Kishida"])
    }

    @Test func titlesAndSurnamesAreTheSamePerson() throws {
        let text = """
            Japan-U.S. Summit Meeting
            On May 19, 2023, Prime Minister Fumio Kishida held a summit meeting with President Joseph R. Biden in Hiroshima.
            Mr. Kishida welcomed President Biden. KISHIDA Fumio and Biden agreed to strengthen the Alliance.
            """
        let (m, _) = try extract(text + "\n")
        #expect(m.participants.map(\.name) == ["Fumio Kishida", "Joseph R. Biden"])
        #expect(m.mentioned.isEmpty)
    }

    @Test func aNameTheRegistryLacksKeepsTheRoleTheTextGives() throws {
        let text = """
            Japan-U.S. Trade Talks
            On June 2, 2025, Japanese trade negotiator Kenji Harada met with the Honorable Howard Lutnick, Secretary of Commerce of the United States, in Washington.
            Mr. Harada explained Japan's position on tariffs.
            """
        let (m, diags) = try extract(text + "\n")
        let unknown = try #require(m.participants.first { $0.name == "Kenji Harada" }, "\(m.participants.map(\.name))")
        #expect(!unknown.known)
        #expect(unknown.country == "Japan" && unknown.side == "japan")
        #expect(diags.contains { $0.severity == .warning && $0.message.contains("Kenji Harada") }, "\(diags.map(\.message))")
        #expect(m.participants.filter { $0.name.hasSuffix("Harada") }.count == 1, "the later bare surname is the same person")
    }
}
