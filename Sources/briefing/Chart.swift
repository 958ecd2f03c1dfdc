import ArgumentParser
import BriefingModel
import BriefingRender
import Foundation

extension ChartExporter.Format: ExpressibleByArgument {}

struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write standalone charts (PDF, SVG or PNG) to drop into slides.",
        discussion: """
        --topic ID writes that topic's trend chart (mentions and meetings per year) as \
        topic-ID.FORMAT. --all writes every topic's chart and the overview charts: \
        topic-frequency, topic-heatmap and commitment-timeline. PNG is drawn at twice the size (144 dpi); \
        SVG text is drawn as outlines (cairo 1.16), so it looks the same without the fonts.

        Colours and fonts come from the book layout (layouts/book.yaml by default).

        Each file is written to a temporary name and renamed, and is byte-identical on \
        re-render. Exit status as for `briefing book`.

        Examples:
          briefing chart --analysis output/analysis.json --all -o output/charts
          briefing chart --input seeds --topic north-korea --format svg -o charts
        """)

    @OptionGroup var source: RenderInputOptions

    @Option(name: .long, help: ArgumentHelp("Topic id (see the taxonomy) to chart.", valueName: "id"))
    var topic: String?

    @Flag(name: .long, help: "Every topic's chart and the overview charts.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("pdf, svg or png.", valueName: "format"))
    var format: ChartExporter.Format = .pdf

    @Option(name: .long, help: ArgumentHelp("Layout for fonts and colours.", valueName: "name"))
    var layout: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the charts into.", valueName: "dir"))
    var output: String = "charts"

    func validate() throws {
        if (topic == nil) == !all { throw ValidationError("give --topic ID or --all") }
    }

    func run() throws {
        let trace = StepTrace()
        let layout = try RenderOutput.loadLayout(name: layout, kind: .book, folder: source.layoutsFolder)
        let exporter = ChartExporter(layout: layout)
        let text = exporter.textEngine(for: format)
        // The other cores make and warm their own text engines meanwhile, to draw charts too.
        let helpers = ChartDrawingThreads(all ? ProcessInfo.processInfo.activeProcessorCount - 1 : 0,
                                          exporter: exporter, format: format)
        defer { helpers.release() }
        let analysis = try source.load { FontWarmup.warm(exporter.textStyles, on: text) }
        trace.mark("load, fonts")
        let folder = URL(fileURLWithPath: output)
        let date = DocumentDate.resolve(analysis: analysis)
        var items: [ChartExporter.Item] = []
        if all {
            items = exporter.overviewItems(analysis) + analysis.topics.map(exporter.topicItem)
        } else if let topic {
            guard let t = analysis.topics.first(where: { $0.id == topic }) else {
                throw ValidationError(RenderError.unknownTopic(topic, analysis.topics.map(\.id)).localizedDescription)
            }
            items = [exporter.topicItem(t)]
        }
        let (written, failure) = exporter.writeAll(items, format: format, folder: folder, date: date, text: text,
                                                   helpers: helpers)
        for url in written { print(url.path) }
        if let failure {
            _ = try RenderOutput.writing(failure.path) { _ in throw failure.error }
            throw failure.error
        }
        trace.mark("\(items.count) charts")
    }
}
