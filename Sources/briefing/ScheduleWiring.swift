import BriefingModel
import BriefingSchedule
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plugs the extraction and rendering stages into the scheduler.
enum ScheduleWiring {
    struct Unavailable: Error, LocalizedError {
        var errorDescription: String? { "this build has no readout extractor yet (BriefingAggregate.CorpusAnalyzer)" }
    }

    /// The extraction stage. Replaced by the CorpusAnalyzer adapter once it lands in main.
    static func analyzer(layouts: URL, input: URL, now: Date) throws -> any ReadoutAnalyzer {
        throw Unavailable()
    }

    /// The rendering stage: the `analysis` layout is written here; book, brief and charts
    /// need the Cairo renderer (branch render), passed as `base` once it lands.
    static func renderer() -> any ReportRenderer {
        AnalysisJSONRenderer(base: nil)
    }

    /// `BRIEFING_FAULT=after-render:2` (or `after-rename:N`) SIGKILLs this process at the Nth
    /// time the run reaches that point: for testing crash recovery with the real binary.
    static func faultHookFromEnvironment() -> FaultHook? {
        guard let spec = ProcessInfo.processInfo.environment["BRIEFING_FAULT"] else { return nil }
        let parts = spec.split(separator: ":")
        guard let point = FaultPoint(rawValue: String(parts[0])) else { return nil }
        let target = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let seen = FaultCount()
        return { p, _, _ in
            if p == point && seen.next() == target { kill(getpid(), SIGKILL) }
        }
    }
}

private final class FaultCount: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}
