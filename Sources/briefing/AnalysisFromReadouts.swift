import ArgumentParser
import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation

/// Runs extraction on a folder of readouts for the render commands (`--input DIR`), printing
/// its findings as `analyze` does.
enum AnalysisFromReadouts {
    static func analyze(folder: URL, layouts: URL, relationship: String?) throws -> Analysis {
        let config = try loadConfiguration(layouts.path, relationship: relationship)
        let analysis: Analysis
        do {
            analysis = try CorpusAnalyzer(configuration: config).analyze(folder: folder)
        } catch {
            printError("\(error)")
            throw ExitCode(66)
        }
        for d in analysis.diagnostics { printError(d.description) }
        return analysis
    }
}
