import BriefingModel

/// Writes meetings and threads, the bulk of an export, as JSON straight into bytes: the same
/// keys, order and values as the model's Codable form under `AnalysisCoding` (snake_case,
/// sorted keys, explicit nulls), at a fraction of JSONEncoder's cost on 50,000 meetings.
/// The round-trip test decodes what this writes with JSONDecoder.
struct ExportJSON {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    // MARK: values

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Runs that need no escaping are copied whole.
            var run = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                escape(c)
                run = i + 1
            }
            if run < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ c: UInt8) {
        switch c {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            let h = hex.utf8Start
            bytes += [0x5C, 0x75, 0x30, 0x30, h[Int(c >> 4)], h[Int(c & 0xF)]]
        }
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    mutating func int(_ v: Int?) {
        if let v { int(v) } else { raw("null") }
    }

    mutating func bool(_ v: Bool) { v ? raw("true") : raw("false") }

    mutating func day(_ d: CalendarDay?) { string(d?.description) }

    mutating func strings(_ list: [String]) {
        bytes.append(0x5B)
        for (i, s) in list.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            string(s)
        }
        bytes.append(0x5D)
    }

    mutating func array<T>(_ list: [T], _ each: (inout ExportJSON, T) -> Void) {
        bytes.append(0x5B)
        for (i, x) in list.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            each(&self, x)
        }
        bytes.append(0x5D)
    }

    /// `"key":` preceded by `{` for the first key of an object and `,` otherwise.
    mutating func key(_ k: StaticString, first: Bool = false) {
        bytes.append(first ? 0x7B : 0x2C)
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    mutating func close() { bytes.append(0x7D) }

    // MARK: model

    mutating func meeting(_ m: Meeting) {
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

    mutating func commitment(_ c: Commitment) {
        key("actor", first: true); string(c.actor)
        key("clause"); string(c.clause)
        key("concepts"); strings(c.concepts)
        key("cue"); string(c.cue)
        key("file"); string(c.file)
        key("line"); int(c.line)
        key("strength"); int(c.strength.rawValue)
        key("text"); string(c.text)
        key("topics"); strings(c.topics)
        close()
    }

    mutating func participant(_ p: Participant) {
        key("country", first: true); string(p.country)
        key("known"); bool(p.known)
        key("name"); string(p.name)
        key("role"); string(p.role)
        key("side"); string(p.side)
        close()
    }

    mutating func thread(_ t: CommitmentThread) {
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
