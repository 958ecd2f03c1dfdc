import BriefingConfig
import BriefingModel

/// Who a cue's subject is.
enum Actor: Sendable, Equatable {
    case side(String)
    case both
    /// A third party (North Korea, another leader): not a commitment of this relationship.
    case thirdParty
    /// Nothing in the sentence says; the caller decides (carry the last speaker).
    case unknown
}

/// Finds commitments in one sentence and decides their strength and where each one's text
/// starts and ends. The vocabulary is `layouts/commitments.yaml`; this is the mechanism:
///
/// - A cue verb (signed 4; agreed, decided, concurred, pledged 3; confirmed, affirmed,
///   reiterated 2) makes a commitment, unless it is negated, nominal ("the agreed text"),
///   past perfect ("had agreed"), followed by a word that changes it ("agreed with"), or a
///   confirm-type verb whose that-clause describes no action ("confirmed that the Alliance is
///   strong").
/// - "shared the view that ..." (1) counts only when its clause says a party will act.
/// - An intent noun owned by a party ("her determination to", "Canada's intention to") is 1.
/// - A desire or readiness ("hopes to", "would like to", "is ready to") is 1, unless what is
///   intended is only talk ("would like to exchange views").
/// - A modal with a party as subject and an action verb ("We will continue to seek ...") is 1;
///   "will be important", "would have a relationship" are states, not actions.
/// - A later cue in the same sentence joins the commitment before it (it is part of that
///   clause) unless it starts a coordinated clause of its own ("signed X and confirmed Y");
///   "... and agreed on the importance of Y" always joins.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor was copied on each call (every table retained and released).
final class CommitmentDetector: Sendable {
    enum CueKind: Sendable { case verb, sharedView, intention, desire, modal }

    struct Candidate: Sendable {
        var kind: CueKind
        var strength: Commitment.Strength
        var cueStart: Int
        var cueEnd: Int
        /// Where to look for the subject: before this token.
        var subjectBefore: Int
        /// For intent nouns: the possessive owner token ("Canada's", "her").
        var owner: Int?
        var cue: String
    }

    struct Found: Sendable {
        var strength: Commitment.Strength
        var actor: Actor
        var cue: String
        /// Token where this commitment's share of the sentence starts, and its cue.
        var segmentStart: Int
        var cueStart: Int
    }

    private let verbStrength: [String: Int]
    /// Strength by lexicon id of the folded verb (0 = not a cue verb), for the per-word scan.
    private let verbStrengthByID: [Int8]
    private let hopeWords: WordSet
    private let modalWords: WordSet
    private let intentionWords: WordSet
    private let needsAction: Set<String>
    private let notAfter: [String: [[String]]]
    private let sharedView: PhraseMatcher<Bool>
    private let intentionNouns: Set<String>
    private let desires: PhraseMatcher<Bool>
    private let modals: Set<String>
    private let stative: Set<String>
    private let transparent: PhraseMatcher<Bool>
    private let talk: PhraseMatcher<Bool>
    private let negations: PhraseMatcher<Bool>
    private let attitude: PhraseMatcher<Bool>
    private let nonActionObjects: Set<String>
    private let listVerbs: Set<String>
    /// Words that may open a demand or a news report, by lexicon id: asked at every word.
    private let demandOrReportWords: WordSet

    static let determiners: Set<String> = ["his", "her", "their", "its", "our", "my", "the", "a", "an"]
    static let adjectives: Set<String> = ["strong", "firm", "resolute", "unwavering", "steadfast", "continued",
                                          "full", "shared", "deep", "sincere", "clear", "ironclad", "unshakable",
                                          "common", "mutual", "earnest", "renewed", "sincere"]
    static let beVerbs: Set<String> = ["is", "are", "was", "were", "remain", "remains", "remained", "be", "been", "being"]
    static let coordinators: Set<String> = ["and", "but", "while", "whereas"]
    static let adverbs: Set<String> = ["also", "further", "then", "once", "again", "jointly", "both", "all", "each",
                                       "firmly", "strongly", "fully", "subsequently", "additionally", "together",
                                       "likewise", "similarly", "hereby", "today", "formally", "officially"]

    init(vocabulary v: CommitmentVocabulary, lexicon: Lexicon) {
        var vs: [String: Int] = [:]
        for (s, words) in v.verbs { for w in words { vs[w.lowercased()] = s } }
        verbStrength = vs
        var byID: [Int8] = []
        for (w, st) in vs {
            let id = Int(lexicon.intern(Tokenizer.fold(w)))
            if id >= byID.count { byID += Array(repeating: 0, count: id - byID.count + 1) }
            byID[id] = Int8(st)
        }
        verbStrengthByID = byID
        hopeWords = WordSet(Array(CommitmentDetector.hopeVerbs), lexicon: lexicon)
        modalWords = WordSet(v.modals, lexicon: lexicon)
        intentionWords = WordSet(v.intentionNouns, lexicon: lexicon)
        needsAction = Set(v.needsActionInClause.map { $0.lowercased() })
        var na: [String: [[String]]] = [:]
        for (k, list) in v.notAfter { na[k] = list.map { Tokenizer.tokens($0).map(\.lower) } }
        notAfter = na
        func matcher(_ phrases: [String]) -> PhraseMatcher<Bool> {
            var m = PhraseMatcher<Bool>(lexicon: lexicon)
            for p in phrases { m.add(p, true) }
            return m
        }
        sharedView = matcher(v.sharedView)
        intentionNouns = Set(v.intentionNouns.map { Tokenizer.fold($0.lowercased()) })
        desires = matcher(v.desires)
        modals = Set(v.modals.map { $0.lowercased() })
        stative = Set(v.stativeVerbs.map { $0.lowercased() })
        transparent = matcher(v.transparent)
        talk = matcher(v.talkWords)
        negations = matcher(v.negations)
        attitude = matcher(v.attitudeObjects)
        nonActionObjects = Set(v.nonActionObjects.map { Tokenizer.fold($0.lowercased()) })
        listVerbs = Set(v.listVerbs.map { $0.lowercased() })
        demandOrReportWords = WordSet(Array(CommitmentDetector.demandVerbs) + ["called", "calls", "call", "announced", "announces"],
                                      lexicon: lexicon)
    }

    /// - Parameter actorOf: resolves who a candidate's subject is.
    /// - Parameter text: the sentence's bytes, which the tokens index.
    func detect(_ toks: [Token], text: [UInt8] = [], actorOf: (Candidate) -> Actor) -> [Found] {
        let candidates = findCandidates(toks, text: text)
        var found: [Found] = []
        var lastCueEnd = -1
        // A cue made with a third party still owns its clause: "shared recognition with Mr. Xi
        // that they will strive" gives nothing, not a "will strive" of the two sides.
        var heldByThirdParty = false
        for (ci, c) in candidates.enumerated() {
            let actor = actorOf(c)
            if actor == .thirdParty {
                if c.kind == .verb || c.kind == .sharedView {
                    heldByThirdParty = true
                    lastCueEnd = c.cueEnd
                }
                continue
            }
            if heldByThirdParty {
                guard c.kind == .verb || c.kind == .sharedView, startsCoordinatedClause(toks, c, after: lastCueEnd) else { continue }
                heldByThirdParty = false
            }
            if let prev = found.last {
                // Later cue in the same sentence: a new commitment only when it begins a
                // coordinated clause of its own.
                if c.kind == .verb, attitude.match(at: c.cueEnd, in: toks) != nil { continue }
                let coordinated = startsCoordinatedClause(toks, c, after: lastCueEnd)
                let newSubject = explicitSubject(toks, before: c.subjectBefore) && actor != prev.actor
                switch c.kind {
                case .verb, .sharedView:
                    if !coordinated && !newSubject { continue }
                    // A short follow-up of the same subject elaborates the commitment before it
                    // ("agreed to hold talks after the summit, and decided to coordinate the details").
                    let clauseEnd = candidates[(ci + 1)...].first { $0.subjectBefore >= c.cueEnd }?.subjectBefore ?? toks.count
                    if !newSubject, c.kind == .verb, clauseEnd - c.cueEnd <= 4,
                       !toks[c.cueEnd..<clauseEnd].contains(where: { $0.capitalized }) { continue }
                case .modal:
                    // A modal after a cue is inside that cue's clause ("hopes Canada will").
                    continue
                case .intention, .desire:
                    if !(coordinated && newSubject) && !(c.kind == .intention && coordinated) { continue }
                }
            }
            if c.kind == .modal || c.kind == .desire, actor == .unknown, found.isEmpty, !hasSubjectPronoun(toks, c) {
                // A modal with no party as its subject is a forecast, not an intent.
                continue
            }
            let start = found.isEmpty ? 0 : segmentStart(toks, c, after: lastCueEnd)
            found.append(Found(strength: c.strength, actor: actor, cue: c.cue, segmentStart: start, cueStart: c.cueStart))
            lastCueEnd = c.cueEnd
        }
        return found
    }

    private func hasSubjectPronoun(_ toks: [Token], _ c: Candidate) -> Bool {
        let i = c.subjectBefore - 1
        return i >= 0 && MentionFinder.pronouns.contains(toks[i].lower)
    }

    /// A coordinator or comma between the previous cue and this one, right before this cue's
    /// subject or verb.
    private func startsCoordinatedClause(_ toks: [Token], _ c: Candidate, after prevEnd: Int) -> Bool {
        var i = c.subjectBefore - 1
        var steps = 0
        while i > prevEnd, steps < 8 {
            let w = toks[i].lower
            if CommitmentDetector.coordinators.contains(w) { return true }
            if toks[i].punctuationAfter == 0x2C || toks[i].punctuationAfter == 0x3B { return true }
            if CommitmentDetector.adverbs.contains(w) || toks[i].capitalized || MentionFinder.pronouns.contains(w)
                || ["the", "two", "leaders", "sides", "countries"].contains(w) {
                i -= 1
                steps += 1
                continue
            }
            return false
        }
        return false
    }

    private func explicitSubject(_ toks: [Token], before i: Int) -> Bool {
        var j = i - 1
        while j >= 0, CommitmentDetector.adverbs.contains(toks[j].lower) || CommitmentDetector.beVerbs.contains(toks[j].lower) { j -= 1 }
        guard j >= 0 else { return false }
        return toks[j].capitalized || MentionFinder.pronouns.contains(toks[j].lower)
            || ["leaders", "sides", "countries", "governments", "ministers"].contains(toks[j].lower)
    }

    /// Where a later commitment's text begins: at the coordinator or subject before its cue.
    private func segmentStart(_ toks: [Token], _ c: Candidate, after prevEnd: Int) -> Int {
        var i = c.subjectBefore
        var steps = 0
        while i - 1 > prevEnd, steps < 8 {
            let w = toks[i - 1].lower
            if toks[i - 1].punctuationAfter == 0x2C || toks[i - 1].punctuationAfter == 0x3B { break }
            i -= 1
            steps += 1
            if CommitmentDetector.coordinators.contains(w) { break }
        }
        return i
    }

    /// A bulleted item that opens with an undertaking's verb ("Continue coordinating closely
    /// with ...", "Reaffirm the commitment to ..."): its strength and cue.
    func listItemCue(_ toks: [Token]) -> (Commitment.Strength, String)? {
        guard let first = toks.first, first.capitalized, listVerbs.contains(first.lower), toks.count >= 4,
              !talkFollows(toks, from: 1) else { return nil }
        let s = verbStrength[first.lower + "ed"] ?? verbStrength[first.lower + "d"] ?? 1
        return (Commitment.Strength(rawValue: min(s, 3)) ?? .sharedView, first.lower)
    }

    // MARK: - Candidates

    func findCandidates(_ toks: [Token], text: [UInt8] = []) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        // After "announced Thursday that", what someone "would" do is the news being reported.
        var inReport = false
        // After "called on North Korea to", intents and plans are what is asked of another.
        var inDemand = false
        while i < toks.count {
            // "a Senate-confirmed Ambassador": a cue word inside a hyphenated adjective.
            let hyphenated = toks[i].start > 0 && toks[i].start <= text.count && text[toks[i].start - 1] == 0x2D
            if let c = (hyphenated ? nil : verbCue(toks, i)) ?? sharedViewCue(toks, i) ?? (inDemand ? nil : intentionCue(toks, i))
                ?? (inDemand ? nil : desireCue(toks, i)) ?? (inReport || inDemand ? nil : modalCue(toks, i)) {
                out.append(c)
                inDemand = false
                i = c.cueEnd
                continue
            }
            if demandOrReportWords.contains(toks[i]) {
                if reportsNews(toks, i) { inReport = true }
                if let end = callOnThirdParty(toks, i) {
                    i = end
                    inDemand = true
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// "called on X to", "urged X to", "pressed X to": the end of that demand's verb phrase.
    private func callOnThirdParty(_ toks: [Token], _ i: Int) -> Int? {
        let w = toks[i].lower
        var k: Int
        if (w == "called" || w == "calls" || w == "call") && i + 1 < toks.count && toks[i + 1].lower == "on" {
            k = i + 2
        } else if CommitmentDetector.demandVerbs.contains(w) {
            k = i + 1
        } else {
            return nil
        }
        let start = k
        while k < toks.count, k - start <= 8, toks[k].lower != "to" { k += 1 }
        guard k < toks.count, toks[k].lower == "to", k > start else { return nil }
        return k + 1
    }

    static let demandVerbs: Set<String> = ["urged", "urges", "pressed", "presses", "demanded", "demands", "requested",
                                           "requests", "asked", "asks", "encouraged", "encourages"]

    /// "announced (Thursday) that": a report of news, not the announcer's undertaking.
    private func reportsNews(_ toks: [Token], _ i: Int) -> Bool {
        let w = toks[i].lower
        guard w == "announced" || w == "announces" else { return false }
        var k = i + 1
        while k < toks.count, k - i <= 3, CommitmentDetector.timeWords.contains(toks[k].lower) { k += 1 }
        return k < toks.count && toks[k].lower == "that"
    }

    private func negated(_ toks: [Token], before i: Int) -> Bool {
        for back in 1...3 where i - back >= 0 {
            if let m = negations.match(at: i - back, in: toks), m.end >= i - 1 { return true }
        }
        return false
    }

    private func verbCue(_ toks: [Token], _ i: Int) -> Candidate? {
        let id = Int(toks[i].id)
        guard id > 0, id < verbStrengthByID.count, verbStrengthByID[id] > 0 else { return nil }
        let w = toks[i].lower
        guard let s = verbStrength[w] else { return nil }
        let prev = i > 0 ? toks[i - 1].lower : ""
        // "as agreed at the last summit" recalls another meeting's decision.
        if ["the", "a", "an", "this", "its", "their", "newly", "mutually", "previously", "as", "recently", "already"].contains(prev) {
            return nil
        }
        // "In 2006, the then government signed ...": a report of another year's act.
        if pastYearBefore(toks, i) { return nil }
        // Past perfect is a report of the past, except in reported speech, where it stands for
        // the speaker's present perfect ("noted that he had decided to begin consultations").
        if prev == "had", !reportedSpeech(toks, before: i - 1) { return nil }
        if let blocked = notAfter[w] {
            for phrase in blocked where i + phrase.count < toks.count {
                if zip(phrase, toks[(i + 1)...]).allSatisfy({ $0 == $1.lower }) { return nil }
            }
        }
        // A third-person form follows its subject ("Canada signs", "he agrees"), not an adjective
        // or a determiner ("real and genuine signs of progress").
        if w.hasSuffix("s"), !w.hasSuffix("ss"), i > 0, !toks[i - 1].capitalized,
           !MentionFinder.pronouns.contains(prev), !prev.hasSuffix("ly"), !CommitmentDetector.adverbs.contains(prev) {
            return nil
        }
        // Inside a clause about another time ("progress made since they announced ...").
        if subordinateBefore(toks, i) { return nil }
        // A feeling or an assessment as the object: "reiterated his shock", "agreed on the huge
        // strength of the relationship".
        if nonActionObject(toks, after: i) { return nil }
        // Base forms ("agree", "sign") only as a finite verb after a subject pronoun or adverb.
        let base = !w.hasSuffix("ed") && !w.hasSuffix("s")
        if base, !(["we", "they", "i", "both", "jointly", "hereby", "also", "to"].contains(prev)) { return nil }
        if base, prev == "to" {
            // "agreed to confirm" is part of the cue before; "decided to sign" too.
            return nil
        }
        if negated(toks, before: i) { return nil }
        // "he was resolved to" is a state of mind (a desire), not the act of resolving.
        if w == "resolved", CommitmentDetector.beVerbs.contains(prev) { return nil }
        let next = i + 1 < toks.count ? toks[i + 1].lower : ""
        // A passive naming a role is an appointment, not a commitment ("was confirmed as ambassador").
        if CommitmentDetector.beVerbs.contains(prev), next == "as" { return nil }
        // "announced Thursday that ..." reports news; "announced a new initiative" sets work in motion.
        if reportsNews(toks, i) { return nil }
        // Affirming another's right ("reaffirmed Israel's right to defend itself") is support for
        // a position, not an undertaking of one's own.
        if s == Commitment.Strength.confirmed.rawValue, i + 2 < toks.count,
           (toks[i + 1].possessive && toks[i + 1].capitalized && ["right", "rights"].contains(toks[i + 2].lower))
            || (next == "the" && ["right", "rights"].contains(toks[i + 2].lower) && i + 3 < toks.count && toks[i + 3].lower == "of") {
            return nil
        }
        // "agreed that the alliance has never been stronger" is a shared assessment; "agreed that
        // they should take the lead", "... not the time to talk but to apply pressure" are not.
        if needsAction.contains(w), thatClause(toks, after: i),
           !clauseHasAction(toks, from: i + 1, lenient: s >= Commitment.Strength.agreed.rawValue) { return nil }
        var strength = Commitment.Strength(rawValue: s)!
        var cue = w
        if w == "committed", i > 0, CommitmentDetector.beVerbs.contains(prev) {
            cue = "\(prev) committed"
        }
        if strength == .agreed, w == "committed", !(i + 1 < toks.count && toks[i + 1].lower == "to") { strength = .agreed }
        var subjectBefore = i
        if i > 0, CommitmentDetector.beVerbs.contains(prev) { subjectBefore = i - 1 }
        return Candidate(kind: .verb, strength: strength, cueStart: i, cueEnd: i + 1, subjectBefore: subjectBefore,
                         owner: nil, cue: cue)
    }

    static let actionGerunds: Set<String> = ["continuing", "strengthening", "promoting", "working", "cooperating",
                                             "enhancing", "deepening", "advancing", "pursuing", "expanding",
                                             "accelerating", "coordinating", "realizing", "maintaining", "steadily"]
    static let importanceWords: Set<String> = ["important", "essential", "crucial", "indispensable", "vital", "necessary"]
    /// Nouns that name joint work ("close cooperation ... is important").
    static let actionNouns: Set<String> = ["cooperation", "co-operation", "collaboration", "coordination", "co-ordination",
                                           "efforts", "effort"]

    /// Words that date a report: "announced Thursday that", "announced on Friday that".
    static let timeWords: Set<String> = ["on", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday", "earlier", "later", "late", "last", "this", "week",
                                         "morning", "evening", "night", "afternoon"]
    /// Verbs that report what someone said.
    static let reportingVerbs: Set<String> = ["said", "says", "noted", "notes", "stated", "states", "explained", "explains",
                                              "told", "tells", "added", "adds", "mentioned", "indicated", "revealed",
                                              "conveyed", "emphasized", "emphasised", "stressed", "informed", "remarked",
                                              "replied", "responded", "underlined"]

    /// "since they announced", "after the two sides signed": a cue in a clause about another time.
    private func subordinateBefore(_ toks: [Token], _ i: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 4 {
            let w = toks[k].lower
            if ["since", "after", "when", "before", "until", "once"].contains(w) { return true }
            guard MentionFinder.pronouns.contains(w) || CommitmentDetector.adverbs.contains(w) || w == "the" || w == "two"
                    || w == "leaders" || w == "sides" || w == "had" || w == "have" else { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    /// The cue's object, past "on", "his", "their", "the" and adjectives, is a feeling or an assessment.
    private func nonActionObject(_ toks: [Token], after i: Int) -> Bool {
        var k = i + 1
        var steps = 0
        while k < toks.count, steps < 4 {
            let w = toks[k].lower
            if nonActionObjects.contains(toks[k].norm) { return true }
            guard ["on", "his", "her", "their", "its", "our", "the", "a", "deep", "deepest", "huge", "great", "sincere",
                   "heartfelt", "profound", "strong", "continued", "warm", "with"].contains(w) || toks[k].capitalized else { return false }
            k += 1
            steps += 1
        }
        return false
    }

    /// "In 2006," or "in 2014" before the cue: the sentence reports what happened then.
    private func pastYearBefore(_ toks: [Token], _ i: Int) -> Bool {
        var k = 1
        while k < i {
            if toks[k - 1].lower == "in" || toks[k - 1].lower == "since", DateFinder.yearNumber(toks[k].lower) != nil { return true }
            k += 1
        }
        return false
    }

    /// A reporting verb and its "that" within a few words before `i` ("noted that he had ...").
    private func reportedSpeech(_ toks: [Token], before i: Int) -> Bool {
        var k = i - 1
        while k >= 1, i - k <= 5 {
            if toks[k].lower == "that", CommitmentDetector.reportingVerbs.contains(toks[k - 1].lower) { return true }
            if CommitmentDetector.reportingVerbs.contains(toks[k].lower) { return true }
            k -= 1
        }
        return false
    }

    private func sharedViewCue(_ toks: [Token], _ i: Int) -> Candidate? {
        guard let m = sharedView.match(at: i, in: toks) else { return nil }
        if negated(toks, before: i) { return nil }
        // "shared the view that ..." (a clause), not "shared views on the situation" (a topic);
        // "shared recognition with X that ..." keeps its clause a few words on.
        // "shared the view on continuing to further strengthen the Alliance": the view is an action.
        if m.end + 1 < toks.count, toks[m.end].lower == "on", CommitmentDetector.actionGerunds.contains(toks[m.end + 1].lower) {
            let cue = toks[i..<m.end].map(\.lower).joined(separator: " ")
            return Candidate(kind: .sharedView, strength: .sharedView, cueStart: i, cueEnd: m.end, subjectBefore: i,
                             owner: nil, cue: cue)
        }
        guard let that = toks[m.end..<min(toks.count, m.end + 8)].firstIndex(where: { $0.lower == "that" }),
              toks[m.end..<that].allSatisfy({ $0.lower != "on" || that == m.end }),
              clauseHasAction(toks, from: that + 1) else { return nil }
        let cue = toks[i..<m.end].map(\.lower).joined(separator: " ")
        return Candidate(kind: .sharedView, strength: .sharedView, cueStart: i, cueEnd: m.end, subjectBefore: i,
                         owner: nil, cue: cue)
    }

    private func intentionCue(_ toks: [Token], _ i: Int) -> Candidate? {
        guard intentionWords.contains(toks[i]), i + 1 < toks.count else { return nil }
        // "her determination to", "the hope that", "the commitment of France to".
        var follows = toks[i + 1].lower == "to" || toks[i + 1].lower == "that"
        var ofOwner = false
        if !follows, toks[i + 1].lower == "of" {
            if let k = toks[(i + 2)..<min(toks.count, i + 8)].firstIndex(where: { $0.lower == "to" || $0.lower == "that" }),
               toks[(i + 2)..<k].contains(where: { $0.capitalized }) {
                follows = true
                ofOwner = true
            }
        }
        guard follows else { return nil }
        // An owner within three words before: "her", "their", "Canada's", "France's".
        var j = i - 1
        var owner: Int?
        while j >= 0, i - j <= 3 {
            let t = toks[j]
            if t.possessive || ["his", "her", "their", "its", "our", "my"].contains(t.lower) { owner = j; break }
            if t.lower == "the" || t.lower == "a" || t.lower == "an" { break }
            if !CommitmentDetector.adjectives.contains(t.lower) && !t.capitalized { return nil }
            // "the French commitment", "the Canadian determination": a capitalised modifier owns it.
            if t.capitalized, owner == nil { owner = j }
            j -= 1
        }
        let determiner = j >= 0 ? toks[j].lower : ""
        if toks[i].norm == "will", owner == nil { return nil }
        guard owner != nil || determiner == "the" || determiner == "a" || determiner == "an" else { return nil }
        // "... the importance of ..." is not intent; "the hope that" after a verb of expression is.
        if owner == nil, toks[i].norm == "commitment", !ofOwner { return nil }
        if talkFollows(toks, from: i + 2) { return nil }
        // The verb that governs the noun decides the subject ("She expressed her commitment").
        var verb = j - 1
        while verb >= 0, j - verb <= 3, !toks[verb].lower.hasSuffix("ed") && !toks[verb].lower.hasSuffix("s") { verb -= 1 }
        let hasVerb = verb >= 0 && j - verb <= 3
        // Only a verb of expression or affirmation makes the noun a commitment: "expressed her
        // determination", not "discussed their shared commitment".
        if hasVerb, !CommitmentDetector.expressionVerbs.contains(toks[verb].lower), verbStrength[toks[verb].lower] == nil {
            return nil
        }
        // The object of a preposition ("we'll talk about our mutual desire to fight terror").
        if !hasVerb, j >= 1, CommitmentDetector.prepositions.contains(toks[j - 1].lower) { return nil }
        // A participle that sets the scene ("Recognizing the French commitment to ..., the leaders
        // resolved"): the commitment it names is context, unless the participle itself affirms
        // or expresses it ("Reaffirming their commitment to ...").
        if !hasVerb, j >= 1, case let w = toks[j - 1].lower, w.hasSuffix("ing"), w.utf8.count > 5 {
            let stem = String(w.dropLast(3))
            let pastForms = [stem + "ed", stem + "d", String(stem.dropLast()) + "ed"]
            if !pastForms.contains(where: { CommitmentDetector.expressionVerbs.contains($0) || verbStrength[$0] != nil }) { return nil }
        }
        let subjectBefore = hasVerb ? verb : max(0, j)
        if negated(toks, before: max(0, j)) { return nil }
        let verbWord = verb >= 0 && j - verb <= 3 ? toks[verb].lower + " ... " : ""
        return Candidate(kind: .intention, strength: .sharedView, cueStart: max(0, j), cueEnd: i + 1,
                         subjectBefore: subjectBefore, owner: owner, cue: verbWord + toks[i].lower)
    }

    static let prepositions: Set<String> = ["about", "on", "of", "for", "with", "regarding", "concerning", "over"]
    /// Adjectives before a noun of intent ("a viable plan to", "a concrete aim to").
    static let adjectiveEndings = ["able", "ible", "ful", "ous", "ive", "ic", "al"]

    static let expressionVerbs: Set<String> = ["expressed", "expresses", "conveyed", "conveys", "stated", "states",
                                               "explained", "explains", "emphasized", "emphasizes", "emphasised",
                                               "showed", "shows", "demonstrated", "demonstrates", "indicated",
                                               "indicates", "voiced", "announced", "announces", "underlined",
                                               "stressed", "stresses", "highlighted", "signaled", "signalled",
                                               "made", "shared", "noted", "notes", "is", "was", "are", "were"]
    static let hopeVerbs: Set<String> = ["hope", "hopes", "hoped", "wish", "wishes", "wished", "trust", "trusts"]

    private func desireCue(_ toks: [Token], _ i: Int) -> Candidate? {
        // "he hopes Canada and France will work together": hope with a bare clause.
        if hopeWords.contains(toks[i]), CommitmentDetector.hopeVerbs.contains(toks[i].lower), i + 1 < toks.count,
           toks[i + 1].lower != "to", toks[i + 1].lower != "that",
           toks[i + 1].capitalized || MentionFinder.pronouns.contains(toks[i + 1].lower) || toks[i + 1].lower == "the",
           clauseHasAction(toks, from: i + 1), !negated(toks, before: i) {
            return Candidate(kind: .desire, strength: .sharedView, cueStart: i, cueEnd: i + 1, subjectBefore: i,
                             owner: nil, cue: toks[i].lower)
        }
        guard let m = desires.match(at: i, in: toks) else { return nil }
        if negated(toks, before: i) { return nil }
        // "Canada continues to ...": an ongoing act of a party named right before it, not a state
        // of things ("the situation continues to deteriorate").
        if toks[i].lower.hasPrefix("continue"), i == 0 || !(toks[i - 1].capitalized || MentionFinder.pronouns.contains(toks[i - 1].lower)
            || ["countries", "sides", "governments", "leaders", "ministers", "both", "also", "will"].contains(toks[i - 1].lower)) {
            return nil
        }
        // "looked forward to the summit": an event to come, not an act of the party's.
        if toks[m.end - 1].lower == "to", toks[m.end - 2].lower == "forward", m.end < toks.count,
           CommitmentDetector.determiners.contains(toks[m.end].lower) || toks[m.end].possessive {
            return nil
        }
        // "a politically sustainable plan to relocate", "their hope to": nouns, not a party's intent.
        if i > 0, CommitmentDetector.determiners.contains(toks[i - 1].lower) || toks[i - 1].possessive
            || CommitmentDetector.adjectiveEndings.contains(where: { toks[i - 1].lower.hasSuffix($0) }) {
            return nil
        }
        if talkFollows(toks, from: m.end) { return nil }
        if toks[m.end - 1].lower == "that", !clauseHasAction(toks, from: m.end) { return nil }
        let cue = toks[i..<m.end].map(\.lower).joined(separator: " ")
        return Candidate(kind: .desire, strength: .sharedView, cueStart: i, cueEnd: m.end, subjectBefore: i,
                         owner: nil, cue: cue)
    }

    private func modalCue(_ toks: [Token], _ i: Int) -> Candidate? {
        guard modalWords.contains(toks[i]), modals.contains(toks[i].lower), i > 0 else { return nil }
        // "the Prime Minister's will to strengthen" is a noun.
        if toks[i - 1].possessive || CommitmentDetector.determiners.contains(toks[i - 1].lower) { return nil }
        if i + 1 < toks.count, toks[i + 1].lower == "to" { return nil }
        var j = i + 1
        while j < toks.count, let t = transparent.match(at: j, in: toks) { j = t.end }
        guard j < toks.count else { return nil }
        let verb = toks[j].lower
        if verb == "not" || verb == "never" { return nil }
        if stative.contains(verb) {
            // "will be held" (passive action) counts; "will be important" does not.
            guard verb == "be", j + 1 < toks.count, isParticiple(toks[j + 1].lower) else { return nil }
        }
        if verb == "like" { return nil } // "would like to" is a desire
        if talkFollows(toks, from: j) { return nil }
        return Candidate(kind: .modal, strength: .sharedView, cueStart: i, cueEnd: j + 1, subjectBefore: i,
                         owner: nil, cue: toks[i].lower + " " + verb)
    }

    private func isParticiple(_ w: String) -> Bool {
        (w.hasSuffix("ed") || w.hasSuffix("en") || ["held", "made", "built", "set", "kept", "taken"].contains(w))
            && !["open", "often", "even", "given"].contains(w)
    }

    private func talkFollows(_ toks: [Token], from i: Int) -> Bool {
        var j = i
        var steps = 0
        while j < toks.count, steps < 4 {
            if talk.match(at: j, in: toks) != nil { return true }
            j += 1
            steps += 1
        }
        return false
    }

    /// "confirmed that ..." or "confirmed they will ..." (a clause), as opposed to
    /// "confirmed the importance of ..." (an object).
    private func thatClause(_ toks: [Token], after i: Int) -> Bool {
        guard i + 1 < toks.count else { return false }
        let n = toks[i + 1].lower
        if n == "that" { return true }
        if ["they", "we", "both", "he", "she", "it"].contains(n) { return true }
        // "confirmed Canada will ...": a named subject and its modal.
        if toks[i + 1].capitalized, toks[(i + 2)..<min(toks.count, i + 6)].contains(where: { modals.contains($0.lower) }) { return true }
        return false
    }

    /// The clause says someone will act: a modal, "continue to", or an intent noun. The
    /// clause ends where a coordinated verb begins another ("..., and discussed ...").
    /// - Parameter lenient: also "should", "must", "need to" and "to <verb>" (for agree-type
    ///   verbs, whose that-clause is an assessment only when it is a bare state).
    private func clauseHasAction(_ toks: [Token], from i: Int, lenient: Bool = false) -> Bool {
        var j = i
        while j < toks.count {
            if lenient {
                let w = toks[j].lower
                if w == "should" || w == "must" || w == "need" || w == "needs" { return true }
                if w == "to", j + 1 < toks.count, !toks[j + 1].capitalized, !stative.contains(toks[j + 1].lower),
                   !CommitmentDetector.determiners.contains(toks[j + 1].lower) { return true }
            }
            if j > i, CommitmentDetector.coordinators.contains(toks[j].lower), j + 1 < toks.count {
                let next = toks[j + 1].lower
                if next.hasSuffix("ed") && next.count > 4 && !toks[j + 1].capitalized || verbStrength[next] != nil { return false }
            }
            if toks[j].punctuationAfter == 0x3B { return false }
            let w = toks[j].lower
            if modals.contains(w) {
                // The modal's verb must be an action.
                var k = j + 1
                while k < toks.count, let t = transparent.match(at: k, in: toks) { k = t.end }
                if k < toks.count {
                    let v = toks[k].lower
                    if !stative.contains(v) || (v == "be" && k + 1 < toks.count && isParticiple(toks[k + 1].lower)) {
                        return true
                    }
                }
            }
            if desires.match(at: j, in: toks) != nil { return true }
            // "that close coordination between the three countries is important": the action
            // the parties hold to matter.
            if CommitmentDetector.importanceWords.contains(w), j > i,
               toks[i..<j].contains(where: { CommitmentDetector.actionNouns.contains($0.lower) }) { return true }
            if w == "continue" || w == "continues" || w == "commitment" || w == "committed" || w == "intention"
                || w == "determination" || w == "pledge" || w == "resolve" {
                return true
            }
            j += 1
        }
        return false
    }
}
