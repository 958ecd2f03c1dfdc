import Dispatch
import Foundation

/// Threads that each make and warm a text engine for one format as soon as they start (while
/// the analysis is still being read), then draw charts with it when `run` hands them work.
/// Every thread runs the work once; `wait` returns when all have.
public final class ChartDrawingThreads: @unchecked Sendable {
    private let go = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let count: Int
    private var work: (@Sendable (TextEngine) -> Void)?
    private var started = false

    public init(_ count: Int, exporter: ChartExporter, format: ChartExporter.Format) {
        self.count = max(0, count)
        let styles = exporter.textStyles
        for _ in 0..<self.count {
            finished.enter()
            let thread = Thread { [self] in
                let engine = exporter.textEngine(for: format)
                FontWarmup.warm(styles, on: engine)
                go.wait()
                work?(engine)
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    func run(_ work: @escaping @Sendable (TextEngine) -> Void) {
        guard !started else { return }
        started = true
        self.work = work
        for _ in 0..<count { go.signal() }
    }

    func wait() { finished.wait() }

    /// Lets threads that were given no work end (when the command stops before drawing).
    public func release() {
        run { _ in }
        wait()
    }
}

/// The charts not yet taken by a drawing thread, handed out one at a time.
final class ChartQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let items: [ChartExporter.Item]
    private var taken = 0

    init(_ items: [ChartExporter.Item]) { self.items = items }

    func next() -> (Int, ChartExporter.Item)? {
        lock.withLock {
            guard taken < items.count else { return nil }
            taken += 1
            return (taken - 1, items[taken - 1])
        }
    }
}

/// What `writeAll`'s files came to, filled in from the drawing threads.
final class WriteOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var urls: [URL?]
    private var failure: (index: Int, path: String, error: Error)?

    init(count: Int) { urls = Array(repeating: nil, count: count) }

    var failed: Bool { lock.withLock { failure != nil } }

    func done(_ k: Int, _ url: URL) { lock.withLock { urls[k] = url } }

    func fail(_ k: Int, path: String, _ error: Error) {
        lock.withLock { if failure == nil || k < failure!.index { failure = (k, path, error) } }
    }

    /// The files written before the first failure, and the failure.
    var result: (written: [URL], failure: (path: String, error: Error)?) {
        lock.withLock {
            let upTo = failure?.index ?? urls.count
            return (urls[..<upTo].compactMap { $0 }, failure.map { ($0.path, $0.error) })
        }
    }
}
