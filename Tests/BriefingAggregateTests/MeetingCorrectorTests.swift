import BriefingAggregate
import BriefingConfig
import BriefingFormat
import BriefingModel
import Foundation
import Testing

/// The analyst's corrections (Tests/Fixtures/corrections/corrections.yaml) applied to the
/// fixture's three readouts, as the export (written and read back) and the warnings show them.
@Suite struct MeetingCorrectorTests {
    static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/corrections")
    static let yaml = try! String(contentsOf: folder.appendingPathComponent("corrections.yaml"), encoding: .utf8)

    /// The corrections file's line holding `needle`.
    static func line(of needle: String) -> Int {
        Self.yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    /// The fixture analysed with or without its corrections, through the export and back.
    static func exported(corrections: Bool) throws -> Analysis {
        let a = try CorpusAnalyzer(configuration: shippedConfiguration,
                                   options: .init(asOf: CalendarDay(year: 2026, month: 11, day: 21), applyCorrections: corrections))
            .analyze(folder: folder)
        return try AnalysisReader.decode(AnalysisWriter.data(a), file: "corrected.json", full: true)
    }

    static let corrected = try! exported(corrections: true)
    static let plain = try! exported(corrections: false)

    func meeting(_ file: String, in a: Analysis = corrected) throws -> Meeting {
        try #require(a.meetings.first { $0.file == file }, "\(file) missing")
    }

    @Test func aDroppedCommitmentLeavesTheCountsAndIsKeptAsTheAnalysts() throws {
        let m = try meeting("010_telephone_may.txt")
        #expect(!m.commitments.contains { $0.line == 8 })
        let dropped = try #require(m.dropped?.first)
        #expect(dropped.line == 8 && dropped.source == "analyst" && dropped.text.hasPrefix("The two ministers shared the view"))
        #expect(try meeting("010_telephone_may.txt", in: Self.plain).commitments.contains { $0.line == 8 })
    }

    @Test func anAddedCommitmentIsTheAnalystsWithNothingExtracted() throws {
        let c = try #require(try meeting("010_telephone_may.txt").commitments.first { $0.line == 9 })
        #expect(c.source == "analyst" && c.extracted == nil)
        #expect(c.actor == "japan" && c.strength == .sharedView && c.topics == ["trade-economy"])
        #expect(c.file == "010_telephone_may.txt")
    }

    @Test func aChangedCommitmentKeepsWhatTheExtractorSaid() throws {
        let c = try #require(try meeting("010_telephone_may.txt").commitments.first { $0.line == 10 })
        #expect(c.source == "analyst" && c.strength == .confirmed && c.topics == ["visits-calendar"])
        #expect(c.extracted == Commitment.Extracted(strength: .agreed, topics: ["multilateral", "visits-calendar"]))
        // Whitespace in the entry's text ("Prime  Minister") does not stop the match.
        let d = try #require(try meeting("011_summit_september.txt").commitments.first { $0.line == 9 })
        #expect(d.actor == "both" && d.strength == .agreed && d.extracted == Commitment.Extracted(actor: "japan", strength: .sharedView))
        // Untouched commitments carry no mark.
        #expect(try meeting("012_call_december.txt").commitments.allSatisfy { $0.source == nil && $0.extracted == nil })
    }

    @Test func participantsAddedAndRemovedAndMeetingFieldsSet() throws {
        let may = try meeting("010_telephone_may.txt")
        #expect(may.participants.map(\.name) == ["Taro Kono", "Stephen Biegun"])
        #expect(may.participants.last?.source == "analyst" && may.participants.last?.side == "us")
        #expect(may.place == "Tokyo" && may.source == "analyst")
        #expect(may.extracted?.fields.sorted() == ["participants", "place"])
        #expect(may.extracted?.participants?.map(\.name) == ["Taro Kono", "Michael R. Pompeo"] && may.extracted?.place == nil)
        let sept = try meeting("011_summit_september.txt")
        #expect(sept.date == CalendarDay(year: 2019, month: 10, day: 2) && sept.dateSource == .analyst)
        #expect(sept.kinds == ["summit meeting", "working lunch"])
        #expect(sept.extracted?.date == CalendarDay(year: 2019, month: 9, day: 25) && sept.extracted?.kinds == ["summit meeting"])
        #expect(try meeting("012_call_december.txt").source == nil)
    }

    /// An added participant the people registry knows (by name or alias, any case or spacing)
    /// is named as the extractor names them: canonical name, office on the day, side, known;
    /// someone it does not know keeps what the entry says; a known person already there is stale.
    @Test func anAddedParticipantIsLookedUpInThePeopleRegistry() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("012_call_december.txt"),
                                         to: root.appendingPathComponent("012_call_december.txt"))
        try Data("""
            012_call_december.txt:
              participants:
                add:
                  - {name: "mike  POMPEO"}
                  - {name: "Jane Roe", role: "Adviser", side: japan}
                  - {name: "Donald Trump"}
            """.utf8).write(to: root.appendingPathComponent("corrections.yaml"))
        let a = try CorpusAnalyzer(configuration: shippedConfiguration, options: .init(asOf: CalendarDay(year: 2026, month: 11, day: 21)))
            .analyze(folder: root)
        let m = try #require(a.meetings.first)
        let pompeo = try #require(m.participants.first { $0.name == "Michael R. Pompeo" }, "\(m.participants.map(\.name))")
        #expect(pompeo.known && pompeo.role == "Secretary of State" && pompeo.side == "us" && pompeo.country == "United States"
                && pompeo.source == "analyst")
        let roe = try #require(m.participants.first { $0.name == "Jane Roe" })
        #expect(!roe.known && roe.role == "Adviser" && roe.side == "japan" && roe.country == "Japan")
        #expect(m.participants.filter { $0.name.contains("Trump") }.count == 1)
        #expect(a.diagnostics.contains { $0.line == 6 && $0.message.contains("\"Donald Trump\" is already a participant") },
                "\(a.diagnostics)")
    }

    /// Every stale entry is a warning at its line in corrections.yaml, counted in the summary.
    @Test func staleEntriesAreWarningsAtTheirLines() throws {
        let stale = Self.corrected.diagnostics.filter { $0.file.hasSuffix("corrections.yaml") }
        let expected: [(String, String)] = [
            ("The two leaders discussed trade", "now reads"),
            ("{line: 3, text: \"The leaders shared the view\"}", "the text is now at line 8"),
            ("remove: [\"Joe Biden\"]", "not among the participants"),
            ("013_withdrawn_readout.txt:", "no such readout"),
        ]
        for (needle, words) in expected {
            let line = Self.line(of: needle)
            #expect(stale.contains { $0.line == line && $0.severity == .warning && $0.message.contains(words)
                        && $0.message.hasSuffix("(stale)") }, "line \(line): no stale warning saying \(words) in \(stale)")
        }
        #expect(stale.count == expected.count, "\(stale)")
        #expect(Self.corrected.summary.warnings == Self.plain.summary.warnings + expected.count)
        // A stale drop removed nothing.
        #expect(try meeting("012_call_december.txt").commitments.count == 2)
    }

    @Test func topicCountsAndThreadsReflectTheCorrections() throws {
        func commitments(_ a: Analysis, _ topic: String) -> Int { a.topics.first { $0.id == topic }?.commitments ?? 0 }
        #expect(commitments(Self.corrected, "trade-economy") == commitments(Self.plain, "trade-economy") + 1)
        #expect(commitments(Self.corrected, "indo-pacific") == commitments(Self.plain, "indo-pacific") - 1)
        #expect(commitments(Self.corrected, "multilateral") == commitments(Self.plain, "multilateral") - 1)
        #expect(Self.corrected.summary.commitmentsByStrength["3"] == Self.plain.summary.commitmentsByStrength["3"],
                "one agreed became confirmed, one shared view became agreed")
        // The added commitment is in a thread, and the threads' dates follow the corrected date.
        let occurrences = Self.corrected.threads.flatMap(\.occurrences)
        #expect(occurrences.contains { $0.file == "010_telephone_may.txt" && $0.line == 9 && $0.actor == "japan" })
        #expect(!occurrences.contains { $0.file == "010_telephone_may.txt" && $0.line == 8 })
        #expect(occurrences.filter { $0.file == "011_summit_september.txt" }.allSatisfy { $0.date == CalendarDay(year: 2019, month: 10, day: 2) })
    }

    /// The list the book prints: each correction in force, none of the stale ones.
    @Test func theAnalysisListsTheCorrectionsInForce() throws {
        let list = try #require(Self.corrected.corrections)
        let kinds = list.map { "\($0.file) \($0.kind) \($0.line.map(String.init) ?? "-")" }
        #expect(kinds == [
            "010_telephone_may.txt participant removed -", "010_telephone_may.txt participant added -",
            "010_telephone_may.txt place -", "010_telephone_may.txt drop 8", "010_telephone_may.txt add 9",
            "010_telephone_may.txt change 10", "011_summit_september.txt place -", "011_summit_september.txt kinds -", "011_summit_september.txt date -",
            "011_summit_september.txt change 9",
        ])
        #expect(list.first { $0.kind == "change" }?.detail?.contains("strength agreed → confirmed") == true)
        #expect(Self.plain.corrections == nil)
        // A period keeps the corrections of its own readouts.
        let may = AnalysisPeriod(from: CalendarDay(year: 2019, month: 5, day: 1), to: CalendarDay(year: 2019, month: 5, day: 31))
            .apply(to: Self.corrected)
        #expect(may.corrections?.allSatisfy { $0.file == "010_telephone_may.txt" } == true && may.corrections?.count == 6)
    }

    /// A correction the extractor has caught up with is reported, not applied twice.
    @Test func aCorrectionTheExtractorNowMakesItselfIsStale() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("012_call_december.txt"),
                                         to: folder.appendingPathComponent("012_call_december.txt"))
        try Data("""
            012_call_december.txt:
              add:
                - {line: 8, text: "The leaders shared the view", actor: both, strength: 1}
                - {line: 40, text: "Past the end.", actor: both, strength: 1}
              change:
                - {line: 7, text: "The two leaders exchanged views", strength: confirmed}
            """.utf8).write(to: folder.appendingPathComponent("corrections.yaml"))
        let a = try analyzer.analyze(folder: folder)
        #expect(a.meetings[0].commitments.count == 2 && a.corrections == nil)
        let messages = a.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("corrections.yaml:3: warning:") && $0.contains("finds this commitment itself") }, "\(messages)")
        #expect(messages.contains { $0.contains("corrections.yaml:4: warning:") && $0.contains("has 10 lines") }, "\(messages)")
        #expect(messages.contains { $0.contains("corrections.yaml:6: warning:") && $0.contains("gives these values itself") }, "\(messages)")
    }
}
