import BriefingConfig
import BriefingModel
import Testing
@testable import BriefingExtract

/// Who took part: named people, bare offices, people only mentioned.
@Suite struct ParticipantTests {
    @Test func aBareOfficeIsItsHolderOnTheDay() throws {
        let text = """
        Readout of the President's Meeting with Prime Minister Kishida of Japan

        The President met today with Prime Minister Fumio Kishida of Japan to discuss the alliance. The leaders agreed to deepen cooperation on economic security. The President said he would ask Secretary Raimondo to lead talks with Japanese companies.
        """
        let entry = Manifest.Entry(date: CalendarDay(year: 2023, month: 1, day: 13), place: nil, kind: nil, line: 1)
        let (m, _) = try extract(text, manifest: entry)
        #expect(Set(m.participants.map(\.name)) == ["Fumio Kishida", "Joseph R. Biden"], "\(m.participants.map(\.name))")
        #expect(m.participants.first { $0.name == "Joseph R. Biden" }?.role == "President")
    }

    @Test func aBareOfficeOfSomeoneNamedIsThatPerson() throws {
        let text = """
        Readout

        President Joe Biden met today with Prime Minister Fumio Kishida of Japan. The President underscored the U.S. commitment to the defense of Japan.
        """
        let entry = Manifest.Entry(date: CalendarDay(year: 2023, month: 1, day: 13), place: nil, kind: nil, line: 1)
        let m = try extract(text, manifest: entry).0
        #expect(m.participants.map(\.name).sorted() == ["Fumio Kishida", "Joseph R. Biden"])
        #expect(m.commitments.first?.actor == "us")
    }

    @Test func withoutADateABareOfficeNamesNobody() throws {
        let text = "Readout\n\nThe President met today with Prime Minister Fumio Kishida of Japan. The leaders agreed to deepen cooperation.\n"
        let (m, _) = try extract(text)
        #expect(m.participants.map(\.name) == ["Fumio Kishida"])
    }

    @Test func wireCopyCutAtAFixedWidthIsOneText() throws {
        let text = """
        LONDON, Feb 3 (Wire) - British Foreign Secretary David Lammy and
        U.S. Secretary of State Marco Rubio held talks by telephone on
        Monday, the Foreign Office said.
        Lammy told reporters the two had agreed to keep in close contact
        on Ukraine.
        """
        let m = try extract(text, manifest: Manifest.Entry(date: CalendarDay(year: 2025, month: 2, day: 3), place: nil, kind: nil, line: 1)).0
        #expect(m.participants.map(\.name).contains("Marco Rubio"))
        #expect(m.kinds == ["telephone talk"])
        #expect(m.statementCount == 2)
    }
}
