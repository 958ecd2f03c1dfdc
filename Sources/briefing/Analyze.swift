import ArgumentParser
import BriefingAggregate
import BriefingConfig
import BriefingFormat
import BriefingModel
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract every readout in a folder and write the analysis as JSON.",
        discussion: """
        Reads every readout in the input folder (.txt, .md with optional YAML front matter, \
        saved .html/.htm pages), extracts each meeting (date, kinds, participants, place, \
        duration, statements, topics, commitments), and aggregates topic frequencies and \
        commitment threads across meetings.

        Dates: a date with no year is completed from the readout's front matter (`date:`), \
        else from manifest.yaml in the input folder (file name -> date, place, kind), else \
        inferred from the participants' terms of office in the relationship pack's people registries (layouts/people/) and flagged \
        inferred, with a warning.

        Corrections: corrections.yaml in the input folder (by readout file name) drops, adds \
        or changes commitments, adds or removes participants and sets a place, kinds or date; \
        the export marks each with "source": "analyst" and keeps what the extractor said. A \
        correction that no longer matches its readout is a warning (stale) and is not applied. \
        --no-corrections leaves the file aside.

        Problems are printed as `path:line: error|warning: message`. A readout that cannot be \
        used is reported and the others are still analysed; the export is still written \
        (atomically). Exit status: 0 when every readout was analysed, 1 when any failed, \
        78 when a layout file is unusable, 74 when the export cannot be written.

        Examples:
          briefing analyze --input seeds --json output/analysis.json
          briefing analyze --input ~/readouts --layouts ~/my-layouts --strict --json out.json
        """)

    @Option(name: .long, help: ArgumentHelp("Folder of readouts.", valueName: "dir"))
    var input: String = "seeds"

    @Option(name: .long, help: ArgumentHelp("Write the analysis export (JSON) to this file.", valueName: "file"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("The layouts folder: shared rules, people registries and relationship packs.", valueName: "dir"))
    var layouts: String = "layouts"

    @Option(name: .long, help: ArgumentHelp("The relationship pack (layouts/relationships/NAME; default: the pack marked `default: true`).", valueName: "name"))
    var relationship: String?

    @Flag(name: .long, help: "Treat warnings as errors, and write nothing when there is any error.")
    var strict = false

    @Flag(name: .long, help: "Print only diagnostics: no summary, no progress line.")
    var quiet = false

    @Flag(name: .long, help: "Keep each statement's speaker, topics and section in the export too (its id, line and text are always kept).")
    var statements = false

    @Option(name: .long, help: ArgumentHelp("Latest date a missing year may be inferred for (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    @Flag(name: .long, help: "Leave the input folder's corrections.yaml aside: the extractor's findings alone.")
    var noCorrections = false

    func run() throws {
        let trace = StepTrace()
        let config = try loadConfiguration(layouts, relationship: relationship)
        trace.mark("load the layouts")
        var asOfDay: CalendarDay?
        if let asOf {
            guard let d = CalendarDay(iso: asOf) else { throw ValidationError("--as-of must be YYYY-MM-DD, got \(asOf)") }
            asOfDay = d
        }
        let progress = TerminalProgress.make(command: "analyze", quiet: quiet)
        var options = CorpusAnalyzer.Options(keepStatements: statements, asOf: asOfDay, progress: progress?.handler,
                                             applyCorrections: !noCorrections)
        // Sentences wait for the export already encoded: half the memory of the list.
        if json != nil { options.finish = { AnalysisWriter.encodeStatements(of: &$0) } }
        let analyzer = CorpusAnalyzer(configuration: config, options: options)
        let analysis: Analysis
        do {
            defer { progress?.clear() }
            analysis = try analyzer.analyze(folder: URL(fileURLWithPath: input), trace: trace)
        } catch {
            printError("\(error)")
            throw ExitCode(66)
        }
        for d in analysis.diagnostics {
            var d = d
            if strict, d.severity == .warning { d.severity = .error }
            printError(d.description)
        }
        trace.mark("print the diagnostics")
        let errors = analysis.summary.errors + (strict ? analysis.summary.warnings : 0)
        if let json {
            if strict, errors > 0 {
                printError("\(json): not written (--strict and \(errors) error\(errors == 1 ? "" : "s"))")
            } else {
                do {
                    try AnalysisWriter.write(analysis, to: URL(fileURLWithPath: json))
                    trace.mark("write the export")
                } catch {
                    printError("\(json): error: cannot write the export (\(error.localizedDescription))")
                    throw ExitCode(74)
                }
            }
        }
        if !quiet {
            var shown = analysis
            if strict {
                shown.summary.errors += shown.summary.warnings
                shown.summary.warnings = 0
            }
            print(SummaryText.render(shown, wrote: strict && errors > 0 ? nil : json))
        }
        // The process ends here: freeing 50,000 meetings object by object would cost half a
        // second for nothing.
        keepUntilExit(analysis)
        if analysis.summary.failed > 0 || (strict && errors > 0) { throw ExitCode(1) }
    }
}

/// Never frees `value`: for what a one-shot command holds until the process exits anyway,
/// which the OS reclaims at once.
func keepUntilExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(KeptValue(value))
}

private final class KeptValue<T> {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Loads the layouts folder and a relationship pack, or exits 78 (EX_CONFIG) with the file,
/// key and line.
func loadConfiguration(_ folder: String, relationship: String?) throws -> Configuration {
    do {
        let (config, diags) = try Configuration.load(layoutsFolder: URL(fileURLWithPath: folder), relationship: relationship)
        for d in diags { printError(d.description) }
        return config
    } catch {
        printError(error.description)
        throw ExitCode(78)
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
