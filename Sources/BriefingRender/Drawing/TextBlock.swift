import CCairo

/// Text laid out by Pango and measured, ready to draw. Measuring (for pagination) and drawing
/// use the same layout, so what was measured is exactly what is drawn.
public final class TextBlock {
    let layout: OpaquePointer
    public let style: TextStyle
    public let width: Double
    public let height: Double

    init(layout: OpaquePointer, style: TextStyle) {
        self.layout = layout
        self.style = style
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        width = Double(w) / Double(PANGO_SCALE)
        height = Double(h) / Double(PANGO_SCALE)
    }

    deinit { briefing_object_unref(UnsafeMutableRawPointer(layout)) }

    public var lineCount: Int { Int(pango_layout_get_line_count(layout)) }
    public var isEllipsized: Bool { pango_layout_is_ellipsized(layout) != 0 }
    /// Distance from the top to the first baseline.
    public var baseline: Double { Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE) }
}
