import BriefingModel
import Foundation

/// A readout an edition was made from, by content.
public struct ReadoutRef: Hashable, Sendable, Codable {
    /// Path relative to the input folder.
    public var file: String
    public var sha256: String
    public init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }
}

/// A report file an edition wrote.
public struct ReportFile: Hashable, Sendable, Codable {
    public var layout: String
    /// Relative to the output folder.
    public var path: String
    public var sha256: String
    public var bytes: Int
    public init(layout: String, path: String, sha256: String, bytes: Int) {
        self.layout = layout
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// One produced (schedule, period, edition): the ledger's unit of truth.
public struct EditionRecord: Hashable, Sendable {
    public var schedule: String
    public var periodKey: String
    public var edition: Int
    public var version: Int
    public var startDay: CalendarDay
    public var endDay: CalendarDay
    public var start: Date
    public var end: Date
    /// SHA-256 over the sorted readout list: equal digests, equal reports.
    public var inputDigest: String
    /// Empty unless loaded with `editions(withReadouts: true)`; see `readoutCount`.
    public var readouts: [ReadoutRef]
    public var readoutCount: Int
    public var files: [ReportFile]
    public var producedAt: Date
    public var runID: Int64
    /// "first edition", or what changed for a revision ("2 readouts added").
    public var reason: String
}

/// Files a period's production is writing, recorded before the first byte so that a run
/// after a kill knows what to clean up.
public struct PendingFile: Hashable, Sendable, Codable {
    public var path: String
    public var temporary: String
}

/// A production under way or failed (not produced).
public struct AttemptRecord: Hashable, Sendable {
    public enum State: String, Sendable { case running, failed, interrupted }
    public var runID: Int64
    public var schedule: String
    public var periodKey: String
    public var edition: Int
    public var files: [PendingFile]
    public var state: State
    public var message: String?
    public var startedAt: Date
}

/// The stat of a readout when it was last hashed, so unchanged files are not read again.
public struct ReadoutStat: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var inode: Int64
    public var sha256: String
}
