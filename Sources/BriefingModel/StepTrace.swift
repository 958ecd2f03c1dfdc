import Dispatch
import Foundation

/// With BRIEFING_TRACE set, prints how long each step of a command took, on standard error:
/// for finding where the time of one run goes without a profiler.
public final class StepTrace {
    public init() {}
    private let on = ProcessInfo.processInfo.environment["BRIEFING_TRACE"] != nil
    private var last = DispatchTime.now().uptimeNanoseconds

    public func mark(_ step: String) {
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let line = "trace: " + step.padding(toLength: max(44, step.count), withPad: " ", startingAt: 0)
            + String(format: "%8.3f s\n", Double(now - last) / 1e9)
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }
}
