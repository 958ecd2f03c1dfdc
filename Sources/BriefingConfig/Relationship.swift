import Foundation

/// The bilateral relationship the readouts follow: its two sides (ids used as commitment
/// actors, "japan" and "us"), how the text names each side, and the titles its officials hold.
/// `layouts/relationship.yaml`.
public struct Relationship: Sendable {
    public struct Side: Sendable, Hashable {
        public var id: String
        public var country: String
        /// Names, adjectives and metonyms of the side ("Japan", "Japanese", "Tokyo").
        public var names: [String]
        /// Titles of its officials, for people not in the registry ("Prime Minister").
        public var titles: [String]
    }

    public var title: String
    public var sides: [Side]
    /// Other countries and organisations readouts mention: never a party to a commitment.
    public var others: [String]

    public func side(ofCountry country: String?) -> Side? {
        guard let country else { return nil }
        return sides.first { $0.country == country } ?? sides.first { $0.country.lowercased() == country.lowercased() }
    }

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> Relationship {
        try root.allowOnly(["title", "sides", "others"])
        var sides: [Side] = []
        for item in try root.required("sides").items() {
            try item.allowOnly(["id", "country", "names", "titles"])
            let idNode = try item.required("id")
            let id = try idNode.nonEmptyString()
            guard id != "both" else { throw idNode.fail("\"both\" is reserved for commitments made jointly") }
            sides.append(Side(id: id, country: try item.required("country").nonEmptyString(),
                              names: try item.required("names").strings(), titles: try item["titles"]?.strings() ?? []))
        }
        guard sides.count == 2 else {
            throw (try root.required("sides")).fail("a relationship has exactly two sides, found \(sides.count)")
        }
        return Relationship(title: try root.required("title").nonEmptyString(), sides: sides,
                            others: try root["others"]?.strings() ?? [])
    }
}

