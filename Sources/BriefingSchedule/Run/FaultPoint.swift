/// Points in a period's production where tests (and `BRIEFING_FAULT` in the command line)
/// stop a run the way a kill would.
public enum FaultPoint: String, Sendable, CaseIterable, Codable {
    /// Every report file of the period is written to its temporary path; none renamed.
    case afterRender = "after-render"
    /// Every report file is in place; the ledger transaction has not run.
    case afterRename = "after-rename"
}

/// Thrown from a fault hook to stop a run as a kill would: the runner does no clean-up, does
/// not mark the attempt failed, and rethrows it.
public struct SimulatedKill: Error, Equatable {
    public var point: FaultPoint
    public init(point: FaultPoint) { self.point = point }
}

/// Called at each fault point with the period being produced and its edition.
public typealias FaultHook = @Sendable (FaultPoint, OwnedPeriod, Int) throws -> Void
