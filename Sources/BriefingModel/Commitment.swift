/// A discrete, publicly expressed statement of intent to act toward an identified goal.
public struct Commitment: Hashable, Sendable, Codable {
    /// How strongly the commitment was made.
    public enum Strength: Int, Sendable, Codable, Comparable, CaseIterable {
        case sharedView = 1, confirmed = 2, agreed = 3, signed = 4
        public static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
        public var label: String {
            switch self {
            case .sharedView: "shared view"
            case .confirmed: "confirmed"
            case .agreed: "agreed"
            case .signed: "signed"
            }
        }
    }

    /// The part of the sentence that carries this commitment (the whole sentence when it holds
    /// only one).
    public var text: String
    /// The minimal clause: from the cue to the end of what it governs. Always the end of
    /// `text`, so it is kept as an offset into it (an export of 50,000 meetings holds a
    /// quarter of a million of these).
    public var clause: String {
        get {
            let u = text.utf8
            let start = u.index(u.startIndex, offsetBy: min(clauseOffset, u.count))
            return String(text[start...])
        }
        set {
            // Compared as bytes: `hasSuffix` matches canonically equivalent text ("é" and
            // "e\u{301}"), whose byte counts differ, and the offset is in bytes.
            var whole = text, end = newValue
            let n = end.utf8.count, m = whole.utf8.count
            let isSuffix = m >= n && whole.withUTF8 { t in
                end.withUTF8 { e in
                    var k = 0
                    while k < n, t[m - n + k] == e[k] { k += 1 }
                    return k == n
                }
            }
            // Not a suffix (edited by hand): keep the whole text as the clause.
            clauseOffset = isSuffix ? m - n : 0
        }
    }
    /// UTF-8 offset of the clause in `text`.
    public var clauseOffset: Int = 0
    /// "japan", "us" or "both".
    public var actor: String
    public var strength: Strength
    /// The word(s) that decided the strength: "agreed", "reaffirmed", "expressed ... intention".
    public var cue: String
    public var topics: [String]
    /// Thread concept ids (from the taxonomy) this commitment speaks to, most specific first.
    public var concepts: [String]
    public var file: String
    public var line: Int

    public init(text: String, clause: String, actor: String, strength: Strength, cue: String,
                topics: [String], concepts: [String], file: String, line: Int) {
        self.text = text
        self.clauseOffset = 0
        self.actor = actor
        self.strength = strength
        self.cue = cue
        self.topics = topics
        self.concepts = concepts
        self.file = file
        self.line = line
        self.clause = clause
    }

    private enum CodingKeys: String, CodingKey {
        case text, clause, actor, strength, cue, topics, concepts, file, line
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), clause: try c.decode(String.self, forKey: .clause),
                  actor: try c.decode(String.self, forKey: .actor), strength: try c.decode(Strength.self, forKey: .strength),
                  cue: try c.decode(String.self, forKey: .cue), topics: try c.decode([String].self, forKey: .topics),
                  concepts: try c.decode([String].self, forKey: .concepts), file: try c.decode(String.self, forKey: .file),
                  line: try c.decode(Int.self, forKey: .line))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(clause, forKey: .clause)
        try c.encode(actor, forKey: .actor)
        try c.encode(strength, forKey: .strength)
        try c.encode(cue, forKey: .cue)
        try c.encode(topics, forKey: .topics)
        try c.encode(concepts, forKey: .concepts)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
    }
}
