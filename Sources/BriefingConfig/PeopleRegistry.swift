import BriefingModel

/// Who is who: one canonical name per human, the written forms of that name, and the offices
/// they held (for roles on a date and for inferring a missing year). `layouts/people.yaml`.
public struct PeopleRegistry: Sendable {
    public struct Office: Sendable, Hashable {
        public var role: String
        public var country: String
        public var from: CalendarDay
        /// Exclusive; nil while still in office.
        public var to: CalendarDay?
        public func holds(on day: CalendarDay) -> Bool { day >= from && (to.map { day < $0 } ?? true) }
    }

    public struct Person: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var female: Bool
        public var offices: [Office]
        /// The country of the person's offices (the most recent), for people with no office the
        /// registry's `country:`.
        public var country: String?
        /// Whether the surname alone may name this person without a title, an honorific or the
        /// full name earlier in the readout (`surname_alone: false` for "May", "Hague", "Brown").
        public var surnameAlone: Bool = true
        /// Where the entry is, "file:line", for messages.
        public var source: String = ""

        public var surname: String { name.split(separator: " ").last.map(String.init) ?? name }

        public func office(on day: CalendarDay) -> Office? { offices.last { $0.holds(on: day) } }

        /// Every way a readout may write the name: as given, aliases, without middle initials,
        /// family name first (for people of the given countries), and upper-case family names.
        public func writtenForms(bothOrders: Set<String>) -> [String] {
            var forms: [String] = [name] + aliases
            for base in [name] + aliases {
                let words = base.split(separator: " ").map(String.init)
                let noInitials = words.filter { !($0.count == 2 && $0.hasSuffix(".")) }
                if noInitials.count != words.count, noInitials.count >= 2 { forms.append(noInitials.joined(separator: " ")) }
                if words.count == 2, bothOrders.contains(country ?? "") {
                    forms.append("\(words[1]) \(words[0])")
                }
            }
            return Array(Set(forms)).sorted()
        }
    }

    public var people: [Person]

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> PeopleRegistry {
        try root.allowOnly(["people"])
        var people: [Person] = []
        var seen = Set<String>()
        for item in try root.required("people").items() {
            try item.allowOnly(["name", "aliases", "gender", "offices", "country", "surname_alone"])
            let nameNode = try item.required("name")
            let name = try nameNode.nonEmptyString()
            guard seen.insert(name).inserted else { throw nameNode.fail("\"\(name)\" is listed twice; merge the entries") }
            let genderNode = try item.required("gender")
            let gender = try genderNode.nonEmptyString().lowercased()
            guard gender == "male" || gender == "female" else { throw genderNode.fail("expected male or female") }
            var offices: [Office] = []
            for o in try item["offices"]?.items() ?? [] {
                try o.allowOnly(["role", "country", "from", "to"])
                let from = try o.required("from").day()
                let to = try o["to"]?.day()
                if let to, to <= from { throw o.fail("office ends (\(to)) before it starts (\(from))") }
                offices.append(Office(role: try o.required("role").nonEmptyString(),
                                      country: try o.required("country").nonEmptyString(), from: from, to: to))
            }
            offices.sort { $0.from < $1.from }
            let country = try item["country"]?.nonEmptyString() ?? offices.last?.country
            var person = Person(name: name, aliases: try item["aliases"]?.strings() ?? [], female: gender == "female",
                                offices: offices, country: country)
            person.surnameAlone = try item["surname_alone"]?.bool() ?? true
            person.source = "\(nameNode.file):\(nameNode.line ?? 1)"
            people.append(person)
        }
        return PeopleRegistry(people: people)
    }

    /// Several registry files as one: a person is written once, in one file.
    public static func merged(_ registries: [PeopleRegistry]) throws(ConfigurationError) -> PeopleRegistry {
        var all: [Person] = []
        var seen: [String: String] = [:]
        for r in registries {
            for p in r.people {
                if let first = seen[p.name] {
                    let parts = p.source.split(separator: ":")
                    throw ConfigurationError(file: parts.dropLast().joined(separator: ":"), line: parts.last.flatMap { Int($0) },
                                             key: "name", "\"\(p.name)\" is already listed at \(first); write a person once")
                }
                seen[p.name] = p.source
                all.append(p)
            }
        }
        return PeopleRegistry(people: all)
    }
}
