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

    /// The taxonomy with a relationship pack's topics: an entry with a core topic's id adds its
    /// phrases and concepts to that topic (and may relabel it or its concepts); any other entry
    /// is a topic of the pack's own, placed `after:` a topic when it says so, else last. A new
    /// concept goes `after:` the concept it names, else last in its topic.
    public func extended(by root: YAMLNode) throws(ConfigurationError) -> Taxonomy {
        try root.allowOnly(["topics"])
        var topics = self.topics
        var seenConcepts = Set(topics.flatMap(\.concepts).map(\.id))
        for item in try root.required("topics").items() {
            try item.allowOnly(["id", "label", "include", "exclude", "case_sensitive", "concepts", "after"])
            let idNode = try item.required("id")
            let id = try idNode.nonEmptyString()
            let existing = topics.firstIndex { $0.id == id }
            var topic: Topic
            if let existing {
                if item["after"] != nil { throw idNode.fail("`after:` places a new topic; \"\(id)\" is a core topic") }
                topic = topics[existing]
                if let label = try item["label"]?.nonEmptyString() { topic.label = label }
            } else {
                guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                    throw idNode.fail("topic ids are lower-case words joined by '-' (\"north-korea\"), got \"\(id)\"")
                }
                topic = Topic(id: id, label: try item.required("label").nonEmptyString(), include: [], exclude: [],
                              caseSensitive: [], concepts: [])
            }
            topic.include += try item["include"]?.strings() ?? []
            topic.exclude += try item["exclude"]?.strings() ?? []
            topic.caseSensitive += try item["case_sensitive"]?.strings() ?? []
            if topic.include.isEmpty && topic.caseSensitive.isEmpty {
                throw item.fail("topic \"\(id)\" needs at least one `include` or `case_sensitive` phrase")
            }
            for c in try item["concepts"]?.items() ?? [] {
                try c.allowOnly(["id", "label", "phrases", "after"])
                let cidNode = try c.required("id")
                let cid = try cidNode.nonEmptyString()
                let phrases = try c["phrases"]?.strings() ?? []
                if let k = topic.concepts.firstIndex(where: { $0.id == cid }) {
                    topic.concepts[k].phrases += phrases
                    if let label = try c["label"]?.nonEmptyString() { topic.concepts[k].label = label }
                    continue
                }
                guard seenConcepts.insert(cid).inserted else { throw cidNode.fail("concept id \"\(cid)\" is defined twice") }
                guard !phrases.isEmpty else { throw c.fail("concept \"\(cid)\" needs phrases") }
                let concept = Concept(id: cid, label: try c["label"]?.nonEmptyString() ?? cid, phrases: phrases)
                if let afterNode = c["after"] {
                    let after = try afterNode.nonEmptyString()
                    guard let k = topic.concepts.firstIndex(where: { $0.id == after }) else {
                        throw afterNode.fail("no concept \"\(after)\" in topic \"\(id)\" to place \"\(cid)\" after")
                    }
                    topic.concepts.insert(concept, at: k + 1)
                } else {
                    topic.concepts.append(concept)
                }
            }
            if let existing {
                topics[existing] = topic
            } else if let afterNode = item["after"] {
                let after = try afterNode.nonEmptyString()
                guard let k = topics.firstIndex(where: { $0.id == after }) else {
                    throw afterNode.fail("no topic \"\(after)\" to place \"\(id)\" after")
                }
                topics.insert(topic, at: k + 1)
            } else {
                topics.append(topic)
            }
        }
        return Taxonomy(topics: topics)
    }
}
