import BriefingConfig

/// Decides which topics a statement is about, from the taxonomy's include and exclude
/// phrases, and which thread concepts a commitment speaks to.
/// A final class, not a struct: it is called for every sentence, and a struct held by the
/// extractor was copied on each call (every table retained and released).
public final class TopicMatcher: Sendable {
    private struct Rule: Sendable {
        var topic: Int
        var exclude: Bool
    }
    private let rules: PhraseMatcher<Rule>
    private let concepts: PhraseMatcher<Int>
    private let conceptTopic: [Int]
    public let topicIDs: [String]
    public let conceptIDs: [String]

    public init(taxonomy: Taxonomy, lexicon: Lexicon) {
        var r = PhraseMatcher<Rule>(lexicon: lexicon)
        var c = PhraseMatcher<Int>(lexicon: lexicon)
        var ids: [String] = [], cids: [String] = [], ctopic: [Int] = []
        for (ti, topic) in taxonomy.topics.enumerated() {
            ids.append(topic.id)
            for p in topic.include { r.add(p, Rule(topic: ti, exclude: false)) }
            for p in topic.caseSensitive { r.add(p, Rule(topic: ti, exclude: false), caseSensitive: true) }
            for p in topic.exclude { r.add(p, Rule(topic: ti, exclude: true)) }
            for concept in topic.concepts {
                let ci = cids.count
                cids.append(concept.id)
                ctopic.append(ti)
                for p in concept.phrases { c.add(p, ci) }
            }
        }
        rules = r
        concepts = c
        conceptTopic = ctopic
        topicIDs = ids
        conceptIDs = cids
    }

    /// Topic indexes in taxonomy order.
    public func topics(in toks: [Token], text: [UInt8]) -> [Int] {
        topics(in: toks, range: 0..<toks.count, text: text)
    }

    /// Topic indexes in taxonomy order, for the tokens in a range.
    public func topics(in toks: [Token], range: Range<Int>, text: [UInt8]) -> [Int] {
        let all = rules.allMatches(in: toks, range: range, text: text)
        guard !all.isEmpty else { return [] }
        // A short array, not a Set: a sentence names few topics, and hashing cost more.
        var found: [Int] = []
        for m in all where !m.value.exclude {
            let blocked = all.contains { x in
                x.value.exclude && x.value.topic == m.value.topic && x.start <= m.start && m.end <= x.end
            }
            if !blocked, !found.contains(m.value.topic) { found.append(m.value.topic) }
        }
        found.sort()
        return found
    }

    /// Concept ids found in a token range: those of the preferred topics first, then in the
    /// taxonomy's order (most specific first), then by position.
    public func concepts(in toks: [Token], text: [UInt8], range: Range<Int>, preferring topics: [Int]) -> [String] {
        let ms = concepts.allMatches(in: toks, range: range, text: text)
        let sorted = ms.sorted { a, b in
            let pa = topics.contains(conceptTopic[a.value]), pb = topics.contains(conceptTopic[b.value])
            if pa != pb { return pa }
            // Within a topic, the taxonomy lists its concepts most specific first.
            if a.value != b.value { return a.value < b.value }
            return a.start < b.start
        }
        var out: [String] = []
        for m in sorted where !out.contains(conceptIDs[m.value]) { out.append(conceptIDs[m.value]) }
        return out
    }

    public func topicOfConcept(_ id: String) -> String? {
        conceptIDs.firstIndex(of: id).map { topicIDs[conceptTopic[$0]] }
    }
}
