import BriefingModel
import Foundation
import Testing
@testable import BriefingFormat

/// The schedule ledger's cache: one readout's extraction in the analysis file's keys.
@Suite struct ReadoutRecordTests {
    @Test func recordsReadBackAsWritten() throws {
        let meetings = AnalysisRoundTripTests.awkward(meetings: 5, seed: 2).meetings
        for m in meetings {
            let r = ReadoutRecord(meeting: m, diagnostics: [Diagnostic(.warning, file: m.path, line: 3, "no year")])
            #expect(try ReadoutRecord.decode(r.encoded()) == r, "\(m.file)")
        }
        let failed = ReadoutRecord(meeting: nil, diagnostics: [Diagnostic(.error, file: "x.txt", line: nil, "empty")])
        #expect(String(decoding: failed.encoded(), as: UTF8.self)
            == #"{"diagnostics":[{"file":"x.txt","message":"empty","severity":"error"}],"format_version":1,"meeting":null}"#)
        #expect(try ReadoutRecord.decode(failed.encoded()) == failed)
    }

    /// An entry in another format is an error (the ledger extracts that readout again).
    @Test func anEntryOfAnotherFormatIsAnError() throws {
        let camel = #"{"diagnostics":[],"meeting":{"file":"x.txt","path":"x.txt","dateInferred":false,"dateSource":"guess"}}"#
        #expect(throws: AnalysisReadError.self) { try ReadoutRecord.decode(Data(camel.utf8)) }
        #expect(throws: AnalysisReadError.self) { try ReadoutRecord.decode(Data("{\"format_version\":1,\"meeting\":null} x".utf8)) }
        #expect(throws: AnalysisReadError.self) { try ReadoutRecord.decode(Data("{\"format_version\":2,\"meeting\":null}".utf8)) }
        #expect(try ReadoutRecord.decode(Data("{\"format_version\":1,\"meeting\":null}".utf8)).meeting == nil)
    }

    @Test func aPeriodsAnalysisReadsBackAsWritten() throws {
        let a = AnalysisRoundTripTests.awkward(meetings: 20, seed: 4)
        for note in [nil, "No readouts in this period."] {
            let doc = PeriodAnalysis(schedule: "weekly", period: "2026-W47", startDay: CalendarDay(year: 2026, month: 11, day: 16)!,
                                     lastDay: CalendarDay(year: 2026, month: 11, day: 22)!, timeZone: "Asia/Tokyo", edition: 2,
                                     note: note, analysis: a)
            let back = try PeriodAnalysis.decode(doc.encoded())
            #expect(back.period == doc.period && back.note == note && back.lastDay == doc.lastDay && back.edition == 2)
            #expect(AnalysisWriter.data(back.analysis) == AnalysisWriter.data(a))
        }
    }
}
