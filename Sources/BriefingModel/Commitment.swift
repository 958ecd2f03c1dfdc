/// A discrete, publicly expressed statement of intent to act toward an identified goal.
public struct Commitment: Hashable, Sendable {
    /// How strongly the commitment was made.
    public enum Strength: Int, Sendable, Comparable, CaseIterable {
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
    /// One of the relationship's side ids, or "both".
    public var actor: String
    public var strength: Strength
    /// The word(s) that decided the strength: "agreed", "reaffirmed", "expressed ... intention".
    public var cue: String
    public var topics: [String]
    /// Thread concept ids (from the taxonomy) this commitment speaks to, most specific first.
    public var concepts: [String]
    public var file: String
    public var line: Int
    /// The extractor's, or an analyst's (`corrections.yaml`): one word of storage, since an
    /// export of 50,000 meetings holds a quarter of a million commitments.
    public var origin: Origin = .extractor

    /// Who made a commitment what it is.
    public enum Origin: Hashable, Sendable {
        case extractor
        /// Added by an analyst (`extracted` nil) or changed (`extracted` holds what the extractor said).
        indirect case analyst(extracted: Extracted?)
    }

    /// What the extractor said of the fields an analyst changed; nil for a field left alone.
    public struct Extracted: Hashable, Sendable {
        public var actor: String?
        public var strength: Strength?
        public var topics: [String]?
        public init(actor: String? = nil, strength: Strength? = nil, topics: [String]? = nil) {
            self.actor = actor
            self.strength = strength
            self.topics = topics
        }
    }

    /// "analyst" for a commitment an analyst added, changed or dropped; nil for the extractor's.
    public var source: String? {
        get { origin == .extractor ? nil : "analyst" }
        set { if newValue == "analyst", origin == .extractor { origin = .analyst(extracted: nil) } }
    }

    /// What the extractor said before an analyst's change.
    public var extracted: Extracted? {
        get { if case .analyst(let e) = origin { e } else { nil } }
        set { if newValue != nil || origin != .extractor { origin = .analyst(extracted: newValue) } }
    }
    /// Which sentence starting on `line` it comes from (1 for the first).
    public var sentenceOnLine = 1
    /// The id of the sentence it comes from (`Statement.id`).
    public var statement: String { Statement.id(file: file, line: line, ordinal: sentenceOnLine) }

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
}
