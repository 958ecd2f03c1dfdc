import BriefingConfig
import BriefingModel

/// The people one readout names, each once, however they are written.
struct PersonTable {
    var people: [FoundPerson] = []
    /// Registry gender by person index (unknown people have none).
    var femaleFlags: [Int: Bool] = [:]

    /// Adds a person hit (or finds who it is) and returns the person's index.
    mutating func add(_ hit: MentionFinder.PersonHit, registry: PeopleIndex, line: Int) -> Int? {
        if let i = index(of: hit, registry: registry) {
            if people[i].title == nil { people[i].title = hit.title ?? hit.appositiveTitle }
            if people[i].country == nil { people[i].country = hit.appositiveCountry }
            if let name = hit.writtenName, people[i].registryIndex == nil, name.count > people[i].name.count {
                people[i].name = name
            }
            return i
        }
        if let r = hit.registryIndex {
            people.append(FoundPerson(registryIndex: r, name: registry.person(r).name, title: hit.title ?? hit.appositiveTitle,
                                      country: hit.appositiveCountry, firstLine: line))
            femaleFlags[people.count - 1] = registry.person(r).female
        } else if let name = hit.writtenName {
            people.append(FoundPerson(registryIndex: nil, name: name, title: hit.title ?? hit.appositiveTitle, country: hit.appositiveCountry,
                                      firstLine: line))
        } else {
            return nil
        }
        return people.count - 1
    }

    func index(of hit: MentionFinder.PersonHit, registry: PeopleIndex) -> Int? {
        if let r = hit.registryIndex { return people.firstIndex { $0.registryIndex == r } }
        if let name = hit.writtenName {
            let last = name.split(separator: " ").last.map { $0.lowercased() }
            return people.firstIndex { p in
                p.registryIndex == nil && (p.name == name || p.name.split(separator: " ").last.map { $0.lowercased() } == last)
            }
        }
        if let s = hit.bareSurname { return indexOfSurname(s, registry: registry) }
        return nil
    }

    func indexOfSurname(_ folded: String, registry: PeopleIndex) -> Int? {
        people.firstIndex { p in
            if let r = p.registryIndex {
                return registry.familyNames[r] == folded
            }
            return p.name.split(separator: " ").contains { Tokenizer.fold($0.lowercased()) == folded }
        }
    }

    func country(of i: Int, registry: PeopleIndex, on day: CalendarDay?) -> String? {
        let p = people[i]
        if let r = p.registryIndex {
            let person = registry.person(r)
            if let day, let o = person.office(on: day) { return o.country }
            return person.country ?? p.country
        }
        return p.country
    }

    func participant(_ i: Int, registry: PeopleIndex, on day: CalendarDay?, relationship: Relationship,
                     sideOfTitle: [String: String]) -> Participant {
        let p = people[i]
        var role = p.title
        var country = p.country
        var known = false
        if let r = p.registryIndex {
            known = true
            let person = registry.person(r)
            let office: PeopleRegistry.Office?
            if let day {
                let held = person.offices.filter { $0.holds(on: day) }
                office = held.first { o in p.title.map { registry.names.matches(title: $0, role: o.role) } ?? false } ?? held.last
            } else {
                office = person.offices.last { o in p.title.map { registry.names.matches(title: $0, role: o.role) } ?? false }
                    ?? person.offices.last
            }
            if let office {
                role = office.role
                country = office.country
            } else {
                country = person.country ?? country
            }
        }
        if country == nil, let t = p.title, let sideID = sideOfTitle[t.lowercased()] {
            country = relationship.sides.first { $0.id == sideID }?.country
        }
        return Participant(name: p.name, role: role, country: country,
                           side: relationship.side(ofCountry: country)?.id, known: known)
    }
}

import Foundation
