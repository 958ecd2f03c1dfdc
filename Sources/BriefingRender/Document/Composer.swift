/// One composed page: the draw operations recorded for it, replayed in the drawing pass.
final class ComposedPage {
    let index: Int
    var section: String
    /// Running header and footer (off for the cover).
    let chrome: Bool
    var ops: [(Canvas) -> Void] = []

    init(index: Int, section: String, chrome: Bool) {
        self.index = index
        self.section = section
        self.chrome = chrome
    }
}

/// A bookmark in the PDF outline, pointing at a named destination.
public struct OutlineEntry: Sendable {
    public var title: String
    public var level: Int
    public var anchor: String
}

/// Page flow. Measures blocks (with the same Pango layouts that will be drawn) and places them
/// top to bottom, starting pages as needed, keeping headings with what follows them and
/// breaking tables with repeated headers. Nothing is drawn here: each placement records a
/// draw operation, so page numbers are known before the contents page is drawn.
public final class Composer {
    public let canvas: Canvas
    public let style: DocumentStyle
    /// The text area of every page.
    public let body: Rect
    private(set) var pages: [ComposedPage] = []
    var y: Double
    /// Destination name -> page index (0-based).
    public internal(set) var anchors: [String: Int] = [:]
    public internal(set) var outline: [OutlineEntry] = []
    /// Set when a block was taller than a whole page and had to be clipped.
    public internal(set) var clippedBlocks = 0
    public internal(set) var usesLinks = false
    var section = ""

    public init(canvas: Canvas, style: DocumentStyle) {
        self.canvas = canvas
        self.style = style
        let p = style.layout.page
        body = Rect(x: p.margins.left, y: p.margins.top, width: p.width - p.margins.left - p.margins.right,
                    height: p.height - p.margins.top - p.margins.bottom)
        y = body.y
    }

    public var pageCount: Int { pages.count }
    public var remaining: Double { pages.isEmpty ? body.height : body.maxY - y }
    public var atTop: Bool { pages.isEmpty || y <= body.y + 0.01 }
    public var currentPage: Int { pages.count - 1 }

    /// Starts a page; `section` names it in the running header.
    public func newPage(section: String? = nil, chrome: Bool = true) {
        if let section { self.section = section }
        pages.append(ComposedPage(index: pages.count, section: self.section, chrome: chrome))
        y = body.y
    }

    /// Starts a page unless `height` still fits on this one.
    public func ensure(_ height: Double) {
        if pages.isEmpty || (remaining < height && !atTop) { newPage() }
    }

    func record(_ op: @escaping (Canvas) -> Void) {
        if pages.isEmpty { newPage() }
        pages[pages.count - 1].ops.append(op)
    }

    /// Places a block of `height` across the text width; `draw` gets its frame.
    public func place(height: Double, spaceAfter: Double = 0, draw: @escaping (Canvas, Rect) -> Void) {
        ensure(height)
        let h = min(height, body.maxY - y)
        if h < height - 0.5 { clippedBlocks += 1 }
        let frame = Rect(x: body.x, y: y, width: body.width, height: h)
        record { c in c.clipped(to: frame.inset(-1)) { draw(c, frame) } }
        y += h + spaceAfter
    }

    public func space(_ height: Double) {
        guard !atTop else { return }
        y = min(y + height, body.maxY)
    }

    /// A heading kept on the page with at least `keepWith` points of what follows it.
    public func heading(_ text: String, level: Int, anchor: String? = nil, inOutline: Bool = true,
                        keepWith: Double = 48) {
        let st = level == 1 ? style.h1 : level == 2 ? style.h2 : style.h3
        let block = canvas.text.layout(text, style: st, width: body.width, maxLines: 3)
        let before: Double = level == 1 ? 0 : level == 2 ? 12 : 7
        let after: Double = level == 1 ? 12 : level == 2 ? 5 : 3
        ensure(before + block.height + after + keepWith)
        if !atTop { y += before }
        let top = y
        let x = body.x, width = body.width
        if let anchor {
            anchors[anchor] = currentPage
            if inOutline { outline.append(OutlineEntry(title: text, level: level, anchor: anchor)) }
        }
        let rule = style.colors.accent
        record { c in
            if let anchor { c.destination(anchor, at: Point(x, top)) }
            c.draw(block, at: Point(x, top))
            if level == 1 {
                c.line(from: Point(x, top + block.height + 4), to: Point(x + width, top + block.height + 4), rule, width: 1.2)
            }
        }
        y += block.height + after + (level == 1 ? 6 : 0)
    }

    /// A paragraph of plain text, kept whole (and cut with an ellipsis if longer than a page).
    /// `keepWith`: points of what follows that must fit on the same page.
    public func paragraph(_ text: String, style st: TextStyle? = nil, spaceAfter: Double = 6,
                          maxLines: Int? = nil, indent: Double = 0, keepWith: Double = 0) {
        let st = st ?? style.body
        let fit = Int(body.height / (st.font.size * 1.45))
        let block = canvas.text.layout(text, style: st, width: body.width - indent, maxLines: min(maxLines ?? fit, fit))
        ensure(block.height + (keepWith > 0 ? spaceAfter + keepWith : 0))
        placeText(block, spaceAfter: spaceAfter, indent: indent)
    }

    public func paragraph(markup: Markup, style st: TextStyle? = nil, spaceAfter: Double = 6,
                          maxLines: Int? = nil, indent: Double = 0) {
        let st = st ?? style.body
        let fit = Int(body.height / (st.font.size * 1.45))
        let block = canvas.text.layout(markup: markup, style: st, width: body.width - indent,
                                       maxLines: min(maxLines ?? fit, fit))
        placeText(block, spaceAfter: spaceAfter, indent: indent)
    }

    private func placeText(_ block: TextBlock, spaceAfter: Double, indent: Double) {
        ensure(block.height)
        let origin = Point(body.x + indent, y)
        record { c in c.draw(block, at: origin) }
        y += block.height + spaceAfter
    }

    /// Whether `text` (plus `extra` points) still fits on the current page.
    public func fits(_ text: String, style st: TextStyle, indent: Double = 0, extra: Double = 0) -> Bool {
        guard !pages.isEmpty else { return true }
        return canvas.text.layout(text, style: st, width: body.width - indent).height + extra <= remaining
    }

    /// Marks `rect` on the current page as a live link to `anchor`.
    public func link(_ rect: Rect, to anchor: String) {
        usesLinks = true
        record { c in c.link(to: anchor, rect: rect) }
    }

    /// Places the named destination `name` at `point` of the current page, once: a name
    /// already placed keeps its first place.
    public func destination(_ name: String, at point: Point) {
        guard anchors[name] == nil else { return }
        anchors[name] = currentPage
        record { c in c.destination(name, at: point) }
    }

    /// Current cursor, for callers that lay out their own line (contents entries).
    public var cursor: Double { y }

    /// Advances the cursor by `height` after the caller recorded its own drawing.
    public func advance(_ height: Double) { y += height }

    /// Records a raw draw operation on the current page.
    public func draw(_ op: @escaping (Canvas) -> Void) { record(op) }
}

extension Composer {
    /// Puts `front`'s pages (cover, contents: composed after the body, once page numbers are
    /// known) before this composer's, shifting anchors and outline to match.
    public func prepend(_ front: Composer) {
        let shift = front.pages.count
        anchors = anchors.mapValues { $0 + shift }.merging(front.anchors) { a, _ in a }
        outline = front.outline + outline
        pages = front.pages + pages
        usesLinks = usesLinks || front.usesLinks
        clippedBlocks += front.clippedBlocks
    }
}
