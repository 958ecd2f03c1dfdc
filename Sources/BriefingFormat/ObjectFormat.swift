import BriefingModel

/// One key of a record in the analysis file: how its value is written and read. Made with
/// `.field(...)` and its variants, one line each, in the key table (`AnalysisFields`).
struct Field<Model>: Sendable {
    /// How a field whose value is absent appears in the file.
    enum Absent: Sendable { case null, omitted }

    let key: StaticString
    let write: @Sendable (JSONWriter, Model) -> Void
    /// Nil when the value is always written; else whether this record has one to write.
    let isPresent: (@Sendable (Model) -> Bool)?
    /// Nil for a value derived from the others: written for the file's readers, recomputed
    /// on reading.
    let read: (@Sendable (inout JSONPull, inout Model) throws -> Void)?
    /// Skipped unread by a lean read (`AnalysisReader.load(full: false)`): rendering never
    /// shows it.
    var lean = false
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
struct ObjectFormat<Model>: Sendable {
    let fields: [Field<Model>]
    /// What reading starts from: every field at its value for an absent key.
    let empty: @Sendable () -> Model
    private let hasDeferred: Bool
    private let requiredCount: Int

    init(empty: @escaping @Sendable () -> Model, _ fields: [Field<Model>]) {
        // Sorted by key bytes, as JSONEncoder's sorted keys: a line may go anywhere in the table.
        self.fields = fields.sorted { a, b in
            a.key.withUTF8Buffer { x in b.key.withUTF8Buffer { y in x.lexicographicallyPrecedes(y) } }
        }
        self.empty = empty
        hasDeferred = fields.contains { $0.deferred }
        requiredCount = fields.filter(\.required).count
        precondition(requiredCount <= 64, "at most 64 required keys")
    }

    /// `{"key":value,...}` with no spaces.
    func write(_ m: Model, to w: JSONWriter) {
        var first = true
        for f in fields {
            if let present = f.isPresent, !present(m) { continue }
            w.key(f.key, first: first)
            first = false
            f.write(w, m)
        }
        if first { w.byte(0x7B) }
        w.close()
    }

    func read(from p: inout JSONPull) throws -> Model {
        var m = empty()
        // Keys come sorted as the table has them: the one after the last is tried first.
        var next = 0
        var later: [(field: Int, at: Int)] = []
        var seenRequired: UInt64 = 0
        try p.object { q, key in
            guard let k = index(of: key, from: next) else { try q.skip(); return }
            next = k + 1
            let f = fields[k]
            guard let read = f.read, q.full || !f.lean else { try q.skip(); return }
            if f.required { seenRequired |= 1 << UInt64(requiredIndex(k)) }
            if f.deferred {
                later.append((k, q.i))
                try q.skip()
                return
            }
            do { try read(&q, &m) } catch let e as JSONPullError { throw e.inside(f.key) }
        }
        if hasDeferred, !later.isEmpty {
            let end = p.i
            for (k, at) in later {
                p.i = at
                do { try fields[k].read!(&p, &m) } catch let e as JSONPullError { throw e.inside(fields[k].key) }
            }
            p.i = end
        }
        if requiredCount > 0, seenRequired.nonzeroBitCount != requiredCount {
            let missing = fields.enumerated().first { $1.required && seenRequired & (1 << UInt64(requiredIndex($0))) == 0 }!.element
            throw p.fail("no \(missing.key)")
        }
        return m
    }

    /// Which field `key` names: the expected one first, then any.
    private func index(of key: JSONKey, from next: Int) -> Int? {
        if next < fields.count, fields[next].key ~= key { return next }
        for k in fields.indices where k != next && fields[k].key ~= key { return k }
        return nil
    }

    private func requiredIndex(_ k: Int) -> Int { fields[..<k].reduce(0) { $0 + ($1.required ? 1 : 0) } }
}

/// A record of the file, written and read through its `ObjectFormat` in the key table.
protocol FormatObject: FormatValue {
    static var format: ObjectFormat<Self> { get }
}

extension FormatObject {
    static func write(_ value: Self, to w: JSONWriter) { format.write(value, to: w) }
    static func read(from p: inout JSONPull) throws -> Self { try format.read(from: &p) }
}
