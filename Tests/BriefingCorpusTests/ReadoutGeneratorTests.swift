@testable import BriefingCorpus
import BriefingModel
import Foundation
import Testing

@Suite struct ReadoutGeneratorTests {
    static let options = ReadoutGenerator.Options(count: 200, seed: 11)

    @Test func sameOptionsSameReadouts() {
        let a = Array(ReadoutGenerator(Self.options)), b = Array(ReadoutGenerator(Self.options))
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.map(\.truth) == b.map(\.truth))
        var other = Self.options
        other.seed = 12
        #expect(Array(ReadoutGenerator(other)).map(\.text) != a.map(\.text))
    }

    @Test func everyFormatIsWrittenInItsOwnStyle() throws {
        let readouts = Array(ReadoutGenerator(Self.options))
        #expect(readouts.map { String($0.name.prefix(7)) } == (0..<200).map { "r" + zeroPadded($0, 6) })
        for format in ReadoutGenerator.Format.allCases {
            #expect(readouts.contains { $0.name.hasSuffix(".\(format.rawValue)") }, "\(format) among 200 readouts")
        }
        for r in readouts {
            if r.name.hasSuffix(".md") {
                #expect(r.text.hasPrefix("---\ndate: \(r.truth.date)\n---\n"), "\(r.name)")
                #expect(r.manifestDate == nil, "\(r.name): the front matter gives the date")
            } else if r.name.hasSuffix(".html") {
                #expect(r.text.hasPrefix("<!DOCTYPE html>") && r.text.contains("<p>Japan-United States of America Relations</p>"), "\(r.name)")
            } else {
                #expect(!r.text.contains("<p>") && !r.text.hasPrefix("---"), "\(r.name)")
            }
            #expect(r.text.contains("Back to Japan-United States of America Relations"), "\(r.name)")
        }
    }

    @Test func truthIsWhatTheTextSays() {
        for r in ReadoutGenerator(Self.options) {
            let t = r.truth
            #expect(t.file == r.name)
            for c in t.commitments { #expect(r.text.contains(c.text), "\(r.name): \(c.text)") }
            for p in t.participants { #expect(r.text.contains(p.name), "\(r.name): \(p.name)") }
            #expect(r.text.contains("for approximately \(t.durationMinutes) minutes"), "\(r.name)")
            if let place = t.place { #expect(r.text.contains("who was visiting \(place),"), "\(r.name)") }
            #expect(t.topics == t.topics.sorted() && (2...7).contains(t.topics.count), "\(r.name)")
            // A text without its year names it nowhere, and then the front matter or the
            // manifest gives it when the leaders' terms allow another year.
            if !t.yearInText, !r.name.hasSuffix(".md") {
                #expect(!r.text.contains(String(t.date.year)), "\(r.name)")
            }
            if r.manifestDate != nil { #expect(!t.yearInText && r.manifestDate == t.date, "\(r.name)") }
        }
    }

    @Test func leadersAreThoseInOfficeOnTheDay() {
        #expect(ReadoutGenerator.era(CalendarDay(year: 2017, month: 1, day: 19)!).us == "Barack Obama")
        #expect(ReadoutGenerator.era(CalendarDay(year: 2017, month: 1, day: 20)!).us == "Donald J. Trump")
        #expect(ReadoutGenerator.era(CalendarDay(year: 2025, month: 10, day: 21)!).japan == "Sanae Takaichi")
        #expect(ReadoutGenerator.era(CalendarDay(year: 2008, month: 9, day: 23)!).japan == "Yasuo Fukuda")
        for r in ReadoutGenerator(Self.options) {
            let era = ReadoutGenerator.era(r.truth.date)
            #expect(r.truth.participants.map(\.name) == [era.japan, era.us], "\(r.name)")
        }
    }

    @Test func daysStayInsideTheRange() {
        let options = ReadoutGenerator.Options(count: 300, seed: 3, since: CalendarDay(year: 2026, month: 10, day: 1)!,
                                               until: CalendarDay(year: 2026, month: 10, day: 8)!, formats: [.txt])
        let days = Set(ReadoutGenerator(options).map(\.truth.date))
        #expect(days == Set((0..<7).map { CalendarDay(year: 2026, month: 10, day: 1)!.adding(days: $0) }))
    }
}
