import BriefingModel
import Foundation
import Testing
@testable import BriefingAggregate

/// The fast writer must write exactly what the model's Codable form writes.
@Suite struct ExportJSONTests {
    @Test func meetingsAndThreadsMatchJSONEncoderByteForByte() throws {
        let withStatements = CorpusAnalyzer(configuration: shippedConfiguration,
                                            options: .init(keepStatements: true, asOf: CalendarDay(year: 2026, month: 11, day: 21)))
        let a = try withStatements.analyze(folder: packageRoot.appendingPathComponent("seeds"))
        let encoder = AnalysisCoding.encoder(pretty: false)
        for m in a.meetings {
            let w = ExportJSON()
            w.meeting(m)
            #expect(String(decoding: w.bytes, as: UTF8.self) == String(decoding: try encoder.encode(m), as: UTF8.self), "\(m.file)")
        }
        for t in a.threads {
            let w = ExportJSON()
            w.thread(t)
            #expect(w.bytes == Array(try encoder.encode(t)), "\(t.id)")
        }
    }

    @Test func escapesControlCharactersAndQuotes() throws {
        let w = ExportJSON()
        w.string("a \"quoted\" \\ line\nwith\ttab \u{01} and “curly” / slash")
        let back = try JSONDecoder().decode(String.self, from: Data(w.bytes))
        #expect(back == "a \"quoted\" \\ line\nwith\ttab \u{01} and “curly” / slash")
        for s in ["", "plain", "\u{1F}\u{7F}\r\n\"\\", "末尾の\"引用\"", "a\\", "\"x"] {
            let w = ExportJSON()
            w.string(s)
            #expect(w.bytes == Array(try AnalysisCoding.encoder(pretty: false).encode(s)), "\(s.debugDescription)")
        }
    }
}
