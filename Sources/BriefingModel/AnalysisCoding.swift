import Foundation

/// The one JSON shape of the analysis export: snake_case keys, sorted, ISO dates as strings.
public enum AnalysisCoding {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                    : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }

    /// Reads an analysis written by `briefing analyze --json`.
    public static func load(from url: URL) throws -> Analysis {
        try decoder().decode(Analysis.self, from: Data(contentsOf: url))
    }
}
