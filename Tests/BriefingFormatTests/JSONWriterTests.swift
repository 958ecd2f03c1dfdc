import Foundation
import Testing
@testable import BriefingFormat

/// Strings as JSON: what needs escaping is escaped, and nothing else.
@Suite struct JSONWriterTests {
    func written(_ s: String) -> String {
        let w = JSONWriter()
        w.string(s)
        return String(decoding: w.withBytes { Array($0) }, as: UTF8.self)
    }

    @Test func escapesControlCharactersQuotesAndBackslashesOnly() throws {
        #expect(written("a \"quoted\" \\ line\nwith\ttab\r") == #""a \"quoted\" \\ line\nwith\ttab\r""#)
        #expect(written("\u{01}\u{08}\u{0C}\u{1F}") == #""\u0001\u0008\u000c\u001f""#)
        #expect(written("“curly” / slash \u{7F} 日本 \u{1F1EF}") == "\"“curly” / slash \u{7F} 日本 \u{1F1EF}\"")
        // Escapes at every position of the eight-byte scan, read back by an independent parser.
        for s in ["", "plain", "\u{1F}\u{7F}\r\n\"\\", "末尾の\"引用\"", "a\\", "\"x", "1234567\"", "12345678\\", "123456789\n"] {
            let back = try JSONSerialization.jsonObject(with: Data("[\(written(s))]".utf8)) as! [String]
            #expect(back == [s], "\(s.debugDescription)")
        }
    }

    @Test func numbersAndLiterals() {
        let w = JSONWriter()
        for v in [0, 7, -7, 10, 1_000_000, Int.max, Int.min + 1] { w.int(v); w.byte(0x2C) }
        w.bool(true)
        w.int(nil as Int?)
        #expect(String(decoding: w.withBytes { Array($0) }, as: UTF8.self)
            == "0,7,-7,10,1000000,\(Int.max),\(Int.min + 1),truenull")
    }
}
