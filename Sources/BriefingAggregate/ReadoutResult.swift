import BriefingModel

/// What extracting one readout gave: its meeting (nil when the file could not be used) and
/// the findings about it.
public struct ReadoutResult: Sendable {
    public var meeting: Meeting?
    public var diagnostics: [Diagnostic]
    public var failed: Bool { meeting == nil || diagnostics.contains { $0.severity == .error } }

    public init(meeting: Meeting?, diagnostics: [Diagnostic]) {
        self.meeting = meeting
        self.diagnostics = diagnostics
    }
}
