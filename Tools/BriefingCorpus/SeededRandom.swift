/// A small deterministic generator (SplitMix64): the same seed gives the same corpus on every
/// machine and Swift version, which the standard library's generators do not promise.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<n, without modulo bias.
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        var x = next()
        while x >= limit { x = next() }
        return Int(x % bound)
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `k` distinct items in random order.
    public mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        var pool = items
        for i in 0..<k { pool.swapAt(i, i + below(pool.count - i)) }
        return Array(pool.prefix(k))
    }
}
