/// The topic taxonomy: stable ids, labels, and the phrases that decide whether a statement is
/// about a topic. Loaded from `layouts/taxonomy.yaml`; users add topics or change rules there.
public struct Taxonomy: Sendable {
    /// A group of phrases that mean the same commitment ("maximum pressure", "maximizing the
    /// pressure"): commitments that share a concept form one thread across meetings.
    public struct Concept: Sendable, Hashable {
        public var id: String
        public var label: String
        public var phrases: [String]
    }

    public struct Topic: Sendable, Hashable {
        public var id: String
        public var label: String
        /// A statement is about the topic when one of these phrases occurs in it...
        public var include: [String]
        /// ...and is not inside one of these ("Republic of Korea" keeps "Korea" out).
        public var exclude: [String]
        /// Phrases compared with their exact case ("AI", "UN").
        public var caseSensitive: [String]
        public var concepts: [Concept]
    }

    public var topics: [Topic]

    public func label(of id: String) -> String { topics.first { $0.id == id }?.label ?? id }

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> Taxonomy {
        try root.allowOnly(["topics"])
        var topics: [Topic] = []
        var seen = Set<String>(), seenConcepts = Set<String>()
        for item in try root.required("topics").items() {
            try item.allowOnly(["id", "label", "include", "exclude", "case_sensitive", "concepts"])
            let idNode = try item.required("id")
            let id = try idNode.nonEmptyString()
            guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw idNode.fail("topic ids are lower-case words joined by '-' (\"north-korea\"), got \"\(id)\"")
            }
            guard seen.insert(id).inserted else { throw idNode.fail("topic id \"\(id)\" is defined twice") }
            let include = try item["include"]?.strings() ?? []
            let cased = try item["case_sensitive"]?.strings() ?? []
            guard !(include.isEmpty && cased.isEmpty) else {
                throw item.fail("topic \"\(id)\" needs at least one `include` or `case_sensitive` phrase")
            }
            var concepts: [Concept] = []
            for c in try item["concepts"]?.items() ?? [] {
                try c.allowOnly(["id", "label", "phrases"])
                let cidNode = try c.required("id")
                let cid = try cidNode.nonEmptyString()
                guard seenConcepts.insert(cid).inserted else {
                    throw cidNode.fail("concept id \"\(cid)\" is defined twice")
                }
                let phrases = try c.required("phrases").strings()
                guard !phrases.isEmpty else { throw c.fail("concept \"\(cid)\" needs phrases") }
                concepts.append(Concept(id: cid, label: try c["label"]?.nonEmptyString() ?? cid, phrases: phrases))
            }
            topics.append(Topic(id: id, label: try item.required("label").nonEmptyString(), include: include,
                                exclude: try item["exclude"]?.strings() ?? [], caseSensitive: cased,
                                concepts: concepts))
        }
        guard !topics.isEmpty else { throw root.fail("`topics:` is empty; define at least one topic") }
        return Taxonomy(topics: topics)
    }
}
