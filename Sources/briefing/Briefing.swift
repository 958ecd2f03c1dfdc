import ArgumentParser
import BriefingModel

@main
struct Briefing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turn diplomatic meeting readouts into briefing books.",
        discussion: """
        BriefingBook reads a folder of meeting readouts (foreign-ministry overview pages, \
        White House and State Department readouts, newspaper gists; .txt, .md or saved .html), \
        extracts each meeting, and aggregates topic frequencies and commitment timelines.
        """,
        version: BriefingVersion.current,
        subcommands: [Analyze.self, Evaluate.self, Book.self, Brief.self, Chart.self, Schedule.self]
    )
}
