import BriefingConfig

/// Who speaks in each sentence and who is the subject of each commitment cue. Carries the
/// previous speaker across sentences so "He", "She" and "They" resolve, and knows a newspaper
/// gist's "Abe:" prefix speaks for the whole line.
struct SpeakerResolver {
    let relationship: Relationship
    let table: PersonTable
    let sideOf: (Int) -> String?
    /// Last speaker side (a side id of the relationship, or "both").
    private(set) var lastSpeaker: String?
    private var lastPerson: (male: Int?, female: Int?) = (nil, nil)
    private var matrixSubject: Actor = .unknown
    private var matrixPerson: Int?

    init(relationship: Relationship, table: PersonTable, sideOf: @escaping (Int) -> String?) {
        self.relationship = relationship
        self.table = table
        self.sideOf = sideOf
    }

    static let introWords: Set<String> = ["in", "at", "on", "following", "furthermore", "additionally", "moreover",
                                          "regarding", "concerning", "with", "under", "during", "after", "before",
                                          "responding", "as", "also", "then", "meanwhile", "first", "second", "third",
                                          "finally", "subsequently", "similarly", "lastly", "besides", "when",
                                          "according", "while", "since", "for", "to", "from", "building", "noting",
                                          "recognizing", "welcoming", "looking", "today", "earlier", "later", "against"]
    static let skippable: Set<String> = Set(["also", "then", "once", "again", "further", "both", "all", "jointly", "each",
                                         "have", "has", "had", "was", "were", "is", "are", "been", "will", "would",
                                         "shall", "strongly", "firmly", "fully", "subsequently", "furthermore",
                                         "additionally", "together", "likewise", "hereby", "today", "formally",
                                         "in", "turn", "response", "personally", "warmly", "not", "only", "therefore",
                                         // News copy puts the day between subject and verb ("Motegi and Rubio on Saturday agreed").
                                         "on", "yesterday", "earlier", "later"]).union(DateFinder.weekdays)

    /// The sentence's speaker side, and remembers it for the next sentence.
    mutating func speaker(of toks: [Token], mentions: [Mention], gistSpeaker: Int?) -> String? {
        matrixSubject = .unknown
        matrixPerson = nil
        if let g = gistSpeaker {
            matrixPerson = g
            if let s = sideOf(g) { matrixSubject = .side(s) }
        } else if let m = matrixMention(toks, mentions) {
            matrixSubject = actor(of: m, toks: toks, mentions: mentions, gistSpeaker: nil)
            if case .person(let p) = m.kind { matrixPerson = p }
            if case .pronoun = m.kind, matrixSubject != .unknown {
                // keep the person a pronoun stood for
                matrixPerson = pronounPerson(toks[m.start].lower)
            }
        }
        if let p = matrixPerson {
            if table.isFemaleOptional(p) == true { lastPerson.female = p } else { lastPerson.male = p }
        }
        switch matrixSubject {
        case .side(let s): lastSpeaker = s
        case .both: lastSpeaker = "both"
        case .thirdParty, .unknown: break
        }
        return matrixSubject == .thirdParty ? nil : lastSpeaker
    }

    /// The first mention at the start of the sentence, after an introductory phrase.
    private func matrixMention(_ toks: [Token], _ mentions: [Mention]) -> Mention? {
        guard !toks.isEmpty else { return nil }
        var from = 0
        if SpeakerResolver.introWords.contains(toks[0].lower) {
            if let comma = toks.prefix(18).firstIndex(where: { $0.punctuationAfter == 0x2C }) { from = comma + 1 }
        }
        // Prefer a mention that is followed by its verb ("Prime Minister Abe stated"); a
        // possessive ("Biden's inquiry") is never the subject.
        let usable = mentions.filter { !toks[$0.end - 1].possessive }
        // An adverb may stand between subject and verb ("The two leaders closely coordinated").
        func verbFollows(_ m: Mention) -> Bool {
            var k = m.end
            while k < toks.count, k - m.end < 2, toks[k].lower.hasSuffix("ly"), toks[k].lower.utf8.count > 4 { k += 1 }
            return k < toks.count && looksLikeVerb(toks[k].lower)
        }
        if let m = usable.first(where: { $0.start >= from && verbFollows($0) }) {
            return m
        }
        return usable.first { $0.start >= from && $0.start <= from + 7 }
    }

    static let verbs: Set<String> = ["is", "are", "was", "were", "has", "have", "had", "will", "would", "also", "then",
                                     "said", "met", "held", "spoke", "made", "began", "began", "sought", "took",
                                     "gave", "told", "saw", "thanked", "once", "both", "jointly", "further", "can",
                                     "could", "should", "must", "did", "shared", "agreed", "reiterated",
                                     // Past tenses a suffix test misses.
                                     "used", "sent", "led", "put", "set", "got", "came", "went", "paid", "brought",
                                     "thought", "felt", "kept", "left", "meant", "stood", "wrote", "won", "knew", "owed"]

    private func looksLikeVerb(_ w: String) -> Bool {
        SpeakerResolver.verbs.contains(w) || (w.hasSuffix("ed") && w.count > 4) || (w.hasSuffix("s") && w.count > 3 && !w.hasSuffix("ss"))
    }

    private func pronounPerson(_ p: String) -> Int? {
        switch p {
        case "he": return lastPerson.male
        case "she": return lastPerson.female
        default: return nil
        }
    }

    /// The side a mention stands for, joining "A and B" / "A, B" into both.
    func actor(of m: Mention, toks: [Token], mentions: [Mention], gistSpeaker: Int?) -> Actor {
        let single = simpleActor(m, toks: toks, gistSpeaker: gistSpeaker)
        // Compound subject: another mention right before, joined by "and" or a comma. A side
        // adjective glued to the name ("French President Trump") is part of the same subject.
        var start = m.start
        if let adj = mentions.last(where: { $0.end == start }), case .side = adj.kind { start = adj.start }
        // "John Healey, and his American counterpart, Pete Hegseth": the pair as one subject.
        if let prev = mentions.last(where: { m in
            if case .person = m.kind { return m.end <= start && counterpartBetween(toks, m.end, start) }
            return false
        }) {
            if case .side(let a) = simpleActor(prev, toks: toks, gistSpeaker: gistSpeaker), case .side(let b) = single, a != b {
                return .both
            }
        }
        if let prev = mentions.last(where: { $0.end <= start }), prev.end >= start - 2 {
            let joiner = prev.end < start ? toks[prev.end].lower : ""
            if joiner == "and" || (prev.end == start && prev.end > 0 && toks[prev.end - 1].punctuationAfter == 0x2C) || joiner == "the" {
                let other = simpleActor(prev, toks: toks, gistSpeaker: gistSpeaker)
                if case .side(let a) = other, case .side(let b) = single, a != b { return .both }
                if other == .both { return .both }
            }
        }
        return single
    }

    /// "John Healey, and his American counterpart, Pete Hegseth": the pair named as counterparts.
    private func counterpartBetween(_ toks: [Token], _ from: Int, _ to: Int) -> Bool {
        guard to - from <= 6, from < to, toks[from].lower == "and" else { return false }
        return toks[from..<to].contains { $0.lower == "counterpart" || $0.lower == "counterparts" }
    }

    private func simpleActor(_ m: Mention, toks: [Token], gistSpeaker: Int?) -> Actor {
        switch m.kind {
        case .person(let i): return sideOf(i).map { .side($0) } ?? .thirdParty
        case .side(let s): return .side(s)
        case .both: return .both
        case .thirdParty: return .thirdParty
        case .pronoun(let p): return pronounActor(p, gistSpeaker: gistSpeaker)
        }
    }

    private func pronounActor(_ p: String, gistSpeaker: Int?) -> Actor {
        switch p {
        case "we", "i", "our", "my", "it", "its":
            if let g = gistSpeaker, let s = sideOf(g) { return .side(s) }
            if p == "we" || p == "our" { return .both }
            if p == "i" || p == "my" { return lastSpeaker.map(Self.actorOf) ?? .unknown }
            // "it": the side last speaking, if a country spoke.
            return lastSpeaker.map(Self.actorOf) ?? .unknown
        case "they", "their":
            return .both
        case "he", "his", "him":
            if let mp = matrixPerson, table.isFemaleOptional(mp) != true, let s = sideOf(mp) { return .side(s) }
            if let p = lastPerson.male, let s = sideOf(p) { return .side(s) }
            return lastSpeaker.map(Self.actorOf) ?? .unknown
        case "she", "her":
            if let mp = matrixPerson, table.isFemaleOptional(mp) != false, let s = sideOf(mp) { return .side(s) }
            if let p = lastPerson.female, let s = sideOf(p) { return .side(s) }
            return lastSpeaker.map(Self.actorOf) ?? .unknown
        default:
            return .unknown
        }
    }

    static func actorOf(_ side: String) -> Actor { side == "both" ? .both : .side(side) }

    /// Who a commitment cue's subject is: the mention right before it (skipping adverbs and
    /// auxiliaries), an intent noun's owner, else the sentence's subject.
    /// Plurals that name the pair when the two sides qualify them ("the UK and US governments").
    static let pairNouns: Set<String> = ["governments", "sides", "countries", "nations", "teams", "officials", "militaries",
                                        "delegations", "forces", "administrations"]

    func actor(for c: CommitmentDetector.Candidate, tokens toks: [Token], mentions: [Mention], gistSpeaker: Int?) -> Actor {
        // "shared recognition with Mr. Xi Jinping that ...", "agreed with North Korea": a
        // commitment made with a third party is not one of this relationship.
        let k = c.cueEnd
        if c.kind == .verb || c.kind == .sharedView, k < toks.count, toks[k].lower == "with",
           let m = mentions.first(where: { $0.start > k && $0.start <= k + 2 }),
           simpleActor(m, toks: toks, gistSpeaker: gistSpeaker) == .thirdParty {
            return .thirdParty
        }
        if let o = c.owner {
            if let m = mentions.first(where: { $0.start <= o && o < $0.end }) {
                return actor(of: m, toks: toks, mentions: mentions, gistSpeaker: gistSpeaker)
            }
            let w = toks[o].lower
            if ["his", "her", "their", "its", "our", "my"].contains(w) {
                let a = pronounActor(w, gistSpeaker: gistSpeaker)
                if (w == "his" || w == "her"), case .side = matrixSubject { return matrixSubject }
                if w == "their", matrixSubject != .unknown, matrixSubject != .thirdParty { return matrixSubject }
                return a
            }
        }
        var j = c.subjectBefore - 1
        while j >= 0, SpeakerResolver.skippable.contains(toks[j].lower) { j -= 1 }
        if j >= 0, let m = mentions.last(where: { $0.end == j + 1 }) {
            return actor(of: m, toks: toks, mentions: mentions, gistSpeaker: gistSpeaker)
        }
        // "the UK and US governments will", "the Canadian and American sides": the sides as
        // adjectives before a plural of the pair.
        if j >= 1, SpeakerResolver.pairNouns.contains(toks[j].lower),
           let m = mentions.last(where: { $0.end == j }) {
            return actor(of: m, toks: toks, mentions: mentions, gistSpeaker: gistSpeaker)
        }
        if c.kind == .modal {
            // "the fact ... will lead", "which will be held": no party is the subject.
            return .thirdParty
        }
        if matrixSubject != .unknown { return matrixSubject }
        if let g = gistSpeaker, let s = sideOf(g) { return .side(s) }
        return lastSpeaker.map(Self.actorOf) ?? .unknown
    }
}

extension PersonTable {
    func isFemaleOptional(_ i: Int) -> Bool? { femaleFlags[i] }
}
