import BriefingConfig
import BriefingModel

/// The people registry compiled for matching: every written form of every name, surnames,
/// and the titles and honorifics that stand before names.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor would be copied on each call (every table retained and released).
public final class PeopleIndex: Sendable {
    public let registry: PeopleRegistry
    /// Titles, honorifics and how titles name offices.
    public let names: NameVocabulary
    /// Each person's family name, folded, by registry index.
    let familyNames: [String]
    let fullNames: PhraseMatcher<Int>
    /// Folded surname -> people with it.
    let surnames: [String: [Int]]
    /// Titles ("Prime Minister", "Vice President") -> canonical title.
    let titles: PhraseMatcher<String>
    let honorifics: PhraseMatcher<Bool>
    /// Surnames as lexicon words, to test a capitalised word cheaply.
    let surnameWords: WordSet

    public init(registry: PeopleRegistry, names: NameVocabulary, extraTitles: [String], lexicon: Lexicon) {
        self.registry = registry
        self.names = names
        var full = PhraseMatcher<Int>(lexicon: lexicon)
        var sur: [String: [Int]] = [:]
        var surnameWords = WordSet([], lexicon: lexicon)
        var family: [String] = []
        for (i, p) in registry.people.enumerated() {
            for form in p.writtenForms(bothOrders: names.bothNameOrders) where form.contains(" ") || form.contains("-") {
                full.add(form, i)
            }
            let s = Tokenizer.fold(PeopleIndex.surname(of: p, familyNameFirst: names.familyNameFirst).lowercased())
            family.append(s)
            sur[s, default: []].append(i)
            surnameWords.insert(lexicon.intern(s))
        }
        familyNames = family
        fullNames = full
        surnames = sur
        self.surnameWords = surnameWords
        var t = PhraseMatcher<String>(lexicon: lexicon)
        for title in Set(names.titles + extraTitles) { t.add(title, title) }
        titles = t
        var h = PhraseMatcher<Bool>(lexicon: lexicon)
        for hon in names.honorifics { h.add(hon, true) }
        honorifics = h
    }

    /// The family name: last word, but the first for people of countries the registry names
    /// family name first ("Xi Jinping", "Kim Jong-un"), and never a generational suffix.
    static func surname(of p: PeopleRegistry.Person, familyNameFirst: Set<String>) -> String {
        let words = p.name.split(separator: " ").map(String.init).filter {
            !["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"].contains($0.lowercased())
        }
        if familyNameFirst.contains(p.country ?? "") { return words.first ?? p.name }
        return words.last ?? p.name
    }

    public func person(_ i: Int) -> PeopleRegistry.Person { registry.people[i] }

    /// The one person who held an office of this title for this country on the day ("the
    /// President" of France on 2011-11-12); when several did, the holder of the
    /// office the title alone stands for ("the Secretary"); else nil.
    func holder(ofTitle title: String, country: String, on day: CalendarDay) -> Int? {
        var found: [Int] = []
        for (i, p) in registry.people.enumerated()
        where p.offices.contains(where: { $0.country == country && $0.holds(on: day) && names.matches(title: title, role: $0.role) }) {
            found.append(i)
        }
        if found.count == 1 { return found[0] }
        guard let office = names.bareTitleOffices[title.lowercased()] else { return nil }
        let named = found.filter { i in
            registry.people[i].offices.contains { $0.country == country && $0.holds(on: day) && $0.role.lowercased() == office }
        }
        return named.count == 1 ? named[0] : nil
    }

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
                if let title, names.matches(title: title, role: office.role) { score += 2 }
            } else if let title, p.offices.contains(where: { names.matches(title: title, role: $0.role) }) {
                score += 1
            }
            if best == nil || score > best!.1 { best = (c, score) }
        }
        return best?.0
    }
}

import Foundation
