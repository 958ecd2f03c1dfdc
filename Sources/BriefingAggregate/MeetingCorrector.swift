import BriefingConfig
import BriefingExtract
import BriefingModel

/// Applies one readout's entry of `corrections.yaml` to its extracted meeting, after
/// extraction and before aggregation, so counts and threads reflect it. Every corrected item
/// is marked as the analyst's and keeps what the extractor said. A correction that no longer
/// matches the readout (no commitment at that line starting with that text, no such
/// participant, a line past the end) is a stale warning and is not applied: never a guess.
struct MeetingCorrector: Sendable {
    let extractor: MeetingExtractor
    let relationship: Relationship
    /// Where an added participant is looked up, as the extractor would have named them.
    let people: PeopleRegistry

    /// `lastLine` is the readout's last line; `file` is the corrections file, named in warnings.
    func apply(_ entry: Corrections.Entry, to m: inout Meeting, lastLine: Int, file: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func stale(_ at: Int?, _ message: String) {
            warnings.append(Diagnostic(.warning, file: file, line: at ?? entry.line, "\(m.file): \(message) (stale)"))
        }
        for d in entry.drop {
            switch locate(d, in: m.commitments) {
            case .found(let i):
                var c = m.commitments.remove(at: i)
                c.origin = .analyst(extracted: nil)
                m.dropped = (m.dropped ?? []) + [c]
            case .missing(let why): stale(d.at, "drop at line \(d.line) \(Self.quote(d.text)): \(why)")
            }
        }
        for change in entry.change {
            switch locate(change.target, in: m.commitments) {
            case .found(let i):
                if !self.change(&m.commitments[i], change) {
                    stale(change.target.at, "change at line \(change.target.line) \(Self.quote(change.target.text)): "
                          + "the extractor gives these values itself; remove the entry")
                }
            case .missing(let why): stale(change.target.at, "change at line \(change.target.line) \(Self.quote(change.target.text)): \(why)")
            }
        }
        for a in entry.add {
            if a.line > lastLine {
                stale(a.at, "add at line \(a.line): the readout has \(lastLine) line\(lastLine == 1 ? "" : "s")")
            } else if m.commitments.contains(where: { $0.line == a.line && Self.sameStart($0.text, a.text) }) {
                stale(a.at, "add at line \(a.line) \(Self.quote(a.text)): the extractor finds this commitment itself; remove the entry")
            } else {
                add(a, to: &m)
            }
        }
        if !entry.removeParticipants.isEmpty || !entry.addParticipants.isEmpty {
            let before = m.participants
            for r in entry.removeParticipants {
                if let i = m.participants.firstIndex(where: { Self.sameName($0.name, r.name) }) {
                    m.participants.remove(at: i)
                } else {
                    stale(r.at, "participant \(Self.quote(r.name)) to remove is not among the participants "
                          + "(\(m.participants.map(\.name).joined(separator: ", ")))")
                }
            }
            for p in entry.addParticipants {
                let added = participant(p, on: entry.date ?? m.date)
                if m.participants.contains(where: { Self.sameName($0.name, added.name) }) {
                    stale(p.at, "participant \(Self.quote(p.name)) is already a participant; remove the entry")
                } else {
                    m.participants.append(added)
                }
            }
            if m.participants != before { record(&m, "participants") { $0.participants = before } }
        }
        if let place = entry.place {
            let old = m.place
            record(&m, "place") { $0.place = old }
            m.place = place
        }
        if let kinds = entry.kinds {
            let old = m.kinds
            record(&m, "kinds") { $0.kinds = old }
            let parts = m.parts
            m.kinds = kinds
            m.parts = kinds.map { k in parts.first { $0.kind == k } ?? MeetingPart(kind: k) }
        }
        if let date = entry.date {
            let (old, source, inferred) = (m.date, m.dateSource, m.dateInferred)
            record(&m, "date") { e in
                e.date = old
                e.dateSource = source
                e.dateInferred = inferred
            }
            m.date = date
            m.dateSource = .analyst
            m.dateInferred = false
        }
        return warnings
    }

    /// An added participant as the extractor would name them: someone in the people registry
    /// (by name or alias, case and spacing aside) gets the canonical name, the office held on
    /// the meeting's day and its country, and `known`; what the entry gives (role, side) wins.
    func participant(_ p: Corrections.NewParticipant, on day: CalendarDay?) -> Participant {
        let sideCountry = p.side.flatMap { s in relationship.sides.first { $0.id == s }?.country }
        guard let person = people.people.first(where: { r in
            Self.sameName(r.name, p.name) || r.aliases.contains { Self.sameName($0, p.name) }
        }) else {
            return Participant(name: p.name, role: p.role, country: sideCountry, side: p.side, known: false, source: "analyst")
        }
        let office = day.flatMap { person.office(on: $0) }
        let country = sideCountry ?? office?.country ?? person.country
        return Participant(name: person.name, role: p.role ?? office?.role, country: country,
                           side: p.side ?? country.flatMap { relationship.side(ofCountry: $0)?.id }, known: true, source: "analyst")
    }

    /// Notes that the analyst set meeting field `field`, keeping the extractor's value once.
    private func record(_ m: inout Meeting, _ field: String, _ keep: (inout Meeting.Extracted) -> Void) {
        var e = m.extracted ?? Meeting.Extracted()
        guard !e.fields.contains(field) else { return }
        e.fields.append(field)
        keep(&e)
        m.extracted = e
    }

    /// Applies a change; false when it changes nothing.
    private func change(_ c: inout Commitment, _ change: Corrections.Change) -> Bool {
        let before = c
        var was = c.extracted ?? Commitment.Extracted()
        if let s = change.strength, s != c.strength {
            if was.strength == nil { was.strength = c.strength }
            c.strength = s
        }
        if let a = change.actor, a != c.actor {
            if was.actor == nil { was.actor = c.actor }
            c.actor = a
        }
        if let t = change.topics, t != c.topics {
            if was.topics == nil { was.topics = c.topics }
            c.topics = t
            c.concepts = concepts(c.clause, topics: t)
        }
        guard c != before else { return false }
        c.origin = .analyst(extracted: was)
        return true
    }

    private func add(_ a: Corrections.Addition, to m: inout Meeting) {
        var c = Commitment(text: a.text, clause: a.text, actor: a.actor, strength: a.strength, cue: "analyst", topics: a.topics,
                           concepts: concepts(a.text, topics: a.topics), file: m.file, line: a.line)
        c.origin = .analyst(extracted: nil)
        // In line order, after the extractor's commitments of the same line.
        let at = m.commitments.lastIndex { $0.line <= a.line }.map { $0 + 1 } ?? 0
        m.commitments.insert(c, at: at)
    }

    /// The concepts of `text`, kept to those of `topics` when it names any (so the thread is
    /// under the topic the analyst gave).
    private func concepts(_ text: String, topics: [String]) -> [String] {
        let found = extractor.concepts(ofText: text, preferring: topics)
        guard !topics.isEmpty else { return found }
        return found.filter { extractor.topic(ofConcept: $0).map(topics.contains) ?? false }
    }

    enum Located {
        case found(Int)
        case missing(String)
    }

    /// The commitment at the locator's line whose text starts with the locator's (whitespace
    /// normalised); else why not, naming where the text or the line has gone.
    func locate(_ l: Corrections.Locator, in commitments: [Commitment]) -> Located {
        if let i = commitments.firstIndex(where: { $0.line == l.line && Self.sameStart($0.text, l.text) }) { return .found(i) }
        if let moved = commitments.first(where: { Self.sameStart($0.text, l.text) }) {
            return .missing("the text is now at line \(moved.line); fix the line")
        }
        if let there = commitments.first(where: { $0.line == l.line }) {
            return .missing("the commitment at that line now reads \(Self.quote(there.text))")
        }
        return .missing("no commitment at that line starts so")
    }

    /// `text` starts with `start`, whitespace runs taken as one space.
    static func sameStart(_ text: String, _ start: String) -> Bool {
        normalized(text).hasPrefix(normalized(start))
    }

    static func sameName(_ a: String, _ b: String) -> Bool { normalized(a).lowercased() == normalized(b).lowercased() }

    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A text quoted in a message, cut at 60 characters.
    static func quote(_ s: String) -> String {
        let n = normalized(s)
        return "\"" + (n.count > 60 ? String(n.prefix(60)) + "…" : n) + "\""
    }
}
