import ArgumentParser
import BriefingAggregate
import BriefingModel
import BriefingRender
import Foundation

struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Render the briefing book (PDF) from readouts or a saved analysis.",
        discussion: """
        The book has a cover; contents with page numbers, live links and the same tree as PDF \
        bookmarks; a summary (top topics, commitments new / strengthened / weakened / lapsed, \
        what to watch); a topic overview (frequency chart, topic-by-meeting heat map); the \
        commitment timeline; one section per topic; one page per meeting (the most recent ones \
        for a large corpus, all of them listed in the appendix); and an appendix (readouts, \
        extraction warnings, taxonomy, method); and a Sources part quoting each cited readout \
        as analysed, which every commitment row, timeline lane and meeting page links to. With \
        --since DATE a "Since DATE" section up front lists new commitments, threads whose trend \
        changed, topics that rose or fell and people met for the first time.

        Which sections appear, their order, page size (A4 or US Letter), fonts, colours and \
        limits come from the layout (layouts/book.yaml by default; --layout letter-book for \
        layouts/letter-book.yaml). Output is byte-identical for the same analysis and layout: \
        the PDF's dates come from SOURCE_DATE_EPOCH when set, otherwise from the last meeting.

        Warnings (a glyph no font could draw, a block cut to fit) go to standard error. Exit \
        status: 0 written; 64 bad arguments; 78 unusable layout (file:line: error: key: ...); \
        66 unreadable input; 65 an analysis that is damaged or not one; 74 the PDF could not be \
        written.

        Examples:
          briefing book --input seeds -o output/briefing-book.pdf
          briefing book --analysis a.json --from 2017-01-01 --to 2018-12-31
          briefing book --analysis a.json --layout letter-book -o book.pdf
          briefing book --analysis a.json --since 2025-01-01
        """)

    @OptionGroup var source: RenderInputOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var since: SinceOptions

    @Option(name: .long, help: ArgumentHelp("Layout name in the layouts folder, or a .yaml path.", valueName: "name"))
    var layout: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The PDF to write.", valueName: "file"))
    var output: String = "briefing-book.pdf"

    func run() throws {
        let trace = StepTrace()
        let layout = try RenderOutput.loadLayout(name: layout, kind: .book, folder: source.layoutsFolder)
        let whole = try source.load { FontWarmup.warm(BookRenderer.textStyles(layout), for: .pdf) }
        trace.mark("load, fonts")
        // "Made" is the whole analysis's date, whatever period is shown.
        let date = DocumentDate.resolve(analysis: whole)
        let changes = since.changes(in: whole, period: period.period)
        let renderer = BookRenderer(layout: layout)
        let analysis = period.period.apply(to: whole)
        trace.mark("period and changes")
        let statements = source.statementLookup
        let report = try RenderOutput.writing(output) {
            try renderer.render(analysis, to: $0, date: date, since: changes, statements: statements)
        }
        RenderOutput.report(report, as: output)
        print("\(output): \(report.pages) pages")
    }
}
