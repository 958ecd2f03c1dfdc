import BriefingConfig
import BriefingIngest
import BriefingModel

/// One readout -> one Meeting. Compiles the configuration's vocabularies once; `extract` is
/// pure and safe to call from several threads. A class so that sharing it (with threads, with
/// closures) copies one reference, not every compiled table.
public final class MeetingExtractor: Sendable {
    public let configuration: Configuration
    /// Latest date a year may be inferred for (today, by default).
    public let asOf: CalendarDay
    let people: PeopleIndex
    let mentions: MentionFinder
    let facts: MeetingFacts
    let topics: TopicMatcher
    let detector: CommitmentDetector
    let keepStatements: Bool
    /// Whether meetings keep their sentences at all (id, line, text); off where only counts,
    /// topics and commitments are wanted (a chart or a brief from readouts).
    let keepSentences: Bool
    let lexicon: Lexicon
    /// A shared one-element list per topic and concept id.
    let singletons: [String: [String]]
    /// Words that say a leader is new in office: a year-less date is then in the term's first year.
    let firstTermCues: PhraseMatcher<Bool>

    public init(configuration: Configuration, asOf: CalendarDay, keepStatements: Bool = false, keepSentences: Bool = true) {
        self.configuration = configuration
        self.asOf = asOf
        self.keepStatements = keepStatements
        self.keepSentences = keepSentences
        let lexicon = Lexicon()
        self.lexicon = lexicon
        let titles = configuration.relationship.sides.flatMap(\.titles)
        people = PeopleIndex(registry: configuration.people, names: configuration.names, extraTitles: titles, lexicon: lexicon)
        mentions = MentionFinder(configuration: configuration, people: people, lexicon: lexicon)
        let sideNames = configuration.relationship.sides.flatMap { [$0.country] + $0.names }
        let notPlaceWords = Set((titles + configuration.names.titles + sideNames).compactMap { $0.split(separator: " ").first?.lowercased() })
        facts = MeetingFacts(vocabulary: configuration.meetings, notPlaceWords: notPlaceWords, lexicon: lexicon)
        topics = TopicMatcher(taxonomy: configuration.taxonomy, lexicon: lexicon)
        detector = CommitmentDetector(vocabulary: configuration.commitments, lexicon: lexicon)
        var cues = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in ["appointment", "assuming office", "assumed office", "took office", "taking office", "inauguration",
                  "newly appointed", "newly elected", "election as", "on her election", "on his election"] {
            cues.add(p, true)
        }
        firstTermCues = cues
        var single: [String: [String]] = [:]
        for id in topics.topicIDs + topics.conceptIDs { single[id] = [id] }
        singletons = single
    }

    /// The thread concepts a commitment's text speaks to, as extraction finds them: those of
    /// `topicIDs` first (for a commitment an analyst added or re-topicked).
    public func concepts(ofText text: String, preferring topicIDs: [String]) -> [String] {
        var bytes = Array(text.utf8)
        let toks = lexicon.tokens(&bytes)
        let preferred = topicIDs.compactMap { topics.topicIDs.firstIndex(of: $0) }
        return topics.concepts(in: toks, text: bytes, range: 0..<toks.count, preferring: preferred)
    }

    /// The topic a thread concept belongs to.
    public func topic(ofConcept id: String) -> String? { topics.topicOfConcept(id) }

    /// A tokenized sentence with the people and other mentions in it.
    struct Parsed {
        var sentence: Sentence
        var bytes: [UInt8]
        var tokens: [Token]
        var hits: [MentionFinder.PersonHit]
        var others: [Mention]
    }

    public func extract(_ readout: ReadoutText, manifest: Manifest.Entry?, manifestFile: String?) -> (Meeting, [Diagnostic]) {
        var diags: [Diagnostic] = readout.notes.map { Diagnostic(.warning, file: readout.path, line: 1, $0) }
        let sentences = SentenceSplitter.split(readout.lines)
        let titleLines = readout.lines.filter { $0.role == .title }.map(\.text)
            + (readout.pageTitle.map { [$0] } ?? []) + (readout.frontMatter?.fields["title"].map { [$0] } ?? [])
        let datelines = readout.lines.filter { $0.role == .dateline }.map(\.text)

        // The opening: the first paragraph that names the meeting (its kind or "met with").
        let firstParagraph = sentences.first?.paragraph ?? 0
        let tokenized: [(bytes: [UInt8], tokens: [Token])] = sentences.map { s in
            var bytes = Array(s.text.utf8)
            let toks = lexicon.tokens(&bytes)
            return (bytes, toks)
        }
        // The opening: the first paragraph (of the first few) that names the meeting or says how long it took.
        let openingParagraph = sentences.indices.prefix(12).first(where: {
            facts.hasKindWords(tokenized[$0].tokens) || !Durations.durations(tokenized[$0].tokens).isEmpty
        }).map { sentences[$0].paragraph } ?? firstParagraph
        var openingIndexes = sentences.indices.filter { sentences[$0].paragraph == openingParagraph }
        // News copy gives each sentence its own paragraph: a one-sentence lead goes on in the
        // next short paragraph ("The leaders met online for about 80 minutes on Friday.").
        if openingIndexes.count == 1, let next = sentences.indices.first(where: { sentences[$0].paragraph > openingParagraph }) {
            let following = sentences.indices.filter { sentences[$0].paragraph == sentences[next].paragraph }
            // Not across a heading, and not into remarks ("Abe: ...").
            let lead = sentences[openingIndexes[0]]
            if following.count <= 2, following.allSatisfy({ sentences[$0].speakerPrefix == nil && sentences[$0].section == lead.section }) {
                openingIndexes += following
            }
        }
        let opening = openingIndexes.map { sentences[$0] }
        let openingText = opening.map(\.text).joined(separator: " ")
        let openingLine = opening.first?.line ?? readout.lines.first?.number ?? 1
        // The opening's tokens are its sentences' tokens, offsets shifted to the joined text:
        // words never span the joining space, so this is what tokenizing `openingText` gives.
        let openingBytes = Array(openingText.utf8)
        var openingTokens: [Token] = []
        var shift = 0
        for i in openingIndexes {
            for var t in tokenized[i].tokens {
                t.start += shift
                t.end += shift
                openingTokens.append(t)
            }
            shift += tokenized[i].bytes.count + 1
        }
        // Titles are tokenized once, for dates, people and kinds.
        let titleTokens: [(tokens: [Token], bytes: [UInt8])] = titleLines.map { t in
            var b = Array(t.utf8)
            return (lexicon.tokens(&b), b)
        }

        // A news lead states the date before the paragraph that names the meeting ("Tokyo, Oct. 28
        // (Jiji Press)--The foreign ministers agreed ..."): the first sentences up to the opening.
        let beforeOpening = sentences.indices.prefix { sentences[$0].paragraph < openingParagraph }
        let dateSentences = beforeOpening.prefix(3) + openingIndexes.prefix(3)
        let written = DateResolver.writtenDate(titles: titleTokens.map(\.tokens), datelines: datelines.map { Tokenizer.tokens($0) },
                                               opening: dateSentences.map { tokenized[$0].tokens })
        let provisionalDay = written?.day_ ?? manifest?.date
            ?? readout.frontMatter?.fields["date"].flatMap { CalendarDay(iso: $0) }

        // People: every sentence and title, with the provisional date to tell namesakes apart.
        var parsed: [Parsed] = sentences.indices.map { i in
            let (bytes, toks) = tokenized[i]
            return Parsed(sentence: sentences[i], bytes: bytes, tokens: toks,
                          hits: mentions.personHits(toks, bytes: bytes, day: provisionalDay),
                          others: mentions.otherMentions(toks, bytes: bytes))
        }
        var table = PersonTable()
        let titleHits = titleTokens.map { t -> (Int, [MentionFinder.PersonHit]) in
            (0, mentions.personHits(t.tokens, bytes: t.bytes, day: provisionalDay))
        }
        for (_, hits) in titleHits { for h in hits where h.bareSurname == nil { _ = table.add(h, registry: people, line: openingLine) } }
        for p in parsed { for h in p.hits where h.bareSurname == nil { _ = table.add(h, registry: people, line: p.sentence.line) } }
        // Gist speakers ("Abe:") and bare surnames resolve to people already found, or to the
        // one person of that name in office on the date.
        /// - Parameter speaker: a gist's speaker prefix ("Abe:"), which names a person by role.
        func resolveBare(_ surname: String, speaker: Bool = false) -> Int? {
            if let i = table.indexOfSurname(surname, registry: people) { return i }
            // A surname that is also a word, a month or a place ("May", "Hague") names its person
            // only with a title or the full name somewhere in the readout (found above).
            guard let day = provisionalDay, let idx = people.resolveSurname(surname, on: day, title: nil),
                  people.person(idx).office(on: day) != nil, speaker || people.person(idx).surnameAlone else { return nil }
            return table.add(MentionFinder.PersonHit(start: 0, end: 0, registryIndex: idx), registry: people, line: openingLine)
        }
        var gistSpeakers: [Int: Int] = [:] // sentence index -> person
        for (si, p) in parsed.enumerated() {
            if let prefix = p.sentence.speakerPrefix {
                let words = prefix.split(separator: " ")
                if let last = words.last, let idx = resolveBare(Tokenizer.fold(last.lowercased()), speaker: true) { gistSpeakers[si] = idx }
            }
        }
        var personMentions: [[Mention]] = []
        for p in parsed {
            var ms: [Mention] = []
            for h in p.hits where h.roleOnly == nil {
                let idx: Int?
                if let s = h.bareSurname { idx = resolveBare(s) } else { idx = table.index(of: h, registry: people) }
                if let idx { ms.append(Mention(kind: .person(idx), start: h.start, end: h.end)) }
            }
            personMentions.append(ms)
        }
        // A person the registry does not know, named in full once ("Commerce Secretary Howard
        // Lutnick"), is the same person when the surname comes back alone ("Lutnick said").
        let unknownSurnames: [(surname: String, person: Int)] = table.people.indices.compactMap { i in
            let p = table.people[i]
            guard p.registryIndex == nil, p.name.contains(" "), let last = p.name.split(separator: " ").last else { return nil }
            return (last.lowercased(), i)
        }
        if !unknownSurnames.isEmpty {
            for si in parsed.indices {
                for (k, t) in parsed[si].tokens.enumerated() where t.capitalized {
                    guard let u = unknownSurnames.first(where: { $0.surname == t.lower }),
                          !personMentions[si].contains(where: { $0.start <= k && k < $0.end }) else { continue }
                    personMentions[si].append(Mention(kind: .person(u.person), start: k, end: k + 1))
                }
            }
        }
        for i in parsed.indices {
            let persons = personMentions[i]
            parsed[i].others = parsed[i].others.filter { o in !persons.contains { $0.start <= o.start && o.start < $0.end } }
        }

        // Participants: people of either side named in the titles or the opening, and gist speakers.
        let relationship = configuration.relationship
        func side(ofPerson i: Int) -> String? {
            let p = table.people[i]
            // A known country decides; a title alone ("President") only when nothing else does.
            if let country = table.country(of: i, registry: people, on: provisionalDay) {
                return relationship.side(ofCountry: country)?.id
            }
            return p.title.flatMap { mentions.sideOfTitle[$0.lowercased()] }
        }
        var participantIdx: [Int] = []
        func addParticipant(_ i: Int) {
            if !participantIdx.contains(i), side(ofPerson: i) != nil { participantIdx.append(i) }
        }
        /// The people a sentence names as actors: not an owner ("to discuss President Trump's
        /// tariffs") nor whose government or policy it is ("the administration of French President
        /// Trump"); "the residence of President Bush" still names him.
        func persons(_ si: Int) -> [Int] {
            let toks = parsed[si].tokens
            return personMentions[si].compactMap { m in
                guard case .person(let i) = m.kind, !toks[m.end - 1].possessive else { return nil }
                var b = m.start - 1
                if b >= 0, toks[b].capitalized, b > 0, toks[b - 1].lower == "of" { b -= 1 }
                let owned = b >= 1 && toks[b].lower == "of" && Self.ownedByPerson.contains(toks[b - 1].lower)
                return owned ? nil : i
            }
        }
        // The sentence that says who met: the first of the lead to name people of both sides.
        // When there is one, it alone names the participants; others in the title or the rest of
        // the opening ("the spirit of the leaders' summit", "accompanying the President") are
        // people the readout mentions.
        let lead = (beforeOpening + openingIndexes).prefix(6)
        let meetingSentence = lead.first { Set(persons($0).compactMap(side(ofPerson:))).count >= 2 }
        /// A bare office ("The President and Prime Minister Noda had a good discussion today") is
        /// whoever held it on the day, when no one of that side is named with it.
        func addHoldersOfBareOffices(_ hits: [MentionFinder.PersonHit], besides named: [Int]) {
            guard let day = provisionalDay else { return }
            for h in hits {
                guard let role = h.roleOnly, let sideID = mentions.sideOfTitle[role.lowercased()],
                      !(participantIdx + named).contains(where: { side(ofPerson: $0) == sideID }),
                      let country = relationship.sides.first(where: { $0.id == sideID })?.country,
                      let idx = people.holder(ofTitle: role, country: country, on: day),
                      let i = table.add(MentionFinder.PersonHit(start: 0, end: 0, registryIndex: idx, title: role),
                                        registry: people, line: openingLine) else { continue }
                addParticipant(i)
            }
        }
        if let meetingSentence {
            addHoldersOfBareOffices(parsed[meetingSentence].hits, besides: persons(meetingSentence))
            for i in persons(meetingSentence) { addParticipant(i) }
        } else {
            for (_, hits) in titleHits {
                addHoldersOfBareOffices(hits, besides: [])
                for h in hits { if let i = table.index(of: h, registry: people) { addParticipant(i) } }
            }
            // The first sentences of the opening: a one-paragraph readout's later ones name people
            // the leaders spoke of ("he would instruct USTR Kirk").
            // The first sentences of the opening: after the first, only for a side still without
            // anyone ("he would ask Secretary Raimondo to lead the talks" names someone spoken of).
            for (k, si) in openingIndexes.prefix(3).enumerated() {
                addHoldersOfBareOffices(parsed[si].hits, besides: persons(si))
                let filled = Set(participantIdx.compactMap(side(ofPerson:)))
                for i in persons(si) where k == 0 || !filled.contains(side(ofPerson: i) ?? "") { addParticipant(i) }
            }
        }
        for idx in gistSpeakers.values.sorted() { addParticipant(idx) }
        // A side with nobody yet: the person of that side who speaks most in the body.
        for s in relationship.sides where !participantIdx.contains(where: { side(ofPerson: $0) == s.id }) {
            var counts: [Int: Int] = [:]
            for si in parsed.indices { for i in persons(si) where side(ofPerson: i) == s.id { counts[i, default: 0] += 1 } }
            if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key {
                addParticipant(best)
            }
        }

        // "The President", "the Prime Minister": whoever holds that title among the participants
        // (else anyone named with it here), else the side whose officials carry it.
        for (si, p) in parsed.enumerated() {
            for h in p.hits {
                guard let role = h.roleOnly else { continue }
                let holder = participantIdx.first { i in table.people[i].title.map { people.names.matches(title: role, role: $0) } ?? false }
                    ?? participantIdx.first { i in
                        guard let r = table.people[i].registryIndex, let day = provisionalDay,
                              let o = people.person(r).office(on: day) else { return false }
                        return people.names.matches(title: role, role: o.role)
                    }
                if let holder {
                    personMentions[si].append(Mention(kind: .person(holder), start: h.start, end: h.end))
                } else if let s = mentions.sideOfTitle[role.lowercased()] {
                    personMentions[si].append(Mention(kind: .side(s), start: h.start, end: h.end))
                }
            }
        }

        // Remarks quoted after "the Prime Minister said as follows:" are the speaker's, like a
        // gist line's, until the next such line, a new section, or the narrative resuming with
        // the pair ("The two leaders then ...").
        var quoted: Int?
        var quoteSection: String?
        for (si, p) in parsed.enumerated() {
            // "... said as follows:", "... made the following remarks."
            let n = p.tokens.count
            let followingRemarks = n >= 2 && p.tokens[n - 2].lower == "following" && ["remarks", "remark"].contains(p.tokens[n - 1].lower)
            let isIntro = (p.bytes.last == 0x3A && p.tokens.contains { Self.speechVerbs.contains($0.lower) }) || followingRemarks
            if isIntro {
                quoted = personMentions[si].lazy.compactMap { m -> Int? in if case .person(let i) = m.kind { i } else { nil } }.first
                quoteSection = p.sentence.section
                continue
            }
            guard let speaker = quoted else { continue }
            if p.sentence.section != quoteSection || p.sentence.speakerPrefix != nil
                || p.others.contains(where: { $0.kind == .both && $0.start <= 1 }) {
                quoted = nil
                continue
            }
            if gistSpeakers[si] == nil { gistSpeakers[si] = speaker }
        }

        // Date.
        let registryParticipants = participantIdx.compactMap { i in
            table.people[i].registryIndex.map { (people.person($0), table.people[i].title) }
        }
        let firstTermCue = parsed.prefix(10).contains { !firstTermCues.matches(in: $0.tokens).isEmpty }
        let date = DateResolver.resolve(written: written, readout: readout, manifest: manifest, manifestFile: manifestFile,
                                        participants: registryParticipants, names: configuration.names, asOf: asOf,
                                        firstTermCue: firstTermCue,
                                        openingLine: openingLine)
        diags += date.diagnostics

        let participants = participantIdx.map { table.participant($0, registry: people, on: date.date, relationship: relationship,
                                                                sideOfTitle: mentions.sideOfTitle) }
        var mentioned: [Participant] = []
        for i in table.people.indices where !participantIdx.contains(i) {
            let p = table.participant(i, registry: people, on: date.date, relationship: relationship, sideOfTitle: mentions.sideOfTitle)
            if !mentioned.contains(where: { $0.name == p.name }) { mentioned.append(p) }
        }
        if participants.isEmpty {
            diags.append(Diagnostic(.error, file: readout.path, line: openingLine,
                                    "no participants found: no person of either side (\(relationship.sides.map(\.country).joined(separator: ", "))) is named in the title or opening paragraph; add them to layouts/people.yaml or check that this is a readout"))
        }
        for p in participants + mentioned where !p.known {
            diags.append(Diagnostic(.warning, file: readout.path, line: table.people.first { $0.name == p.name }?.firstLine,
                                    "\"\(p.name)\" is not in layouts/people.yaml; role \(p.role ?? "unknown") and country \(p.country ?? "unknown") taken from the text"))
        }

        // Kind, place, time.
        var kinds = facts.kinds(in: titleTokens + [(openingTokens, openingBytes)])
        let givenKind = manifest?.kind ?? readout.frontMatter?.fields["kind"]
        if let k = givenKind, !kinds.contains(k) { kinds.insert(k, at: 0) }
        // Leaders on each side make a summit; a minister received by the other side's leader
        // is still a ministers' meeting. A summit named in the opening of a meeting no leader
        // attended is another meeting ("to prepare the upcoming summit"), not this one's kind.
        let leaderSides = Set(participants.filter { p in
            configuration.names.leaderTitles.contains { people.names.normalize($0) == people.names.normalize(p.role ?? "") }
        }.compactMap(\.side))
        if !participants.isEmpty, leaderSides.isEmpty, givenKind == nil {
            kinds.removeAll { $0 == facts.leadersKind }
        }
        // "Foreign ministers talk by phone": one call, not a meeting and a call.
        let remote = kinds.contains { facts.remoteKinds.contains($0) }
        if remote { kinds.removeAll { $0 == facts.leadersKind || $0 == facts.ministersKind } }
        if kinds.isEmpty, let call = facts.callKind, facts.mentionsCall(titleTokens.map(\.tokens) + [openingTokens]) {
            kinds = [call]
        }
        if kinds.isEmpty, facts.mentionsGenericMeeting(titleTokens.map(\.tokens) + [openingTokens]) || !participants.isEmpty {
            let leaders = leaderSides.count >= Set(participants.compactMap(\.side)).count
            kinds = [leaders ? facts.leadersKind : facts.ministersKind]
        }
        let timing = facts.timing(openingText, openingTokens: openingTokens)
        var parts = timing.parts
        if parts.isEmpty { parts = kinds.map { MeetingPart(kind: $0) } }
        if parts.count == 1, timing.parts.isEmpty { parts[0].startTime = timing.start; parts[0].durationMinutes = timing.minutes }
        // Where they met is said with who met; elsewhere in the opening a place may be another event's.
        // A call's place is only its news dateline's: "according to the Foreign Ministry in
        // Tokyo" is not where it took place.
        let place = manifest?.place ?? readout.frontMatter?.fields["place"]
            ?? meetingSentence.flatMap { facts.place(parsed[$0].tokens, bytes: parsed[$0].bytes, datelineOnly: remote) }
            ?? facts.place(openingTokens, bytes: openingBytes, datelineOnly: remote)
            // A news lead's dateline ("WASHINGTON — ...") before the paragraph that names the meeting.
            ?? lead.first.flatMap { facts.place(parsed[$0].tokens, bytes: parsed[$0].bytes, datelineOnly: true) }
            // A headline that says where ("At White House, Bush and Blair ...", "Talks at Chequers").
            ?? (remote ? nil : titleTokens.lazy.compactMap { self.facts.place($0.tokens, bytes: $0.bytes, knownOnly: true) }.first)
            // News copy's arrival of the visitor ("Obama arrived at Tokyo's Haneda airport").
            ?? (remote ? nil : parsed.lazy.compactMap { self.facts.arrivalPlace($0.tokens, bytes: $0.bytes) }.first)
        if kinds.isEmpty {
            diags.append(Diagnostic(.warning, file: readout.path, line: openingLine,
                                    "the kind of meeting is not stated in the title or opening; add `kind:` to the manifest"))
        }
        if let phrase = facts.announcement(openingTokens) {
            diags.append(Diagnostic(.warning, file: readout.path, line: openingLine,
                                    "the opening speaks of the meeting as one to come (\"\(phrase)\") and of none that took place: this reads as an announcement, not a readout; remove it from the folder if so"))
        }

        // Statements, speakers, topics, commitments.
        var speakers = SpeakerResolver(relationship: relationship, table: table, sideOf: side(ofPerson:))
        var statements: [Statement] = []
        var commitments: [Commitment] = []
        var topicCounts = [Int](repeating: 0, count: topics.topicIDs.count)
        var previousTopics: [Int] = []
        var previousTopicsParagraph = -1
        var sectionTopics: [String: [Int]] = [:]
        // Paragraphs that open by going on from the one before ("In response, the President ...").
        var continuingParagraphs = Set<Int>()
        for (si, p) in parsed.enumerated() where si == 0 || parsed[si - 1].sentence.paragraph != p.sentence.paragraph {
            if Self.continuesPrevious(p.tokens) { continuingParagraphs.insert(p.sentence.paragraph) }
        }
        // Sentences starting on the same line so far: a statement's id tells them apart.
        var lastLine = -1, onLine = 0
        for (si, p) in parsed.enumerated() {
            if p.sentence.line == lastLine { onLine += 1 } else { (lastLine, onLine) = (p.sentence.line, 1) }
            let commitmentsBefore = commitments.count
            let ms = (personMentions[si] + p.others).sorted { $0.start < $1.start }
            let gist = gistSpeakers[si]
            let speaker = speakers.speaker(of: p.tokens, mentions: ms, gistSpeaker: gist)
            let found = topics.topics(in: p.tokens, text: p.bytes)
            for t in found { topicCounts[t] += 1 }
            if let section = p.sentence.section, sectionTopics[section] == nil {
                var b = Array(section.utf8)
                sectionTopics[section] = topics.topics(in: lexicon.tokens(&b), text: b)
            }
            let detected = detector.detect(p.tokens, text: p.bytes) { c in
                speakers.actor(for: c, tokens: p.tokens, mentions: ms, gistSpeaker: gist)
            }
            // A joint statement's bulleted undertaking ("• Continue coordinating closely with ...")
            // is the side's its section names, else both sides'.
            if detected.isEmpty, p.sentence.listItem, let (strength, cue) = detector.listItemCue(p.tokens) {
                var sectionSides = Set<String>()
                if let section = p.sentence.section {
                    var b = Array(section.utf8)
                    let toks = lexicon.tokens(&b)
                    for m in mentions.otherMentions(toks, bytes: b) { if case .side(let s) = m.kind { sectionSides.insert(s) } }
                }
                var segTopics = found
                if segTopics.isEmpty, let s = p.sentence.section { segTopics = sectionTopics[s] ?? [] }
                let concepts = topics.concepts(in: p.tokens, text: p.bytes, range: 0..<p.tokens.count, preferring: segTopics)
                let text = Self.tidySegment(p.sentence.text)
                commitments.append(Commitment(text: text, clause: text, actor: sectionSides.count == 1 ? sectionSides.first! : "both",
                                              strength: strength, cue: cue, topics: sharedList(segTopics.map { topics.topicIDs[$0] }),
                                              concepts: sharedList(concepts), file: readout.file, line: p.sentence.line))
            }
            for (k, d) in detected.enumerated() {
                let endTok = k + 1 < detected.count ? detected[k + 1].segmentStart : p.tokens.count
                let startByte = d.segmentStart == 0 ? 0 : p.tokens[d.segmentStart].start
                let endByte = endTok >= p.tokens.count ? p.bytes.count : p.tokens[endTok].start
                let text = Self.tidySegment(String(decoding: p.bytes[startByte..<endByte], as: UTF8.self))
                let clauseStart = p.tokens[d.cueStart].start
                let clause = Self.tidySegment(String(decoding: p.bytes[clauseStart..<endByte], as: UTF8.self))
                // What the commitment is about: its clause (from the cue on), else its share of
                // the sentence, the sentence, the section heading, the sentence before.
                var segTopics = topics.topics(in: p.tokens, range: d.cueStart..<endTok, text: p.bytes)
                if segTopics.isEmpty { segTopics = topics.topics(in: p.tokens, range: d.segmentStart..<endTok, text: p.bytes) }
                if segTopics.isEmpty { segTopics = found }
                if segTopics.isEmpty, let s = p.sentence.section { segTopics = sectionTopics[s] ?? [] }
                // The topics said before carry over only to what continues them: the same paragraph,
                // or one that opens by going on from it ("They also agreed to ...", "In response, ...").
                if segTopics.isEmpty, p.sentence.paragraph == previousTopicsParagraph || Self.continuesPrevious(p.tokens)
                    || continuingParagraphs.contains(p.sentence.paragraph) {
                    segTopics = previousTopics
                }
                var concepts = topics.concepts(in: p.tokens, text: p.bytes, range: d.cueStart..<endTok, preferring: segTopics)
                if concepts.isEmpty {
                    concepts = topics.concepts(in: p.tokens, text: p.bytes, range: d.segmentStart..<endTok, preferring: segTopics)
                }
                let actor: String
                switch d.actor {
                case .side(let s): actor = s
                case .both, .thirdParty: actor = "both"
                case .unknown: actor = speaker ?? "both"
                }
                commitments.append(Commitment(text: text, clause: clause, actor: actor, strength: d.strength, cue: d.cue,
                                              topics: sharedList(segTopics.map { topics.topicIDs[$0] }),
                                              concepts: sharedList(concepts),
                                              file: readout.file, line: p.sentence.line))
            }
            if !found.isEmpty {
                previousTopics = found
                previousTopicsParagraph = p.sentence.paragraph
            }
            if onLine > 1 { for k in commitmentsBefore..<commitments.count { commitments[k].sentenceOnLine = onLine } }
            // Every sentence is kept with its id (the book's Sources quote them); speaker, topics
            // and section only when asked (`analyze --statements`).
            guard keepSentences else { continue }
            var statement = keepStatements
                ? Statement(text: p.sentence.text, line: p.sentence.line, speaker: speaker,
                            topics: found.map { topics.topicIDs[$0] }, section: p.sentence.section)
                : Statement(text: p.sentence.text, line: p.sentence.line, speaker: nil, topics: [], section: nil)
            statement.id = Statement.id(file: readout.file, line: p.sentence.line, ordinal: onLine)
            statements.append(statement)
        }
        if sentences.count < 2 {
            diags.append(Diagnostic(.warning, file: readout.path, line: openingLine,
                                    "only \(sentences.count) sentence of running text; is this a whole readout?"))
        }

        let topicList = topicCounts.enumerated().filter { $0.element > 0 }
            .map { TopicCount(id: topics.topicIDs[$0.offset], mentions: $0.element) }
            .sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.id < $1.id }
        var sections: [String] = []
        for l in readout.lines where l.role == .heading {
            sections.append([l.marker, l.text].compactMap { $0 }.joined(separator: " "))
        }
        let meeting = Meeting(
            file: readout.file, path: readout.path, title: titleLines.first, date: date.date,
            dateInferred: date.inferred, dateSource: date.source, kinds: kinds, parts: parts,
            participants: participants, mentioned: mentioned, place: place, startTime: timing.start ?? parts.first?.startTime,
            durationMinutes: timing.minutes ?? Self.span(parts), sections: sections, statementCount: sentences.count,
            topics: topicList, commitments: commitments, statements: keepSentences ? statements : nil)
        return (meeting, diags)
    }

    /// A sentence that goes on from the one before: a pronoun subject or a linking phrase.
    static func continuesPrevious(_ toks: [Token]) -> Bool {
        guard let first = toks.first?.lower else { return false }
        if continuationWords.contains(first) { return true }
        guard toks.count > 1 else { return false }
        let second = toks[1].lower
        return (["in", "to", "on", "for"].contains(first)
                && ["this", "that", "these", "those", "addition", "particular", "response", "reply", "turn"].contains(second))
            || (first == "responding" || first == "replying")
    }

    static let continuationWords: Set<String> = ["he", "she", "they", "it", "this", "these", "that", "those", "both",
                                                  "also", "furthermore", "moreover", "additionally", "likewise",
                                                  "similarly", "accordingly", "therefore", "further", "meanwhile"]

    /// "the administration of President X": X is named, not present.
    static let ownedByPerson: Set<String> = ["administration", "government", "cabinet", "policy", "policies", "tariffs",
                                             "tariff", "envoy", "aide", "aides", "office", "era", "term", "widow", "wife",
                                             "son", "daughter", "visit", "inauguration", "funeral", "election"]

    /// Verbs that introduce quoted remarks ("the Prime Minister said as follows:").
    static let speechVerbs: Set<String> = ["said", "stated", "remarked", "says", "states", "remarks", "responded", "replied"]

    /// One-element lists (most commitments have one topic, one concept) as a shared instance,
    /// so a corpus of 50,000 readouts does not hold 300,000 copies of `["north-korea"]`.
    func sharedList(_ list: [String]) -> [String] {
        guard list.count == 1 else { return list }
        return singletons[list[0]] ?? list
    }

    /// The whole meeting's length from its parts: first start to last end.
    static func span(_ parts: [MeetingPart]) -> Int? {
        func minutes(_ t: String?) -> Int? {
            guard let t, let c = t.firstIndex(of: ":"), let h = Int(t[..<c]), let m = Int(t[t.index(after: c)...]) else { return nil }
            return h * 60 + m
        }
        guard parts.count > 1, let s = minutes(parts.first?.startTime), let last = parts.last,
              let e = minutes(last.startTime), let d = last.durationMinutes else {
            return parts.count == 1 ? parts[0].durationMinutes : nil
        }
        return e + d - s
    }

    static func tidySegment(_ s: String) -> String {
        // Over bytes: spaces, commas and semicolons at either end, then a leading conjunction.
        let u = Array(s.utf8)
        var lo = 0, hi = u.count
        func isEdge(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2C || c == 0x3B }
        while lo < hi, isEdge(u[lo]) { lo += 1 }
        while hi > lo, isEdge(u[hi - 1]) { hi -= 1 }
        for lead: StaticString in ["and ", "but ", "while "] {
            let k = lead.utf8CodeUnitCount
            if hi - lo >= k, (0..<k).allSatisfy({ u[lo + $0] == lead.utf8Start[$0] }) { lo += k }
        }
        return lo == 0 && hi == u.count ? s : String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
