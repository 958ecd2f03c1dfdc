import Testing
@testable import BriefingExtract

@Suite struct DurationsTests {
    func minutes(_ text: String) -> [Int] { Durations.durations(Tokenizer.tokens(text)).map(\.minutes) }

    @Test func durationsAsReadoutsWriteThem() {
        #expect(minutes("The talk lasted approximately 40 minutes.") == [40])
        #expect(minutes("for approximately one hour, the two leaders") == [60])
        #expect(minutes("The meeting ran for an hour and a half.") == [90])
        #expect(minutes("They talked for one hour and 20 minutes") == [80])
        #expect(minutes("for 1 hour 20 minutes") == [80])
        #expect(minutes("a call of about half an hour") == [30])
        #expect(minutes("some forty-five minutes later") == [45])
        #expect(minutes("two and a half hours of talks") == [150])
        // A sentence may end on its duration.
        #expect(minutes("The telephone talk lasted one hour") == [60])
        #expect(minutes("They met for 2 hours") == [120])
        #expect(minutes("a 15-minute courtesy call and a 60 min lunch") == [15, 60])
    }

    @Test func otherQuantitiesAreNotDurations() {
        #expect(minutes("the 70th anniversary of the alliance, 25 years on") == [])
        #expect(minutes("a three-day visit") == [])
        #expect(minutes("an agreement") == [], "'an' alone is not one of anything")
        #expect(minutes("for 30 hours") == [], "a meeting is shorter than a day")
    }

    @Test func clockTimesBecomeTwentyFourHour() {
        #expect(Durations.times("commencing at around 1:30 p.m. and again at 9:45 a.m.").map(\.0) == ["13:30", "09:45"])
        #expect(Durations.times("from 12:10 a.m. until 12:40 pm").map(\.0) == ["00:10", "12:40"])
        #expect(Durations.times("at 14:05 local time").map(\.0) == ["14:05"])
        #expect(Durations.times("a score of 3:75 and a ratio of 2.5").isEmpty)
        let text = "At 8:50 a.m., the ministers met."
        #expect(Durations.times(text).first?.1 == 3, "the byte where the time starts")
        #expect(Durations.minutesOfDay("13:30") == 810)
        #expect(Durations.minutesOfDay("noon") == nil)
    }

    /// An opening of one sentence that ends on its duration, before a heading.
    @Test func anOpeningEndingOnItsDurationGivesIt() throws {
        let (m, _) = try extract("""
            Japan-U.S. Summit Telephone Talk
            On May 19, 2023, Prime Minister Fumio Kishida held a telephone talk with President Joseph R. Biden for one hour.
            1. Japan-U.S. Relations
            The two leaders agreed to cooperate closely on many issues of the region.
            """ + "\n")
        #expect(m.durationMinutes == 60)
        let (half, _) = try extract("""
            Japan-U.S. Summit Telephone Talk
            On May 19, 2023, Prime Minister Fumio Kishida held a telephone talk with President Joseph R. Biden for half an hour.
            1. Japan-U.S. Relations
            The two leaders agreed to cooperate closely on many issues of the region.
            """ + "\n")
        #expect(half.durationMinutes == 30)
    }
}
