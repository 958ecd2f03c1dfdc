import BriefingModel
import CCairo
import Foundation

/// Standalone chart files (PDF, SVG or PNG) a user can drop into slides: the overview charts
/// and one trend chart per topic, each drawn by the same function the book uses.
public struct ChartExporter: Sendable {
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

    /// The styles the charts set text in (title, axis and legend labels, notes): the ones worth
    /// loading before the first chart (`FontWarmup`).
    public var textStyles: [TextStyle] {
        let style = DocumentStyle(layout: layout)
        return [style.h3, style.label, style.caption, style.chartNumber(smallerBy: TopicTrendChart.valueShrink),
                style.chartNumber(smallerBy: HeatMapChart.numberShrink)]
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
        try write(item, format: format, folder: folder, date: date, text: nil)
    }

    /// Draws one chart on this thread and writes its file (temporary, then renamed). With
    /// `text`, the chart sets its text with that engine, shared by every chart of one format
    /// drawn on this thread: the axis labels, years, legends and counts the charts have in
    /// common are shaped once. Without, with one of its own.
    func write(_ item: Item, format: Format, folder: URL, date: DocumentDate, text: TextEngine?) throws -> URL {
        let url = folder.appendingPathComponent("\(item.name).\(format.rawValue)")
        let out = try OutputFile(url)
        let svg = ByteSink()
        let style = DocumentStyle(layout: layout)
        let titleHeight = 22.0
        let plotWidth = width - 2 * padding
        let height = (padding * 2 + titleHeight + item.height(plotWidth)).rounded(.up)
        let surface: OpaquePointer?
        let scale = Self.scale(format)
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
            // Kept in memory: its surface ids are renumbered before it is written.
            surface = cairo_svg_surface_create_for_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes
                    .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(svg).toOpaque(), width, height)
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
            let canvas = Canvas(context: cr, text: text)
            canvas.fill(Rect(x: 0, y: 0, width: width, height: height), .white)
            canvas.text(item.title, in: Rect(x: padding, y: padding, width: plotWidth, height: titleHeight),
                        style: style.h3, maxLines: 1)
            let frame = Rect(x: padding, y: padding + titleHeight, width: plotWidth, height: height - 2 * padding - titleHeight)
            canvas.clipped(to: frame.inset(-2)) { item.draw(frame, canvas, style) }
        }
        // The cairo context is gone (with the canvas); cairo writes out the surface.
        do {
            let rows = format == .png ? try PNGWriter.filtered(surface, path: url.path) : nil
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw RenderError.write(url.path, String(cString: cairo_status_to_string(status)))
            }
            switch format {
            case .pdf: break
            case .svg: try out.write(Self.renumberSurfaces(svg.bytes))
            case .png: try out.write(PNGWriter.encode(rows!, path: url.path))
            }
            try out.commit()
        } catch { out.discard(); throw error }
        return url
    }

    /// Device pixels a point: PNG charts are drawn at twice their size, for slides.
    static func scale(_ format: Format) -> Double { format == .png ? 2 : 1 }

    /// A text engine for every chart of `format` drawn on this thread (`writeAll`).
    public func textEngine(for format: Format) -> TextEngine {
        TextEngine.forSurfaces(format, scale: Self.scale(format))
    }

    /// Writes `items`, drawing them on this thread and on `helpers`' threads (if any), each
    /// with a text engine of its own (`text` here, by default a new one): Pango's font map
    /// belongs to a thread, and with the charts' handful of fonts (see PLATFORM-NOTES) separate
    /// engines on separate threads are safe. Each thread draws and writes the next chart not
    /// yet taken. Every file is what drawing it alone gives. Stops after the first failure;
    /// returns the files written, in order, and it.
    public func writeAll(_ items: [Item], format: Format, folder: URL, date: DocumentDate, text: TextEngine? = nil,
                         helpers: ChartDrawingThreads? = nil) -> (written: [URL], failure: (path: String, error: Error)?) {
        let outcome = WriteOutcome(count: items.count)
        let queue = ChartQueue(items)
        @Sendable func work(_ engine: TextEngine) {
            while !outcome.failed, let (k, item) = queue.next() {
                do {
                    outcome.done(k, try write(item, format: format, folder: folder, date: date, text: engine))
                } catch {
                    outcome.fail(k, path: folder.appendingPathComponent("\(item.name).\(format.rawValue)").path, error)
                }
            }
        }
        helpers?.run(work)
        work(text ?? textEngine(for: format))
        helpers?.wait()
        return outcome.result
    }

    /// cairo numbers SVG surfaces from a process-wide counter ("surface57"); renumbering them
    /// per file keeps a chart byte-identical however many were drawn before it.
    static func renumberSurfaces(_ svg: [UInt8]) -> [UInt8] {
        let word: [UInt8] = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 64)
        var map: [ArraySlice<UInt8>: Int] = [:]
        var i = 0, copied = 0
        while i + word.count <= svg.count {
            guard svg[i] == word[0], svg[i..<(i + word.count)].elementsEqual(word) else { i += 1; continue }
            i += word.count
            var end = i
            while end < svg.count, svg[end] >= 0x30, svg[end] <= 0x39 { end += 1 }
            guard end > i else { continue }
            out += svg[copied..<i]
            let n = map[svg[i..<end]] ?? (map.count + 1)
            map[svg[i..<end]] = n
            out += Array(String(n).utf8)
            i = end
            copied = end
        }
        out += svg[copied...]
        return out
    }
}

/// Bytes cairo writes to a stream surface.
final class ByteSink {
    var bytes: [UInt8] = []
}
