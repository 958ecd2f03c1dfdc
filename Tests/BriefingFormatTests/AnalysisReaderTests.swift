import BriefingCorpus
import BriefingModel
import Foundation
import Testing
@testable import BriefingFormat

@Suite struct AnalysisReaderTests {
    @Test func readsLargeExportsInParallelChunksInOrder() throws {
        let a = SyntheticAnalysis.make(meetings: 2_100, threads: 5, seed: 8)
        let data = AnalysisWriter.data(a)
        let fast = try AnalysisReader.read(data)
        #expect(fast.meetings == a.meetings)
        let lean = try AnalysisReader.read(data, full: false)
        #expect(lean.meetings.map(\.file) == a.meetings.map(\.file))
        #expect(lean.meetings.flatMap(\.commitments).map(\.text) == a.meetings.flatMap(\.commitments).map(\.text))
        #expect(lean.meetings.flatMap(\.commitments).allSatisfy { $0.cue.isEmpty && $0.concepts.isEmpty })
    }

    @Test func splitsLargeArraysWithoutAFullScanAndFallsBackWhenAGuessIsWrong() throws {
        // Elements whose first key recurs in nested objects: some chunk guesses land inside an
        // element, so the reader must notice and scan that array element by element instead.
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

    /// A file the reader cannot read is an error naming the key and the byte, never read
    /// another way.
    @Test func whatItCannotReadIsAnErrorWithTheKeyAndLine() throws {
        let good = String(decoding: AnalysisWriter.data(SyntheticAnalysis.make(meetings: 3, threads: 2, seed: 1)), as: UTF8.self)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "\"date_source\":\"text\"", with: "\"date_source\":\"guess\""), "meetings.date_source: unknown value guess"),
            (good.replacingOccurrences(of: "\"known\":true", with: "\"known\":tru"), "meetings.participants.known: expected true or false"),
            (good.replacingOccurrences(of: "\"strength\":", with: "\"strength\":9"), "meetings.commitments.strength"),
            (good.replacingOccurrences(of: "\"trend\":\"", with: "\"trend\":\"x"), "threads.trend: unknown value"),
            (good + "{}", "more after the analysis"),
            ("{\"meetings\": []}", "no summary"),
            ("{\"summary\": [1,", "summary"),
        ]
        for (text, message) in cases {
            #expect(text != good || message.contains("more"), "the case changes the file: \(message)")
            do {
                _ = try AnalysisReader.decode(Data(text.utf8), file: "a.json")
                Issue.record("read without an error: \(message)")
            } catch {
                #expect(error.kind == .invalid)
                #expect(error.message.contains(message), "\(error.message)")
                #expect(error.line != nil && error.description.hasPrefix("a.json:"), "\(error.description)")
            }
        }
    }

    @Test func whatALeanReadSkipsIsStillCheckedForItsBrackets() throws {
        var a = SyntheticAnalysis.make(meetings: 3, threads: 2, seed: 1)
        a.meetings[1].statements = [Statement(text: "They agreed [to {meet}] again.", line: 4, speaker: nil, topics: [], section: nil)]
        let good = String(decoding: AnalysisWriter.data(a), as: UTF8.self)
        #expect(try AnalysisReader.decode(Data(good.utf8), file: "a.json").meetings[1].statements == nil)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "\"statements\":[{", with: "\"statements\":[{]"), "at byte"),
            (good.replacingOccurrences(of: "\"statements\":[", with: "\"statements\":[[[{"), "at byte"),
            (String(good.prefix(upTo: good.range(of: "\"statements\":[")!.upperBound)), "unterminated array"),
            (good.replacingOccurrences(of: "\"statements\":[",
                                       with: "\"statements\":[" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + ","),
             "nested more than 64 deep"),
        ]
        for (text, message) in cases {
            #expect(text != good)
            do {
                _ = try AnalysisReader.decode(Data(text.utf8), file: "a.json")
                Issue.record("read without an error: \(message)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    @Test func aLeanReadNotesWhereItLeftTheStatementsAndTheyReadBackThere() throws {
        var a = SyntheticAnalysis.make(meetings: 2_100, threads: 5, seed: 4)
        for i in a.meetings.indices {
            a.meetings[i].statements = [Statement(text: "Sentence \(i) of \(a.meetings[i].file).", line: i % 40 + 1, speaker: nil,
                                                  topics: [], section: nil)]
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lean-spans-\(UInt32.random(in: 0...UInt32.max)).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try AnalysisWriter.data(a).write(to: url)
        let lean = try AnalysisReader.load(from: url)
        #expect(lean.meetings.allSatisfy { $0.statements == nil && $0.statementsInFile != nil })
        let picked = [0, 1_000, 2_099].map { lean.meetings[$0] }
        let spans = Dictionary(uniqueKeysWithValues: picked.map { ($0.file, $0.statementsInFile!) })
        let read = try AnalysisReader.statements(from: url, at: spans)
        for k in [0, 1_000, 2_099] {
            #expect(read[a.meetings[k].file]?.map(\.text) == a.meetings[k].statements?.map(\.text))
        }
        // A file that changed since the lean read is an error, not someone else's sentences.
        var shifted = AnalysisWriter.data(a)
        shifted.insert(contentsOf: Array("   ".utf8), at: shifted.startIndex + 1)
        try shifted.write(to: url)
        #expect(throws: AnalysisReadError.self) { _ = try AnalysisReader.statements(from: url, at: spans) }
    }

    @Test func statementOrdinalsAreReadInPlace() throws {
        for (id, n) in [("a.txt:12", 1), ("a.b.txt:12.3", 3), ("x:7.10", 10), ("odd", 1), ("a.txt:12.", 1), ("a\\u003a.txt:9.2", 2)] {
            let data = Data("\"\(id)\"".utf8)
            let got = try data.withUnsafeBytes { raw in
                var p = JSONPull(raw.bindMemory(to: UInt8.self))
                return try p.statementOrdinal()
            }
            #expect(got == n, "\(id)")
        }
    }

    @Test func checksWhatItReads() {
        let bad = "{\"format_version\": 1, \"summary\": {\"readouts\": -3}}"
        #expect(throws: AnalysisReadError.self) { try AnalysisReader.decode(Data(bad.utf8), file: "a.json") }
        let newer = "{\"format_version\": 2, \"summary\": {}}"
        do { _ = try AnalysisReader.decode(Data(newer.utf8), file: "a.json") } catch {
            #expect(error.message.contains("newer than this BriefingBook reads"))
        }
    }
}
