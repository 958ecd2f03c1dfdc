import ArgumentParser
import BriefingAggregate
import BriefingModel
import BriefingRender
import Foundation

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Render the one-page brief (PDF): always exactly one page, whatever the corpus.",
        discussion: """
        The brief has the headline facts (period, meetings, sources, commitments), a small \
        topic chart, the top topics, the commitments that moved (new, strengthening, \
        weakening, lapsed) and what to watch at the next meeting; with --since DATE, the top \
        lines of what changed since that day. When they do not fit, lists \
        are cut from the longest first and say "and N more".

        Sections, order, fonts, colours and list lengths come from the layout \
        (layouts/brief.yaml by default).

        Exit status as for `briefing book`.

        Examples:
          briefing brief --input seeds -o output/brief.pdf
          briefing brief --analysis output/analysis.json --from 2025-01-01
          briefing brief --analysis output/analysis.json --since 2025-06-01
        """)

    @OptionGroup var source: RenderInputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var since: SinceOptions

    @Option(name: .long, help: ArgumentHelp("Layout name in the layouts folder, or a .yaml path.", valueName: "name"))
    var layout: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The PDF to write.", valueName: "file"))
    var output: String = "brief.pdf"

    func run() throws {
        let layout = try RenderOutput.loadLayout(name: layout, kind: .brief, folder: source.layoutsFolder)
        let whole = try source.load { FontWarmup.warm(DocumentStyle(layout: layout).allStyles, for: .pdf) }
        // "Made" is the whole analysis's date, whatever period is shown.
        let date = DocumentDate.resolve(analysis: whole)
        let changes = since.changes(in: whole, period: period.period)
        let analysis = period.period.apply(to: whole)
        let report = try RenderOutput.writing(output) {
            try BriefRenderer(layout: layout).render(analysis, to: $0, date: date, since: changes)
        }
        RenderOutput.report(report, as: output)
        print("\(output): \(report.pages) page\(report.pages == 1 ? "" : "s")")
    }
}
