import BriefingCorpus
import BriefingModel
import Foundation
import Testing
@testable import BriefingFormat

/// What the writer writes, the reader reads back as it was: over generated analyses of every
/// size the reader splits differently, values that need escaping, and the seeds' analysis.
@Suite struct AnalysisRoundTripTests {
    /// Every part of two analyses, compared one by one so a failure names the part.
    func expectSame(_ a: Analysis, _ b: Analysis, _ what: String) {
        #expect(a.formatVersion == b.formatVersion, "\(what): format_version")
        #expect(a.generator == b.generator && a.input == b.input, "\(what): generator, input")
        #expect(a.summary == b.summary, "\(what): summary")
        #expect(a.relationship == b.relationship, "\(what): relationship")
        #expect(a.taxonomy == b.taxonomy, "\(what): taxonomy")
        #expect(a.topics == b.topics, "\(what): topics")
        #expect(a.diagnostics == b.diagnostics, "\(what): diagnostics")
        #expect(a.meetings.count == b.meetings.count, "\(what): meetings")
        for (x, y) in zip(a.meetings, b.meetings) where x != y {
            Issue.record("\(what): meeting \(x.file) reads back as \(y)")
        }
        for (x, y) in zip(a.threads, b.threads) where x != y {
            Issue.record("\(what): thread \(x.id) reads back as \(y)")
        }
        #expect(a.threads.count == b.threads.count, "\(what): threads")
    }

    /// A generated analysis with the values a writer gets wrong first: quotes, backslashes,
    /// control characters, non-ASCII text and clauses, absent values, statements, a pack. At
    /// least five meetings.
    static func awkward(meetings: Int, seed: UInt64) -> Analysis {
        var a = SyntheticAnalysis.make(meetings: meetings, threads: 30, seed: seed)
        a.meetings[0].title = "Quote \" backslash \\ tab \t bell \u{07} 日本 \u{1F1EF}\u{1F1F5} \\u0041 /slash/"
        a.meetings[1].date = nil
        a.meetings[1].place = nil
        a.meetings[1].durationMinutes = nil
        a.meetings[1].participants[0].role = nil
        a.meetings[2].commitments = [
            Commitment(text: "The leaders agreed to meet again in May.", clause: "agreed to meet again in May.", actor: "both",
                       strength: .agreed, cue: "agreed", topics: ["visits-calendar"], concepts: ["summit"], file: "x.txt", line: 3),
            Commitment(text: "両首脳は、北朝鮮への圧力を最大限まで高めることで一致した。", clause: "圧力を最大限まで高めることで一致した。", actor: "both",
                       strength: .agreed, cue: "一致", topics: ["north-korea"], concepts: [], file: "x.txt", line: 4),
            Commitment(text: "A clause that is not its end.", clause: "edited by hand", actor: "japan",
                       strength: .sharedView, cue: "", topics: [], concepts: [], file: "x.txt", line: 5),
        ]
        a.meetings[3].statements = [
            Statement(text: "Both sides \"agreed\".", line: 7, speaker: "both", topics: ["china"], section: "1. Relations"),
            Statement(text: "No speaker, no section.", line: 8, speaker: nil, topics: [], section: nil),
        ]
        a.meetings[4].statements = []
        a.relationship = .init(id: "japan-us", title: "Japan–U.S.", label: "Japan – United States", bookTitle: "Book \"B\"",
                               briefTitle: "Brief", sides: [.init(id: "japan", label: "Japan", country: "Japan"),
                                                            .init(id: "us", label: "U.S.", country: "United States")])
        a.diagnostics.append(Diagnostic(.error, file: "x.txt", line: nil, "no date\nsecond line"))
        a.summary.firstDate = nil
        return a
    }

    @Test(arguments: [(5, UInt64(1)), (40, 2), (2_100, 3), (6_000, 9)])
    func generatedAnalysesReadBackAsWritten(meetings: Int, seed: UInt64) throws {
        let a = Self.awkward(meetings: meetings, seed: seed)
        let bytes = AnalysisWriter.data(a)
        if meetings >= 6_000 { #expect(bytes.count > 4 << 20, "large enough for the reader to split") }
        let back = try AnalysisReader.read(bytes, full: true)
        expectSame(a, back, "\(meetings) meetings")
        #expect(AnalysisWriter.data(back) == bytes, "written again, the same bytes")
    }

    @Test func theSeedsAnalysisReadsBackAsWritten() throws {
        for statements in [false, true] {
            let a = try seedsAnalysis(statements: statements)
            let bytes = AnalysisWriter.data(a)
            let back = try AnalysisReader.read(bytes, full: true)
            expectSame(a, back, statements ? "seeds with statements" : "seeds")
            #expect(AnalysisWriter.data(back) == bytes)
        }
    }

    /// Sentences encoded ahead (as `analyze` holds them until the export is written) are
    /// written as the list would be: the same bytes, and they read back as the list.
    @Test func sentencesEncodedAheadWriteTheSameBytes() throws {
        for a in [Self.awkward(meetings: 40, seed: 5), try seedsAnalysis(statements: true), try seedsAnalysis(statements: false)] {
            var ahead = a
            for i in ahead.meetings.indices { AnalysisWriter.encodeStatements(of: &ahead.meetings[i]) }
            for (before, after) in zip(a.meetings, ahead.meetings) {
                #expect(after.statements == nil && (after.statementsEncoded != nil) == (before.statements != nil))
            }
            let bytes = AnalysisWriter.data(a)
            #expect(AnalysisWriter.data(ahead) == bytes)
            expectSame(a, try AnalysisReader.read(AnalysisWriter.data(ahead), full: true), "encoded ahead")
        }
    }

    @Test func aFileHoldsWhatDataHolds() throws {
        let a = Self.awkward(meetings: 300, seed: 5)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("analysis.json")
        try AnalysisWriter.write(a, to: url)
        #expect(try Data(contentsOf: url) == AnalysisWriter.data(a))
        expectSame(a, try AnalysisReader.load(from: url, full: true), "file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["analysis.json"], "no temporary left")
    }

    /// Rendering's read leaves out exactly what the table marks lean.
    @Test func aLeanReadSkipsOnlyWhatRenderingNeverShows() throws {
        let a = Self.awkward(meetings: 2_100, seed: 8)
        let lean = try AnalysisReader.read(AnalysisWriter.data(a), full: false)
        var expected = a
        for i in expected.meetings.indices {
            // Skipped, with a note of where they are when the meeting had them.
            if expected.meetings[i].statements != nil { expected.meetings[i].statementsInFile = FileSpan(0..<0) }
            expected.meetings[i].statements = nil
            for k in expected.meetings[i].commitments.indices {
                expected.meetings[i].commitments[k].cue = ""
                expected.meetings[i].commitments[k].concepts = []
                expected.meetings[i].commitments[k].clauseOffset = 0 // the clause unread: the whole text
            }
        }
        expected.threads = a.threads.map { t in
            CommitmentThread(id: t.id, label: t.label, topic: t.topic, groupedBy: t.groupedBy,
                             occurrences: t.occurrences.map { var o = $0; o.text = ""; return o }, trend: t.trend)
        }
        expectSame(expected, lean, "lean")
    }

    @Test func aFailedWriteLeavesTheEarlierFileAsItWas() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = try seedsAnalysis()
        let target = folder.appendingPathComponent("analysis.json")
        try AnalysisWriter.write(a, to: target)
        let before = try Data(contentsOf: target)
        // The target's folder is a file: writing fails, the earlier export stays as it was.
        #expect(throws: (any Error).self) {
            try AnalysisWriter.write(a, to: target.appendingPathComponent("x.json"))
        }
        #expect(try Data(contentsOf: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["analysis.json"])
    }
}
