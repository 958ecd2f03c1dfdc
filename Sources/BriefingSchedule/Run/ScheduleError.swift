import BriefingModel
import Foundation

/// What stops a `schedule` command. Each message says what happened, to which file, and what
/// was (not) changed, so cron mail is enough to act on.
public enum ScheduleError: Error, LocalizedError, Equatable {
    /// `schedules.yaml` has errors (each names file, key and line).
    case invalidSchedules([Diagnostic])
    /// Another `schedule run` holds the lock.
    case busy(lock: String, holder: String)
    /// The ledger file is not a readable SQLite database.
    case ledgerUnreadable(path: String, reason: String)
    /// The ledger was written by a newer BriefingBook.
    case ledgerTooNew(path: String)
    /// The file at the ledger path is some other SQLite database.
    case notALedger(path: String)
    /// The output folder cannot be written (read-only, permissions).
    case outputNotWritable(path: String, reason: String)
    /// The output volume is full.
    case outputFull(path: String)
    /// A renderer failed for one period.
    case renderFailed(schedule: String, period: String, layout: String, reason: String)
    /// A report path already holds a file the ledger does not know.
    case wouldOverwrite(path: String)
    /// The readout folder cannot be listed.
    case inputUnreadable(path: String, reason: String)
    /// `--now` is not an ISO 8601 time.
    case invalidTime(String)

    public var errorDescription: String? {
        switch self {
        case .invalidSchedules(let diagnostics):
            return "the schedules have errors:\n" + diagnostics.map(\.description).joined(separator: "\n")
        case .busy(let lock, let holder):
            return "another `briefing schedule run` is running (\(holder); lock \(lock)); nothing was done. Run again when it has finished, or pass --wait."
        case .ledgerUnreadable(let path, let reason):
            return "the ledger \(path) cannot be read (\(reason)); nothing was written and the file was left as it is. Move it aside to start a new ledger (existing reports are then kept and not rewritten)."
        case .ledgerTooNew(let path):
            return "the ledger \(path) was written by a newer BriefingBook; nothing was changed. Use that version or a newer one."
        case .notALedger(let path):
            return "\(path) is an SQLite database but not a BriefingBook ledger; nothing was changed."
        case .outputNotWritable(let path, let reason):
            return "cannot write \(path) (\(reason)): the output folder is not writable. Nothing was recorded for this period; fix the folder and run again."
        case .outputFull(let path):
            return "cannot write \(path): no space left on the output volume. Nothing was recorded for this period; free some space and run again."
        case .renderFailed(let schedule, let period, let layout, let reason):
            return "rendering \(layout) for \(schedule) \(period) failed: \(reason). Nothing was recorded for this period."
        case .wouldOverwrite(let path):
            return "\(path) exists but the ledger has no record of it; it was not overwritten. Move it aside and run again."
        case .inputUnreadable(let path, let reason):
            return "cannot read the readouts in \(path): \(reason)"
        case .invalidTime(let text):
            return "\(text) is not an ISO 8601 time (e.g. 2026-11-23T09:00:00+09:00 or 2026-11-23)"
        }
    }

    /// Exit status in the sysexits family, so cron wrappers can tell causes apart.
    public var exitCode: Int32 {
        switch self {
        case .invalidSchedules, .invalidTime: 65      // EX_DATAERR
        case .busy: 75                                // EX_TEMPFAIL
        case .ledgerUnreadable, .ledgerTooNew, .notALedger: 74  // EX_IOERR
        case .outputNotWritable, .outputFull, .wouldOverwrite: 73  // EX_CANTCREAT
        case .renderFailed: 70                        // EX_SOFTWARE
        case .inputUnreadable: 66                     // EX_NOINPUT
        }
    }

    /// Classifies a file-system failure while writing `path`.
    static func writing(_ path: String, _ error: any Error) -> ScheduleError {
        let ns = error as NSError
        var errno: Int32? = (error as? POSIXError).map { $0.code.rawValue }
        if errno == nil, let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            errno = Int32(underlying.code)
        }
        if errno == nil, ns.domain == NSPOSIXErrorDomain { errno = Int32(ns.code) }
        if errno == ENOSPC || errno == EDQUOT { return .outputFull(path: path) }
        if ns.domain == NSCocoaErrorDomain && ns.code == CocoaError.fileWriteOutOfSpace.rawValue {
            return .outputFull(path: path)
        }
        if let e = errno, let reason = POSIXErrorCode(rawValue: e).map({ String(cString: strerror($0.rawValue)) }) {
            return .outputNotWritable(path: path, reason: reason)
        }
        return .outputNotWritable(path: path, reason: ns.localizedDescription)
    }
}
