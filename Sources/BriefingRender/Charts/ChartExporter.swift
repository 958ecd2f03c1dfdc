import BriefingModel
import CCairo
import Dispatch
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
        let pending = try draw(item, format: format, folder: folder, date: date, text: nil)
        try pending.complete()
        return pending.url
    }

    /// A drawn chart whose file is not written yet: what is left (cairo finishing its own
    /// surface, encoding, writing, renaming) makes no Pango call, so it may run on another
    /// thread.
    public struct PendingFile: Sendable {
        public let url: URL
        let finish: @Sendable () throws -> Void

        public func complete() throws { try finish() }
    }

    /// Draws one chart on this thread (Pango is not thread-safe) and returns the rest of the work.
    /// With `text`, the chart sets its text with that engine, shared by every chart of one
    /// format drawn on this thread: the axis labels, years, legends and counts the charts have
    /// in common are shaped once. Without, with one of its own.
    func draw(_ item: Item, format: Format, folder: URL, date: DocumentDate, text: TextEngine?) throws -> PendingFile {
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
        let handoff = SurfaceHandoff(surface, svg)
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
        // The cairo context (and its Pango context) is gone: what is left is cairo writing out
        // a surface no other thread touches, and encoding; no Pango call.
        return PendingFile(url: url) {
            defer { cairo_surface_destroy(handoff.surface) }
            do {
                let rows = format == .png ? try PNGWriter.filtered(handoff.surface, path: url.path) : nil
                cairo_surface_finish(handoff.surface)
                let status = cairo_surface_status(handoff.surface)
                guard status == CAIRO_STATUS_SUCCESS else {
                    throw RenderError.write(url.path, String(cString: cairo_status_to_string(status)))
                }
                switch format {
                case .pdf: break
                case .svg: try out.write(Self.renumberSurfaces(handoff.svg.bytes))
                case .png: try out.write(PNGWriter.encode(rows!, path: url.path))
                }
                try out.commit()
            } catch { out.discard(); throw error }
        }
    }

    /// Device pixels a point: PNG charts are drawn at twice their size, for slides.
    static func scale(_ format: Format) -> Double { format == .png ? 2 : 1 }

    /// A text engine for every chart of `format` drawn on this thread (`writeAll`).
    public func textEngine(for format: Format) -> TextEngine {
        TextEngine.forSurfaces(format, scale: Self.scale(format))
    }

    /// Writes `items`, drawing them on this thread and on `helpers`' threads, each with a text
    /// engine of its own: Pango's font map belongs to a thread, and with the charts' handful
    /// of fonts (see PLATFORM-NOTES) separate engines on separate threads are safe. Each
    /// thread draws, encodes and writes the next chart not yet taken. Every file is what
    /// drawing it alone gives. Stops after the first failure; returns the files written, in
    /// order, and it.
    public func writeAll(_ items: [Item], format: Format, folder: URL, date: DocumentDate,
                         text: TextEngine? = nil, helpers: ChartDrawingThreads) -> (written: [URL], failure: (path: String, error: Error)?) {
        let outcome = WriteOutcome(count: items.count)
        let queue = ChartQueue(items)
        @Sendable func work(_ engine: TextEngine) {
            while !outcome.failed, let (k, item) = queue.next() {
                let path = folder.appendingPathComponent("\(item.name).\(format.rawValue)").path
                do {
                    let pending = try draw(item, format: format, folder: folder, date: date, text: engine)
                    try pending.complete()
                    outcome.done(k, pending.url)
                } catch {
                    outcome.fail(k, path: path, error)
                }
            }
        }
        helpers.run(work)
        work(text ?? textEngine(for: format))
        helpers.wait()
        return outcome.result
    }

    /// Writes `items` in order, drawing each on this thread (all Pango work) while the ones
    /// before are finished, encoded and written on one other thread (at most two behind).
    /// The charts share `text` (by default a new engine), made on this thread for `format`.
    /// Stops drawing after the first failure; returns the files written, in order, and it.
    public func writeAll(_ items: [Item], format: Format, folder: URL, date: DocumentDate,
                         text: TextEngine? = nil) -> (written: [URL], failure: (path: String, error: Error)?) {
        let text = text ?? textEngine(for: format)
        let queue = DispatchQueue(label: "briefing.chart-files", attributes: .concurrent)
        let files = DispatchGroup()
        let inFlight = DispatchSemaphore(value: max(2, ProcessInfo.processInfo.activeProcessorCount))
        let outcome = WriteOutcome(count: items.count)
        for (k, item) in items.enumerated() {
            if outcome.failed { break }
            let path = folder.appendingPathComponent("\(item.name).\(format.rawValue)").path
            let pending: PendingFile
            do { pending = try draw(item, format: format, folder: folder, date: date, text: text) } catch {
                outcome.fail(k, path: path, error)
                break
            }
            inFlight.wait()
            queue.async(group: files) {
                defer { inFlight.signal() }
                do {
                    try pending.complete()
                    outcome.done(k, pending.url)
                } catch { outcome.fail(k, path: path, error) }
            }
        }
        files.wait()
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

/// Threads that each make and warm a text engine for one format as soon as they start (while
/// the analysis is still being read), then draw charts with it when `run` hands them work.
/// Every thread runs the work once; `wait` returns when all have.
public final class ChartDrawingThreads: @unchecked Sendable {
    private let go = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let count: Int
    private var work: (@Sendable (TextEngine) -> Void)?
    private var started = false

    public init(_ count: Int, exporter: ChartExporter, format: ChartExporter.Format) {
        self.count = max(0, count)
        let styles = exporter.textStyles
        for _ in 0..<self.count {
            finished.enter()
            let thread = Thread { [self] in
                let engine = exporter.textEngine(for: format)
                FontWarmup.warm(styles, on: engine)
                go.wait()
                work?(engine)
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    func run(_ work: @escaping @Sendable (TextEngine) -> Void) {
        guard !started else { return }
        started = true
        self.work = work
        for _ in 0..<count { go.signal() }
    }

    func wait() { finished.wait() }

    /// Lets threads that were given no work end (when the command stops before drawing).
    public func release() {
        run { _ in }
        wait()
    }
}

/// The charts not yet taken by a drawing thread, handed out one at a time.
final class ChartQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let items: [ChartExporter.Item]
    private var taken = 0

    init(_ items: [ChartExporter.Item]) { self.items = items }

    func next() -> (Int, ChartExporter.Item)? {
        lock.withLock {
            guard taken < items.count else { return nil }
            taken += 1
            return (taken - 1, items[taken - 1])
        }
    }
}

/// What `writeAll`'s file writes came to, filled in from the writing thread.
final class WriteOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var urls: [URL?]
    private var failure: (index: Int, path: String, error: Error)?

    init(count: Int) { urls = Array(repeating: nil, count: count) }

    var failed: Bool { lock.withLock { failure != nil } }

    func done(_ k: Int, _ url: URL) { lock.withLock { urls[k] = url } }

    func fail(_ k: Int, path: String, _ error: Error) {
        lock.withLock { if failure == nil || k < failure!.index { failure = (k, path, error) } }
    }

    /// The files written before the first failure, and the failure.
    var result: (written: [URL], failure: (path: String, error: Error)?) {
        lock.withLock {
            let upTo = failure?.index ?? urls.count
            return (urls[..<upTo].compactMap { $0 }, failure.map { ($0.path, $0.error) })
        }
    }
}

/// A drawn surface passed to the thread that finishes it; the drawing thread keeps no
/// reference to it (nor to the SVG bytes cairo writes into `svg` as it finishes).
final class SurfaceHandoff: @unchecked Sendable {
    let surface: OpaquePointer
    let svg: ByteSink

    init(_ surface: OpaquePointer, _ svg: ByteSink) {
        self.surface = surface
        self.svg = svg
    }
}

/// Bytes cairo writes to a stream surface.
final class ByteSink {
    var bytes: [UInt8] = []
}
