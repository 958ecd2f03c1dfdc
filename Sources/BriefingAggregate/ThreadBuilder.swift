import BriefingConfig
import BriefingExtract
import BriefingModel
import Dispatch

/// Groups commitments made again at later meetings into threads, by meaning: commitments
/// that speak to the same taxonomy concept (a group of phrases meaning one thing: "maximum
/// pressure", "maximizing the pressure", "pressure on North Korea") are one thread however
/// they are worded. A commitment that names no concept is grouped with others of its topic
/// that share its two most distinctive content words.
struct ThreadBuilder {
    let taxonomy: Taxonomy
    let lapseAfterMeetings: Int
    /// Words that carry no content of a commitment: the general ones and the relationship's
    /// names of its sides and titles (a country, its initials, "minister").
    let genericWords: Set<String>

    init(taxonomy: Taxonomy, lapseAfterMeetings: Int, relationship: Relationship, titles: [String]) {
        self.taxonomy = taxonomy
        self.lapseAfterMeetings = lapseAfterMeetings
        var words = ThreadBuilder.generic
        let phrases = relationship.sides.flatMap { [$0.country] + $0.names + $0.titles } + titles
        for p in phrases { for t in Tokenizer.tokens(p) { words.insert(t.norm) } }
        genericWords = words
    }

    static let generic: Set<String> = [
        "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "that", "this", "is", "are", "be", "by", "as",
        "at", "its", "their", "his", "her", "our", "will", "would", "shall", "both", "two", "leader", "side", "country",
        "united", "state", "they", "we", "he", "she", "it", "who",
        "which", "further", "continue", "closely", "together", "work", "cooperate",
        "cooperation", "strengthen", "also", "importance", "need", "view", "shared", "agreed", "confirmed", "affirmed",
        "reaffirmed", "reiterated", "concurred", "signed", "decided", "committed", "commitment", "intention",
        "determination", "expressed", "hope", "effort", "from", "between", "among", "other", "area", "well", "such",
        "including", "regard", "regarding", "toward", "towards", "into", "through", "while", "all", "each", "more",
        "new", "these", "those", "than", "over", "under", "no", "not", "there", "been", "have", "has", "had", "was",
        "were", "can", "could", "should", "may", "must", "make", "take", "promote", "advance", "enhance", "relation",
        "relationship", "issue", "matter", "field", "range", "wide", "broad", "strongly", "steadily", "further",
        "desire", "wish", "readiness", "ready", "hope", "want", "like", "able", "intend", "plan", "aim",
    ]

    func threads(_ meetings: [Meeting]) -> [CommitmentThread] {
        struct Group {
            var id: String
            var label: String
            var topic: String
            var groupedBy: String
            /// One occurrence per meeting (its strongest), in meeting order.
            var occurrences: [CommitmentThread.Occurrence] = []
            var lastMeeting = -1
        }
        var conceptLabel: [String: (String, String)] = [:]
        for t in taxonomy.topics { for c in t.concepts { conceptLabel[c.id] = (c.label, t.id) } }
        // Commitments that name no concept are keyed by their clause's words, which needs the
        // clause tokenized: done on all cores first.
        let wording = wordingKeys(meetings, concepts: Set(conceptLabel.keys))
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for (position, m) in meetings.enumerated() {
            for (n, c) in m.commitments.enumerated() {
                let key: String
                let make: () -> Group
                if let (words, gist) = wording[Position(meeting: position, commitment: n)] {
                    let topic = c.topics.first ?? "general"
                    key = "\(topic)/\(words)"
                    make = { Group(id: key, label: "\(taxonomy.label(of: topic)): \(gist)", topic: topic, groupedBy: "wording") }
                } else {
                    let (label, topic) = conceptLabel[c.concepts[0]]!
                    key = c.concepts[0]
                    make = { Group(id: key, label: label, topic: topic, groupedBy: "concept") }
                }
                let g: Int
                if let found = index[key] {
                    g = found
                } else {
                    g = groups.count
                    index[key] = g
                    groups.append(make())
                }
                let occ = CommitmentThread.Occurrence(file: m.file, date: m.date, strength: c.strength, actor: c.actor,
                                                      text: c.text, line: c.line, sentenceOnLine: c.sentenceOnLine)
                if groups[g].lastMeeting == position {
                    if c.strength > groups[g].occurrences[groups[g].occurrences.count - 1].strength {
                        groups[g].occurrences[groups[g].occurrences.count - 1] = occ
                    }
                } else {
                    groups[g].occurrences.append(occ)
                    groups[g].lastMeeting = position
                }
            }
        }
        // Meetings are in date order: how many came after a thread's last occurrence.
        let out = groups.map { g in
            CommitmentThread(id: g.id, label: g.label, topic: g.topic, groupedBy: g.groupedBy, occurrences: g.occurrences,
                             trend: trend(g.occurrences.map(\.strength), meetingsAfter: meetings.count - 1 - g.lastMeeting))
        }
        return out.sorted { a, b in
            if a.occurrences.count != b.occurrences.count { return a.occurrences.count > b.occurrences.count }
            if a.lastDate != b.lastDate { return (a.lastDate ?? CalendarDay(dayNumber: 0)) > (b.lastDate ?? CalendarDay(dayNumber: 0)) }
            return a.id < b.id
        }
    }

    /// The joined key words and gist of every commitment grouped by wording (its first concept,
    /// if any, is not in the taxonomy), by (meeting, commitment) position.
    func wordingKeys(_ meetings: [Meeting], concepts: Set<String>) -> [Position: (String, String)] {
        var positions: [Position] = []
        for (i, m) in meetings.enumerated() {
            for (k, c) in m.commitments.enumerated() where !(c.concepts.first.map(concepts.contains) ?? false) {
                positions.append(Position(meeting: i, commitment: k))
            }
        }
        let wanted = positions
        let out = SlotArray<(String, String)>(count: wanted.count, repeating: ("", ""))
        let chunk = 512
        DispatchQueue.concurrentPerform(iterations: (wanted.count + chunk - 1) / chunk) { n in
            for w in (n * chunk)..<min(wanted.count, (n + 1) * chunk) {
                let at = wanted[w]
                let (words, gist) = keyWords(meetings[at.meeting].commitments[at.commitment].clause)
                out[w] = (words.joined(separator: "-"), gist)
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(wanted, out.values))
    }

    struct Position: Hashable, Sendable {
        var meeting: Int
        var commitment: Int
    }

    func trend(_ strengths: [Commitment.Strength], meetingsAfter: Int) -> CommitmentThread.Trend {
        Self.trend(strengths, meetingsAfter: meetingsAfter, lapseAfter: lapseAfterMeetings)
    }

    /// A thread's trend from its strengths in date order and how many meetings came after its
    /// last occurrence.
    static func trend(_ strengths: [Commitment.Strength], meetingsAfter: Int, lapseAfter: Int) -> CommitmentThread.Trend {
        if meetingsAfter >= lapseAfter { return .lapsed }
        guard let last = strengths.last, strengths.count > 1 else { return .new }
        let earlierMax = strengths.dropLast().max()!
        if last < earlierMax { return .weakening }
        if last > strengths.first! { return .strengthening }
        return .recurring
    }

    /// What a clause commits to: its first two content words after the cue (not generic, not
    /// names), as the grouping key, and its first words as a readable label.
    func keyWords(_ clause: String) -> (key: [String], gist: String) {
        let generic = genericWords
        let toks = Tokenizer.tokens(clause)
        let bytes = Array(clause.utf8)
        // Skip the cue and what carries no content ("to", "that they will", "her").
        var i = 1
        while i < toks.count, generic.contains(toks[i].norm) || toks[i].norm.count <= 2 { i += 1 }
        var key: [String] = []
        for t in toks[min(i, toks.count)...] where key.count < 2 {
            if generic.contains(t.norm) || t.capitalized || t.norm.count <= 2 || t.norm.allSatisfy(\.isNumber) { continue }
            if !key.contains(t.norm) { key.append(t.norm) }
        }
        if key.isEmpty { key = ["general"] }
        let start = i < toks.count ? toks[i].start : 0
        let words = toks[min(i, toks.count)...].prefix(7)
        var gist = words.last.map { String(decoding: bytes[start..<$0.end], as: UTF8.self) } ?? clause
        if toks.count > i + 7 { gist += "…" }
        return (key, gist)
    }
}
