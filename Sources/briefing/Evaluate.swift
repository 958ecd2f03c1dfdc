import ArgumentParser
import BriefingAggregate
import BriefingEvaluate
import BriefingModel
import Foundation

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extraction of a folder of readouts against hand-made truth.",
        discussion: """
        Analyses the folder as `analyze` does and compares each meeting with the truth file's \
        entry for the same file name: dates exact; kind when one of the truth's kinds was found; \
        durations and places where the truth has them (places by city: "New York City" is "New \
        York"); participants by surname; topics as sets; commitments when the extracted \
        sentence covers 60% of the truth sentence's content words (stop words dropped), each \
        truth item matched at most once. Items marked optional in the truth count neither way.

        When the input folder has a corrections.yaml, the analysis is scored with the \
        analyst's corrections applied, as every run applies them; --no-corrections scores the \
        extractor alone.

        The truth file is a JSON array (or JSON lines) of objects with file, date, kinds, \
        participants [{name}], place, duration_minutes, topics, optional_topics and commitments \
        [{text, actor, strength, topics, optional}].

        Exit status: 0 when scored, 65 when the truth file is unusable, 66 when the folder \
        cannot be read, 78 when a layout file is unusable.

        Examples:
          briefing evaluate --truth my-truth.json --input ~/readouts
          briefing evaluate --truth my-truth.json --input ~/readouts --show-misses
          briefing evaluate --truth my-truth.json --input ~/readouts --no-corrections
        """)

    @Option(name: .long, help: ArgumentHelp("The truth file (JSON array or JSON lines).", valueName: "file"))
    var truth: String

    @Option(name: .long, help: ArgumentHelp("Folder of readouts.", valueName: "dir"))
    var input: String = "seeds"

    @Option(name: .long, help: ArgumentHelp("The layouts folder: shared rules, people registries and relationship packs.", valueName: "dir"))
    var layouts: String = "layouts"

    @Option(name: .long, help: ArgumentHelp("The relationship pack (layouts/relationships/NAME; default: the pack marked `default: true`).", valueName: "name"))
    var relationship: String?

    @Flag(name: .long, help: "List each miss and false alarm as path:line: field missed|false alarm: what.")
    var showMisses = false

    @Option(name: .long, help: ArgumentHelp("Latest date a missing year may be inferred for (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    @Flag(name: .long, help: "Score the extractor alone: leave the input folder's corrections.yaml aside.")
    var noCorrections = false

    func run() throws {
        let truthFile: TruthFile
        do { truthFile = try TruthFile.load(URL(fileURLWithPath: truth)) } catch {
            printError(error.description)
            throw ExitCode(65)
        }
        let config = try loadConfiguration(layouts, relationship: relationship)
        var asOfDay: CalendarDay?
        if let asOf {
            guard let d = CalendarDay(iso: asOf) else { throw ValidationError("--as-of must be YYYY-MM-DD, got \(asOf)") }
            asOfDay = d
        }
        let analyzer = CorpusAnalyzer(configuration: config, options: .init(keepStatements: true, asOf: asOfDay,
                                                                             applyCorrections: !noCorrections))
        let analysis: Analysis
        do {
            analysis = try analyzer.analyze(folder: URL(fileURLWithPath: input))
        } catch {
            printError("\(error)")
            throw ExitCode(66)
        }
        let card = Scorecard(truth: truthFile.readouts, meetings: analysis.meetings)
        print(card.report)
        if showMisses {
            for m in card.misses { print(m.description) }
        }
    }
}
