import ArgumentParser
import BriefingModel
import BriefingSchedule
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `briefing schedule`: periodic briefings from cron or a systemd timer.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produce weekly, monthly and quarterly briefings, each period exactly once.",
        discussion: """
        Schedules are defined in <layouts>/schedules.yaml. Each has a cadence (weekly with its \
        first weekday, monthly or quarterly, optionally every N of them), a time zone, a start \
        date, the layouts to render (book, brief, charts, analysis) and an output pattern.

        A period is the half-open interval [start, end) between local midnights in the \
        schedule's time zone; a readout belongs to the period holding its meeting date. \
        `schedule run` produces every period that has ended and is not produced yet, oldest \
        first, and a new edition of a produced period whose readouts changed (late arrivals). \
        The ledger, <output>/.briefing/ledger.sqlite, records each (schedule, period, edition) \
        with its readouts' content hashes and its files' hashes; it is the truth.

        Run it as often as you like: a run with nothing to do does nothing.
        """,
        subcommands: [ScheduleRun.self, ScheduleStatusCommand.self, SchedulePlanCommand.self]
    )
}

/// Folders every `schedule` subcommand takes.
struct ScheduleFolders: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of readouts (.txt, .md, .html).", valueName: "dir"))
    var input = "seeds"

    @Option(name: .long, help: ArgumentHelp("The folder with schedules.yaml and the extraction configuration.", valueName: "dir"))
    var layouts = "layouts"

    @Option(name: .long, help: ArgumentHelp("The relationship pack (layouts/relationships/NAME; default: the pack marked `default: true`).", valueName: "name"))
    var relationship: String?

    @Option(name: .long, help: ArgumentHelp("Where reports and the ledger (.briefing/ledger.sqlite) go.", valueName: "dir"))
    var output = "output"

    @Option(name: .long, help: ArgumentHelp(
        "Act as if it were this time (ISO 8601: 2026-11-23T09:00:00+09:00, or 2026-11-23 for midnight UTC). Default: now.",
        valueName: "time"))
    var now: String?

    var inputURL: URL { URL(fileURLWithPath: input, isDirectory: true) }
    var layoutsURL: URL { URL(fileURLWithPath: layouts, isDirectory: true) }
    var outputURL: URL { URL(fileURLWithPath: output, isDirectory: true) }

    func time() throws -> Date {
        guard let text = now else { return Date() }
        guard let date = ISOTime.parse(text) else { throw ScheduleError.invalidTime(text) }
        return date
    }

    /// The schedules, with warnings printed and errors fatal.
    func schedules() throws -> [ScheduleDefinition] {
        let (schedules, diagnostics) = ScheduleFile.load(layoutsFolder: layoutsURL)
        for d in diagnostics where d.severity != .error { printError(d.description) }
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { throw ScheduleError.invalidSchedules(errors) }
        return schedules
    }
}

/// Runs `body`, turning a `ScheduleError` into its message on stderr and its exit status.
func reportingScheduleErrors(_ body: () throws -> Void) throws {
    do { try body() } catch let error as ScheduleError {
        printError("briefing schedule: error: \(error.errorDescription ?? "\(error)")")
        throw ExitCode(error.exitCode)
    }
}

struct ScheduleRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Produce every ended period not produced yet, oldest first, then stop.",
        discussion: """
        Catches up after any downtime: every period of every schedule that ended at or before \
        --now and has no edition gets one, oldest period first; a produced period whose \
        readouts changed since gets a revised edition (edition 2 is written next to edition 1 \
        as <name>.edition-2.<ext>; the first is kept). Unchanged periods are left alone, so a \
        second run in a row does nothing.

        Each report is written to a temporary file and renamed into place; the edition is \
        recorded in the ledger in one transaction after all its files are in place. If the \
        run is killed, the next run removes what the killed one left unrecorded and produces \
        the period again. Readouts are extracted once and cached by content hash and extractor \
        version in the ledger.

        Only one run at a time: a second one exits with status 75 and a message naming the \
        holder (or waits, with --wait). Exit status: 0 done, 65 bad schedules.yaml or --now, \
        66 unreadable input, 73 output not writable or full, 74 unreadable or newer ledger, \
        70 a renderer failed, 75 another run holds the lock.

        Examples:
          briefing schedule run --input readouts --output output
          briefing schedule run --now 2026-11-23T09:00:00+09:00   # replay a given time
        """
    )

    @OptionGroup var folders: ScheduleFolders

    @Flag(name: .long, help: "Wait for a run already in progress instead of exiting.")
    var wait = false

    @Flag(name: .shortAndLong, help: "Print only errors: no report of what was produced, no progress line.")
    var quiet = false

    func run() throws {
        try reportingScheduleErrors {
            let now = try folders.time()
            let schedules = try folders.schedules()
            let analyzer = try ScheduleWiring.analyzer(layouts: folders.layoutsURL, relationship: folders.relationship, input: folders.inputURL, now: now)
            var options = ScheduleRunner.Options(input: folders.inputURL, output: folders.outputURL, now: now)
            options.wait = wait
            options.faults = ScheduleWiring.faultHookFromEnvironment()
            let progress = TerminalProgress.make(command: "schedule run", quiet: quiet)
            options.progress = progress?.handler
            defer { progress?.clear() }
            let runner = ScheduleRunner(schedules: schedules, analyzer: analyzer, renderer: ScheduleWiring.renderer(layouts: folders.layoutsURL),
                                        options: options)
            let quiet = self.quiet
            let started = Date()
            let report = try runner.run { line in
                guard !quiet else { return }
                progress?.clear()
                print(line)
            }
            if !quiet {
                let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                print("done in \(seconds) s: \(report.produced.count) edition(s) produced; \(report.readouts) readout(s), \(report.extracted) extracted, \(report.cached) from the cache, \(report.hashed) hashed")
            }
        }
    }
}

struct ScheduleStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List each schedule's periods with their state and files.",
        discussion: """
        Reads the ledger only (no readout is opened). States: produced (one edition), revised \
        (more than one; the latest is listed), due (ended, not produced yet), running (a run \
        is producing it now), failed (the last attempt failed; the message says why).

        With --json the shape is stable for other tools:
          {"schedules": [{"name": "weekly", "periods": [{"key": "2026-W47",
            "start": "...", "end": "...", "state": "produced",
            "editions": [{"edition": 1, "produced_at": "...",
                          "files": ["output/weekly/2026-W47/briefing-book.pdf"]}]}]}]}
        Times are ISO 8601 (UTC); files are as --output names them.
        """
    )

    @OptionGroup var folders: ScheduleFolders

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingScheduleErrors {
            let status = try ScheduleStatus.make(schedules: try folders.schedules(), output: folders.outputURL,
                                                 outputName: folders.output, now: try folders.time())
            print(json ? try status.json() : status.text)
        }
    }
}

struct SchedulePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what the next runs will produce, without writing anything.",
        discussion: """
        Lists the editions the next `schedule run` would produce, oldest first (first editions \
        and revisions, with why), then when each schedule's next period ends. Readouts that \
        are not in the extraction cache yet are counted, not analysed: their periods show up \
        once a run has extracted them.
        """
    )

    @OptionGroup var folders: ScheduleFolders

    func run() throws {
        try reportingScheduleErrors {
            let now = try folders.time()
            let analyzer = try ScheduleWiring.analyzer(layouts: folders.layoutsURL, relationship: folders.relationship, input: folders.inputURL, now: now)
            let plan = try SchedulePlan.make(schedules: try folders.schedules(), analyzer: analyzer,
                                             input: folders.inputURL, output: folders.outputURL,
                                             outputName: folders.output, now: now)
            print(plan.text)
        }
    }
}
