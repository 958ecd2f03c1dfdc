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
        ("period analysis", keys(PeriodAnalysis.format)),
    ]

    @Test func eachRecordsKeysAreUniqueSortedAndSnakeCase() {
        for (name, keys) in Self.tables {
            #expect(keys == keys.sorted(), "\(name): \(keys)")
            #expect(Set(keys).count == keys.count, "\(name): a key twice")
            #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } }, "\(name): \(keys)")
        }
    }

    /// What an independent JSON parser finds in the seeds' export (statements kept, so every
    /// optional record is there) is exactly the table's keys.
    @Test func theExportHoldsEveryKeyOfTheTableAndNoOther() throws {
        let a = try seedsAnalysis(statements: true)
        let json = try JSONSerialization.jsonObject(with: AnalysisWriter.data(a)) as! [String: Any]
        #expect(Set(json.keys) == Set(Self.keys(Analysis.format)))
        let meetings = json["meetings"] as! [[String: Any]]
        for m in meetings { #expect(Set(m.keys) == Set(Self.keys(Meeting.format)), "\(m["file"]!)") }
        let commitment = try #require(meetings.flatMap { $0["commitments"] as! [[String: Any]] }.first)
        #expect(Set(commitment.keys) == Set(Self.keys(Commitment.format)))
        let participant = try #require(meetings.flatMap { $0["participants"] as! [[String: Any]] }.first)
        #expect(Set(participant.keys) == Set(Self.keys(Participant.format)))
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
