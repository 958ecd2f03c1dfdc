import BriefingAggregate
import BriefingConfig
import BriefingEvaluate
import BriefingModel
import Foundation
import Testing

/// Relationship packs: the shipped UK–U.S. pack on fixtures written for it, and a third pack
/// made from YAML alone.
@Suite struct RelationshipPackTests {
    static let asOf = CalendarDay(year: 2026, month: 11, day: 21)

    static func analysis(_ folder: URL, layouts: URL, relationship: String) throws -> Analysis {
        let config = try Configuration.load(layoutsFolder: layouts, relationship: relationship).0
        return try CorpusAnalyzer(configuration: config, options: .init(keepStatements: true, asOf: asOf)).analyze(folder: folder)
    }

    @Test func theUKUSPackReadsItsFixtures() throws {
        let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/uk-us")
        let a = try Self.analysis(fixtures, layouts: packageRoot.appendingPathComponent("layouts"), relationship: "uk-us")
        let truth = try TruthFile.load(fixtures.appendingPathComponent("truth.json"))
        let card = Scorecard(truth: truth.readouts, meetings: a.meetings)
        #expect(card.missing == 0)
        #expect(card.dates.right == card.readouts, "\(card.misses.filter { $0.field == .date })")
        #expect(card.places.value >= 0.75, "\(card.misses.filter { $0.field == .place })")
        #expect(card.participants.f1 >= 0.95, "\(card.misses.filter { $0.field == .participant })")
        #expect(card.topics.f1 >= 0.85, "\(card.misses.filter { $0.field == .topic })")
        #expect(card.commitments.f1 >= 0.9, "\(card.misses.filter { $0.field == .commitment })")
        #expect(a.relationship?.sides.map(\.label) == ["United Kingdom", "U.S."])
        // Surnames that are a month, a place or a word name nobody unless a title or the full name does.
        let mentioned = Set(a.meetings.flatMap { $0.participants + $0.mentioned }.map(\.name))
        for name in ["Theresa May", "William Hague", "Jeremy Hunt", "Gordon Brown", "Jack Straw", "Liam Fox"] {
            #expect(!mentioned.contains(name), "\(name) found")
        }
        #expect(Set(a.meetings.flatMap { $0.commitments.map(\.actor) }).isSubset(of: ["uk", "us", "both"]))
        let call = try #require(a.meetings.first { $0.file == "downing-street-call-2021.txt" })
        #expect(call.participants.map(\.name).contains("Boris Johnson"), "the Prime Minister of a Downing Street readout")
    }

    @Test func aThirdPackNeedsNoCode() throws {
        // A U.S.–ROK pack from YAML alone: names written family first, the ROK's own titles, a
        // registry file of its ministers beside the shared ones.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layouts = root.appendingPathComponent("layouts")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("layouts"), to: layouts)
        let pack = layouts.appendingPathComponent("relationships/us-rok")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try """
        title: U.S.–ROK relations
        label: United States – Republic of Korea
        people: [korea-ministers, united-states, world]
        sides:
          - id: rok
            label: ROK
            country: Republic of Korea
            names: [Republic of Korea, ROK, South Korea, Korea, Korean, Seoul]
            titles: [President, Minister of Foreign Affairs, Foreign Minister, Minister of National Defense]
          - id: us
            label: U.S.
            country: United States
            names: [United States, U.S., US, America, American, Washington]
            titles: [President, Secretary of State, Secretary of Defense, Secretary]
        others: [North Korea, DPRK, Japan, China]
        """.write(to: pack.appendingPathComponent("relationship.yaml"), atomically: true, encoding: .utf8)
        try """
        topics:
          - id: korean-peninsula-alliance
            after: alliance-defense
            label: ROK–U.S. Alliance
            include: [ROK-U.S. Alliance, Nuclear Consultative Group, Washington Declaration, USFK]
        """.write(to: pack.appendingPathComponent("topics.yaml"), atomically: true, encoding: .utf8)
        try """
        people:
          - name: Park Jin
            gender: male
            offices:
              - {role: Minister of Foreign Affairs, country: Republic of Korea, from: 2022-05-12, to: 2024-01-10}
          - name: Cho Tae-yul
            gender: male
            offices:
              - {role: Minister of Foreign Affairs, country: Republic of Korea, from: 2024-01-10, to: 2025-07-21}
        """.write(to: layouts.appendingPathComponent("people/korea-ministers.yaml"), atomically: true, encoding: .utf8)
        let readouts = root.appendingPathComponent("readouts")
        try FileManager.default.createDirectory(at: readouts, withIntermediateDirectories: true)
        try """
        Foreign Ministers' Meeting
        February 16, 2024

        On February 16, Minister of Foreign Affairs Cho Tae-yul held a meeting with Secretary of State Antony Blinken in Munich. Minister Cho and Secretary Blinken reaffirmed that the two countries will continue to strengthen the ROK-U.S. Alliance and agreed to coordinate closely on North Korea's provocations. Minister Cho explained the ROK's plans to host the next Summit for Democracy.
        """.write(to: readouts.appendingPathComponent("mofa-rok-2024.txt"), atomically: true, encoding: .utf8)
        try """
        Readout of President Biden's Meeting with President Yoon Suk Yeol of the Republic of Korea
        April 26, 2023

        President Joseph R. Biden, Jr. met today with President Yoon Suk Yeol of the Republic of Korea at the White House. President Yoon and President Biden adopted the Washington Declaration and agreed to establish a Nuclear Consultative Group. The President reaffirmed that the U.S. commitment to the defense of the ROK is ironclad.
        """.write(to: readouts.appendingPathComponent("wh-rok-2023.txt"), atomically: true, encoding: .utf8)
        let a = try Self.analysis(readouts, layouts: layouts, relationship: "us-rok")
        #expect(a.relationship?.id == "us-rok")
        let fm = try #require(a.meetings.first { $0.file == "mofa-rok-2024.txt" })
        #expect(Set(fm.participants.map(\.name)) == ["Cho Tae-yul", "Antony J. Blinken"])
        #expect(Set(fm.participants.compactMap(\.side)) == ["rok", "us"])
        #expect(fm.place == "Munich")
        #expect(fm.commitments.map(\.actor).allSatisfy { $0 == "both" } && fm.commitments.count >= 2)
        #expect(fm.commitments.contains { $0.actor == "both" && $0.strength == .agreed })
        let summit = try #require(a.meetings.first { $0.file == "wh-rok-2023.txt" })
        #expect(Set(summit.participants.map(\.name)) == ["Yoon Suk Yeol", "Joseph R. Biden"])
        #expect(summit.kinds.contains("summit meeting"))
        #expect(summit.topics.contains { $0.id == "korean-peninsula-alliance" })
        #expect(summit.commitments.contains { $0.actor == "us" && $0.strength == .confirmed })
        #expect(a.taxonomy.map(\.id).contains("korean-peninsula-alliance"))
    }

    @Test func anUnknownPackNamesThePacks() {
        #expect {
            _ = try Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts"), relationship: "mars-venus")
        } throws: { error in
            let d = (error as? ConfigurationError)?.description ?? ""
            return d.contains("no relationship pack \"mars-venus\"") && d.contains("japan-us") && d.contains("uk-us")
        }
    }

    @Test func aPersonIsWrittenOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("layouts"), to: root)
        try "people:\n  - name: Xi Jinping\n    gender: male\n    offices: []\n"
            .write(to: root.appendingPathComponent("people/japan.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try Configuration.load(layoutsFolder: root, relationship: "japan-us")
        } throws: { error in
            (error as? ConfigurationError)?.description.contains("\"Xi Jinping\" is already listed at") == true
        }
    }
}
