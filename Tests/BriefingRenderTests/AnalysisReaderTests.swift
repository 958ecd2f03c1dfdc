import BriefingModel
import BriefingCorpus
import Foundation
import Testing
@testable import BriefingRender

extension RenderSuite {
@Suite struct AnalysisReaderTests {
    @Test func readsWhatTheCanonicalDecoderReads() throws {
        var a = SyntheticAnalysis.make(meetings: 300, threads: 30, seed: 4)
        a.meetings[0].title = "Quote \" backslash \\ tab \t 日本 \u{1F1EF}\u{1F1F5} \\u0041"
        a.meetings[1].date = nil
        // A clause that is the end of its text (stored as an offset since the model changed).
        a.meetings[2].commitments = [Commitment(text: "The leaders agreed to meet again in May.", clause: "agreed to meet again in May.",
                                                actor: "both", strength: .agreed, cue: "agreed", topics: ["visits-calendar"],
                                                concepts: [], file: "x.txt", line: 3)]
        a.diagnostics.append(Diagnostic(.error, file: "x.txt", line: nil, "no date"))
        let data = try AnalysisCoding.encoder(pretty: true).encode(a)
        let fast = try AnalysisReader.read(data)
        let slow = try AnalysisCoding.decoder().decode(Analysis.self, from: data)
        #expect(fast.meetings == slow.meetings)
        #expect(fast.topics == slow.topics)
        #expect(fast.threads == slow.threads)
        #expect(fast.diagnostics == slow.diagnostics)
        #expect(fast.taxonomy == slow.taxonomy)
        #expect(fast.summary == slow.summary)
        #expect(fast.meetings[0].title == a.meetings[0].title)
    }

    @Test func readsLargeExportsInParallelChunksInOrder() throws {
        let a = SyntheticAnalysis.make(meetings: 2_100, threads: 5, seed: 8)
        let data = try AnalysisCoding.encoder(pretty: false).encode(a)
        let fast = try AnalysisReader.read(data)
        #expect(fast.meetings == a.meetings)
        let lean = try AnalysisReader.read(data, full: false)
        #expect(lean.meetings.map(\.file) == a.meetings.map(\.file))
        #expect(lean.meetings.flatMap(\.commitments).map(\.text) == a.meetings.flatMap(\.commitments).map(\.text))
        #expect(lean.meetings.flatMap(\.commitments).allSatisfy { $0.cue.isEmpty && $0.concepts.isEmpty })
    }

    @Test func splitsLargeArraysWithoutAFullScanAndFallsBackWhenAGuessIsWrong() throws {
        // Elements whose first key recurs in nested objects: some chunk guesses land inside an
        // element, so the reader must notice and fall back; the others split cleanly.
        let pad = String(repeating: "x", count: 2_000)
        var json = "{\"items\": ["
        for k in 0..<60_000 {
            if k > 0 { json += ", " }
            json += k % 7 == 0
                ? "{\"a\": 0, \"pad\": \"\(pad)\", \"m\": {\"a\": \"nested \\\" {\\\"a\\\"\", \"b\": [\(k)]}, \"n\": \(k)}"
                : "{\"a\": \(k), \"n\": \(k)}"
        }
        json += "], \"tail\": [{\"a\": 1}]}"
        let data = Data(json.utf8)
        #expect(data.count > 4 << 20)
        let element: @Sendable (inout JSONPull) throws -> Int = { p in
            var n = -1
            try p.object { q, key in
                switch key {
                case "n": n = try q.int()
                default: try q.skip()
                }
            }
            return n
        }
        let (parallel, sequential) = try data.withUnsafeBytes { raw -> ([Int], [Int]) in
            var p = JSONPull(raw.bindMemory(to: UInt8.self))
            var q = p
            try p.expect(0x7B)
            _ = try p.key()
            try p.expect(0x3A)
            q.i = p.i
            let a = try p.parallelArray(element)
            let b = try q.array(element)
            #expect(p.i == q.i)
            return (a, b)
        }
        #expect(parallel == Array(0..<60_000))
        #expect(parallel == sequential)
    }

    @Test func readsAnExportLargeEnoughToSplitAsTheCanonicalDecoderDoes() throws {
        let a = SyntheticAnalysis.make(meetings: 6_000, threads: 40, seed: 9)
        let data = try AnalysisCoding.encoder(pretty: false).encode(a)
        #expect(data.count > 4 << 20)
        let fast = try AnalysisReader.read(data)
        let slow = try AnalysisCoding.decoder().decode(Analysis.self, from: data)
        #expect(fast.meetings == slow.meetings)
        #expect(fast.threads == slow.threads)
        #expect(fast.topics == slow.topics)
    }

    @Test func rejectsWhatItDoesNotUnderstand() {
        #expect(throws: JSONPullError.self) { try AnalysisReader.read(Data("{\"summary\": [1,".utf8)) }
    }

    /// A truncated or corrupted export, small or large enough to be read on all cores, is one
    /// error naming the file and the line, never a trap and never a wrong analysis.
    @Test func truncatedAndCorruptedExportsAreOneClearError() throws {
        for (meetings, cuts) in [(40, 41), (2_100, 5)] {
            let a = SyntheticAnalysis.make(meetings: meetings, threads: 20, seed: 5)
            let data = try AnalysisCoding.encoder(pretty: true).encode(a)
            var rng = SplitMix(seed: UInt64(meetings))
            for k in 1..<cuts {
                let cut = data.count * k / cuts
                do {
                    _ = try AnalysisReader.decode(data.prefix(cut), file: "a.json")
                    Issue.record("\(meetings) meetings cut at \(cut) of \(data.count) bytes was read")
                } catch {
                    #expect(error.kind == .invalid)
                    #expect(error.description.hasPrefix("a.json:"))
                    #expect(!error.description.contains("\n"))
                }
                // A few bytes overwritten: read or refused, never a trap.
                guard meetings < 1000 else { continue }
                var damaged = data
                for _ in 0..<4 { damaged[Int(rng.next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                _ = try? AnalysisReader.decode(damaged, file: "a.json")
            }
        }
    }

    /// "é" precomposed ends with "e\u{301}" as Characters but not as bytes: such a clause is
    /// no byte suffix of its text, so the whole text is kept, and reading it cannot trap.
    @Test func aClauseEqualOnlyUpToCanonicalEquivalenceIsTheWholeText() throws {
        let c = Commitment(text: "The leaders agreed to meet in Orl\u{E9}", clause: "e\u{301}", actor: "both", strength: .agreed,
                           cue: "agreed", topics: [], concepts: [], file: "x.txt", line: 1)
        #expect(c.clause == c.text)
        #expect(c.clauseOffset == 0)
        let d = Commitment(text: "They agreed to meet.", clause: "agreed to meet.", actor: "both", strength: .agreed,
                           cue: "agreed", topics: [], concepts: [], file: "x.txt", line: 1)
        #expect(d.clause == "agreed to meet.")
    }

    /// -9223372036854775808 read as a positive number then negated overflowed (a fuzz find).
    @Test func wholeNumbersAtAndPastIntsBounds() throws {
        func number(_ n: String) throws -> Int {
            var year = 0
            try Data("{\"year\": \(n)}".utf8).withUnsafeBytes { raw in
                var p = JSONPull(raw.bindMemory(to: UInt8.self))
                try p.object { q, _ in year = try q.int() }
            }
            return year
        }
        #expect(try number("-9223372036854775808") == .min)
        #expect(try number("9223372036854775807") == .max)
        #expect(try number("-0") == 0)
        #expect(throws: JSONPullError.self) { try number("9223372036854775808") }
        #expect(throws: JSONPullError.self) { try number("-9223372036854775809") }
        #expect(throws: JSONPullError.self) { try number("99999999999999999999999") }
        #expect(throws: AnalysisReadError.self) {
            try AnalysisReader.decode(Data("{\"meetings\":[{\"commitments\":[{\"strength\":-9223372036854775808}]}]".utf8), file: "a.json")
        }
    }

    @Test func surrogateEscapesPairOrBecomeReplacementCharacters() throws {
        func read(_ escaped: String) throws -> String {
            let json = "{\"generator\": \"\(escaped)\", \"summary\": {}}"
            return try AnalysisReader.read(Data(json.utf8)).generator
        }
        #expect(try read("\\ud83d\\ude00") == "\u{1F600}")
        #expect(try read("\\ud800\\u0041") == "\u{FFFD}A")
        #expect(try read("\\ud800\\ud800\\udc00") == "\u{FFFD}\u{10000}")
        #expect(try read("\\udc00x") == "\u{FFFD}x")
        #expect(try read("a\\ud800") == "a\u{FFFD}")
    }

    @Test func hostileValuesAndNestingAreRefusedByName() {
        func error(_ json: String) -> String? {
            do { _ = try AnalysisReader.decode(Data(json.utf8), file: "a.json"); return nil } catch { return error.description }
        }
        let summary = "\"summary\": {\"readouts\": 1, \"meetings\": 1, \"failed\": 0, \"threads\": 0, \"warnings\": 0, \"errors\": 0, \"commitments_by_strength\": {}}"
        #expect(error("{\(summary)}") == nil)
        #expect(error("{\(summary), \"meetings\": [{\"file\": \"x.txt\", \"duration_minutes\": -5}]}")?
            .contains("meetings[0].duration_minutes: -5 minutes is out of range") == true)
        #expect(error("{\(summary), \"topics\": [{\"id\": \"t\", \"mentions\": 9223372036854775807}]}")?
            .contains("topics[0].mentions") == true)
        #expect(error("{\(summary), \"topics\": [{\"id\": \"t\", \"by_year\": [{\"year\": 0}]}]}")?
            .contains("topics[0].by_year[0].year: 0 is not a year") == true)
        #expect(error("{\"format_version\": 2, \(summary)}")?.contains("newer than this BriefingBook reads") == true)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error("{\"x\": \(deep), \(summary)}")?.contains("a.json:1: error: not a saved analysis") == true)
    }
}

/// A small deterministic generator for the damage above.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
}
