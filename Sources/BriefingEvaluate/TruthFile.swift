import Foundation

/// Hand-made truth for a set of readouts: what a careful reader extracts from each. The shape
/// of the seeds' truth (a JSON array, or one object a line): file, date, kinds, participants,
/// place, duration, topics (and optional topics), commitments (optional ones are borderline
/// and count neither way).
public struct TruthFile: Sendable {
    public struct Person: Codable, Sendable {
        public var name: String
    }

    public struct Commitment: Codable, Sendable {
        public var text: String
        public var actor: String?
        public var strength: Int?
        public var topics: [String]?
        public var optional: Bool?

        public init(text: String, actor: String? = nil, strength: Int? = nil, topics: [String]? = nil, optional: Bool? = nil) {
            self.text = text
            self.actor = actor
            self.strength = strength
            self.topics = topics
            self.optional = optional
        }
    }

    public struct Readout: Codable, Sendable {
        public var file: String
        public var date: String?
        public var kinds: [String]
        public var participants: [Person]
        public var place: String?
        public var durationMinutes: Int?
        public var topics: [String]
        public var optionalTopics: [String]?
        public var commitments: [Commitment]

        enum CodingKeys: String, CodingKey {
            case file, date, kinds, participants, place, topics, commitments
            case durationMinutes = "duration_minutes"
            case optionalTopics = "optional_topics"
        }

        public init(file: String, date: String?, kinds: [String] = [], participants: [String] = [], place: String? = nil,
                    durationMinutes: Int? = nil, topics: [String] = [], optionalTopics: [String]? = nil,
                    commitments: [Commitment] = []) {
            self.file = file
            self.date = date
            self.kinds = kinds
            self.participants = participants.map(Person.init(name:))
            self.place = place
            self.durationMinutes = durationMinutes
            self.topics = topics
            self.optionalTopics = optionalTopics
            self.commitments = commitments
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            file = try c.decode(String.self, forKey: .file)
            date = try c.decodeIfPresent(String.self, forKey: .date)
            kinds = try c.decodeIfPresent([String].self, forKey: .kinds) ?? []
            participants = try c.decodeIfPresent([Person].self, forKey: .participants) ?? []
            place = try c.decodeIfPresent(String.self, forKey: .place)
            durationMinutes = try c.decodeIfPresent(Int.self, forKey: .durationMinutes)
            topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? []
            optionalTopics = try c.decodeIfPresent([String].self, forKey: .optionalTopics)
            commitments = try c.decodeIfPresent([Commitment].self, forKey: .commitments) ?? []
        }
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        case malformed(String, line: Int?, String)

        public var description: String {
            switch self {
            case let .unreadable(path, why): "\(path): error: cannot read the truth file (\(why))"
            case let .malformed(path, line, why): "\(path):\(line.map(String.init) ?? "1"): error: not a truth file: \(why)"
            }
        }
    }

    public var readouts: [Readout]

    public init(readouts: [Readout]) { self.readouts = readouts }

    /// A JSON array of readouts, `{"meetings": [...]}`, or JSON lines.
    public static func load(_ url: URL) throws(LoadError) -> TruthFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(url.path, error.localizedDescription) }
        return try parse(data, path: url.path)
    }

    public static func parse(_ data: Data, path: String) throws(LoadError) -> TruthFile {
        let decoder = JSONDecoder()
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "[") {
            do { return TruthFile(readouts: try decoder.decode([Readout].self, from: data)) } catch {
                throw .malformed(path, line: nil, describe(error))
            }
        }
        struct Wrapped: Decodable { var meetings: [Readout] }
        if first == UInt8(ascii: "{"), let w = try? decoder.decode(Wrapped.self, from: data) {
            return TruthFile(readouts: w.meetings)
        }
        var out: [Readout] = []
        for (i, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x0D || $0 == 0x09) }) else { continue }
            do { out.append(try decoder.decode(Readout.self, from: Data(line))) } catch {
                throw .malformed(path, line: i + 1, describe(error))
            }
        }
        guard !out.isEmpty else { throw .malformed(path, line: nil, "no readouts in it") }
        return TruthFile(readouts: out)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "\"\(key.stringValue)\" missing at \(path(ctx.codingPath))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        case DecodingError.dataCorrupted(let ctx):
            return "\(ctx.debugDescription) \(ctx.underlyingError.map { "(\($0.localizedDescription))" } ?? "")"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
