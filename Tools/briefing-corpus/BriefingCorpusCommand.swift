import ArgumentParser
import BriefingCorpus
import BriefingFormat
import BriefingModel
import Foundation

/// Test and benchmark inputs of any size, made by the project itself: generated readouts with
/// their truth, and synthetic analyses for the renderer. Not part of `briefing`.
@main
struct BriefingCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing-corpus",
        abstract: "Generate readouts with truth, or a synthetic analysis, for tests and benchmarks.",
        subcommands: [Readouts.self, SyntheticAnalysisCommand.self])
}

struct Readouts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write generated readouts (and their truth) into a folder.",
        discussion: """
        The same options give the same files. Dates the text cannot decide go into \
        manifest.yaml in the folder; --truth writes one JSON line per readout (date, kinds, \
        participants, place, duration, topics, commitments).

        Example:
          briefing-corpus readouts --count 10000 --seed 11 --out /tmp/c10k --truth /tmp/c10k.truth.jsonl
        """)

    @Option(help: "How many readouts.") var count = 1000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Folder to write the readouts into.", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Write the truth as JSON lines to this file.", valueName: "file")) var truth: String?
    @Option(help: ArgumentHelp("First day a meeting may fall on.", valueName: "YYYY-MM-DD")) var since = "2001-05-01"
    @Option(help: ArgumentHelp("Meetings fall before this day.", valueName: "YYYY-MM-DD")) var until = "2026-10-31"
    @Option(help: ArgumentHelp("Comma list of txt, md, html.", valueName: "list")) var formats = "txt"
    @Option(help: ArgumentHelp("File names start with this (r000000.txt, ...).", valueName: "text")) var prefix = "r"

    func run() throws {
        guard let first = CalendarDay(iso: since), let end = CalendarDay(iso: until), first < end else {
            throw ValidationError("--since and --until must be days (YYYY-MM-DD), --since the earlier")
        }
        let list = try formats.split(separator: ",").map { f in
            guard let format = ReadoutGenerator.Format(rawValue: String(f)) else {
                throw ValidationError("--formats: unknown format '\(f)' (txt, md, html)")
            }
            return format
        }
        guard !list.isEmpty else { throw ValidationError("--formats: name at least one of txt, md, html") }
        try CorpusWriter.write(.init(count: count, seed: seed, since: first, until: end, formats: list, prefix: prefix),
                               to: URL(fileURLWithPath: out), truth: truth.map { URL(fileURLWithPath: $0) })
    }
}

struct SyntheticAnalysisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis",
        abstract: "Write a made-up analysis export of any size (the render benchmark's largest input).")

    @Option(help: "Meetings in the analysis.") var meetings = 1000
    @Option(help: "Commitment threads in the analysis.") var threads = 220
    @Option(help: "Seed of the generator.") var seed: UInt64 = 11
    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON file to write.", valueName: "file")) var output: String

    func run() throws {
        let a = SyntheticAnalysis.make(meetings: meetings, threads: threads, seed: seed)
        try AnalysisWriter.write(a, to: URL(fileURLWithPath: output))
    }
}
