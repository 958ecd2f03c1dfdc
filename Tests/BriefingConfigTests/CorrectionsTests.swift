import BriefingConfig
import BriefingModel
import Testing

/// `corrections.yaml` through the one YAML loader: every entry kind read, and every bad value
/// a finding that names the file, the key and the line, with the entry left out.
@Suite struct CorrectionsTests {
    let vocabulary = Corrections.Vocabulary(sides: ["north", "south"], topics: ["fisheries", "trade"])

    func parse(_ text: String) throws -> (Corrections, [Diagnostic]) {
        try Corrections.parse(text, file: "in/corrections.yaml", vocabulary: vocabulary)
    }

    @Test func everyKindOfEntryIsRead() throws {
        let (c, findings) = try parse("""
            a.txt:
              drop:
                - {line: 12, text: "The leaders shared the view"}
              add:
                - {line: 9, text: "The north will keep the quotas.", actor: north, strength: 1, topics: [fisheries]}
              change:
                - {line: 4, text: "Both confirmed", strength: agreed, actor: both, topics: []}
              participants:
                add: [{name: "A. Person", role: "Envoy", side: south}, "B. Person"]
                remove: ["C. Person"]
              set: {place: Harbour City, kinds: [summit meeting, working lunch], date: 2020-02-03}
            """)
        #expect(findings.isEmpty, "\(findings)")
        let e = try #require(c["a.txt"])
        #expect(e.line == 1)
        #expect(e.drop == [Corrections.Locator(line: 12, text: "The leaders shared the view", at: 3)])
        #expect(e.add.map(\.actor) == ["north"] && e.add[0].strength == .sharedView && e.add[0].topics == ["fisheries"])
        #expect(e.change[0].strength == .agreed && e.change[0].actor == "both" && e.change[0].topics == [])
        #expect(e.addParticipants.map(\.name) == ["A. Person", "B. Person"] && e.addParticipants[0].side == "south")
        #expect(e.removeParticipants.map(\.name) == ["C. Person"])
        #expect(e.place == "Harbour City" && e.kinds == ["summit meeting", "working lunch"])
        #expect(e.date == CalendarDay(year: 2020, month: 2, day: 3))
    }

    /// Each bad entry: (YAML, the key path and line the finding names, words of its message).
    @Test(arguments: [
        ("a.txt:\n  dorp: []\n", "a.txt.dorp", 2, "unknown key"),
        ("a.txt:\n  drop:\n    - {line: twelve, text: x}\n", "a.txt.drop[0].line", 3, "whole number"),
        ("a.txt:\n  drop:\n    - {line: 3}\n", "a.txt.drop[0]", 3, "missing `text:`"),
        ("a.txt:\n  add:\n    - {line: 3, text: x, actor: north, strength: 5}\n", "a.txt.add[0].strength", 3, "out of range 1–4"),
        ("a.txt:\n  add:\n    - {line: 3, text: x, actor: east, strength: 1}\n", "a.txt.add[0].actor", 3, "unknown actor 'east'"),
        ("a.txt:\n  change:\n    - {line: 3, text: x, topics: [fishing]}\n", "a.txt.change[0].topics", 3, "unknown topic 'fishing'"),
        ("a.txt:\n  change:\n    - {line: 3, text: x}\n", "a.txt.change[0]", 3, "strength, actor or topics"),
        ("a.txt:\n  participants:\n    add: [{name: X, side: west}]\n", "a.txt.participants.add[0].side", 3, "unknown side 'west'"),
        ("a.txt:\n  set:\n    date: 2020-02-30\n", "a.txt.set.date", 3, "YYYY-MM-DD"),
        ("a.txt:\n  set: {place: [a, b]}\n", "a.txt.set.place", 2, "single value"),
        ("a.txt: [1, 2]\n", "a.txt", 1, "mapping"),
    ])
    func aBadEntryIsAnErrorAtItsKeyAndLine(_ yaml: String, _ key: String, _ line: Int, _ words: String) throws {
        let (c, findings) = try parse(yaml + "b.txt:\n  set: {place: Elsewhere}\n")
        #expect(findings.count == 1, "\(findings)")
        let d = try #require(findings.first)
        #expect(d.severity == .error && d.file == "in/corrections.yaml" && d.line == line, "\(d)")
        #expect(d.message.hasPrefix(key + ":") && d.message.contains(words) && d.message.contains("not applied"), "\(d)")
        #expect(c["a.txt"] == nil, "a bad entry is not applied in part")
        #expect(c["b.txt"]?.place == "Elsewhere", "the other entries still are")
    }

    @Test func aFileThatIsNoMappingOfReadoutsIsRefusedWithItsLine() {
        #expect(throws: ConfigurationError.self) { try parse("- a.txt\n- b.txt\n") }
        do {
            _ = try Corrections.parse("a.txt:\n  drop: [\n", file: "in/corrections.yaml", vocabulary: vocabulary)
            Issue.record("malformed YAML accepted")
        } catch {
            #expect(error.file == "in/corrections.yaml" && error.line != nil, "\(error)")
        }
        #expect((try? parse(""))?.0.entries.isEmpty == true)
    }

    /// The schedule's cache key: content, not the entry's place in the file.
    @Test func theFingerprintIgnoresLinesAndFollowsContent() throws {
        let one = try parse("a.txt:\n  set: {place: X}\n").0["a.txt"]!
        let moved = try parse("b.txt:\n  set: {place: Y}\n\na.txt:\n  set: {place: X}\n").0["a.txt"]!
        let edited = try parse("a.txt:\n  set: {place: Z}\n").0["a.txt"]!
        #expect(one.line != moved.line)
        #expect(one.fingerprint == moved.fingerprint)
        #expect(one.fingerprint != edited.fingerprint)
    }
}
