import BriefingSchedule
import Foundation
import Testing

@Suite("ContentHash")
struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, hex: String) {
        #expect(ContentHash.sha256(input) == hex)
    }

    @Test func millionAs() {
        #expect(ContentHash.sha256(Data(repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("ISOTime")
struct ISOTimeTests {
    @Test func formatsAndParsesTheLedgerShapeExactly() {
        for seconds in [0.0, 1_763_769_600, 1_763_769_599.9, -86_401, 4_102_444_800] {
            let d = Date(timeIntervalSince1970: seconds)
            let s = ISOTime.string(d)
            #expect(ISOTime.parse(s) == Date(timeIntervalSince1970: seconds.rounded(.down)), "\(s)")
        }
        #expect(ISOTime.string(Date(timeIntervalSince1970: 1_763_769_600)) == "2025-11-22T00:00:00Z")
        #expect(ISOTime.string(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ISOTime.parse("2026-11-23T09:00:00+09:00") == ISOTime.parse("2026-11-23T00:00:00Z"))
        #expect(ISOTime.parse("2026-11-23") == ISOTime.parse("2026-11-23T00:00:00Z"))
        #expect(ISOTime.parse("2026-11-23T09:00") == ISOTime.parse("2026-11-23T09:00:00Z"))
        #expect(ISOTime.parse("2026-13-23T09:00:00Z") == nil)
        #expect(ISOTime.parse("next tuesday") == nil)
    }
}
