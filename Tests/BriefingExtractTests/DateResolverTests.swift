import BriefingConfig
import BriefingModel
import Testing
@testable import BriefingExtract

@Suite struct DateResolverTests {
    let body = "On October 18, commencing at 10:00 a.m. for approximately 30 minutes, Mr. Yukio Hatoyama, Prime Minister of Japan, held a telephone talk with the Honorable Barack Obama, President of the United States of America. The two leaders agreed to cooperate closely."

    @Test func oneYearFitsTheTermsOfOffice() throws {
        let (m, diags) = try extract("Japan-U.S. Summit Telephone Talk\n\(body)\n")
        #expect(m.date?.description == "2009-10-18")
        #expect(m.dateInferred)
        #expect(diags.contains { $0.severity == .warning && $0.message.contains("only year") })
        #expect(diags.contains { $0.message.contains("Prime Minister Hatoyama and President Obama were both in office on October 18") },
                "\(diags.map(\.message))")
    }

    @Test func manifestSettlesIt() throws {
        let entry = Manifest.Entry(date: CalendarDay(year: 2009, month: 10, day: 18), place: "Tokyo", kind: nil, line: 2)
        let (m, diags) = try extract("Japan-U.S. Summit Telephone Talk\n\(body)\n", manifest: entry)
        #expect(m.date?.description == "2009-10-18")
        #expect(!m.dateInferred)
        #expect(m.dateSource == .manifest)
        #expect(m.place == "Tokyo")
        #expect(diags.isEmpty)
    }

    @Test func frontMatterDate() throws {
        let (m, _) = try extract("---\ndate: 2009-10-18\n---\n\(body)\n", file: "x.md")
        #expect(m.dateSource == .frontMatter)
        #expect(!m.dateInferred)
    }

    @Test func ordinalAndAbbreviatedDatesWithAYearLine() throws {
        let (m, _) = try extract("Japan-U.S. Summit Meeting\nOctober 28th, 2025\nOn Oct. 28th, Ms. Sanae Takaichi held a summit meeting with the Honorable Donald J. Trump, President of the United States of America. They agreed to cooperate.\n")
        #expect(m.date?.description == "2025-10-28")
        #expect(m.dateSource == .text)
    }

    @Test func noDateIsAnErrorThatSaysHowToFixIt() throws {
        let (m, diags) = try extract("Readout\nThe President spoke today with Prime Minister Kishida of Japan. The leaders pledged to deepen cooperation.\n", file: "today.txt")
        #expect(m.date == nil)
        let e = try #require(diags.first { $0.severity == .error })
        #expect(e.message.contains("manifest.yaml"))
        #expect(e.file == "today.txt")
    }

    @Test func titleMustMatchTheOfficeHeld() throws {
        // Aso was Prime Minister only in 2008-09; as Deputy Prime Minister later he does not count.
        let (m, _) = try extract("On August 31, Mr. Taro Aso, Prime Minister of Japan, held a video conference with the Honorable Barack Obama, President of the United States of America. They agreed to cooperate.\n")
        #expect(m.date?.description == "2009-08-31")
    }

    @Test func durationFromATimeRange() throws {
        let (m, _) = try extract("Japan-U.S. Summit Meeting\nMay 23, 2022\nOn May 23, from 11:10 a.m. to 12:35 p.m., Mr. Fumio Kishida, Prime Minister of Japan, held a summit meeting with the Honorable Joseph R. Biden, President of the United States of America, at the Akasaka Palace. They agreed to cooperate.\n")
        #expect(m.startTime == "11:10")
        #expect(m.durationMinutes == 85)
        #expect(m.place == "Tokyo")
    }

    @Test func newsDatelineGivesThePlace() throws {
        let (m, _) = try extract("TOKYO, Jan. 28, 2021 (Jiji Press) -- Japanese Prime Minister Yoshihide Suga and U.S. President Joe Biden held their first telephone talks for about 30 minutes early Thursday. The two leaders agreed to strengthen the alliance.\n")
        #expect(m.place == "Tokyo")
        #expect(m.date?.description == "2021-01-28")
        #expect(m.durationMinutes == 30)
        #expect(m.kinds == ["telephone talk"])
        #expect(Set(m.participants.map(\.name)) == ["Yoshihide Suga", "Joseph R. Biden"])
        #expect(m.commitments.first?.actor == "both")
    }

    @Test func aWeekdayWithTheDayNarrowsTheYears() throws {
        // Abe and Trump were both in office on November 6 from 2017 to 2019; it was a Monday only in 2017.
        let text = "Japan-U.S. Summit Meeting\nOn Monday, November 6, Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Honorable Donald J. Trump, President of the United States of America. They agreed to cooperate.\n"
        let (m, diags) = try extract(text)
        #expect(m.date?.description == "2017-11-06")
        #expect(m.dateInferred)
        #expect(diags.contains { $0.message.contains("only year") && $0.message.contains("Monday, November 6") }, "\(diags.map(\.message))")
        let bracketed = "Japan-U.S. Summit Meeting\nOn November 6 (Mon.), Mr. Shinzo Abe, Prime Minister of Japan, held a summit meeting with the Honorable Donald J. Trump, President of the United States of America. They agreed to cooperate.\n"
        #expect(try extract(bracketed).0.date?.description == "2017-11-06")
    }

    @Test func yesterdayCountsBackFromThePagesDate() throws {
        let text = "Leaders discuss alliance by phone\nMarch 4, 2021\nPrime Minister Yoshihide Suga and President Joe Biden spoke by telephone yesterday, the government said. They agreed to strengthen the alliance.\n"
        #expect(try extract(text).0.date?.description == "2021-03-03")
        let other = "Leaders discuss alliance by phone\nMarch 4, 2021\nFollowing yesterday's missile launch, Prime Minister Yoshihide Suga and President Joe Biden spoke by telephone. They agreed to strengthen the alliance.\n"
        #expect(try extract(other).0.date?.description == "2021-03-04")
    }

    @Test func aNewsLeadsWeekdayIsTheLastSuchDayOnOrBeforeThePage() throws {
        // March 4, 2021 was a Thursday: "on Tuesday" is March 2.
        let text = "WASHINGTON, March 4, 2021 -- Secretary of State Antony Blinken met Foreign Minister Toshimitsu Motegi on Tuesday, officials said. The two agreed to coordinate closely.\n"
        #expect(try extract(text).0.date?.description == "2021-03-02")
    }

    @Test func aPageDatedInNumbersDatesAYesterday() throws {
        // A State Department page dated month first, reposted under an agency's header.
        let text = "(Agency) Press release of the Department. You are subscribed to updates.\n\n12/11/2021 08:57 AM EST\n\nSecretary of State Antony J. Blinken met yesterday with Foreign Minister Yoshimasa Hayashi in Liverpool. They agreed to coordinate closely.\n"
        #expect(try extract(text).0.date?.description == "2021-12-10")
    }

    @Test func aWeekdayInAnotherEventsClauseDoesNotDateTheMeeting() throws {
        let text = "Page last updated at 18:07 GMT, Friday, 23 January 2009\n\nPrime Minister Taro Aso has spoken to President Barack Obama for the first time since he took office on Tuesday. The two leaders agreed to cooperate closely.\n"
        #expect(try extract(text).0.date?.description == "2009-01-23")
    }
}
