import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation
import Testing
@testable import BriefingFormat

/// The key table is the file: each record's keys once, sorted, all of them written.
@Suite struct AnalysisFieldsTests {
    static func keys<M>(_ f: ObjectFormat<M>) -> [String] { f.fields.map(\.key.description) }

    static let tables: [(String, [String])] = [
        ("analysis", keys(Analysis.format)), ("summary", keys(Analysis.Summary.format)),
        ("relationship", keys(Analysis.RelationshipInfo.format)), ("meeting", keys(Meeting.format)),
        ("part", keys(MeetingPart.format)), ("participant", keys(Participant.format)), ("statement", keys(Statement.format)),
        ("commitment", keys(Commitment.format)), ("thread", keys(CommitmentThread.format)),
        ("occurrence", keys(CommitmentThread.Occurrence.format)), ("topic", keys(TopicFrequency.format)),
        ("diagnostic", keys(Diagnostic.format)), ("readout record", keys(ReadoutRecord.format)),
        ("period analysis", keys(PeriodAnalysis.format)), ("correction", keys(Analysis.Correction.format)),
        ("meeting extracted", keys(Meeting.Extracted.format)), ("commitment extracted", keys(Commitment.Extracted.format)),
    ]

    /// Keys written only for an analyst's corrections (`corrections.yaml`), by record.
    static let correctionKeys: [String: Set<String>] = [
        "analysis": ["corrections"], "meeting": ["dropped", "extracted", "source"], "commitment": ["extracted", "source"],
        "participant": ["source"],
    ]

    static func keys<M>(_ f: ObjectFormat<M>, without record: String) -> Set<String> {
        Set(keys(f)).subtracting(correctionKeys[record] ?? [])
    }

    @Test func eachRecordsKeysAreUniqueSortedAndSnakeCase() {
        for (name, keys) in Self.tables {
            #expect(keys == keys.sorted(), "\(name): \(keys)")
            #expect(Set(keys).count == keys.count, "\(name): a key twice")
            #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } }, "\(name): \(keys)")
        }
    }

    /// What an independent JSON parser finds in the seeds' export (statements kept, so every
    /// optional record is there) is exactly the table's keys, but for the corrections' keys.
    @Test func theExportHoldsEveryKeyOfTheTableAndNoOther() throws {
        let a = try seedsAnalysis(statements: true)
        let json = try JSONSerialization.jsonObject(with: AnalysisWriter.data(a)) as! [String: Any]
        #expect(Set(json.keys) == Self.keys(Analysis.format, without: "analysis"))
        let meetings = json["meetings"] as! [[String: Any]]
        for m in meetings { #expect(Set(m.keys) == Self.keys(Meeting.format, without: "meeting"), "\(m["file"]!)") }
        let commitment = try #require(meetings.flatMap { $0["commitments"] as! [[String: Any]] }.first)
        #expect(Set(commitment.keys) == Self.keys(Commitment.format, without: "commitment"))
        let participant = try #require(meetings.flatMap { $0["participants"] as! [[String: Any]] }.first)
        #expect(Set(participant.keys) == Self.keys(Participant.format, without: "participant"))
        let thread = try #require((json["threads"] as! [[String: Any]]).first)
        #expect(Set(thread.keys) == Set(Self.keys(CommitmentThread.format)))
        #expect(Set((thread["occurrences"] as! [[String: Any]])[0].keys) == Set(Self.keys(CommitmentThread.Occurrence.format)))
        #expect(Set((json["summary"] as! [String: Any]).keys) == Set(Self.keys(Analysis.Summary.format)))
        #expect(Set((json["relationship"] as! [String: Any]).keys) == Set(Self.keys(Analysis.RelationshipInfo.format)))
        // The scorer's shape: these keys, absent values as null.
        let first = meetings[0]
        for key in ["file", "date", "date_inferred", "kinds", "participants", "place", "duration_minutes", "topics", "commitments"] {
            #expect(first.keys.contains(key), "\(key)")
        }
        #expect(meetings.allSatisfy { $0["place"] is NSNull || $0["place"] is String })
    }

    /// The corrections fixture's export holds the corrections' keys too: across its records,
    /// every key of the table and no other.
    @Test func aCorrectedExportHoldsTheCorrectionsKeys() throws {
        let (config, _) = try Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts"))
        let a = try CorpusAnalyzer(configuration: config, options: .init(keepStatements: true, asOf: CalendarDay(year: 2026, month: 11, day: 21)))
            .analyze(folder: packageRoot.appendingPathComponent("Tests/Fixtures/corrections"))
        let json = try JSONSerialization.jsonObject(with: AnalysisWriter.data(a)) as! [String: Any]
        func union(_ records: [[String: Any]]) -> Set<String> { Set(records.flatMap(\.keys)) }
        #expect(Set(json.keys) == Set(Self.keys(Analysis.format)))
        let meetings = json["meetings"] as! [[String: Any]]
        #expect(union(meetings) == Set(Self.keys(Meeting.format)))
        let commitments = meetings.flatMap { ($0["commitments"] as! [[String: Any]]) + ($0["dropped"] as? [[String: Any]] ?? []) }
        #expect(union(commitments) == Set(Self.keys(Commitment.format)))
        #expect(union(meetings.flatMap { $0["participants"] as! [[String: Any]] }) == Set(Self.keys(Participant.format)))
        #expect(union(meetings.compactMap { $0["extracted"] as? [String: Any] }) == Set(Self.keys(Meeting.Extracted.format)))
        #expect(union(commitments.compactMap { $0["extracted"] as? [String: Any] }) == Set(Self.keys(Commitment.Extracted.format)))
        #expect(union(json["corrections"] as! [[String: Any]]) == Set(Self.keys(Analysis.Correction.format)))
    }

    /// Absent values: null where the table says so, no key where it says omitted.
    @Test func absentValuesAreNullOrLeftOutAsTheTableSays() throws {
        var a = AnalysisRoundTripTests.awkward(meetings: 5, seed: 3)
        a.meetings = [Meeting(file: "x.txt", path: "in/x.txt")]
        a.threads = []
        a.topics = [TopicFrequency(id: "china", label: "China", mentions: 0, meetings: 0, commitments: 0, firstDate: nil,
                                   lastDate: nil, byYear: [])]
        a.diagnostics = [Diagnostic(.warning, file: "x.txt", line: nil, "m")]
        a.relationship = nil
        let text = String(decoding: AnalysisWriter.data(a), as: UTF8.self)
        #expect(text.contains(#"{"commitments":[],"date":null,"date_inferred":false,"date_source":"none","duration_minutes":null,"file":"x.txt","#))
        #expect(text.contains(#""title":null,"topics":[]}"#) && !text.contains("statements"))
        #expect(text.contains(#"{"by_year":[],"commitments":0,"id":"china","label":"China","meetings":0,"mentions":0}"#))
        #expect(text.contains(#"{"file":"x.txt","message":"m","severity":"warning"}"#))
        #expect(!text.contains("relationship"))
    }
}
