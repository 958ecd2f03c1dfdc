import BriefingConfig
import BriefingModel
import Foundation
import Testing
@testable import BriefingExtract

/// Every field of every seed readout, as a person reading it would extract it.
@Suite struct SeedReadoutTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var date: String
        var inferred: Bool
        var kinds: [String]
        var participants: [String: String] // name -> role
        var place: String?
        var duration: Int?
        var start: String?
        var topics: Set<String>
        var optionalTopics: Set<String>
        var testDescription: String { file }
    }

    static let seeds: [Expected] = [
        Expected(file: "000_3c473871ed6bfc76.txt", date: "2017-09-21", inferred: false, kinds: ["summit meeting"],
                 participants: ["Shinzo Abe": "Prime Minister", "Donald J. Trump": "President"], place: "New York",
                 duration: 60, start: "13:30",
                 topics: ["north-korea", "abductions", "alliance-defense", "multilateral", "trade-economy", "visits-calendar"],
                 optionalTopics: ["china", "indo-pacific", "russia-ukraine"]),
        Expected(file: "001_89bd6e2a19a88483.txt", date: "2017-11-06", inferred: false, kinds: ["summit meeting"],
                 participants: ["Shinzo Abe": "Prime Minister", "Donald J. Trump": "President"], place: nil,
                 duration: nil, start: nil,
                 topics: ["north-korea", "china", "indo-pacific", "alliance-defense", "multilateral", "trade-economy"],
                 optionalTopics: ["tpp", "economic-security"]),
        Expected(file: "002_866ae0bdf8e54838.txt", date: "2018-03-09", inferred: false, kinds: ["telephone talk"],
                 participants: ["Shinzo Abe": "Prime Minister", "Donald J. Trump": "President"], place: nil,
                 duration: 30, start: "08:50", topics: ["north-korea", "abductions", "visits-calendar"],
                 optionalTopics: ["alliance-defense"]),
        Expected(file: "003_85967430cf1ac722.txt", date: "2016-09-21", inferred: false, kinds: ["courtesy call"],
                 participants: ["Shinzo Abe": "Prime Minister", "Joseph R. Biden": "Vice President"], place: "New York",
                 duration: 60, start: "12:45",
                 topics: ["terrorism", "alliance-defense", "north-korea", "abductions", "china", "tpp", "russia-ukraine", "multilateral"],
                 optionalTopics: ["indo-pacific", "people-exchange"]),
        Expected(file: "004_ab724736b646953e.txt", date: "2025-10-28", inferred: true,
                 kinds: ["summit meeting", "signing ceremony", "working lunch"],
                 participants: ["Sanae Takaichi": "Prime Minister", "Donald J. Trump": "President"], place: nil,
                 duration: 90, start: "09:45",
                 topics: ["alliance-defense", "trade-economy", "economic-security", "indo-pacific", "middle-east", "china",
                          "north-korea", "abductions", "people-exchange"],
                 optionalTopics: ["russia-ukraine", "visits-calendar", "multilateral"]),
    ]

    static let manifest: Manifest = try! Manifest.load(inFolder: packageRoot.appendingPathComponent("seeds"))!.0

    @Test(arguments: seeds)
    func extractsEveryField(_ e: Expected) throws {
        let (m, diags) = try extractFile("seeds/\(e.file)", manifest: Self.manifest)
        #expect(m.date?.description == e.date, "\(e.file): date")
        #expect(m.dateInferred == e.inferred, "\(e.file): date_inferred")
        #expect(m.kinds == e.kinds, "\(e.file): kinds")
        #expect(Dictionary(uniqueKeysWithValues: m.participants.map { ($0.name, $0.role ?? "") }) == e.participants,
                "\(e.file): participants")
        #expect(m.participants.allSatisfy { $0.known && $0.side != nil }, "\(e.file): participants known, with a side")
        #expect(m.place == e.place, "\(e.file): place")
        #expect(m.durationMinutes == e.duration, "\(e.file): duration")
        #expect(m.startTime == e.start, "\(e.file): start time")
        let found = Set(m.topics.map(\.id))
        #expect(found.isSuperset(of: e.topics), "\(e.file): topics missed \(e.topics.subtracting(found).sorted())")
        #expect(found.isSubset(of: e.topics.union(e.optionalTopics)),
                "\(e.file): topics not there \(found.subtracting(e.topics.union(e.optionalTopics)).sorted())")
        #expect(!diags.contains { $0.severity == .error }, "\(e.file): \(diags)")
        #expect(m.mentioned.allSatisfy { p in !m.participants.contains { $0.name == p.name } })
    }

    @Test func inferredYearIsExplained() throws {
        let (m, diags) = try extractFile("seeds/004_ab724736b646953e.txt")
        #expect(m.dateSource == .termsOfOffice)
        let warning = try #require(diags.first { $0.message.contains("no year") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("2025, 2026"))
        #expect(warning.message.contains("manifest.yaml"))
    }

    @Test func partsEachHaveTheirOwnTimes() throws {
        let (m, _) = try extractFile("seeds/004_ab724736b646953e.txt")
        #expect(m.parts == [
            MeetingPart(kind: "summit meeting", startTime: "09:50", durationMinutes: 40),
            MeetingPart(kind: "signing ceremony", startTime: "10:40", durationMinutes: 5),
            MeetingPart(kind: "working lunch", startTime: "10:55", durationMinutes: 45),
        ])
    }

    @Test func mentionedPeopleAreNotParticipants() throws {
        let (m, _) = try extractFile("seeds/002_866ae0bdf8e54838.txt")
        #expect(m.mentioned.map(\.name).contains("Kim Jong-un"))
        let (m3, _) = try extractFile("seeds/003_85967430cf1ac722.txt")
        #expect(Set(m3.mentioned.map(\.name)) == ["Xi Jinping", "Vladimir Putin"])
        let (m1, _) = try extractFile("seeds/001_89bd6e2a19a88483.txt", manifest: Self.manifest)
        #expect(Set(m1.mentioned.map(\.name)).isSuperset(of: ["Taro Aso", "Michael R. Pence"]))
    }

    @Test func sectionsAreTheReadoutsOwnHeadings() throws {
        let (m, _) = try extractFile("seeds/003_85967430cf1ac722.txt")
        #expect(m.sections == ["1. Japan-U.S. relations", "2. North Korea", "3. China", "4. TPP", "5. Russia and Ukraine"])
    }

    /// Commitments against the hand-made truth, matched as the project's scorer matches them.
    @Test func commitmentsMatchTheTruth() throws {
        let truthURL = packageRoot.appendingPathComponent("Tests/Fixtures/seeds-truth.json")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as! [[String: Any]]
        var tp = 0, fp = 0, fn = 0, strengthOK = 0, actorOK = 0
        for t in truth {
            let file = t["file"] as! String
            let (m, _) = try extractFile("seeds/\(file)", manifest: Self.manifest)
            var used = Set<Int>()
            for c in t["commitments"] as! [[String: Any]] {
                let text = c["text"] as! String
                var best: Int?, score = 0.6
                for (i, g) in m.commitments.enumerated() where !used.contains(i) {
                    let s = coverage(g.text, text)
                    if s >= score { best = i; score = s }
                }
                let optional = c["optional"] as? Bool ?? false
                guard let best else {
                    if !optional { fn += 1; Issue.record("\(file): missed \(text)") }
                    continue
                }
                used.insert(best)
                if optional { continue }
                tp += 1
                if m.commitments[best].strength.rawValue == c["strength"] as! Int { strengthOK += 1 }
                if m.commitments[best].actor == c["actor"] as! String { actorOK += 1 }
            }
            fp += m.commitments.count - used.count
        }
        let p = Double(tp) / Double(tp + fp), r = Double(tp) / Double(tp + fn)
        let f1 = 2 * p * r / (p + r)
        #expect(f1 >= 0.95, "commitments F1 \(f1)")
        #expect(Double(strengthOK) / Double(tp) >= 0.9)
        #expect(Double(actorOK) / Double(tp) >= 0.9)
    }
}

/// Share of the truth clause's content words the extracted text covers (the scorer's rule).
func coverage(_ got: String, _ truth: String) -> Double {
    let stop: Set<String> = ["the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "that", "this", "is", "are",
                             "be", "by", "as", "at", "its", "their", "his", "her", "will", "would", "from", "which",
                             "who", "it", "they", "both", "two"]
    func words(_ s: String) -> Set<String> {
        Set(s.lowercased().split(whereSeparator: { !($0.isLetter && $0.isASCII) && !$0.isNumber }).map(String.init)
            .filter { !stop.contains($0) })
    }
    let t = words(truth)
    return t.isEmpty ? 0 : Double(t.intersection(words(got)).count) / Double(t.count)
}
