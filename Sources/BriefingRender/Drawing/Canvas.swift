import CCairo

/// A Cairo drawing context with the few shapes the charts and documents need. Every public
/// draw call saves and restores the Cairo state, so one block cannot leak a colour, clip or
/// transform into the next.
public final class Canvas {
    let cr: OpaquePointer
    public let text: TextEngine

    /// A canvas over `context`; with `text`, one engine (and its layouts) shared with other
    /// canvases of the same kind of surface and scale, used from this thread only.
    init(context: OpaquePointer, text: TextEngine? = nil) {
        self.cr = context
        self.text = text ?? TextEngine(context: context)
    }

    deinit { cairo_destroy(cr) }

    /// Runs `body` between cairo_save and cairo_restore.
    public func isolated(_ body: () -> Void) {
        cairo_save(cr)
        body()
        cairo_restore(cr)
    }

    /// Runs `body` clipped to `rect`.
    public func clipped(to rect: Rect, _ body: () -> Void) {
        isolated {
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cr)
            body()
        }
    }

    func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    public func fill(_ rect: Rect, _ color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        isolated {
            setColor(color)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_fill(cr)
        }
    }

    public func stroke(_ rect: Rect, _ color: Color, width: Double = 0.5) {
        isolated {
            setColor(color)
            cairo_set_line_width(cr, width)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_stroke(cr)
        }
    }

    public func line(from a: Point, to b: Point, _ color: Color, width: Double = 0.5, dash: [Double] = []) {
        polyline([a, b], color, width: width, dash: dash)
    }

    public func polyline(_ points: [Point], _ color: Color, width: Double = 0.5, dash: [Double] = []) {
        guard let first = points.first, points.count > 1 else { return }
        isolated {
            setColor(color)
            cairo_set_line_width(cr, width)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            if !dash.isEmpty { dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) } }
            cairo_move_to(cr, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
            cairo_stroke(cr)
        }
    }

    public func circle(center: Point, radius: Double, fill: Color?, stroke: Color? = nil, width: Double = 0.5) {
        isolated {
            cairo_new_path(cr)
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            if let fill {
                setColor(fill)
                if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
            }
            if let stroke {
                setColor(stroke)
                cairo_set_line_width(cr, width)
                cairo_stroke(cr)
            }
        }
    }

    /// A diamond (for "signed", so strength reads by shape as well as shade).
    public func diamond(center: Point, radius: Double, fill: Color, stroke: Color? = nil) {
        isolated {
            cairo_new_path(cr)
            cairo_move_to(cr, center.x, center.y - radius)
            cairo_line_to(cr, center.x + radius, center.y)
            cairo_line_to(cr, center.x, center.y + radius)
            cairo_line_to(cr, center.x - radius, center.y)
            cairo_close_path(cr)
            setColor(fill)
            cairo_fill_preserve(cr)
            if let stroke { setColor(stroke); cairo_set_line_width(cr, 0.5) }
            cairo_stroke(cr)
        }
    }

    /// Diagonal hatching inside `rect`, so a series stays distinguishable in grayscale.
    public func hatch(_ rect: Rect, _ color: Color, spacing: Double = 2.5) {
        guard rect.width > 0, rect.height > 0 else { return }
        clipped(to: rect) {
            setColor(color)
            cairo_set_line_width(cr, 0.5)
            var x = rect.x - rect.height
            while x < rect.maxX {
                cairo_move_to(cr, x, rect.maxY)
                cairo_line_to(cr, x + rect.height, rect.y)
                x += spacing
            }
            cairo_stroke(cr)
        }
    }

    /// Draws a laid-out text block with its top-left corner at `origin`.
    public func draw(_ block: TextBlock, at origin: Point, color: Color? = nil) {
        isolated {
            setColor(color ?? block.style.color)
            cairo_move_to(cr, origin.x, origin.y)
            pango_cairo_show_layout(cr, block.layout)
        }
    }

    /// Lays out and draws `string` in `rect`, clipped to it; returns the height used.
    @discardableResult
    public func text(_ string: String, in rect: Rect, style: TextStyle, maxLines: Int? = nil,
                     vertical: VerticalAlignment = .top) -> Double {
        let block = text.layout(string, style: style, width: rect.width, maxLines: maxLines)
        let h = block.height
        let y: Double
        switch vertical {
        case .top: y = rect.y
        case .middle: y = rect.y + (rect.height - h) / 2
        case .bottom: y = rect.maxY - h
        }
        clipped(to: rect.inset(top: -2, left: -1, bottom: -2, right: -1)) { draw(block, at: Point(rect.x, y)) }
        return h
    }

    /// Marks `rect` as a PDF link to the named destination (repaired by PDFRepair afterwards).
    func link(to dest: String, rect: Rect) {
        let attrs = "dest='\(dest)' rect=[\(fmt(rect.x)) \(fmt(rect.y)) \(fmt(rect.width)) \(fmt(rect.height))]"
        cairo_tag_begin(cr, "Link", attrs)
        cairo_tag_end(cr, "Link")
    }

    /// Marks the current position as a named PDF destination.
    func destination(_ name: String, at p: Point) {
        let attrs = "name='\(name)' x=\(fmt(p.x)) y=\(fmt(p.y))"
        cairo_tag_begin(cr, "cairo.dest", attrs)
        cairo_tag_end(cr, "cairo.dest")
    }

    private func fmt(_ v: Double) -> String { String(Int(v.rounded())) }
}

public enum VerticalAlignment: Sendable { case top, middle, bottom }
