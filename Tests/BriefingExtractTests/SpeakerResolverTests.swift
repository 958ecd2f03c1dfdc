import BriefingIngest
import BriefingModel
import Testing
@testable import BriefingExtract

/// Which side says each statement: a named person, a side, "the two leaders", a pronoun that
/// carries the previous speaker, a gist's "Name:" prefix.
@Suite struct SpeakerResolverTests {
    let keeping = MeetingExtractor(configuration: shippedConfiguration, asOf: CalendarDay(year: 2026, month: 11, day: 21)!,
                                   keepStatements: true)

    func speakers(_ text: String) throws -> [String] {
        let r = try ReadoutText.parse(Array(text.utf8), file: "t.txt", path: "t.txt")
        let (m, _) = keeping.extract(r, manifest: nil, manifestFile: nil)
        return (m.statements ?? []).map { "\($0.speaker ?? "-"): \($0.text)" }
    }

    @Test func subjectsAndPronounsGiveTheSide() throws {
        let said = try speakers("""
            Japan-U.S. Summit Meeting
            On May 19, 2023, Prime Minister Fumio Kishida held a summit meeting with President Joseph R. Biden in Hiroshima.
            1. Prime Minister Kishida stated that Japan would fundamentally reinforce its defense capabilities. He added that Japan would also raise its defense budget.
            2. President Biden expressed support for these efforts. The two leaders agreed to deepen cooperation on economic security.
            3. Japan explained its position on the situation in the East China Sea.
            """ + "\n")
        #expect(said.contains { $0.hasPrefix("japan: Prime Minister Kishida sta") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("japan: He added that Japan would") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("us: President Biden expressed s") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("both: The two leaders agreed to") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("japan: Japan explained its posit") }, "\(said)")
    }

    @Test func aGistSpeakerPrefixGivesTheSide() throws {
        let said = try speakers("""
            Summary of the Japan-U.S. Summit Telephone Talk
            On March 9, 2018, Prime Minister Shinzo Abe held a telephone talk with President Donald J. Trump.
            Abe: We highly appreciate the President's leadership.
            Trump: We will keep maximum pressure on North Korea.
            """ + "\n")
        #expect(said.contains { $0.hasPrefix("japan: We highly appreciate") }, "\(said)")
        #expect(said.contains { $0.hasPrefix("us: We will keep maximum") }, "\(said)")
    }
}
