import BriefingConfig
import BriefingModel

/// The kind(s), parts, start time, duration and place of a meeting, from its title lines and
/// opening paragraph.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor was copied on each call (every table retained and released).
final class MeetingFacts: Sendable {
    private let kinds: PhraseMatcher<String>
    private let generic: PhraseMatcher<Bool>
    private let callPhrases: PhraseMatcher<Bool>
    /// The kind of a meeting that someone only "spoke to" someone in (a call).
    let callKind: String?
    private let places: PhraseMatcher<String>
    private let notPlaces: Set<String>
    let leadersKind: String
    let ministersKind: String
    /// Kinds held at a distance (calls, video conferences).
    let remoteKinds: Set<String>
    private let future: PhraseMatcher<Bool>
    private let past: PhraseMatcher<Bool>

    let lexicon: Lexicon

    /// First words of titles and side names, lower-cased: "visiting Prime Minister X" names a
    /// person, "visiting France" no place.
    let notPlaceWords: Set<String>

    init(vocabulary v: MeetingVocabulary, notPlaceWords: Set<String>, lexicon: Lexicon) {
        self.lexicon = lexicon
        self.notPlaceWords = notPlaceWords.union(["the"])
        var k = PhraseMatcher<String>(lexicon: lexicon)
        for rule in v.kinds { for p in rule.phrases { k.add(p, rule.kind) } }
        kinds = k
        var g = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in v.genericPhrases { g.add(p, true) }
        generic = g
        var calls = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in v.callPhrases { calls.add(p, true) }
        callPhrases = calls
        callKind = v.callKind
        var pl = PhraseMatcher<String>(lexicon: lexicon)
        for p in v.places {
            pl.add(p.name, p.name)
            for a in p.aliases { pl.add(a, p.name) }
        }
        places = pl
        notPlaces = Set(v.notPlaces.map { $0.lowercased() })
        leadersKind = v.leadersMeeting
        ministersKind = v.ministersMeeting
        remoteKinds = Set(v.kinds.filter(\.remote).map(\.kind))
        var f = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in v.futurePhrases { f.add(p, true) }
        future = f
        var pa = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in v.pastPhrases { pa.add(p, true) }
        past = pa
    }

    /// The phrase by which an opening speaks of its meeting as one to come, when it speaks of
    /// none that took place ("will be held" and no "held", "met", "agreed").
    func announcement(_ toks: [Token]) -> String? {
        let coming = future.matches(in: toks)
        guard let f = coming.first else { return nil }
        // "held" inside "will be held" is not a meeting that took place.
        let took = past.matches(in: toks).filter { p in !coming.contains { $0.start <= p.start && p.end <= $0.end } }
        guard took.isEmpty else { return nil }
        return toks[f.start..<f.end].map(\.lower).joined(separator: " ")
    }

    /// Kinds in order of first appearance in the given texts (titles, then the opening), each
    /// already tokenized by the extractor, with its bytes for case-sensitive phrases.
    func kinds(in texts: [(tokens: [Token], bytes: [UInt8])]) -> [String] {
        var out: [String] = []
        for t in texts {
            for m in kinds.matches(in: t.tokens, text: t.bytes) where !out.contains(m.value) {
                out.append(m.value)
            }
        }
        return out
    }

    /// "spoke to", "spoke with": a call, when nothing else names the kind.
    func mentionsCall(_ texts: [[Token]]) -> Bool {
        texts.contains { !callPhrases.matches(in: $0).isEmpty }
    }

    func mentionsGenericMeeting(_ texts: [[Token]]) -> Bool {
        texts.contains { !generic.matches(in: $0).isEmpty }
    }

    func hasKindWords(_ toks: [Token]) -> Bool {
        return !kinds.matches(in: toks).isEmpty || !generic.matches(in: toks).isEmpty || !callPhrases.matches(in: toks).isEmpty
    }

    /// Start time, duration and the parts each with their own, from the opening paragraph.
    /// "commencing at 9:45 a.m. for approximately 90 minutes ... (summit meeting commenced at
    /// 9:50 a.m. and lasted approximately 40 minutes; signing ceremony commenced at 10:40 ...)".
    /// `openingTokens` are the tokens of `opening`, reused when it has no parentheses.
    func timing(_ opening: String, openingTokens: [Token]) -> (start: String?, minutes: Int?, parts: [MeetingPart]) {
        // Split off parenthesised part lists; what is outside is about the whole meeting.
        var outsideBytes: [UInt8] = []
        var inside: [String] = []
        var depth = 0
        var current: [UInt8] = []
        var sawParenthesis = false
        for b in opening.utf8 {
            if b == 0x28 {
                sawParenthesis = true
                if depth == 0 { current.removeAll() } else { current.append(b) }
                depth += 1
            } else if b == 0x29, depth > 0 {
                depth -= 1
                if depth == 0 { inside.append(String(decoding: current, as: UTF8.self)) } else { current.append(b) }
            } else if depth > 0 {
                current.append(b)
            } else {
                outsideBytes.append(b)
            }
        }
        let outside = String(decoding: outsideBytes, as: UTF8.self)
        // Without "(" nothing was split off: the outside is the opening, already tokenized.
        let wholeToks = sawParenthesis ? Tokenizer.tokens(outside) : openingTokens
        let times = Durations.times(outside)
        let start = times.first?.0
        var minutes = Durations.durations(wholeToks).first?.minutes
        // "from 10:00 a.m. to 11:15 a.m.": the difference.
        if minutes == nil, times.count >= 2, let a = Durations.minutesOfDay(times[0].0), let b = Durations.minutesOfDay(times[1].0) {
            let between = String(decoding: Array(outside.utf8)[times[0].1..<times[1].1], as: UTF8.self).lowercased()
            if between.contains(" to ") || between.contains(" until ") || between.contains("-") || between.contains("–"),
               b > a, b - a <= 12 * 60 {
                minutes = b - a
            }
        }
        var parts: [MeetingPart] = []
        for group in inside {
            for piece in group.split(whereSeparator: { $0 == ";" }) {
                let text = String(piece)
                let toks = lexicon.tokens(text)
                guard let kind = kinds.matches(in: toks, text: Array(text.utf8)).first?.value else { continue }
                let t = Durations.times(text).first?.0
                let d = Durations.durations(toks).first?.minutes
                guard t != nil || d != nil else { continue }
                parts.append(MeetingPart(kind: kind, startTime: t, durationMinutes: d))
            }
        }
        return (start, minutes, parts)
    }

    /// Where the meeting was: a known place or alias in the opening, else the place after
    /// "visiting", "in" or "at" when it looks like a name. Countries are too vague and ignored.
    /// Takes the opening's tokens and bytes (the extractor has them already).
    /// - Parameter datelineOnly: only a news dateline's place, as for a call: "according to the
    ///   Foreign Ministry in Tokyo" does not say where a call took place.
    /// - Parameter knownOnly: only places of the gazetteer said to be where ("at", "in"), as a
    ///   headline says them.
    func place(_ toks: [Token], bytes: [UInt8], datelineOnly: Bool = false, knownOnly: Bool = false) -> String? {
        let found = places.matches(in: toks, text: bytes)
        if !datelineOnly, let m = found.first(where: { isPlaceContext(toks, $0.start) }) {
            return m.value
        }
        if knownOnly { return nil }
        // A news dateline: "TOKYO, Jan. 28 (Kyodo) --", "NEW YORK —", and after a wire's own
        // header, "(MENAFN- KUNA) WASHINGTON, Dec 9 (KUNA) --".
        func capitals(_ m: PhraseMatcher<String>.Match) -> Bool {
            toks[m.start..<m.end].allSatisfy { t in bytes[t.start..<t.end].allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) } }
        }
        if let m = found.first, m.start == 0, toks[0].capitalized,
           toks[m.end - 1].punctuationAfter == 0x2C || capitals(m) {
            return m.value
        }
        if let m = found.first(where: { $0.start < 12 && capitals($0) && toks[$0.end - 1].punctuationAfter == 0x2C
                                        && $0.end < toks.count && DateFinder.months[toks[$0.end].lower] != nil }) {
            return m.value
        }
        if datelineOnly { return nil }
        for (i, t) in toks.enumerated() where ["visiting", "in", "at"].contains(t.lower) && i + 1 < toks.count {
            var j = i + 1
            if toks[j].lower == "the" { j += 1 }
            var e = j
            while e < toks.count, toks[e].capitalized, e - j < 3 {
                e += 1
                if toks[e - 1].punctuationAfter != 0 { break }
            }
            guard e > j else { continue }
            let name = String(decoding: bytes[toks[j].start..<toks[e - 1].end], as: UTF8.self)
            if notPlaces.contains(name.lowercased()) || notPlaces.contains("the " + name.lowercased()) { continue }
            // Only after "visiting" do we trust an unknown name: "in Tokyo" is in the gazetteer.
            if t.lower == "visiting", !notPlaceWords.contains(toks[j].lower) { return name }
        }
        return nil
    }

    /// "arrived in Tokyo", "arrived at Tokyo's Haneda airport", "landed in London": a known place.
    func arrivalPlace(_ toks: [Token], bytes: [UInt8]) -> String? {
        for (i, t) in toks.enumerated() where (t.lower == "arrived" || t.lower == "landed") && i + 2 < toks.count {
            guard ["in", "at"].contains(toks[i + 1].lower) else { continue }
            let j = toks[i + 2].lower == "the" ? i + 3 : i + 2
            if let m = places.match(at: j, in: toks, text: bytes) { return m.value }
        }
        return nil
    }

    private func isPlaceContext(_ toks: [Token], _ i: Int) -> Bool {
        var j = i - 1
        if j >= 0, toks[j].lower == "the" { j -= 1 }
        guard j >= 0 else { return false }
        return ["visiting", "in", "at", "to", "from"].contains(toks[j].lower)
    }
}
