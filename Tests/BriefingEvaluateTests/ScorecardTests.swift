import BriefingAggregate
import BriefingConfig
import BriefingEvaluate
import BriefingModel
import Foundation
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The seeds analysed with the shipped layouts, statements kept (as `evaluate` does).
let seedsAnalysis: Analysis = {
    let config = try! Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts")).0
    let analyzer = CorpusAnalyzer(configuration: config, options: .init(keepStatements: true,
                                                                        asOf: CalendarDay(year: 2026, month: 11, day: 21)))
    return try! analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
}()

@Suite struct ScorecardTests {
    let truth = try! TruthFile.load(packageRoot.appendingPathComponent("Tests/Fixtures/seeds-truth.json"))

    @Test func seedsScoreAsTheBookPromises() {
        let card = Scorecard(truth: truth.readouts, meetings: seedsAnalysis.meetings)
        #expect(card.readouts == 5 && card.missing == 0)
        #expect(card.dates.right == 5, "dates: \(card.misses.filter { $0.field == .date })")
        #expect(card.places.right == card.places.of, "places: \(card.misses.filter { $0.field == .place })")
        #expect(card.participants.f1 >= 0.98, "participants: \(card.misses.filter { $0.field == .participant })")
        #expect(card.topics.f1 >= 0.95, "topics: \(card.misses.filter { $0.field == .topic })")
        #expect(card.commitments.f1 >= 0.95, "commitments: \(card.misses.filter { $0.field == .commitment })")
        #expect(card.strengthOnMatches.value >= 0.9)
        #expect(card.actorOnMatches.value >= 0.9)
    }

    @Test func reportHasTheReferenceScorersLines() {
        let lines = Scorecard(truth: truth.readouts, meetings: seedsAnalysis.meetings).report.split(separator: "\n")
        #expect(lines.first == "readouts: 5 (missing from analysis: 0)")
        #expect(lines.map { $0.split(separator: ":").first.map(String.init) ?? "" } == [
            "readouts", "date exact", "kind", "duration exact", "place exact", "participants P/R/F1", "topics P/R/F1",
            "commitments P/R/F1", "commitment strength exact (matched)", "commitment actor exact (matched)", "summary",
        ])
        #expect(lines.last?.hasPrefix("summary: date 1.000 topicsF1 ") == true)
    }

    @Test func aMissingReadoutCountsEveryTruthItemAsMissed() {
        let card = Scorecard(truth: truth.readouts, meetings: Array(seedsAnalysis.meetings.dropFirst()))
        let dropped = truth.readouts.first { $0.file == seedsAnalysis.meetings[0].file }!
        #expect(card.missing == 1)
        #expect(card.misses.contains { $0.field == .readout && $0.file == dropped.file })
        let full = Scorecard(truth: truth.readouts, meetings: seedsAnalysis.meetings)
        #expect(card.commitments.falseNegatives - full.commitments.falseNegatives
                >= dropped.commitments.filter { $0.optional != true }.count - full.commitments.falseNegatives)
        #expect(card.participants.falseNegatives >= dropped.participants.count)
    }

    @Test func missesNameFileAndLineOfTheSentence() throws {
        // A truth that wants a commitment the seeds do not make, and lacks one they do.
        var t = truth.readouts
        let i = t.firstIndex { $0.file == "002_866ae0bdf8e54838.txt" }!
        let meeting = seedsAnalysis.meetings.first { $0.file == t[i].file }!
        let kept = meeting.commitments[0]
        t[i].commitments = [TruthFile.Commitment(text: "The leaders agreed to open a consulate on the Moon by spring.", actor: "both", strength: 3)]
        let card = Scorecard(truth: t, meetings: seedsAnalysis.meetings)
        let falseAlarm = try #require(card.misses.first { $0.field == .commitment && $0.falseAlarm && $0.file == t[i].file })
        #expect(falseAlarm.line == kept.line)
        #expect(falseAlarm.description.hasPrefix("\(meeting.path):\(kept.line): commitment false alarm: "))
        #expect(card.misses.contains { $0.field == .commitment && !$0.falseAlarm && $0.message.contains("Moon") })
    }
}

@Suite struct MatchRulesTests {
    @Test func contentWordsDropStopWordsAndPunctuation() {
        #expect(MatchRules.contentWords("The two leaders agreed to work with the U.S.") == ["leaders", "agreed", "work", "u", "s"])
    }

    @Test func coverageIsTheShareOfTheTruthsWords() {
        let truth = "the leaders agreed to strengthen deterrence"
        #expect(MatchRules.coverage(of: truth, by: "The leaders agreed to strengthen deterrence and response.") == 1)
        #expect(MatchRules.coverage(of: truth, by: "They agreed to meet again.") == 0.25)
        #expect(MatchRules.coverage(of: "the of and", by: "anything") == 0)
    }

    @Test func surnamesAndCities() {
        #expect(MatchRules.surname("Joseph R. Biden Jr.") == "biden")
        #expect(MatchRules.surname("KISHIDA Fumio") == "fumio")
        #expect(MatchRules.city("Washington, D.C.") == "washington")
        #expect(MatchRules.city("New York City") == "new york")
        #expect(MatchRules.city(nil) == "")
    }
}

@Suite struct TruthFileTests {
    @Test func readsJSONLinesAndArrays() throws {
        let lines = """
        {"file": "a.txt", "date": "2019-05-27", "kinds": ["summit meeting"], "participants": [{"name": "Shinzo Abe"}], "topics": ["north-korea"], "commitments": []}

        {"file": "b.txt", "date": null, "kinds": [], "participants": [], "topics": [], "commitments": [{"text": "x", "optional": true}]}
        """
        let t = try TruthFile.parse(Data(lines.utf8), path: "t.jsonl")
        #expect(t.readouts.map(\.file) == ["a.txt", "b.txt"])
        #expect(t.readouts[1].date == nil && t.readouts[1].commitments[0].optional == true)
        let array = try TruthFile.parse(Data("[\(lines.split(separator: "\n")[0])]".utf8), path: "t.json")
        #expect(array.readouts.count == 1)
    }

    @Test func aBrokenLineIsNamed() {
        let text = "{\"file\": \"a.txt\", \"date\": null}\n{\"file\": 3}\n"
        #expect {
            try TruthFile.parse(Data(text.utf8), path: "t.jsonl")
        } throws: { error in
            (error as? TruthFile.LoadError)?.description.hasPrefix("t.jsonl:2: error: not a truth file") == true
        }
    }
}
