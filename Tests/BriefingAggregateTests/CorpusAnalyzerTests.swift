import BriefingAggregate
import BriefingFormat
import BriefingModel
import Foundation
import Testing

@Suite struct CorpusAnalyzerTests {
    @Test func seedsAggregate() throws {
        let a = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        #expect(a.meetings.map(\.file) == ["003_85967430cf1ac722.txt", "000_3c473871ed6bfc76.txt", "001_89bd6e2a19a88483.txt",
                                           "002_866ae0bdf8e54838.txt", "004_ab724736b646953e.txt"], "date order")
        #expect(a.summary.meetings == 5)
        #expect(a.summary.failed == 0)
        #expect(a.summary.firstDate?.description == "2016-09-21")
        #expect(a.summary.lastDate?.description == "2025-10-28")
        // Topic frequencies are sums of per-meeting statement counts.
        for t in a.topics {
            let mentions = a.meetings.reduce(0) { $0 + ($1.topics.first { $0.id == t.id }?.mentions ?? 0) }
            let meetings = a.meetings.filter { $0.topics.contains { $0.id == t.id } }.count
            #expect(t.mentions == mentions && t.meetings == meetings, "\(t.id)")
        }
        #expect(a.topics.first { $0.id == "north-korea" }?.meetings == 5)
        let total = a.meetings.reduce(0) { $0 + $1.commitments.count }
        #expect(a.summary.commitmentsByStrength.values.reduce(0, +) == total)
    }

    /// Without sentences, meetings hold none and everything else is the same; the sentences of
    /// any of them read again from their readouts are the ones a full analysis keeps.
    @Test func withoutSentencesOnlyTheSentencesAreMissingAndTheyReadBack() throws {
        let seeds = packageRoot.appendingPathComponent("seeds")
        let options = CorpusAnalyzer.Options(asOf: CalendarDay(year: 2026, month: 11, day: 21))
        var lean = options
        lean.keepSentences = false
        let whole = try CorpusAnalyzer(configuration: shippedConfiguration, options: options).analyze(folder: seeds)
        let without = try CorpusAnalyzer(configuration: shippedConfiguration, options: lean).analyze(folder: seeds)
        #expect(without.meetings.allSatisfy { $0.statements == nil })
        var stripped = whole
        for i in stripped.meetings.indices { stripped.meetings[i].statements = nil }
        #expect(AnalysisWriter.data(stripped) == AnalysisWriter.data(without))
        let again = CorpusAnalyzer(configuration: shippedConfiguration, options: lean).sentences(of: Array(without.meetings.suffix(2)))
        #expect(again.count == 2)
        for m in whole.meetings.suffix(2) { #expect(again[m.file] == m.statements, "\(m.file)") }
        var gone = without.meetings[0]
        gone.path += ".missing"
        #expect(CorpusAnalyzer(configuration: shippedConfiguration, options: lean).sentences(of: [gone]).isEmpty)
    }

    @Test func threadsGroupByMeaning() throws {
        let a = try analyzer.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        func thread(_ id: String) throws -> CommitmentThread { try #require(a.threads.first { $0.id == id }, "\(id)") }
        // "maximizing the pressure" (2017-09), "apply maximum pressure" (2017-11), "apply military pressure" (2018-03).
        let pressure = try thread("pressure-on-north-korea")
        #expect(pressure.occurrences.compactMap(\.date).map(\.description).contains("2017-11-06"))
        #expect(pressure.occurrences.count >= 3)
        // FOIP: "a strategy for a free and open Indo-Pacific" (2017) and "the FOIP" (2025).
        let foip = try thread("foip")
        #expect(foip.firstDate?.year == 2017 && foip.lastDate?.year == 2025)
        let abductions = try thread("resolve-abductions")
        #expect(abductions.occurrences.count >= 2)
        let dialogue = try thread("economic-dialogue")
        #expect(dialogue.occurrences.map(\.file) == ["000_3c473871ed6bfc76.txt", "001_89bd6e2a19a88483.txt"])
        #expect(dialogue.strengths == [2, 3])
        for t in a.threads {
            #expect(t.occurrences.map { $0.date! } == t.occurrences.map { $0.date! }.sorted(), "\(t.id) in date order")
            #expect(Set(t.occurrences.map(\.file)).count == t.occurrences.count, "\(t.id) once per meeting")
        }
    }

    @Test func progressCountsEveryReadoutOnce() throws {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var calls: [(String, Int, Int)] = []
        }
        let seen = Seen()
        let counting = CorpusAnalyzer(configuration: shippedConfiguration, options: .init(
            asOf: CalendarDay(year: 2026, month: 11, day: 21), progress: { step, done, total in
                seen.lock.withLock { seen.calls.append((step, done, total)) }
            }))
        let a = try counting.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        #expect(a.meetings.count == 5)
        #expect(!seen.calls.isEmpty && seen.calls.allSatisfy { $0.0 == "extracting readouts" && $0.2 == 5 })
        #expect(seen.calls.map(\.1).sorted().last == 5, "the last report says every readout is done")
        #expect(Set(seen.calls.map(\.1)).count == seen.calls.count, "no count reported twice")
    }

    @Test func generatedCorpusMatchesItsTruth() throws {
        let (corpus, truth) = try generatedCorpus(count: 300, seed: 11)
        defer { try? FileManager.default.removeItem(at: corpus.deletingLastPathComponent()) }
        let a = try analyzer.analyze(folder: corpus)
        let byFile = Dictionary(uniqueKeysWithValues: a.meetings.map { ($0.file, $0) })
        var dates = 0, kinds = 0, topicsOK = 0, participantsOK = 0, commitmentsOK = 0, n = 0
        for t in truth {
            n += 1
            // A readout with no meeting says why in its diagnostics: show them.
            let m = try #require(byFile[t.file], "\(t.file): no meeting; \(a.diagnostics.filter { $0.file.hasSuffix("/" + t.file) }.map(\.description))")
            if m.date == t.date { dates += 1 }
            if Set(m.kinds).isSuperset(of: t.kinds) { kinds += 1 }
            if Set(m.topics.map(\.id)) == Set(t.topics) { topicsOK += 1 }
            if Set(m.participants.map(\.name)) == Set(t.participants.map(\.name)) { participantsOK += 1 }
            let want = t.commitments.map { ($0.text, $0.strength, $0.actor) }
            let got = m.commitments.map { ($0.text, $0.strength.rawValue, $0.actor) }
            if want.count == got.count, zip(want, got).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }) { commitmentsOK += 1 }
        }
        #expect(n == 300)
        for (name, ok) in [("date", dates), ("kind", kinds), ("topics", topicsOK), ("participants", participantsOK), ("commitments", commitmentsOK)] {
            #expect(Double(ok) / Double(n) >= 0.97, "\(name): \(ok)/\(n)")
        }
        // The export is written in pieces on several threads: all of it, in order.
        let url = corpus.deletingLastPathComponent().appendingPathComponent("analysis.json")
        try AnalysisWriter.write(a, to: url)
        let back = try AnalysisReader.load(from: url, full: true)
        #expect(back.meetings == a.meetings)
        #expect(back.threads == a.threads)
        #expect(back.diagnostics == a.diagnostics)
    }
}
