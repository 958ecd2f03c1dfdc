import BriefingModel

/// A value the analysis file holds, written and read one way. The model's records conform
/// through their key table (`FormatObject`); strings, numbers, days, lists and the model's
/// enums here.
protocol FormatValue: SendableMetatype {
    static func write(_ value: Self, to w: JSONWriter)
    static func read(from p: inout JSONPull) throws -> Self
}

extension String: FormatValue {
    static func write(_ value: String, to w: JSONWriter) { w.string(value) }
    static func read(from p: inout JSONPull) throws -> String { try p.string() }
}

extension Int: FormatValue {
    static func write(_ value: Int, to w: JSONWriter) { w.int(value) }
    static func read(from p: inout JSONPull) throws -> Int { try p.int() }
}

extension Bool: FormatValue {
    static func write(_ value: Bool, to w: JSONWriter) { w.bool(value) }
    static func read(from p: inout JSONPull) throws -> Bool { try p.bool() }
}

/// A day is its ISO string: "2017-09-21".
extension CalendarDay: FormatValue {
    static func write(_ value: CalendarDay, to w: JSONWriter) { w.day(value) }
    static func read(from p: inout JSONPull) throws -> CalendarDay {
        guard let d = try p.day() else { throw p.fail("expected a date, not null") }
        return d
    }
}

/// An absent value is `null` (a key the table writes only when present is left out instead).
extension Optional: FormatValue where Wrapped: FormatValue {
    static func write(_ value: Wrapped?, to w: JSONWriter) {
        if let value { Wrapped.write(value, to: w) } else { w.raw("null") }
    }
    static func read(from p: inout JSONPull) throws -> Wrapped? { p.null() ? nil : try Wrapped.read(from: &p) }
}

extension Array: FormatValue where Element: FormatValue {
    static func write(_ value: [Element], to w: JSONWriter) {
        w.byte(0x5B)
        for (i, x) in value.enumerated() {
            if i > 0 { w.byte(0x2C) }
            Element.write(x, to: w)
        }
        w.byte(0x5D)
    }
    static func read(from p: inout JSONPull) throws -> [Element] { try p.array { try Element.read(from: &$0) } }
}

/// An object with keys of the data's own (counts by strength), keys sorted.
extension Dictionary: FormatValue where Key == String, Value: FormatValue {
    static func write(_ value: [String: Value], to w: JSONWriter) {
        var first = true
        for k in value.keys.sorted() {
            w.byte(first ? 0x7B : 0x2C)
            first = false
            w.string(k)
            w.byte(0x3A)
            Value.write(value[k]!, to: w)
        }
        if first { w.byte(0x7B) }
        w.byte(0x7D)
    }
    static func read(from p: inout JSONPull) throws -> [String: Value] {
        var out: [String: Value] = [:]
        try p.object { q, key in out[key.string] = try Value.read(from: &q) }
        return out
    }
}

/// The model's enums are their raw values; a value this build does not know is an error.
protocol FormatEnum: FormatValue, RawRepresentable where RawValue: FormatValue {}

extension FormatEnum {
    static func write(_ value: Self, to w: JSONWriter) { RawValue.write(value.rawValue, to: w) }
    static func read(from p: inout JSONPull) throws -> Self {
        let at = p.i
        let raw = try RawValue.read(from: &p)
        guard let v = Self(rawValue: raw) else { throw JSONPullError(offset: at, what: "unknown value \(raw)") }
        return v
    }
}

extension Meeting.DateSource: FormatEnum {}
extension Commitment.Strength: FormatEnum {}
extension CommitmentThread.Trend: FormatEnum {}
extension Diagnostic.Severity: FormatEnum {}
