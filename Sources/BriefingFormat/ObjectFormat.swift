import BriefingModel
import Foundation

/// One key of a record in the analysis file: how its value is written and read. Made with
/// `.field(...)` and its variants, one line each, in the key table (`AnalysisFields`).
struct Field<Model>: Sendable {
    /// How a field whose value is absent appears in the file.
    enum Absent: Sendable { case null, omitted }

    let key: StaticString
    var write: @Sendable (JSONWriter, Model) -> Void
    /// Nil when the value is always written; else whether this record has one to write.
    var isPresent: (@Sendable (Model) -> Bool)?
    /// Nil for a value derived from the others: written for the file's readers, recomputed
    /// on reading.
    let read: (@Sendable (inout JSONPull, inout Model) throws -> Void)?
    /// Skipped unread by a lean read (`AnalysisReader.load(full: false)`): rendering never
    /// shows it.
    var lean = false
    /// Told where in the file a lean read left this value, so it can be read later alone.
    var skipped: (@Sendable (inout Model, Range<Int>) -> Void)?
    /// Read once the record's other keys are (a value kept relative to another).
    var deferred = false
    /// A record without it is refused.
    var required = false
    /// How a top-level list is laid out in the file; nil for every other value.
    var list: TopLevelList<Model>?

    /// A value always written (`null` when an optional one is absent).
    static func field<V: FormatValue>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> V,
                                      _ set: @escaping @Sendable (inout Model, V) -> Void,
                                      lean: Bool = false) -> Field {
        var f = Field(key: key, write: { w, m in V.write(get(m), to: w) }, isPresent: nil,
                      read: { p, m in set(&m, try V.read(from: &p)) })
        f.lean = lean
        return f
    }

    /// An optional value whose key is left out when it is absent.
    static func field<V: FormatValue>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> V?,
                                      _ set: @escaping @Sendable (inout Model, V?) -> Void,
                                      absent: Absent, lean: Bool = false) -> Field {
        var present: (@Sendable (Model) -> Bool)?
        if absent == .omitted { present = { get($0) != nil } }
        var f = Field(key: key, write: { w, m in Optional<V>.write(get(m), to: w) }, isPresent: present,
                      read: { p, m in set(&m, try Optional<V>.read(from: &p)) })
        f.lean = lean
        return f
    }

    /// A list whose key is left out when it is empty (read back as empty).
    static func field<E: FormatValue>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> [E],
                                      _ set: @escaping @Sendable (inout Model, [E]) -> Void,
                                      absentWhenEmpty: Bool) -> Field {
        var f = Field.field(key, get, set)
        if absentWhenEmpty { f = Field(key: key, write: f.write, isPresent: { !get($0).isEmpty }, read: f.read) }
        return f
    }

    /// The same field, written from `encoded` bytes as they are when the record holds its value
    /// already encoded (and then present even when `get` gives nil).
    func preEncoded(_ encoded: @escaping @Sendable (Model) -> [UInt8]?) -> Field {
        var f = self
        let plain: @Sendable (JSONWriter, Model) -> Void = write
        let write: @Sendable (JSONWriter, Model) -> Void = { w, m in
            if let bytes = encoded(m) {
                bytes.withUnsafeBufferPointer { w.append($0) }
            } else {
                plain(w, m)
            }
        }
        f.write = write
        if let present = isPresent {
            let either: @Sendable (Model) -> Bool = { m in encoded(m) != nil || present(m) }
            f.isPresent = either
        }
        return f
    }

    /// The same field, with `where` told the byte range of its value when a lean read skips it.
    func whereSkipped(_ note: @escaping @Sendable (inout Model, Range<Int>) -> Void) -> Field {
        var f = self
        f.skipped = note
        return f
    }

    /// A value written from the others and recomputed from them on reading.
    static func derived<V: FormatValue>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> V) -> Field {
        Field(key: key, write: { w, m in V.write(get(m), to: w) }, isPresent: nil, read: nil)
    }

    /// A field written and read by functions of its own (a value with a representation the
    /// generic kinds do not give).
    static func custom(_ key: StaticString, write: @escaping @Sendable (JSONWriter, Model) -> Void,
                       read: @escaping @Sendable (inout JSONPull, inout Model) throws -> Void,
                       lean: Bool = false, deferred: Bool = false) -> Field {
        var f = Field(key: key, write: write, isPresent: nil, read: read)
        f.lean = lean
        f.deferred = deferred
        return f
    }

    /// This field, refused when missing.
    func required(_ yes: Bool = true) -> Field {
        var f = self
        f.required = yes
        return f
    }
}

/// How a top-level list of the analysis file is laid out: one element a line, and for the
/// bulk (meetings, threads) encoded on all cores and decoded in parallel chunks.
struct TopLevelList<Model>: Sendable {
    var count: @Sendable (Model) -> Int
    /// Writes element `i`; called from several threads at once, each on its own writer.
    var element: @Sendable (JSONWriter, Model, Int) -> Void
    /// About how many bytes element `i` takes, to cut the list into pieces; nil for a short
    /// list written in one piece.
    var estimatedBytes: (@Sendable (Model, Int) -> Int)?
}

extension Field {
    /// A top-level list, one element a line.
    static func lines<E: FormatValue>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> [E],
                                      _ set: @escaping @Sendable (inout Model, [E]) -> Void) -> Field {
        var f = Field.field(key, get, set)
        f.list = TopLevelList(count: { get($0).count }, element: { w, m, i in E.write(get(m)[i], to: w) }, estimatedBytes: nil)
        return f
    }

    /// The bulk of the file: one element a line, written on all cores in pieces of about
    /// `estimatedBytes`, read in parallel chunks.
    static func bulk<E: FormatValue & Sendable>(_ key: StaticString, _ get: @escaping @Sendable (Model) -> [E],
                                                _ set: @escaping @Sendable (inout Model, [E]) -> Void,
                                                estimatedBytes: @escaping @Sendable (E) -> Int) -> Field {
        var f = Field(key: key, write: { w, m in [E].write(get(m), to: w) }, isPresent: nil,
                      read: { p, m in set(&m, try p.parallelArray { try E.read(from: &$0) }) })
        f.list = TopLevelList(count: { get($0).count }, element: { w, m, i in E.write(get(m)[i], to: w) },
                              estimatedBytes: { m, i in estimatedBytes(get(m)[i]) })
        return f
    }
}

/// A record type's keys, sorted as the file has them, with how to write and read each.
final class ObjectFormat<Model>: Sendable {
    /// What reading starts from: every field at its value for an absent key.
    let empty: @Sendable () -> Model
    let fields: [Field<Model>]
    /// The fields as reading and writing use them, in one buffer read in place: a field's
    /// closure is called where it lies, never copied (a copy would count a reference, for
    /// every key of a 50,000-meeting file).
    private let entries: ContiguousArray<Entry>
    private let hasDeferred: Bool
    /// Bits of the required fields (`Entry.requiredBit`), all set once each is read.
    private let allRequired: UInt64

    private struct Entry: Sendable {
        var pattern: KeyPattern
        var write: @Sendable (JSONWriter, Model) -> Void
        var isPresent: (@Sendable (Model) -> Bool)?
        var read: (@Sendable (inout JSONPull, inout Model) throws -> Void)?
        var lean: Bool
        var skipped: (@Sendable (inout Model, Range<Int>) -> Void)?
        var deferred: Bool
        var requiredBit: UInt64
    }

    init(empty: @escaping @Sendable () -> Model, _ unsorted: [Field<Model>]) {
        // Sorted by key bytes, as JSONEncoder's sorted keys: a line may go anywhere in the table.
        let fields = unsorted.sorted { a, b in
            a.key.withUTF8Buffer { x in b.key.withUTF8Buffer { y in x.lexicographicallyPrecedes(y) } }
        }
        self.fields = fields
        self.empty = empty
        var entries = ContiguousArray<Entry>()
        var bit: UInt64 = 1
        for f in fields {
            entries.append(Entry(pattern: KeyPattern(f.key), write: f.write, isPresent: f.isPresent, read: f.read, lean: f.lean,
                                 skipped: f.skipped, deferred: f.deferred, requiredBit: f.required ? bit : 0))
            if f.required { bit <<= 1 }
        }
        precondition(bit != 0, "at most 63 required keys")
        self.entries = entries
        allRequired = bit - 1
        hasDeferred = fields.contains { $0.deferred }
    }

    /// `{"key":value,...}` with no spaces.
    func write(_ m: Model, to w: JSONWriter) {
        entries.withUnsafeBufferPointer { e in
            var first = true
            for k in e.indices {
                if e[k].isPresent != nil, !e[k].isPresent!(m) { continue }
                w.key(e[k].pattern.key, first: first)
                first = false
                e[k].write(w, m)
            }
            if first { w.byte(0x7B) }
            w.close()
        }
    }

    func read(from p: inout JSONPull) throws -> Model {
        var m = empty()
        try entries.withUnsafeBufferPointer { e in
            // Keys come sorted as the table has them: the one after the last is tried first.
            var next = 0
            var later: [(field: Int, at: Int)] = []
            var seen: UInt64 = 0
            try p.object { q, key in
                guard let k = Self.index(of: key, in: e, from: next) else { try q.skip(); return }
                next = k + 1
                guard q.full || !e[k].lean, e[k].read != nil else {
                    q.ws()
                    let at = q.i
                    try q.skip()
                    if !q.full, e[k].lean, let note = e[k].skipped { note(&m, at..<q.i) }
                    return
                }
                seen |= e[k].requiredBit
                if e[k].deferred {
                    later.append((k, q.i))
                    try q.skip()
                    return
                }
                do { try e[k].read!(&q, &m) } catch let error as JSONPullError { throw error.inside(e[k].pattern.key) }
            }
            if hasDeferred, !later.isEmpty {
                let end = p.i
                for (k, at) in later {
                    p.i = at
                    do { try e[k].read!(&p, &m) } catch let error as JSONPullError { throw error.inside(e[k].pattern.key) }
                }
                p.i = end
            }
            if seen != allRequired {
                let missing = e.first { $0.requiredBit != 0 && seen & $0.requiredBit == 0 }!
                throw p.fail("no \(missing.pattern.key)")
            }
        }
        return m
    }

    /// Which field `key` names: the expected one first, then any.
    @inline(__always)
    private static func index(of key: JSONKey, in e: UnsafeBufferPointer<Entry>, from next: Int) -> Int? {
        if next < e.count, e[next].pattern.matches(key) { return next }
        for k in e.indices where k != next && e[k].pattern.matches(key) { return k }
        return nil
    }
}

/// A record of the file, written and read through its `ObjectFormat` in the key table.
protocol FormatObject: FormatValue {
    static var format: ObjectFormat<Self> { get }
}

extension FormatObject {
    static func write(_ value: Self, to w: JSONWriter) { format.write(value, to: w) }
    static func read(from p: inout JSONPull) throws -> Self { try format.read(from: &p) }
}

/// A key of the table as a length and its first eight bytes: most keys are told apart, and
/// matched, by two integer compares.
struct KeyPattern: Sendable {
    let key: StaticString
    let count: Int
    let head: UInt64

    init(_ key: StaticString) {
        self.key = key
        count = key.utf8CodeUnitCount
        head = JSONKey.head(key.utf8Start, count: count, readable: count)
    }

    @inline(__always)
    func matches(_ k: JSONKey) -> Bool {
        if k.decoded != nil { return key ~= k }
        guard count == k.bytes.count, head == k.head else { return false }
        return count <= 8 || memcmp(key.utf8Start + 8, k.bytes.baseAddress! + 8, count - 8) == 0
    }
}
