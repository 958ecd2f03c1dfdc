/// A day of the week, numbered as ISO 8601 does (Monday 1 ... Sunday 7).
public enum Weekday: Int, Hashable, Sendable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { "\($0)" == name.lowercased() }) else { return nil }
        self = day
    }

    public var name: String { "\(self)" }

    /// The weekday of a calendar day (1970-01-01 was a Thursday).
    public init(of dayNumber: Int) {
        let monday0 = ((dayNumber + 3) % 7 + 7) % 7
        self = Weekday(rawValue: monday0 + 1)!
    }
}
