import BriefingConfig
import BriefingModel

/// Something in a sentence that can be the subject of a statement: a person, one of the two
/// sides, both sides together, a third party, or a pronoun.
struct Mention: Sendable {
    enum Kind: Sendable, Equatable {
        /// Index into the readout's person table.
        case person(Int)
        case side(String)
        case both
        case thirdParty
        case pronoun(String)
    }
    var kind: Kind
    /// Token range [start, end).
    var start: Int
    var end: Int
}

/// A person as found in one readout, before the participants are chosen.
struct FoundPerson: Sendable, Hashable {
    var registryIndex: Int?
    var name: String
    var title: String?
    var country: String?
    /// First sentence index and line it appeared at.
    var firstLine: Int
}

/// Finds mentions in a sentence's tokens. Built once per configuration.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor was copied on each call (every table retained and released).
final class MentionFinder: Sendable {
    let people: PeopleIndex
    let sideNames: PhraseMatcher<String>
    let others: PhraseMatcher<Bool>
    let collectives: PhraseMatcher<Bool>
    /// Title -> side id, from the relationship's titles.
    let sideOfTitle: [String: String]
    let pronounWords: WordSet
    /// `roleNouns` and `notNames` by lexicon id: asked at nearly every word.
    let roleWords: WordSet
    let notNameWords: WordSet
    let relationship: Relationship

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "it"]
    /// Capitalised words that follow titles in headings but are never part of a name.
    static let notNames: Set<String> = ["meeting", "meetings", "summit", "talk", "talks", "conference", "office", "council",
                                        "committee", "dialogue", "ceremony", "lunch", "dinner", "statement", "call",
                                        "visit", "of", "and", "the", "for", "on", "in", "at", "to", "with", "said",
                                        "says", "told", "today", "yesterday", "wednesday", "tuesday", "monday",
                                        "thursday", "friday", "saturday", "sunday", "gist", "readout", "overview",
                                        "press", "joint", "welcomed", "met", "held", "spoke",
                                        // Headline verbs and a citation's words: "Foreign Minister Meets ...".
                                        "meets", "holds", "speaks", "calls", "visits", "hosts", "welcomes", "talks",
                                        "says", "urges", "agree", "agrees", "discuss", "discusses", "online"]

    init(configuration c: Configuration, people: PeopleIndex, lexicon: Lexicon) {
        self.people = people
        relationship = c.relationship
        var s = PhraseMatcher<String>(lexicon: lexicon)
        var titles: [String: String] = [:]
        for side in c.relationship.sides {
            // Short names in capitals ("EU", "UN") are matched by case: "us" is a pronoun.
            for n in side.names { s.add(n, side.id, caseSensitive: n.count <= 3 && n == n.uppercased() && !n.contains(".")) }
            s.add(side.country, side.id)
            for t in side.titles { titles[t.lowercased()] = side.id }
        }
        sideNames = s
        var o = PhraseMatcher<Bool>(lexicon: lexicon)
        for n in c.relationship.others { o.add(n, true) }
        others = o
        var coll = PhraseMatcher<Bool>(lexicon: lexicon)
        for p in c.names.pairPhrases { coll.add(p, true) }
        collectives = coll
        sideOfTitle = titles
        pronounWords = WordSet(Array(MentionFinder.pronouns), lexicon: lexicon)
        roleWords = WordSet(Array(MentionFinder.roleNouns), lexicon: lexicon)
        notNameWords = WordSet(Array(MentionFinder.notNames), lexicon: lexicon)
    }

    /// Raw person hits in a sentence: registry people by full name or title + surname, unknown
    /// titled people, and bare capitalised surnames (resolved later against the readout).
    struct PersonHit {
        var start: Int
        var end: Int
        var registryIndex: Int?
        /// For unknown people: the name as written.
        var writtenName: String?
        var title: String?
        var bareSurname: String?
        /// "The President", "the Foreign Minister": a title standing for whoever holds it here.
        var roleOnly: String?
        /// "..., President of France" right after the name.
        var appositiveCountry: String?
        var appositiveTitle: String?
    }

    func personHits(_ toks: [Token], bytes: [UInt8], day: CalendarDay?) -> [PersonHit] {
        var out: [PersonHit] = []
        // Each matcher read once per sentence: reading one out of the index (a class) copies
        // the struct, retaining all its arrays, and this loop asks at every word.
        let honorifics = people.honorifics, titles = people.titles, fullNames = people.fullNames
        var rolePositions: [Int] = []
        for (r, t) in toks.enumerated() where !t.capitalized && roleWords.contains(t) && t.lower.utf8.last != 0x73 {
            rolePositions.append(r)
        }
        var nextRole = 0
        var i = 0
        while i < toks.count {
            var j = i
            var title: String?
            var honored = false
            // "His Excellency Mr.": honorifics may stack.
            while let h = honorifics.match(at: j, in: toks) { j = h.end; honored = true }
            // A title, singular and not possessive: "Foreign Ministers' Meeting" names no one.
            if let t = titles.match(at: j, in: toks), toks[j].capitalized,
               !toks[t.end - 1].possessive,
               toks[t.end - 1].lower == toks[t.end - 1].norm || t.value.lowercased().hasSuffix(toks[t.end - 1].lower) {
                title = t.value
                j = t.end
                // The rest of a long title: "National Security Advisor to the President Donilon",
                // "Trade Representative Ambassador Kirk".
                while j < toks.count {
                    if j + 2 < toks.count, toks[j].lower == "to", toks[j + 1].lower == "the",
                       toks[j + 2].capitalized, let t2 = titles.match(at: j + 2, in: toks) {
                        j = t2.end
                    } else if toks[j].capitalized, let t2 = titles.match(at: j, in: toks), t2.end < toks.count,
                              toks[t2.end].capitalized, titles.match(at: t2.end, in: toks) == nil {
                        j = t2.end
                    } else {
                        break
                    }
                }
                if let h = honorifics.match(at: j, in: toks) { j = h.end; honored = true }
            }
            if j < toks.count, toks[j].capitalized, let m = fullNames.match(at: j, in: toks) {
                var hit = PersonHit(start: i, end: m.end, registryIndex: m.value, title: title)
                hit.appositiveCountry = appositive(toks, bytes: bytes, after: m.end)
                hit.appositiveTitle = appositiveTitle(toks, after: m.end)
                out.append(hit)
                i = m.end
                continue
            }
            if title != nil || honored {
                // A name after a title or honorific: up to four capitalised words ("Kim Jong-un").
                var k = j
                while k < toks.count, k - j < 4,
                      toks[k].capitalized || (k > j && toks[k].start > 0 && bytes[toks[k].start - 1] == 0x2D),
                      !(k > j && (titles.match(at: k, in: toks) != nil || isSideOrOther(toks, k, bytes: bytes))) {
                    k += 1
                    if toks[k - 1].possessive || toks[k - 1].punctuationAfter != 0 { break }
                }
                // Capitalised common nouns after a title are not a name ("Leaders' Summit").
                while k > j, MentionFinder.notNames.contains(toks[k - 1].lower) { k -= 1 }
                if k > j {
                    let words = toks[j..<k]
                    let lastFold = Tokenizer.fold(words.last!.lower)
                    let firstFold = Tokenizer.fold(words.first!.lower)
                    // By the first word only when the rest of the name is that person's too:
                    // "Chairman Kim Jong Il" is not the Kim the registry knows.
                    func byFirst() -> Int? {
                        guard words.count >= 2, let idx = people.resolveSurname(firstFold, on: day, title: title) else { return nil }
                        let known = ([people.person(idx).name] + people.person(idx).aliases).joined(separator: " ").lowercased()
                        return words.dropFirst().allSatisfy { known.contains($0.lower) } ? idx : nil
                    }
                    if let idx = people.resolveSurname(lastFold, on: day, title: title) ?? byFirst() {
                        out.append(PersonHit(start: i, end: k, registryIndex: idx, title: title,
                                             appositiveCountry: appositive(toks, bytes: bytes, after: k)))
                    } else if !isSideOrOther(toks, j, bytes: bytes) {
                        let name = String(decoding: bytes[toks[j].start..<toks[k - 1].end], as: UTF8.self)
                        out.append(PersonHit(start: i, end: k, writtenName: PeopleIndexNames.tidy(name), title: title,
                                             appositiveCountry: appositive(toks, bytes: bytes, after: k)))
                    }
                    i = k
                    continue
                }
                if let title, !honored, i == 0 || toks[i - 1].lower == "the" || toks[i - 1].lower == "and" {
                    out.append(PersonHit(start: i > 0 && toks[i - 1].lower == "the" ? i - 1 : i, end: j, roleOnly: title))
                }
                i = max(j, i + 1)
                continue
            }
            // Both role shapes need a singular lower-case role noun a few words on; most
            // sentences have none ("the two ministers" is plural).
            while nextRole < rolePositions.count, rolePositions[nextRole] < i { nextRole += 1 }
            if nextRole < rolePositions.count, rolePositions[nextRole] < i + 8,
               let hit = roleNounHit(toks, bytes: bytes, at: i, fullNames: fullNames, titles: titles) {
                out.append(hit)
                i = hit.end
                continue
            }
            // A known surname alone. Followed by a given name the registry does not know ("Kim
            // Yong-chol"), it is someone else of that surname: not resolved to the one we know.
            if toks[i].capitalized, people.surnameWords.contains(toks[i]), !followedByGivenName(toks, i, bytes: bytes),
               !isDateOrPlaceWord(toks, i) {
                out.append(PersonHit(start: i, end: i + 1, bareSurname: Tokenizer.fold(toks[i].lower)))
            }
            i += 1
        }
        return out
    }

    /// Role nouns news copy writes in lower case before or after a name.
    static let roleNouns: Set<String> = ["minister", "negotiator", "secretary", "envoy", "ambassador", "adviser",
                                         "advisor", "representative", "diplomat", "chief"]

    /// People news copy names by a lower-case role: "Canadian trade negotiator Ryosei Akazawa",
    /// "Canada's top tariff negotiator, Ryosei Akazawa," and "Ryosei Akazawa, Canada's economic
    /// revitalization minister,". The role becomes the title, a side adjective the country.
    private func roleNounHit(_ toks: [Token], bytes: [UInt8], at i: Int, fullNames: PhraseMatcher<Int>,
                             titles: PhraseMatcher<String>) -> PersonHit? {
        let n = toks.count
        func isNameWord(_ k: Int) -> Bool {
            toks[k].capitalized && !notNameWords.contains(toks[k]) && titles.match(at: k, in: toks) == nil
                && sideNames.match(at: k, in: toks, text: bytes) == nil && others.match(at: k, in: toks) == nil
        }
        /// A name of two or three capitalised words from k; its end.
        func nameEnd(_ k: Int) -> Int? {
            var e = k
            while e < n, e - k < 3, isNameWord(e) {
                e += 1
                if toks[e - 1].punctuationAfter != 0 || toks[e - 1].possessive { break }
            }
            return e - k >= 2 ? e : nil
        }
        /// Lower-case words ending in a role noun from k (the first may be capitalised at the
        /// start of a sentence): the role's end.
        func roleEnd(_ k: Int, firstMayBeCapital: Bool) -> Int? {
            var r = k
            while r < n, r - k < 4 {
                guard !toks[r].capitalized || (r == k && firstMayBeCapital) else { return nil }
                if roleWords.contains(toks[r]) { return r + 1 }
                guard toks[r].punctuationAfter == 0 else { return nil }
                r += 1
            }
            return nil
        }
        func role(_ a: Int, _ b: Int) -> String {
            toks[a..<b].map { t in String(decoding: bytes[t.start..<t.end], as: UTF8.self).capitalized }.joined(separator: " ")
        }
        // Role first: [side] role-words Name.
        var j = i
        var side: String?
        if let sm = sideNames.match(at: j, in: toks, text: bytes) { side = country(ofSide: sm.value); j = sm.end }
        if side != nil || i == 0, j < n, let re = roleEnd(j, firstMayBeCapital: side == nil && i == 0), re < n,
           toks[re - 1].punctuationAfter == 0 || toks[re - 1].punctuationAfter == 0x2C {
            if let m = fullNames.match(at: re, in: toks), toks[re].capitalized {
                return PersonHit(start: i, end: m.end, registryIndex: m.value, title: role(j, re))
            }
            if let e = nameEnd(re) {
                let name = String(decoding: bytes[toks[re].start..<toks[e - 1].end], as: UTF8.self)
                return PersonHit(start: i, end: e, writtenName: PeopleIndexNames.tidy(name), title: role(j, re),
                                 appositiveCountry: side)
            }
        }
        // Name first: Name, side's role-words.
        guard isNameWord(i), let e = nameEnd(i), toks[e - 1].punctuationAfter == 0x2C, e < n,
              let sm = sideNames.match(at: e, in: toks, text: bytes), let re = roleEnd(sm.end, firstMayBeCapital: false) else { return nil }
        if let m = fullNames.match(at: i, in: toks), m.end == e {
            return PersonHit(start: i, end: e, registryIndex: m.value, title: role(sm.end, re), appositiveCountry: country(ofSide: sm.value))
        }
        let name = String(decoding: bytes[toks[i].start..<toks[e - 1].end], as: UTF8.self)
        return PersonHit(start: i, end: e, writtenName: PeopleIndexNames.tidy(name), title: role(sm.end, re),
                         appositiveCountry: country(ofSide: sm.value))
    }

    /// "Kim Yong-chol": a capitalised word right after the surname that is not a title, a side,
    /// an institution ("the Trump Administration") or a word of the sentence's own.
    private func followedByGivenName(_ toks: [Token], _ i: Int, bytes: [UInt8]) -> Bool {
        let n = i + 1
        guard n < toks.count, toks[n].capitalized, toks[i].punctuationAfter == 0, !toks[i].possessive else { return false }
        let w = toks[n].lower
        if notNameWords.contains(toks[n]) || MentionFinder.institutionNouns.contains(w) { return false }
        if people.titles.match(at: n, in: toks) != nil || isSideOrOther(toks, n, bytes: bytes) { return false }
        return true
    }

    /// "11 May", "May 11", "the Hague": a surname that is a month beside a day, or a name after
    /// "the", is not a person.
    private func isDateOrPlaceWord(_ toks: [Token], _ i: Int) -> Bool {
        if i > 0, toks[i - 1].lower == "the" { return true }
        guard DateFinder.months[toks[i].lower] != nil else { return false }
        return (i > 0 && DateFinder.dayNumber(toks[i - 1].lower) != nil)
            || (i + 1 < toks.count && DateFinder.dayNumber(toks[i + 1].lower) != nil)
    }

    static let institutionNouns: Set<String> = ["administration", "government", "cabinet", "era", "doctrine", "team",
                                                "campaign", "presidency", "policy", "policies", "white", "house",
                                                "also", "then", "first"]

    /// The country of a side id.
    private func country(ofSide id: String) -> String? { relationship.sides.first { $0.id == id }?.country }

    private func isSideOrOther(_ toks: [Token], _ j: Int, bytes: [UInt8]) -> Bool {
        sideNames.match(at: j, in: toks, text: bytes) != nil || others.match(at: j, in: toks) != nil
    }

    /// ", Prime Minister of Canada" -> "Prime Minister".
    func appositiveTitle(_ toks: [Token], after k: Int) -> String? {
        guard k > 0, k < toks.count, toks[k - 1].punctuationAfter == 0x2C,
              let t = people.titles.match(at: k, in: toks) else { return nil }
        return t.value
    }

    /// ", President of the French Republic" / ", Prime Minister of Canada" -> the country.
    func appositive(_ toks: [Token], bytes: [UInt8], after k: Int) -> String? {
        guard k > 0, toks[k - 1].punctuationAfter == 0x2C, k < toks.count else { return nil }
        var j = k
        guard let t = people.titles.match(at: j, in: toks) else { return nil }
        j = t.end
        guard j < toks.count, toks[j].lower == "of" else { return nil }
        j += 1
        if j < toks.count, toks[j].lower == "the" { j += 1 }
        // In a list ("Fukuyama, Ambassador of Canada to the French Republic Fujisaki"),
        // a title followed by a name is the next person's, not an appositive.
        func nameFollows(_ e: Int) -> Bool { e < toks.count && toks[e].capitalized && toks[e - 1].punctuationAfter == 0 }
        if let s = sideNames.match(at: j, in: toks, text: bytes) {
            return nameFollows(s.end) ? nil : country(ofSide: s.value)
        }
        // Another country: capitalised words, the last of a chain of "of"s ("Premier of the
        // State Council of China" is China's).
        while true {
            var e = j
            while e < toks.count, toks[e].capitalized, e - j < 4 { e += 1 }
            guard e > j else { return nil }
            if e + 1 < toks.count, toks[e].lower == "of" {
                j = e + 1
                if toks[j].lower == "the", j + 1 < toks.count { j += 1 }
                if let s = sideNames.match(at: j, in: toks, text: bytes) {
                    return nameFollows(s.end) ? nil : country(ofSide: s.value)
                }
                continue
            }
            return String(decoding: bytes[toks[j].start..<toks[e - 1].end], as: UTF8.self)
        }
    }

    /// Non-person mentions: sides, third parties, collectives, pronouns.
    func otherMentions(_ toks: [Token], bytes: [UInt8]) -> [Mention] {
        var out: [Mention] = []
        for m in collectives.matches(in: toks) { out.append(Mention(kind: .both, start: m.start, end: m.end)) }
        for m in sideNames.matches(in: toks, text: bytes) where !out.contains(where: { $0.start <= m.start && m.start < $0.end }) {
            out.append(Mention(kind: .side(m.value), start: m.start, end: m.end))
        }
        for m in others.matches(in: toks) where !out.contains(where: { $0.start <= m.start && m.start < $0.end }) {
            out.append(Mention(kind: .thirdParty, start: m.start, end: m.end))
        }
        for (i, t) in toks.enumerated() where pronounWords.contains(t) && t.lower == t.norm {
            // "I" only as the capital pronoun; "it" and the rest in any case.
            out.append(Mention(kind: .pronoun(t.lower), start: i, end: i + 1))
        }
        return out
    }
}

enum PeopleIndexNames {
    /// "Sanae TAKAICHI" -> "Sanae Takaichi".
    static func tidy(_ name: String) -> String {
        name.split(separator: " ").map { w -> String in
            let s = String(w)
            if s.count > 1, s == s.uppercased(), s.contains(where: { $0.isLetter }) {
                return s.prefix(1) + s.dropFirst().lowercased()
            }
            return s
        }.joined(separator: " ")
    }
}
