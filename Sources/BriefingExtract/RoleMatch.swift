import BriefingConfig

/// Whether a title as written ("Foreign Minister", "Secretary") names an office as the
/// registry records it ("Minister for Foreign Affairs", "Secretary of State"). "Prime
/// Minister" is not "Deputy Prime Minister".
enum RoleMatch {
    static let synonyms: [String: String] = [
        "foreign minister": "minister for foreign affairs", "minister of foreign affairs": "minister for foreign affairs",
        "defense minister": "minister of defense", "defence minister": "minister of defense",
        "minister of defence": "minister of defense", "secretary of war": "secretary of defense",
        "pm": "prime minister", "potus": "president",
    ]

    static func normalize(_ s: String) -> String {
        let l = s.lowercased().trimmingWhitespace()
        return synonyms[l] ?? l
    }

    static func matches(title: String, role: String) -> Bool {
        let t = normalize(title), r = normalize(role)
        if t == r { return true }
        if t == "secretary" { return r.hasPrefix("secretary") }
        if t == "minister" { return r.contains("minister") && !r.contains("prime") }
        if t == "ambassador" { return r.hasPrefix("ambassador") }
        return false
    }
}
