import Testing
@testable import BriefingIngest

@Suite struct FileNameTests {
    @Test func aUTF8NameIsItself() {
        let n = FileName(bytes: Array("会談 2019.txt".utf8))
        #expect(n.display == "会談 2019.txt")
        #expect(n.raw == nil)
        #expect(n.bytes == Array("会談 2019.txt".utf8))
    }

    @Test func invalidBytesAndControlCharactersAreEscapedAndKept() {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let n = FileName(bytes: latin1)
        #expect(n.display == "caf\\xE9.txt")
        #expect(n.bytes == latin1)
        // A newline would break `path:line:` diagnostics; a lone continuation byte, a truncated
        // sequence and an overlong encoding are not UTF-8.
        #expect(FileName(bytes: Array("a\nb.txt".utf8)).display == "a\\x0Ab.txt")
        #expect(FileName(bytes: [0x80, 0x41]).display == "\\x80A")
        #expect(FileName(bytes: [0xE6, 0x97]).display == "\\xE6\\x97")
        #expect(FileName(bytes: [0xC0, 0xAF]).display == "\\xC0\\xAF")
        #expect(FileName(bytes: [0xE6, 0x97, 0xA5, 0xFF]).display == "日\\xFF")
    }
}
