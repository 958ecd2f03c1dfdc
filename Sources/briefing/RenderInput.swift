import ArgumentParser
import BriefingAggregate
import BriefingConfig
import BriefingFormat
import BriefingModel
import BriefingRender
import Foundation

/// Where `book`, `brief` and `chart` get their analysis: a folder of readouts (extracted now)
/// or a saved analysis JSON; and which layouts folder and period to use.
struct RenderInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of readouts (.txt, .md, .html) to analyse now.", valueName: "dir"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("A saved analysis, as written by `briefing analyze --json`.", valueName: "file"))
    var analysis: String?

    @Option(name: .long, help: ArgumentHelp("The layouts folder: layouts, shared rules, people and relationship packs.", valueName: "dir"))
    var layouts: String = "layouts"

    @Option(name: .long, help: ArgumentHelp(
        "The relationship pack to extract with, or to name the sides by (default: the analysis's own, else the default pack).",
        valueName: "name"))
    var relationship: String?

    @Flag(name: .long, help: "With --input: leave the folder's corrections.yaml aside (the extractor's findings alone).")
    var noCorrections = false

    func validate() throws {
        if input != nil && analysis != nil { throw ValidationError("give --input or --analysis, not both") }
        if noCorrections && analysis != nil {
            throw ValidationError("--no-corrections goes with --input: a saved analysis is as `analyze` wrote it (write one with `analyze --no-corrections`)")
        }
        if input == nil && analysis == nil { throw ValidationError("give --input DIR (readouts) or --analysis FILE (saved analysis)") }
    }

    var layoutsFolder: URL { URL(fileURLWithPath: layouts) }

    /// Loads or computes the analysis; extraction findings go to standard error. The analysis
    /// is kept until the process exits (see `keepUntilExit`).
    func load() throws -> Analysis {
        var loaded: Analysis
        if let analysis {
            do { loaded = try AnalysisReader.load(from: URL(fileURLWithPath: analysis)) } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                // EX_NOINPUT when there is no file to read, EX_DATAERR when it is not a usable analysis.
                throw ExitCode(error.kind == .unreadable ? 66 : 65)
            }
        } else {
            loaded = try AnalysisFromReadouts.analyze(folder: URL(fileURLWithPath: input!), layouts: layoutsFolder,
                                                      relationship: relationship, corrections: !noCorrections)
        }
        // An analysis made before relationship packs, or one to show under another pack's names.
        if analysis != nil, relationship != nil || loaded.relationship == nil {
            if let r = try? Configuration.load(layoutsFolder: layoutsFolder, relationship: relationship).0.relationship {
                loaded.relationship = r.info
            } else if relationship != nil {
                _ = try loadConfiguration(layouts, relationship: relationship) // prints why, exits 78
            }
        }
        // A one-shot command: freeing a 50,000-meeting analysis string by string took about
        // 0.3 s, and Swift frees it right after its last use, before the command has finished.
        keepUntilExit(loaded)
        return loaded
    }
}

extension RenderInputOptions {
    /// Loads the analysis on another thread while `meanwhile` runs on this one. The commands
    /// warm their fonts meanwhile (`FontWarmup`), which must happen on the thread that draws.
    func load(meanwhile: () -> Void) throws -> Analysis {
        let outcome = SlotArray<Result<Analysis, Error>?>(count: 1, repeating: nil)
        let done = DispatchSemaphore(value: 0)
        let options = self
        let loader = Thread {
            outcome[0] = Result { try options.load() }
            done.signal()
        }
        loader.stackSize = 8 << 20 // as a main thread's: extraction may run here
        loader.start()
        meanwhile()
        done.wait()
        return try outcome[0]!.get()
    }
}

/// `--from` / `--to`.
struct PeriodOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("First day to include (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day to include (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    func validate() throws {
        for (name, v) in [("--from", from), ("--to", to)] {
            if let v, CalendarDay(iso: v) == nil || v.count != 10 { throw ValidationError("\(name) needs a date as YYYY-MM-DD, got '\(v)'") }
        }
        if let a = from.flatMap(CalendarDay.init(iso:)), let b = to.flatMap(CalendarDay.init(iso:)), b < a {
            throw ValidationError("--to (\(b)) is before --from (\(a))")
        }
    }

    var period: AnalysisPeriod { AnalysisPeriod(from: from.flatMap(CalendarDay.init(iso:)), to: to.flatMap(CalendarDay.init(iso:))) }
}

/// `--since`: the "Since DATE" section of the book and the brief.
struct SinceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Add a section on what changed from this day on (YYYY-MM-DD): new commitments, threads whose trend moved, topics that rose or fell, people met for the first time.",
        valueName: "date"))
    var since: String?

    func validate() throws {
        if let since, CalendarDay(iso: since) == nil || since.count != 10 {
            throw ValidationError("--since needs a date as YYYY-MM-DD, got '\(since)'")
        }
    }

    /// The changes over the whole analysis from `--since` to the period's end (`--to`), or nil.
    func changes(in whole: Analysis, period: AnalysisPeriod) -> ChangesSince? {
        guard let day = since.flatMap(CalendarDay.init(iso:)) else { return nil }
        return ChangeFinder.changes(in: whole, since: day, through: period.to)
    }
}

extension RenderInputOptions {
    /// Where the book reads the sentences of the readouts it quotes: where a lean read of a
    /// saved analysis left them in the file (`Meeting.statementsInFile`; a file that changed
    /// since it was read is `file:line: error:` and exit 65), or, for readouts analysed now
    /// (which keep none), from the readouts again.
    var statementLookup: StatementLookup {
        guard let path = analysis else {
            return { [layoutsFolder, relationship] meetings in
                try AnalysisFromReadouts.sentences(of: meetings, layouts: layoutsFolder, relationship: relationship)
            }
        }
        return { meetings in
            var spans: [String: FileSpan] = [:]
            for m in meetings { if let span = m.statementsInFile { spans[m.file] = span } }
            do throws(AnalysisReadError) { return try AnalysisReader.statements(from: URL(fileURLWithPath: path), at: spans) } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                throw ExitCode(error.kind == .unreadable ? 66 : 65)
            }
        }
    }
}

enum RenderOutput {
    /// Prints a render's warnings as `file: warning: ...` on standard error.
    static func report(_ r: RenderReport, as path: String) {
        for w in r.warnings { FileHandle.standardError.write(Data("\(path): warning: \(w)\n".utf8)) }
    }

    /// Runs a render of `path`; a failure to write is `path: error: ...` and exit 74 (EX_IOERR).
    static func writing<T>(_ path: String, _ body: (URL) throws -> T) throws -> T {
        do { return try body(URL(fileURLWithPath: path)) } catch let e as RenderError {
            FileHandle.standardError.write(Data("\(path): error: \(e.localizedDescription)\n".utf8))
            throw ExitCode(74)
        }
    }

    static func loadLayout(name: String?, kind: Layout.Kind, folder: URL) throws -> Layout {
        do { return try LayoutLoader.load(name: name, kind: kind, folder: folder) } catch let e as LayoutError {
            FileHandle.standardError.write(Data("\(e.description)\n".utf8))
            throw ExitCode(78) // EX_CONFIG, as analyze
        }
    }
}
