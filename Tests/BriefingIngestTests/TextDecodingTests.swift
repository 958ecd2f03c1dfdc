import Testing
@testable import BriefingIngest

@Suite struct TextDecodingTests {
    func text(_ outcome: TextDecoding.Outcome) -> (String, String?)? {
        if case let .text(s, note) = outcome { return (s, note) }
        return nil
    }

    @Test func utf8WithBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("March 9, 2018\r\nThe two leaders agreed.\r\n".utf8)
        let (s, note) = try #require(text(TextDecoding.decode(bytes)))
        #expect(s == "March 9, 2018\nThe two leaders agreed.\n")
        #expect(note == nil)
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "Abe: We decided.".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let (s, _) = try #require(text(TextDecoding.decode(bytes)))
        #expect(s == "Abe: We decided.")
    }

    @Test func windows1252FallsBackWithANote() throws {
        // "Abe’s" with a Windows-1252 right quote (0x92), not valid UTF-8.
        let bytes: [UInt8] = Array("Abe".utf8) + [0x92] + Array("s visit".utf8)
        let (s, note) = try #require(text(TextDecoding.decode(bytes)))
        #expect(s == "Abe’s visit")
        #expect(note?.contains("Windows-1252") == true)
    }

    @Test func binaryAndEmptyAreRecognised() {
        if case .binary = TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13]) {} else { Issue.record("PNG bytes not binary") }
        if case .empty = TextDecoding.decode([]) {} else { Issue.record("empty not empty") }
        if case .empty = TextDecoding.decode(Array(" \n\t\n".utf8)) {} else { Issue.record("whitespace not empty") }
    }
}
