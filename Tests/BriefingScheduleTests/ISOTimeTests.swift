import BriefingSchedule
import Foundation
import Testing

@Suite("ISOTime")
struct ISOTimeTests {
    @Test func formatsWholeSecondsInUTCAndParsesWhatUsersWrite() {
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
