import BriefingAggregate
import BriefingConfig
import BriefingCorpus
import BriefingModel
import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let shippedConfiguration: Configuration = {
    try! Configuration.load(layoutsFolder: packageRoot.appendingPathComponent("layouts")).0
}()

let analyzer = CorpusAnalyzer(configuration: shippedConfiguration,
                              options: .init(asOf: CalendarDay(year: 2026, month: 11, day: 21)))

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Generated readouts (txt, md and html) in a temporary folder, with their truth; the caller
/// removes the folder's parent.
func generatedCorpus(count: Int, seed: UInt64) throws -> (URL, [ReadoutTruth]) {
    let corpus = try temporaryFolder().appendingPathComponent("corpus")
    let truth = try CorpusWriter.write(.init(count: count, seed: seed), to: corpus)
    return (corpus, truth)
}
