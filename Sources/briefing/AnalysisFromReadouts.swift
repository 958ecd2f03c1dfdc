import ArgumentParser
import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation

/// Runs extraction on a folder of readouts for the render commands (`--input DIR`), printing
/// its findings as `analyze` does. Meetings keep no sentences: the book reads again those of
/// the few readouts it quotes (`sentences(of:)`), so a large folder is not held twice over.
enum AnalysisFromReadouts {
    static func analyze(folder: URL, layouts: URL, relationship: String?, corrections: Bool = true) throws -> Analysis {
        let config = try loadConfiguration(layouts.path, relationship: relationship)
        let analysis: Analysis
        do {
            analysis = try CorpusAnalyzer(configuration: config, options: .init(keepSentences: false, applyCorrections: corrections))
                .analyze(folder: folder)
        } catch {
            printError("\(error)")
            throw ExitCode(66)
        }
        for d in analysis.diagnostics { printError(d.description) }
        return analysis
    }

    /// The sentences of `meetings`, read again from their readouts.
    static func sentences(of meetings: [Meeting], layouts: URL, relationship: String?) throws -> [String: [Statement]] {
        CorpusAnalyzer(configuration: try loadConfiguration(layouts.path, relationship: relationship)).sentences(of: meetings)
    }
}
