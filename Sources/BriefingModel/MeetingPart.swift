/// One part of a meeting (a summit, then a signing ceremony, then a working lunch), each with
/// its own start and duration when the readout gives them.
public struct MeetingPart: Hashable, Sendable {
    /// Canonical kind: "summit meeting", "telephone talk", "courtesy call", "working lunch",
    /// "signing ceremony", "video conference", "ministers' meeting", ...
    public var kind: String
    /// Local time "HH:MM", 24-hour.
    public var startTime: String?
    public var durationMinutes: Int?

    public init(kind: String, startTime: String? = nil, durationMinutes: Int? = nil) {
        self.kind = kind
        self.startTime = startTime
        self.durationMinutes = durationMinutes
    }
}
