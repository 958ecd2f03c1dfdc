import BriefingModel

/// What a generated readout says, as extraction should find it. Encoded as one JSON object a
/// line, with snake_case keys (`place` is null for a call).
public struct ReadoutTruth: Sendable, Hashable, Codable {
    public struct Person: Sendable, Hashable, Codable {
        public var name: String
        public var role: String
        public var country: String
    }

    public struct Commitment: Sendable, Hashable, Codable {
        public var text: String
        public var actor: String
        public var strength: Int
        public var topics: [String]
    }

    public var file: String
    public var date: CalendarDay
    /// Whether the text itself gives the year (else the front matter or the manifest does).
    public var yearInText: Bool
    public var kinds: [String]
    public var participants: [Person]
    public var place: String?
    public var durationMinutes: Int
    /// Sorted.
    public var topics: [String]
    /// In the order of the text.
    public var commitments: [Commitment]

    enum CodingKeys: String, CodingKey {
        case file, date, yearInText = "year_in_text", kinds, participants, place, durationMinutes = "duration_minutes",
             topics, commitments
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(date, forKey: .date)
        try c.encode(yearInText, forKey: .yearInText)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(participants, forKey: .participants)
        try c.encode(place, forKey: .place)
        try c.encode(durationMinutes, forKey: .durationMinutes)
        try c.encode(topics, forKey: .topics)
        try c.encode(commitments, forKey: .commitments)
    }
}
