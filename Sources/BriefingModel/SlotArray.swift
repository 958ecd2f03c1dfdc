import Dispatch
import Foundation

/// Results written by index from several threads (each index by one thread), read once every
/// worker is done. The one shared box for the parallel loops of extraction, aggregation,
/// scheduling and rendering.
public final class SlotArray<T>: @unchecked Sendable {
    private var storage: [T]
    private let lock = NSLock()

    public init(count: Int, repeating value: T) { storage = Array(repeating: value, count: count) }

    public subscript(i: Int) -> T {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }

    /// The values once every worker is done.
    public var values: [T] { lock.withLock { storage } }
}

/// Runs two independent pieces of work side by side; returns both results.
public func concurrently<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let first = SlotArray<A?>(count: 1, repeating: nil), second = SlotArray<B?>(count: 1, repeating: nil)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
        if task == 0 { first[0] = a() } else { second[0] = b() }
    }
    return (first[0]!, second[0]!)
}
