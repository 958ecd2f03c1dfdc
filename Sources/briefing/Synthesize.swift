import ArgumentParser
import BriefingModel
import BriefingRender
import Foundation

/// Hidden: writes a made-up analysis of any size, for the render benchmark.
struct Synthesize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize-analysis", abstract: "Write a synthetic analysis JSON (for benchmarks).",
        shouldDisplay: false)

    @Option var meetings = 1000
    @Option var threads = 220
    @Option var seed: UInt64 = 11
    @Option(name: .shortAndLong) var output: String

    func run() throws {
        let a = SyntheticAnalysis.make(meetings: meetings, threads: threads, seed: seed)
        try AnalysisCoding.encoder(pretty: false).encode(a).write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}
