import BriefingModel
import Foundation
import Testing
@testable import BriefingFormat

/// Every statement has a stable id (file:line, ".2" for a second sentence on the line); each
/// commitment and thread occurrence names its sentence's id; a lean read skips the sentences
/// and `AnalysisReader.statements` reads back those of the readouts asked for.
@Suite struct StatementIDTests {
    @Test func idsAreUniqueAndCommitmentsNameTheirSentence() throws {
        let a = try seedsAnalysis()
        for m in a.meetings {
            let statements = try #require(m.statements, "\(m.file): no statements kept")
            #expect(Set(statements.map(\.id)).count == statements.count, "\(m.file): ids not unique")
            for s in statements { #expect(s.id.hasPrefix(m.file + ":\(s.line)"), "\(m.file): id \(s.id) for line \(s.line)") }
            let byID = Dictionary(uniqueKeysWithValues: statements.map { ($0.id, $0) })
            for c in m.commitments {
                let s = try #require(byID[c.statement], "\(m.file): commitment at line \(c.line) names no sentence (\(c.statement))")
                #expect(s.text.contains(c.text.prefix(20)) || c.text.contains(s.text.prefix(20)),
                        "\(c.statement): “\(c.text.prefix(40))” is not from “\(s.text.prefix(40))”")
            }
        }
        for t in a.threads { for o in t.occurrences { #expect(o.statement.hasPrefix(o.file + ":\(o.line)"), "\(t.id)") } }
        #expect(a.meetings.contains { $0.commitments.contains { $0.sentenceOnLine > 1 } }, "the seeds have second sentences on a line")
    }

    @Test func idsSurviveTheFileAndLeanReadsSkipTheSentences() throws {
        let a = try seedsAnalysis()
        let data = AnalysisWriter.data(a)
        let text = String(decoding: data, as: UTF8.self)
        let second = try #require(a.meetings.flatMap(\.commitments).first { $0.sentenceOnLine > 1 })
        #expect(text.contains(#""statement":"\#(second.statement)""#))
        #expect(a.lapseAfterMeetings == 3 && text.contains(#""lapse_after_meetings": 3"#))
        let full = try AnalysisReader.decode(data, file: "seeds.json", full: true)
        #expect(full.meetings.flatMap(\.commitments).map(\.statement) == a.meetings.flatMap(\.commitments).map(\.statement))
        #expect(full.threads.flatMap(\.occurrences).map(\.statement) == a.threads.flatMap(\.occurrences).map(\.statement))
        let lean = try AnalysisReader.decode(data, file: "seeds.json")
        #expect(lean.meetings.allSatisfy { $0.statements == nil })

        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a.json")
        try data.write(to: url)
        let wanted = [a.meetings[1].file, a.meetings[3].file]
        // Read back where the lean read of this file left them.
        let spans = try AnalysisReader.load(from: url).meetings.reduce(into: [String: FileSpan]()) { spans, m in
            if wanted.contains(m.file), let span = m.statementsInFile { spans[m.file] = span }
        }
        let back = try AnalysisReader.statements(from: url, at: spans)
        #expect(Set(back.keys) == Set(wanted))
        for f in wanted { #expect(back[f] == a.meetings.first { $0.file == f }?.statements, "\(f): statements differ") }
    }

    @Test func ordinalsReadBackFromIDs() {
        #expect(Statement.id(file: "a.txt", line: 12) == "a.txt:12")
        #expect(Statement.id(file: "a.txt", line: 12, ordinal: 3) == "a.txt:12.3")
        #expect(Statement.ordinal(ofID: "a.txt:12.3") == 3)
        #expect(Statement.ordinal(ofID: "a.b.txt:12") == 1)
        #expect(Statement.ordinal(ofID: "odd:name.txt:7.2") == 2)
    }
}
