import BriefingModel
import Testing
@testable import BriefingExtract

@Suite struct DateFinderTests {
    func found(_ text: String) -> [String] {
        DateFinder.dates(in: text).map { "\($0.year.map(String.init) ?? "????")-\($0.month)-\($0.day)" }
    }

    @Test func theWaysReadoutsWriteADay() {
        #expect(found("The leaders met on September 21, 2017 in New York.") == ["2017-9-21"])
        #expect(found("Tokyo, 21 September 2017 (Kyodo)") == ["2017-9-21"])
        #expect(found("Published 2017-09-21 at noon") == ["2017-9-21"])
        #expect(found("On Sept. 21, the ministers met again.") == ["????-9-21"])
        #expect(found("On the evening of October 28th, both sides spoke by phone.") == ["????-10-28"])
        #expect(found("They met on May 2, 2019 and again on 4 June.") == ["2019-5-2", "????-6-4"])
    }

    @Test func whatOnlyLooksLikeADayIsNot() {
        #expect(found("No numbers at all in this sentence.") == [])
        #expect(found("The cost may 2 years later be reviewed.") == [], "'may' in lower case is a verb")
        #expect(found("The meeting on February 30, 2019 never happened.") == [], "no such day")
        #expect(found("Section 12 March forward") == ["????-3-12"], "a day before a capitalised month is a date")
        #expect(found("It lasted 45 minutes.") == [])
    }

    @Test func weekdaysMonthsAndMetadata() {
        #expect(DateFinder.weekday(in: Tokenizer.tokens("The secretary met on Friday with his counterpart")) == 4)
        #expect(DateFinder.weekday(in: Tokenizer.tokens("They will meet again next Friday")) == nil)
        #expect(DateFinder.monthYear(in: Tokenizer.tokens("Diplomatic Bluebook, October 2003")).map { "\($0.month) \($0.year)" } == "10 2003")
        #expect(DateFinder.monthYear(in: Tokenizer.tokens("On 28 October 2003 they met")) == nil, "that is a full date")
        #expect(DateFinder.metadataDate("2019-09-16T10:00:00Z") == CalendarDay(year: 2019, month: 9, day: 16))
        #expect(DateFinder.metadataDate("2019/09/16") == CalendarDay(year: 2019, month: 9, day: 16))
        #expect(DateFinder.metadataDate("sometime soon") == nil)
    }
}
