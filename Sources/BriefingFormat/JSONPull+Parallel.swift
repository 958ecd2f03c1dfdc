import BriefingModel
import Dispatch
import Foundation

/// Large arrays of the analysis (meetings, threads) parsed on all cores.
extension JSONPull {
    /// Offsets where each element of the array starting at `i` begins, and the offset just
    /// after its closing bracket; a structural scan that builds nothing.
    func elementStarts() throws -> (starts: [Int], end: Int) {
        var j = i
        while j < b.count, b[j] != 0x5B { j += 1 }
        j += 1
        var starts: [Int] = []
        var depth = 0, inString = false, sawValue = false
        var current = j
        while j < b.count {
            let c = b[j]
            if inString {
                guard let q = closingQuote(from: j) else { break }
                j = q + 1
                inString = false
                continue
            } else {
                switch c {
                case 0x22: inString = true; sawValue = true
                case 0x7B, 0x5B: depth += 1; sawValue = true
                case 0x7D: depth -= 1
                case 0x5D:
                    if depth == 0 {
                        if sawValue { starts.append(current) }
                        return (starts, j + 1)
                    }
                    depth -= 1
                case 0x2C where depth == 0:
                    starts.append(current)
                    current = j + 1
                case 0x20, 0x0A, 0x0D, 0x09: break
                default: sawValue = true
                }
            }
            j += 1
        }
        throw JSONPullError(offset: b.count, what: "unterminated array")
    }

    /// Parses a large array's elements on all cores (each chunk from its own offset).
    mutating func parallelArray<T>(_ element: @escaping @Sendable (inout JSONPull) throws -> T) throws -> [T] {
        if let values = splitAtFirstKey(element) { return values }
        let (starts, end) = try elementStarts()
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8)
        let large = starts.count >= 2000 || (starts.count >= 4 && end - i > 4 << 20)
        guard large, workers > 1 else { return try array(element) }
        let chunks = min(workers * 2, starts.count)
        let results = SlotArray<[T]>(count: chunks, repeating: [])
        let errors = SlotArray<Error?>(count: chunks, repeating: nil)
        nonisolated(unsafe) let bytes = b
        let full = self.full, release = self.release
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let lo = starts.count * k / chunks, hi = starts.count * (k + 1) / chunks
            var p = JSONPull(bytes)
            p.full = full
            var out: [T] = []
            out.reserveCapacity(hi - lo)
            do {
                for e in lo..<hi {
                    p.i = starts[e]
                    out.append(try element(&p))
                }
                results[k] = out
                if lo < hi { release?(starts[lo]..<p.i) }
            } catch { errors[k] = error }
        }
        if let e = errors.values.compactMap({ $0 }).first { throw e }
        i = end
        return results.values.flatMap { $0 }
    }

    /// Parses a large array of objects on all cores without first scanning it whole: chunk
    /// boundaries are guessed where the first element's opening bytes (`{"first_key"`) recur,
    /// which in valid JSON can only be an object's start; a guess counts only when the chunk
    /// before it, parsed element by element, ends exactly there. Nil (nothing consumed) when a
    /// guess fails or the array is small: the caller then scans it element by element.
    mutating func splitAtFirstKey<T>(_ element: @escaping @Sendable (inout JSONPull) throws -> T) -> [T]? {
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), 8)
        guard workers > 1, b.baseAddress != nil else { return nil }
        var j = i
        while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 { j += 1 }
        guard j < b.count, b[j] == 0x5B else { return nil }
        j += 1
        while j < b.count, b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 { j += 1 }
        guard j < b.count, b[j] == 0x7B else { return nil }
        // The pattern: from the first element's brace through its first key's closing quote.
        var k = j + 1
        while k < b.count, b[k] == 0x20 || b[k] == 0x0A || b[k] == 0x0D || b[k] == 0x09 { k += 1 }
        guard k < b.count, b[k] == 0x22 else { return nil }
        k += 1
        while k < b.count, b[k] != 0x22, b[k] != 0x5C { k += 1 }
        guard k < b.count, b[k] == 0x22 else { return nil }
        let pattern = UnsafeBufferPointer(rebasing: b[j...k])
        let remaining = b.count - j
        guard remaining >= 4 << 20 else { return nil }
        let chunks = workers * 4
        let length = remaining / chunks
        var guesses = [j]
        for c in 1..<chunks {
            let from = j + c * length
            guard let hit = find(pattern, from: from, to: min(b.count, from + length + pattern.count)) else { break }
            guesses.append(hit)
        }
        let starts = guesses
        let n = starts.count
        guard n > 1 else { return nil }
        let results = SlotArray<[T]>(count: n, repeating: [])
        let ends = ChunkEnds(n)
        nonisolated(unsafe) let bytes = b
        let full = self.full, release = self.release
        DispatchQueue.concurrentPerform(iterations: n) { c in
            // A chunk after one that met the array's end is past it.
            guard !ends.closedBefore(c) else { return }
            var p = JSONPull(bytes)
            p.full = full
            p.i = starts[c]
            let limit = c + 1 < n ? starts[c + 1] : Int.max
            var out: [T] = []
            do {
                while true {
                    out.append(try element(&p))
                    p.ws()
                    guard p.i < p.b.count else { return }
                    if p.b[p.i] == 0x5D {
                        ends.set(c, .closed(p.i + 1))
                        break
                    }
                    guard p.b[p.i] == 0x2C else { return }
                    p.i += 1
                    p.ws()
                    if p.i == limit { ends.set(c, .next); break }
                    if p.i > limit { return }
                }
                results[c] = out
                release?(starts[c]..<p.i)
            } catch { return }
        }
        let chunkValues = results.values
        var values: [T] = []
        for c in 0..<n {
            switch ends.state[c] {
            case .next: values += chunkValues[c]
            case .closed(let end):
                values += chunkValues[c]
                i = end
                return values
            case .failed: return nil
            }
        }
        return nil
    }

    /// Offset of the first `pattern` starting in `from..<to - pattern.count + 1`.
    func find(_ pattern: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let base = b.baseAddress, let p = pattern.baseAddress, pattern.count > 0 else { return nil }
        var j = from
        while j + pattern.count <= to {
            guard let hit = memchr(base + j, Int32(p[0]), to - pattern.count + 1 - j) else { return nil }
            let q = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + q, p, pattern.count) == 0 { return q }
            j = q + 1
        }
        return nil
    }
}

/// How each chunk of `splitAtFirstKey` ended: exactly at the next chunk's start, at the
/// array's closing bracket, or anywhere else (a wrong guess or bad input).
final class ChunkEnds: @unchecked Sendable {
    enum End { case failed, next, closed(Int) }
    private let lock = NSLock()
    private(set) var state: [End]
    private var firstClosed = Int.max

    init(_ n: Int) { state = Array(repeating: .failed, count: n) }

    func set(_ c: Int, _ end: End) {
        lock.lock()
        defer { lock.unlock() }
        state[c] = end
        if case .closed = end { firstClosed = min(firstClosed, c) }
    }

    func closedBefore(_ c: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return firstClosed < c
    }
}
