import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The seeds' analysis as `analyze` makes it, statements kept when asked.
func seedsAnalysis(statements: Bool = false) throws -> Analysis {
    let (config, _) = try Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts"))
    return try CorpusAnalyzer(configuration: config, options: .init(keepStatements: statements, asOf: CalendarDay(year: 2026, month: 11, day: 21)))
        .analyze(folder: packageRoot.appendingPathComponent("seeds"))
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-format-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
