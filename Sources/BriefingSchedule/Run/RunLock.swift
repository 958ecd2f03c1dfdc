import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run lock: an exclusive `flock` on `<output>/.briefing/run.lock`. The kernel drops it
/// when the holder exits or is killed, so a crash never leaves a stale lock behind.
public final class RunLock: @unchecked Sendable {
    private var fd: Int32

    public static func url(inOutput output: URL) -> URL {
        output.appendingPathComponent(".briefing", isDirectory: true).appendingPathComponent("run.lock")
    }

    /// Takes the lock, waiting for it when `wait` is true, else failing with `.busy`.
    public init(at url: URL, wait: Bool) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ScheduleError.writing(url.deletingLastPathComponent().path, error)
        }
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ScheduleError.writing(url.path, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
        }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let holder = (try? String(contentsOf: url, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            throw ScheduleError.busy(lock: url.path, holder: holder.isEmpty ? "holder unknown" : holder)
        }
        let note = "pid \(getpid()) since \(ISOTime.string(Date()))\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// True when some process holds the lock now (status uses it to tell "running" from
    /// "interrupted").
    public static func isHeld(at url: URL) -> Bool {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return true
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
