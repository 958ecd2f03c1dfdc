import BriefingModel
import Foundation

/// The bilateral relationship the readouts follow, from a relationship pack's
/// `relationship.yaml`: its two sides (ids used as commitment actors, labels the book prints),
/// how the text names each side, the titles its officials hold, the registry files of its
/// people, and the titles of its books.
public struct Relationship: Sendable {
    public struct Side: Sendable, Hashable {
        public var id: String
        /// How the book names the side ("Canada", "France").
        public var label: String
        public var country: String
        /// Names, adjectives and metonyms of the side (a country, its people, its capital).
        public var names: [String]
        /// Titles of its officials, for people not in the registry.
        public var titles: [String]
    }

    /// The pack's name (its folder under relationships/), or the folder's for a flat layouts folder.
    public var id: String
    public var title: String
    /// The pair as the book's cover names it ("Canada – France").
    public var label: String
    public var bookTitle: String
    public var briefTitle: String
    /// Registry files (layouts/people/NAME.yaml) of the pack's people.
    public var peopleFiles: [String]
    public var sides: [Side]
    /// Other countries and organisations readouts mention: never a party to a commitment.
    public var others: [String]

    public func side(ofCountry country: String?) -> Side? {
        guard let country else { return nil }
        return sides.first { $0.country == country } ?? sides.first { $0.country.lowercased() == country.lowercased() }
    }

    /// The label of an actor id: a side's label, or "both".
    public func label(ofActor id: String) -> String {
        sides.first { $0.id == id }?.label ?? id
    }

    public static func load(_ root: YAMLNode, id: String) throws(ConfigurationError) -> Relationship {
        try root.allowOnly(["title", "label", "book_title", "brief_title", "people", "sides", "others", "default"])
        var sides: [Side] = []
        for item in try root.required("sides").items() {
            try item.allowOnly(["id", "label", "country", "names", "titles"])
            let idNode = try item.required("id")
            let sideID = try idNode.nonEmptyString()
            guard sideID != "both" else { throw idNode.fail("\"both\" is reserved for commitments made jointly") }
            let country = try item.required("country").nonEmptyString()
            sides.append(Side(id: sideID, label: try item["label"]?.nonEmptyString() ?? country, country: country,
                              names: try item.required("names").strings(), titles: try item["titles"]?.strings() ?? []))
        }
        guard sides.count == 2 else {
            throw (try root.required("sides")).fail("a relationship has exactly two sides, found \(sides.count)")
        }
        guard sides[0].id != sides[1].id else { throw (try root.required("sides")).fail("the two sides need different ids") }
        let title = try root.required("title").nonEmptyString()
        let label = try root["label"]?.nonEmptyString() ?? "\(sides[0].country) – \(sides[1].country)"
        return Relationship(id: id, title: title, label: label,
                            bookTitle: try root["book_title"]?.nonEmptyString() ?? "\(title): Briefing Book",
                            briefTitle: try root["brief_title"]?.nonEmptyString() ?? "\(title): One-Page Brief",
                            peopleFiles: try root["people"]?.strings() ?? [], sides: sides,
                            others: try root["others"]?.strings() ?? [])
    }

    /// What an analysis records of the relationship, for the book.
    public var info: Analysis.RelationshipInfo {
        Analysis.RelationshipInfo(id: id, title: title, label: label, bookTitle: bookTitle, briefTitle: briefTitle,
                                  sides: sides.map { .init(id: $0.id, label: $0.label, country: $0.country) })
    }
}
