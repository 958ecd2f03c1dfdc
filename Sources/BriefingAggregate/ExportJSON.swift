import BriefingModel

/// Writes meetings and threads, the bulk of an export, as JSON straight into bytes: the same
/// keys, order and values as the model's Codable form under `AnalysisCoding` (snake_case,
/// sorted keys, explicit nulls), at a fraction of JSONEncoder's cost on 50,000 meetings.
/// The round-trip test decodes what this writes with JSONDecoder.
final class ExportJSON {
    // A plain growable byte buffer: appending a byte is a store, not an Array append with its
    // uniqueness and capacity checks (this runs for every byte of a 175 MB export).
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// What was written, as an array (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// What was written, in place.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the buffer; one grown past `limit` bytes is let go first.
    func reset(shrinkingPast limit: Int = .max) {
        count = 0
        if capacity > limit {
            base.deallocate()
            capacity = max(64, limit / 4)
            base = .allocate(capacity: capacity)
        }
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = c
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let from = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (base + count).update(from: from, count: buffer.count)
        count += buffer.count
    }

    // MARK: values

    func raw(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// A JSON string of valid UTF-8 bytes.
    func string(utf8: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        // Runs that need no escaping are copied whole. Nearly every byte of the export passes
        // here and almost none needs escaping: eight at a time are checked with word arithmetic.
        var run = 0
        var i = 0
        let n = utf8.count
        while i < n {
            if i + 8 <= n, let base = utf8.baseAddress,
               !Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = utf8[i]
            if c < 0x20 || c == 0x22 || c == 0x5C {
                if run < i { append(UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                escape(c)
                run = i + 1
            }
            i += 1
        }
        if run < n { append(UnsafeBufferPointer(rebasing: utf8[run...])) }
        byte(0x22)
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash (exact for
    /// "any"; the bytes are then looked at one by one).
    @inline(__always)
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let control = (w &- ones &* 0x20) & ~w & highs != 0
        return control || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    private func escape(_ c: UInt8) {
        switch c {
        case 0x22: byte(0x5C); byte(0x22)
        case 0x5C: byte(0x5C); byte(0x5C)
        case 0x0A: byte(0x5C); byte(0x6E)
        case 0x0D: byte(0x5C); byte(0x72)
        case 0x09: byte(0x5C); byte(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            let h = hex.utf8Start
            for b in [0x5C, 0x75, 0x30, 0x30, h[Int(c >> 4)], h[Int(c & 0xF)]] { byte(b) }
        }
    }

    /// A commitment's clause, the end of its text from `clauseOffset`, written straight from
    /// the text's bytes when the offset is plainly a character boundary (ASCII on both sides),
    /// else through `clause`, which rounds it as String indexing does.
    func clause(of c: Commitment) {
        var text = c.text
        let done = text.withUTF8 { u -> Bool in
            let from = min(c.clauseOffset, u.count)
            if from < u.count {
                guard u[from] < 0x80, from == 0 || (u[from - 1] < 0x80 && u[from - 1] != 0x0D) else { return false }
            }
            string(utf8: UnsafeBufferPointer(rebasing: u[from...]))
            return true
        }
        if !done { string(c.clause) }
    }

    func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    func int(_ v: Int) {
        if v < 0 { byte(0x2D) }
        var m = v.magnitude
        if m < 10 { byte(0x30 + UInt8(m)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            while m > 0 {
                k -= 1
                digits[k] = 0x30 + UInt8(m % 10)
                m /= 10
            }
            append(UnsafeBufferPointer(rebasing: digits[k...]))
        }
    }

    func int(_ v: Int?) {
        if let v { int(v) } else { raw("null") }
    }

    func bool(_ v: Bool) { v ? raw("true") : raw("false") }

    func day(_ d: CalendarDay?) { string(d?.description) }

    func strings(_ list: [String]) {
        byte(0x5B)
        for (i, s) in list.enumerated() {
            if i > 0 { byte(0x2C) }
            string(s)
        }
        byte(0x5D)
    }

    func array<T>(_ list: [T], _ each: (ExportJSON, T) -> Void) {
        byte(0x5B)
        for (i, x) in list.enumerated() {
            if i > 0 { byte(0x2C) }
            each(self, x)
        }
        byte(0x5D)
    }

    /// `"key":` preceded by `{` for the first key of an object and `,` otherwise.
    func key(_ k: StaticString, first: Bool = false) {
        byte(first ? 0x7B : 0x2C)
        byte(0x22)
        raw(k)
        byte(0x22)
        byte(0x3A)
    }

    func close() { byte(0x7D) }

    // MARK: model

    func meeting(_ m: Meeting) {
        key("commitments", first: true); array(m.commitments) { $0.commitment($1) }
        key("date"); day(m.date)
        key("date_inferred"); bool(m.dateInferred)
        key("date_source"); string(m.dateSource.rawValue)
        key("duration_minutes"); int(m.durationMinutes)
        key("file"); string(m.file)
        key("kinds"); strings(m.kinds)
        key("mentioned"); array(m.mentioned) { $0.participant($1) }
        key("participants"); array(m.participants) { $0.participant($1) }
        key("parts"); array(m.parts) { w, p in
            w.key("duration_minutes", first: true); w.int(p.durationMinutes)
            w.key("kind"); w.string(p.kind)
            w.key("start_time"); w.string(p.startTime)
            w.close()
        }
        key("path"); string(m.path)
        key("place"); string(m.place)
        key("sections"); strings(m.sections)
        key("start_time"); string(m.startTime)
        key("statement_count"); int(m.statementCount)
        if let statements = m.statements {
            key("statements"); array(statements) { w, s in
                // Statement's synthesized Codable leaves absent values out.
                w.key("line", first: true); w.int(s.line)
                if let section = s.section { w.key("section"); w.string(section) }
                if let speaker = s.speaker { w.key("speaker"); w.string(speaker) }
                w.key("text"); w.string(s.text)
                w.key("topics"); w.strings(s.topics)
                w.close()
            }
        }
        key("title"); string(m.title)
        key("topics"); array(m.topics) { w, t in
            w.key("id", first: true); w.string(t.id)
            w.key("mentions"); w.int(t.mentions)
            w.close()
        }
        close()
    }

    func commitment(_ c: Commitment) {
        key("actor", first: true); string(c.actor)
        key("clause"); clause(of: c)
        key("concepts"); strings(c.concepts)
        key("cue"); string(c.cue)
        key("file"); string(c.file)
        key("line"); int(c.line)
        key("strength"); int(c.strength.rawValue)
        key("text"); string(c.text)
        key("topics"); strings(c.topics)
        close()
    }

    func participant(_ p: Participant) {
        key("country", first: true); string(p.country)
        key("known"); bool(p.known)
        key("name"); string(p.name)
        key("role"); string(p.role)
        key("side"); string(p.side)
        close()
    }

    func thread(_ t: CommitmentThread) {
        key("first_date", first: true); day(t.firstDate)
        key("grouped_by"); string(t.groupedBy)
        key("id"); string(t.id)
        key("label"); string(t.label)
        key("last_date"); day(t.lastDate)
        key("occurrences"); array(t.occurrences) { w, o in
            w.key("actor", first: true); w.string(o.actor)
            w.key("date"); w.day(o.date)
            w.key("file"); w.string(o.file)
            w.key("line"); w.int(o.line)
            w.key("strength"); w.int(o.strength.rawValue)
            w.key("text"); w.string(o.text)
            w.close()
        }
        key("strengths"); array(t.strengths) { $0.int($1) }
        key("topic"); string(t.topic)
        key("trend"); string(t.trend.rawValue)
        close()
    }
}
