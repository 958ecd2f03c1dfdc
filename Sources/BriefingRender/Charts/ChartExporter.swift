import BriefingModel
import CCairo
import Foundation

/// Standalone chart files (PDF, SVG or PNG) a user can drop into slides: the overview charts
/// and one trend chart per topic, each drawn by the same function the book uses.
public struct ChartExporter {
    public enum Format: String, Sendable, CaseIterable { case pdf, svg, png }

    /// A chart to export: its file stem and how to draw it.
    public struct Item {
        public var name: String
        public var title: String
        public var height: (Double) -> Double
        public var draw: (Rect, Canvas, DocumentStyle) -> Void
    }

    public let layout: Layout
    public let width = 640.0
    public let padding = 18.0

    public init(layout: Layout) { self.layout = layout }

    /// The overview charts, in the order `--all` writes them.
    public func overviewItems(_ a: Analysis) -> [Item] {
        let freq = TopicFrequencyChart(analysis: a)
        let heat = HeatMapChart(analysis: a, maxColumns: max(1, layout.limits.heatmapColumns))
        let timeline = TimelineChart(threads: a.threads, limit: max(1, layout.limits.timelineThreads))
        return [
            Item(name: "topic-frequency", title: "Topics by mentions and meetings", height: freq.height(width:),
                 draw: { r, c, s in freq.draw(in: r, on: c, style: s) }),
            Item(name: "topic-heatmap", title: "Topics meeting by meeting", height: heat.height(width:),
                 draw: { r, c, s in heat.draw(in: r, on: c, style: s) }),
            Item(name: "commitment-timeline", title: "Commitment timeline", height: { _ in timeline.height(lanes: timeline.lanes.count) },
                 draw: { r, c, s in timeline.draw(in: r, on: c, style: s) }),
        ]
    }

    public func topicItem(_ t: TopicFrequency) -> Item {
        let chart = TopicTrendChart(topic: t)
        return Item(name: "topic-\(Self.fileSafe(t.id))", title: "\(t.label): mentions and meetings per year",
                    height: chart.height(width:), draw: { r, c, s in chart.draw(in: r, on: c, style: s) })
    }

    public static func fileSafe(_ s: String) -> String {
        String(s.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
    }

    /// Writes one chart; returns the file written.
    @discardableResult
    public func write(_ item: Item, format: Format, folder: URL, date: DocumentDate) throws -> URL {
        let url = folder.appendingPathComponent("\(item.name).\(format.rawValue)")
        let out = try OutputFile(url)
        let style = DocumentStyle(layout: layout)
        let titleHeight = 22.0
        let plotWidth = width - 2 * padding
        let height = (padding * 2 + titleHeight + item.height(plotWidth)).rounded(.up)
        let surface: OpaquePointer?
        let scale = format == .png ? 2.0 : 1.0
        switch format {
        case .pdf:
            surface = cairo_pdf_surface_create(out.temporary.path, width, height)
            if let surface {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, item.title)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "BriefingBook (chart)")
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.iso8601)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.iso8601)
            }
        case .svg:
            surface = cairo_svg_surface_create(out.temporary.path, width, height)
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width * scale), Int32(height * scale))
        }
        guard let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw RenderError.surface(url.path, "cairo could not create the \(format.rawValue) surface")
        }
        defer { cairo_surface_destroy(surface) }
        do {
            let cr = cairo_create(surface)!
            cairo_scale(cr, scale, scale)
            let canvas = Canvas(context: cr)
            canvas.fill(Rect(x: 0, y: 0, width: width, height: height), .white)
            canvas.text(item.title, in: Rect(x: padding, y: padding, width: plotWidth, height: titleHeight),
                        style: style.h3, maxLines: 1)
            let frame = Rect(x: padding, y: padding + titleHeight, width: plotWidth, height: height - 2 * padding - titleHeight)
            canvas.clipped(to: frame.inset(-2)) { item.draw(frame, canvas, style) }
        }
        if format == .png {
            do { try PNGWriter.write(surface, to: out.temporary) } catch { out.discard(); throw error }
        }
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            out.discard()
            throw RenderError.write(url.path, String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
        if format == .svg { try Self.renumberSurfaces(out.temporary) }
        try out.commit()
        return url
    }

    /// cairo numbers SVG surfaces from a process-wide counter ("surface57"); renumbering them
    /// per file keeps a chart byte-identical however many were drawn before it.
    static func renumberSurfaces(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var map: [Substring: Int] = [:]
        var rest = text[...]
        while let r = rest.range(of: "surface") {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            if !digits.isEmpty {
                let n = map[digits] ?? (map.count + 1)
                map[digits] = n
                out += String(n)
                rest = rest.dropFirst(digits.count)
            }
        }
        out += rest
        try Data(out.utf8).write(to: url)
    }
}
