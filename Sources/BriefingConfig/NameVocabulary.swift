/// How readouts name people and the pair that meets, shared by every relationship pack:
/// general titles, honorifics, title synonyms, leaders' offices, the countries whose people
/// are named family name first, and phrases for the two parties together. `layouts/names.yaml`.
public struct NameVocabulary: Sendable {
    /// Titles that stand before a name ("Prime Minister", "Foreign Minister").
    public var titles: [String]
    public var honorifics: [String]
    /// Lower-cased title as written -> the office as the registry records it, lower-cased.
    public var titleSynonyms: [String: String]
    /// Lower-cased title alone -> the office it names when several share it ("secretary" ->
    /// the office a State Department readout means).
    public var bareTitleOffices: [String: String]
    /// Offices of leaders: a leader on each side makes a summit.
    public var leaderTitles: [String]
    /// Countries whose people the registry names family name first (the surname is the first word).
    public var familyNameFirst: Set<String>
    /// Countries whose people texts name in either order (both orders of a two-word name match).
    public var bothNameOrders: Set<String>
    /// "the two leaders", "both sides": the pair as one subject.
    public var pairPhrases: [String]

    /// `leaderTitles` lower-cased, for `matches`.
    private let leaderTitleSet: Set<String>

    public init(titles: [String], honorifics: [String], titleSynonyms: [String: String],
                bareTitleOffices: [String: String] = [:], leaderTitles: [String], familyNameFirst: Set<String>,
                bothNameOrders: Set<String> = [], pairPhrases: [String]) {
        leaderTitleSet = Set(leaderTitles.map { $0.lowercased() })
        self.bothNameOrders = bothNameOrders
        self.titles = titles
        self.bareTitleOffices = bareTitleOffices
        self.honorifics = honorifics
        self.titleSynonyms = titleSynonyms
        self.leaderTitles = leaderTitles
        self.familyNameFirst = familyNameFirst
        self.pairPhrases = pairPhrases
    }

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> NameVocabulary {
        try root.allowOnly(["titles", "honorifics", "title_synonyms", "bare_title_offices", "leader_titles",
                            "family_name_first", "both_name_orders", "pair_phrases"])
        var synonyms: [String: String] = [:], bare: [String: String] = [:]
        for (key, value) in try root["title_synonyms"]?.entries() ?? [] {
            synonyms[key.lowercased()] = try value.nonEmptyString().lowercased()
        }
        for (key, value) in try root["bare_title_offices"]?.entries() ?? [] {
            bare[key.lowercased()] = try value.nonEmptyString().lowercased()
        }
        let titles = try root.required("titles").strings()
        guard !titles.isEmpty else { throw root.fail("`titles:` is empty; list the titles that stand before names") }
        return NameVocabulary(titles: titles, honorifics: try root["honorifics"]?.strings() ?? [], titleSynonyms: synonyms,
                              bareTitleOffices: bare, leaderTitles: try root["leader_titles"]?.strings() ?? [],
                              familyNameFirst: Set(try root["family_name_first"]?.strings() ?? []),
                              bothNameOrders: Set(try root["both_name_orders"]?.strings() ?? []),
                              pairPhrases: try root["pair_phrases"]?.strings() ?? [])
    }

    /// A title as the registry would record it ("Foreign Minister" -> "minister for foreign affairs").
    public func normalize(_ title: String) -> String {
        let l = title.lowercased().trimmingWhitespace()
        return titleSynonyms[l] ?? l
    }

    /// Whether a title as written ("Foreign Minister", "Secretary") names an office as the
    /// registry records it ("Minister for Foreign Affairs", "Foreign Minister"). A one-word
    /// title matches an office that starts or ends with it, but never a leader's office
    /// ("Minister" is not "Prime Minister") nor a deputy's.
    public func matches(title: String, role: String) -> Bool {
        let t = normalize(title), r = normalize(role)
        if t == r { return true }
        guard !t.contains(" "), r.hasPrefix(t + " ") || r.hasSuffix(" " + t) else { return false }
        return !leaderTitleSet.contains(r) && !r.hasPrefix("deputy ") && !r.hasPrefix("vice ")
    }

}
