import BriefingModel
import Testing
@testable import BriefingExtract

/// Readouts in styles the seeds do not have: a White House page, a State Department "2+2"
/// note, a foreign ministers' meeting in Markdown, newspaper articles, a Defense Department
/// readout. The fixtures are written in those styles for these tests, not copied from a site.
@Suite struct UnseenReadoutTests {
    @Test func whiteHouseReadoutPage() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/wh-readout-2023.html")
        #expect(m.date?.description == "2023-05-18")
        #expect(Set(m.participants.map(\.name)) == ["Joseph R. Biden", "Fumio Kishida"])
        #expect(m.place == "Hiroshima")
        #expect(m.commitments.contains { $0.cue == "pledged" && $0.actor == "both" && $0.strength == .agreed })
        #expect(m.commitments.contains { $0.actor == "us" && $0.strength == .confirmed && $0.text.contains("defense of Japan") })
        #expect(!m.commitments.contains { $0.text.contains("stronger than ever") })
        #expect(!m.commitments.contains { $0.text.contains("Related") })
    }

    @Test func twoPlusTwoHasFourParticipants() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/state-2plus2-2024.txt")
        #expect(m.kinds == ["ministers' meeting"])
        #expect(Set(m.participants.map(\.name)) == ["Antony J. Blinken", "Lloyd J. Austin", "Yoko Kamikawa", "Minoru Kihara"])
        #expect(m.participants.first { $0.name == "Minoru Kihara" }?.role == "Minister of Defense")
        #expect(m.commitments.filter { $0.cue == "decided" }.count == 2)
    }

    @Test func foreignMinistersMarkdown() throws {
        let (m, diags) = try extractFile("Tests/Fixtures/unseen/mofa-foreign-ministers-2023.md")
        #expect(m.participants.map(\.name) == ["Yoko Kamikawa", "Antony J. Blinken"])
        #expect(m.durationMinutes == 40)
        #expect(m.place == "Tokyo")
        #expect(!diags.contains { $0.message.contains("not in layouts/people.yaml") })
    }

    @Test func newspaperArticleWithNavigation() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/newspaper-article-2019.txt")
        #expect(m.dateInferred)
        #expect(m.durationMinutes == 40)
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.contains { $0.strength == .signed })
        #expect(!m.commitments.contains { $0.text.contains("Related") || $0.text.contains("Kim meeting") })
    }

    @Test func stateDepartmentReadoutWithTitlesAlone() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/state-secretary-2025.txt")
        #expect(m.participants.map(\.name) == ["Marco Rubio", "Takeshi Iwaya"])
        #expect(m.kinds == ["ministers' meeting"])
        // "The Secretary and Foreign Minister reaffirmed": both; "The Secretary underscored": the U.S.
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.contains { $0.cue == "underscored" && $0.actor == "us" })
        #expect(!m.commitments.contains { $0.text.contains("welcomed") })
    }

    @Test func whiteHouseCallReadout() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/wh-call-2025.html")
        #expect(m.date?.description == "2025-02-03")
        #expect(m.kinds == ["telephone talk"])
        #expect(m.commitments.contains { $0.actor == "japan" && $0.text.contains("increase its investment") })
        #expect(m.commitments.contains { $0.actor == "both" && $0.strength == .agreed })
        #expect(!m.commitments.contains { $0.text.contains("Share") })
    }

    @Test func spokespersonLineAndAnEarlierSummitInTheOpening() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/state-spokesperson-2026.txt")
        // "their summit on October 28 in Tokyo" is what the meeting built on, not the meeting.
        #expect(m.date?.description == "2026-03-03")
        #expect(m.place == "Brussels")
        #expect(m.kinds == ["ministers' meeting"])
        #expect(m.participants.map(\.name) == ["Marco Rubio", "Toshimitsu Motegi"])
        #expect(Set(m.mentioned.map(\.name)) == ["Donald J. Trump", "Sanae Takaichi"])
        #expect(!(m.participants + m.mentioned).contains { $0.name.contains("Pigott") })
    }

    @Test func newsLeadWithDatelineAndAnAccompaniedLeader() throws {
        let (m, diags) = try extractFile("Tests/Fixtures/unseen/news-defense-chiefs-2025.txt")
        // The date is in the lead, before the paragraph that says they met; the year from
        // the two ministers' terms.
        #expect(m.date?.description == "2025-06-16")
        #expect(m.dateInferred)
        #expect(diags.contains { $0.severity == .warning && $0.message.contains("2025 inferred") })
        #expect(m.kinds == ["ministers' meeting"])
        #expect(m.place == "Ottawa")
        #expect(m.durationMinutes == 40)
        #expect(m.participants.map(\.name) == ["Gen Nakatani", "Pete Hegseth"])
        #expect(m.mentioned.map(\.name) == ["Shigeru Ishiba"])
        // "X and U.S. Defense Secretary Y on Monday agreed"; "The defense chiefs affirmed".
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.first?.strength == .agreed)
        #expect(m.commitments.contains { $0.text.hasPrefix("The defense chiefs") && $0.actor == "both" })
    }

    @Test func defenseReadoutWithLongTitleAndSceneSettingParticiple() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/dod-readout-2024.txt")
        #expect(m.title?.hasPrefix("Readout of Secretary of Defense") == true)
        #expect(m.participants.map(\.name) == ["Lloyd J. Austin", "Gen Nakatani"])
        #expect(m.mentioned.isEmpty)
        #expect(m.place == "Yokosuka")
        #expect(m.kinds == ["ministers' meeting"])
        // "Recognizing the ironclad U.S. commitment ..., the two officials resolved to ...": one
        // commitment, the officials', not a second one of the U.S. alone.
        #expect(m.commitments.count == 1)
        #expect(m.commitments.first?.actor == "both")
        #expect(m.commitments.first?.strength == .agreed)
    }

    @Test func headlineInSentenceCaseAndOneSentenceParagraphs() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/news-online-talks-2024.txt")
        #expect(m.title == "Ishiba and Biden hold online talks")
        #expect(m.kinds == ["video conference"])
        #expect(m.durationMinutes == 30)
        #expect(m.participants.map(\.name) == ["Shigeru Ishiba", "Joseph R. Biden"])
        #expect(m.commitments.first?.actor == "both")
    }

    @Test func remarksQuotedAfterSaidAsFollowsAreTheSpeakers() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/mofa-quoted-remarks-2022.txt")
        #expect(m.kinds == ["working dinner"])
        // "we will continue to stand together" is the Prime Minister's; thanks are no commitment.
        #expect(m.commitments.count == 1)
        #expect(m.commitments.first?.actor == "japan")
        #expect(m.commitments.first?.text.contains("stand together") == true)
        #expect(!m.commitments.contains { $0.text.contains("thank") })
    }

    @Test func newsPhoneCallHasNoPlaceAndOtherKimsAreNotKimJongUn() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/news-phone-2019.txt")
        // "foreign ministers talk by phone" is one call, not also a ministers' meeting.
        #expect(m.kinds == ["telephone talk"])
        // "according to the Foreign Ministry in Tokyo" is not where a call took place.
        #expect(m.place == nil)
        #expect(m.participants.map(\.name) == ["Taro Kono", "Michael R. Pompeo"])
        #expect(!m.mentioned.contains { $0.name == "Kim Jong-un" })
        #expect(m.commitments.first?.actor == "both")
    }

    @Test func attendedByListAndAFullDateInTheOpening() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/mofa-scc-attended-2015.txt")
        // Published April 29 about the meeting "In the afternoon of April 28, 2015 EST".
        #expect(m.date?.description == "2015-04-28")
        #expect(m.kinds == ["ministers' meeting"])
        #expect(Set(m.participants.map(\.name)) == ["Fumio Kishida", "Gen Nakatani", "John F. Kerry", "Ashton B. Carter"])
        #expect(m.place == "Washington, D.C.")
    }

    @Test func olderSummaryDatedByMonthWithRemarksAndAttendees() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/mofa-dinner-2005.txt")
        // "On 2 February" on a page dated "February 2005".
        #expect(m.date?.description == "2005-02-02")
        #expect(!m.dateInferred)
        #expect(m.kinds.contains("working dinner"))
        #expect(m.participants.map(\.name) == ["Junichiro Koizumi", "George W. Bush"])
        // Long titles: "National Security Advisor to the President Hadley", "Trade Representative
        // Ambassador Zoellick"; a title before the next name is not an appositive.
        let hadley = m.mentioned.first { $0.name == "Stephen J. Hadley" }
        #expect(hadley?.role == "National Security Advisor" && hadley?.country == "United States")
        #expect(m.mentioned.contains { $0.name == "Robert B. Zoellick" && $0.role == "United States Trade Representative" })
        #expect(m.mentioned.first { $0.name == "Hiroyuki Hosoda" }?.country == "Japan")
        // "Chairman Kim Jong Il" is not the Kim in people.yaml.
        #expect(m.mentioned.contains { $0.name == "Kim Jong Il" })
        #expect(!m.mentioned.contains { $0.name == "Kim Jong-un" })
        // Remarks after "made the following remarks." are the speaker's; talking about a desire,
        // paying respects and being resolved are not commitments of strength 2 or more.
        #expect(m.commitments.contains { $0.text.hasPrefix("We will stand with Japan") && $0.actor == "us" })
        #expect(m.commitments.contains { $0.text.hasPrefix("We will continue to work") && $0.actor == "japan" })
        #expect(!m.commitments.contains { $0.text.contains("shared desire") || $0.text.contains("respects") })
        #expect(m.commitments.first { $0.text.contains("resolved") }?.strength == .sharedView)
        #expect(m.commitments.contains { $0.actor == "both" && $0.strength == .agreed })
    }

    @Test func newsDatedByPublicationTimeAndAWeekday() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/news-weekday-2025.txt")
        // Published Friday "April 4, 2025, 8:05 a.m." about a meeting "on Thursday".
        #expect(m.date?.description == "2025-04-03")
        #expect(!m.dateInferred)
        #expect(m.place == "Brussels")
        #expect(m.kinds == ["ministers' meeting"])
        // "Iwaya used the meeting to say he wants ...": he is Iwaya ("used" is a verb too).
        #expect(m.commitments.contains { $0.text.hasPrefix("Iwaya used") && $0.actor == "japan" })
    }

    @Test func tradeTalksNamedByLowerCaseRolesInNewsCopy() throws {
        let (m, _) = try extractFile("Tests/Fixtures/unseen/news-trade-talks-2025.txt")
        // "Japanese trade negotiator Ryosei Akazawa and U.S. Commerce Secretary Howard Lutnick
        // on Friday held ..." (the sentence does not end at "U.S."); the President whose
        // administration imposed the tariffs is mentioned, not a participant.
        #expect(m.participants.map(\.name) == ["Ryosei Akazawa", "Howard Lutnick"])
        #expect(m.participants.map(\.side) == ["japan", "us"])
        #expect(m.mentioned.map(\.name) == ["Donald J. Trump"])
        #expect(m.date?.description == "2025-05-30")
        #expect(m.kinds == ["ministers' meeting"])
        #expect(m.place == "Washington, D.C.")
        #expect(m.commitments.contains { $0.text.hasPrefix("Lutnick said") && $0.actor == "us" })
    }

    @Test func anAnnouncementOfAMeetingToComeIsFlagged() throws {
        let (m, diags) = try extractFile("Tests/Fixtures/unseen/news-announcement-2021.txt")
        // Still analysed (a user may want it), but said to be an announcement.
        #expect(m.participants.map(\.name) == ["Yoshihide Suga", "Joseph R. Biden"])
        #expect(diags.contains { $0.severity == .warning && $0.message.contains("announcement") && $0.message.contains("will hold") })
        // A readout of a meeting that took place is not flagged.
        let (_, readoutDiags) = try extractFile("Tests/Fixtures/unseen/news-weekday-2025.txt")
        #expect(!readoutDiags.contains { $0.message.contains("announcement") })
    }
}
