import BriefingModel
import Testing
@testable import BriefingExtract

/// Where a meeting took place: the meeting's own place, datelines, venues and headlines.
@Suite struct MeetingFactsTests {
    @Test func aDatelineAfterAWiresHeaderIsThePlace() throws {
        let text = "Ministers meet\n(Wire Service) TOKYO, Dec 9 (Wire) -- Foreign Minister Toshimitsu Motegi and Secretary of State Antony Blinken held a meeting late Monday. They agreed to coordinate closely.\n"
        let m = try extract(text).0
        #expect(m.place == "Tokyo")
    }

    @Test func aHeadlineThatSaysWhereGivesThePlace() throws {
        let text = "At White House, Abe and Trump Focus on Trade\nApril 18, 2018\nPrime Minister Shinzo Abe and President Donald Trump said today that they would work together on trade. They agreed to start new talks.\n"
        #expect(try extract(text).0.place == "Washington, D.C.")
    }

    @Test func aVenueStandsForItsCity() throws {
        let text = "Japan-U.S. Summit Meeting\nMay 23, 2022\nOn May 23, Mr. Fumio Kishida, Prime Minister of Japan, held a summit meeting with the Honorable Joseph R. Biden, President of the United States of America, at the Akasaka Palace. They agreed to cooperate.\n"
        #expect(try extract(text).0.place == "Tokyo")
    }

    @Test func aCallHasNoPlaceBeyondItsDateline() throws {
        let text = "Japan-U.S. Summit Telephone Talk\nMay 23, 2022\nOn May 23, Prime Minister Fumio Kishida held a telephone talk with President Joseph R. Biden, who is visiting Seoul. They agreed to cooperate.\n"
        #expect(try extract(text).0.place == nil)
    }

    @Test func newsCopysArrivalGivesThePlace() throws {
        let text = "Abe, Trump vow closer ties\nNovember 6, 2017\nPrime Minister Shinzo Abe and President Donald Trump agreed Monday to deepen the alliance.\nThe two leaders held talks for about two hours.\nTrump arrived at Tokyo's Haneda airport on Sunday for his first visit to Asia as president.\n"
        #expect(try extract(text).0.place == "Tokyo")
    }
}
