import BriefingModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line on standard error, rewritten in place, saying how far a long run is ("analyze:
/// extracting readouts 4,096/10,000"). Only when standard error is a terminal and the command
/// is not `--quiet`, and only once the run has lasted half a second, so a short run prints
/// nothing; cleared before other output and at the end.
final class TerminalProgress: @unchecked Sendable {
    private let command: String
    private let lock = NSLock()
    private let started = DispatchTime.now()
    private var lastDrawn: UInt64 = 0
    private var shown = false

    /// nil when there is to be no progress line.
    static func make(command: String, quiet: Bool) -> TerminalProgress? {
        quiet || isatty(STDERR_FILENO) != 1 ? nil : TerminalProgress(command: command)
    }

    private init(command: String) { self.command = command }

    var handler: ProgressHandler { { [self] step, done, total in update(step, done, total) } }

    func update(_ step: String, _ done: Int, _ total: Int) {
        lock.withLock {
            let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
            // Half a second in, then at most ten times a second.
            guard elapsed >= 500_000_000, elapsed - lastDrawn >= 100_000_000 || done == total else { return }
            lastDrawn = elapsed
            write("\r\u{1B}[K\(command): \(step) \(Self.grouped(done))/\(Self.grouped(total))")
            shown = true
        }
    }

    /// Removes the line (before other output goes to the terminal, and at the end).
    func clear() {
        lock.withLock {
            guard shown else { return }
            write("\r\u{1B}[K")
            shown = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// 12345 -> "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}
