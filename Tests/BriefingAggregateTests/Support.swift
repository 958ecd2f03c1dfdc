import BriefingAggregate
import BriefingConfig
import BriefingModel
import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

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

/// Runs `gen_corpus.py` from the shared tools into a temporary folder.
func generatedCorpus(count: Int, seed: Int) throws -> (URL, URL) {
    let folder = try temporaryFolder()
    let truth = folder.appendingPathComponent("truth.jsonl")
    let corpus = folder.appendingPathComponent("corpus")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", sharedFolder.appendingPathComponent("tools/gen_corpus.py").path, "--count", "\(count)",
                   "--seed", "\(seed)", "--formats", "txt,md,html", "--out", corpus.path, "--truth", truth.path]
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw GeneratorFailed(status: p.terminationStatus) }
    return (corpus, truth)
}

struct GeneratorFailed: Error { var status: Int32 }
