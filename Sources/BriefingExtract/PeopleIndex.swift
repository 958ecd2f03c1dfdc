import BriefingConfig
import BriefingModel

/// The people registry compiled for matching: every written form of every name, surnames,
/// and the titles and honorifics that stand before names.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor would be copied on each call (every table retained and released).
public final class PeopleIndex: Sendable {
    public let registry: PeopleRegistry
    let fullNames: PhraseMatcher<Int>
    /// Folded surname -> people with it.
    let surnames: [String: [Int]]
    /// Titles ("Prime Minister", "Vice President") -> canonical title.
    let titles: PhraseMatcher<String>
    let honorifics: PhraseMatcher<Bool>
    /// Surnames as lexicon words, to test a capitalised word cheaply.
    let surnameWords: WordSet

    static let genericTitles = [
        "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
        "Minister for Foreign Affairs", "Minister of Foreign Affairs", "Defense Minister", "Defence Minister",
        "Minister of Defense", "Minister of State for Defense", "Secretary of State", "Secretary of Defense",
        "Secretary of War", "Secretary", "Chief Cabinet Secretary", "Chancellor", "Premier", "King", "Queen",
        "Emperor", "Chairman", "State Chairman", "General Secretary", "Ambassador", "Minister", "Senator",
        "Governor", "Chief Executive", "National Security Advisor", "National Security Adviser", "Deputy Secretary",
        "Crown Prince", "Sultan", "Leader",
    ]
    static let honorificPhrases = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "H.E.", "the Honorable",
                                   "Honorable", "His Excellency", "Her Excellency", "Excellency", "the Hon.", "Hon.",
                                   "Sir", "Dame"]

    public init(registry: PeopleRegistry, extraTitles: [String], lexicon: Lexicon) {
        self.registry = registry
        var full = PhraseMatcher<Int>(lexicon: lexicon)
        var sur: [String: [Int]] = [:]
        var surnameWords = WordSet([], lexicon: lexicon)
        for (i, p) in registry.people.enumerated() {
            for form in p.writtenForms where form.contains(" ") || form.contains("-") {
                full.add(form, i)
            }
            let s = Tokenizer.fold(PeopleIndex.surname(of: p).lowercased())
            sur[s, default: []].append(i)
            surnameWords.insert(lexicon.intern(s))
        }
        fullNames = full
        surnames = sur
        self.surnameWords = surnameWords
        var t = PhraseMatcher<String>(lexicon: lexicon)
        for title in Set(PeopleIndex.genericTitles + extraTitles) { t.add(title, title) }
        titles = t
        var h = PhraseMatcher<Bool>(lexicon: lexicon)
        for hon in PeopleIndex.honorificPhrases { h.add(hon, true) }
        honorifics = h
    }

    /// The family name: last word, but the first for names written family-first (Korean,
    /// Chinese), and never a generational suffix.
    static func surname(of p: PeopleRegistry.Person) -> String {
        let words = p.name.split(separator: " ").map(String.init).filter {
            !["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"].contains($0.lowercased())
        }
        if ["China", "North Korea", "Republic of Korea", "South Korea", "Korea"].contains(p.country ?? "") {
            return words.first ?? p.name
        }
        return words.last ?? p.name
    }

    public func person(_ i: Int) -> PeopleRegistry.Person { registry.people[i] }

    /// The person with this surname best fitting a date and a title.
    func resolveSurname(_ folded: String, on day: CalendarDay?, title: String?) -> Int? {
        guard let candidates = surnames[folded], !candidates.isEmpty else { return nil }
        if candidates.count == 1 { return candidates[0] }
        var best: (Int, Int)?
        for c in candidates {
            let p = registry.people[c]
            var score = 0
            if let day, let office = p.office(on: day) {
                score += 2
                if let title, RoleMatch.matches(title: title, role: office.role) { score += 2 }
            } else if let title, p.offices.contains(where: { RoleMatch.matches(title: title, role: $0.role) }) {
                score += 1
            }
            if best == nil || score > best!.1 { best = (c, score) }
        }
        return best?.0
    }
}

import Foundation
