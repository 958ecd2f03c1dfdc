import CCairo

/// Pango over one Cairo context: makes measured `TextBlock`s, caches font descriptions and
/// counts glyphs no font could draw (Pango reports them nowhere else). Not thread-safe, as
/// Pango is not: one engine per document, used from one thread.
public final class TextEngine {
    let context: OpaquePointer
    private var fonts: [FontSpec: OpaquePointer] = [:]
    private var lineHeights: [FontSpec: Double] = [:]
    /// Glyphs drawn as "unknown" boxes, summed over every block laid out so far.
    public private(set) var unknownGlyphs = 0
    /// Up to a few strings that had unknown glyphs, for the warning.
    public private(set) var unknownSamples: [String] = []
    /// Blocks already laid out, by everything that shapes them. A layout is never changed once
    /// made, so the same text in the same style and frame (a strength label, an actor, the
    /// running header; two thirds of a large book's blocks) is shaped once and drawn as often
    /// as it appears.
    private var laidOut: [LayoutKey: (block: TextBlock, unknown: Int)] = [:]

    struct LayoutKey: Hashable {
        var text: String
        var markup: Bool
        var style: TextStyle
        var width: Double?
        var maxLines: Int?
        var lineHeight: Double?
    }

    init(context cr: OpaquePointer) {
        context = pango_cairo_create_context(cr)
        // Points are user units; metrics unhinted so PDF, SVG and PNG measure alike.
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        for (_, d) in fonts { pango_font_description_free(d) }
        briefing_object_unref(UnsafeMutableRawPointer(context))
    }

    func description(for spec: FontSpec) -> OpaquePointer {
        if let d = fonts[spec] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, spec.families)
        pango_font_description_set_weight(d, spec.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(d, spec.size * Double(PANGO_SCALE))
        fonts[spec] = d
        return d
    }

    /// Lays out plain `string` (never parsed as markup) wrapped to `width` points; with
    /// `maxLines`, ends in an ellipsis rather than overflowing.
    public func layout(_ string: String, style: TextStyle, width: Double? = nil, maxLines: Int? = nil,
                       lineHeight: Double? = nil) -> TextBlock {
        let key = LayoutKey(text: string, markup: false, style: style, width: width, maxLines: maxLines, lineHeight: lineHeight)
        if let hit = reuse(key) { return hit }
        let layout = pango_layout_new(context)!
        configure(layout, style: style, width: width, maxLines: maxLines, lineHeight: lineHeight)
        pango_layout_set_text(layout, string, -1)
        return finish(layout, key: key)
    }

    /// Lays out Pango markup built by `Markup` (whose pieces are escaped).
    public func layout(markup: Markup, style: TextStyle, width: Double? = nil, maxLines: Int? = nil) -> TextBlock {
        let key = LayoutKey(text: markup.text, markup: true, style: style, width: width, maxLines: maxLines, lineHeight: nil)
        if let hit = reuse(key) { return hit }
        let layout = pango_layout_new(context)!
        configure(layout, style: style, width: width, maxLines: maxLines, lineHeight: nil)
        pango_layout_set_markup(layout, markup.text, -1)
        return finish(layout, key: key)
    }

    private func configure(_ layout: OpaquePointer, style: TextStyle, width: Double?, maxLines: Int?,
                           lineHeight: Double?) {
        pango_layout_set_font_description(layout, description(for: style.font))
        if let width {
            pango_layout_set_width(layout, Int32(max(1, width) * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        if let maxLines {
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(layout, Int32(-max(1, maxLines)))
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        if style.lineSpacing != 0 { pango_layout_set_spacing(layout, Int32(style.lineSpacing * Double(PANGO_SCALE))) }
        if let lineHeight {
            // Absolute line height: rows of a column layout land exactly on the table's grid.
            let list = pango_attr_list_new()
            pango_attr_list_insert(list, pango_attr_line_height_new_absolute(Int32(lineHeight * Double(PANGO_SCALE))))
            pango_layout_set_attributes(layout, list)
            pango_attr_list_unref(list)
        }
    }

    private func finish(_ layout: OpaquePointer, key: LayoutKey) -> TextBlock {
        let unknown = Int(pango_layout_get_unknown_glyphs_count(layout))
        let block = TextBlock(layout: layout, style: key.style)
        laidOut[key] = (block, unknown)
        count(unknown, sample: key.text)
        return block
    }

    /// A block laid out before with the same key; its missing glyphs count again, as they are
    /// drawn again.
    private func reuse(_ key: LayoutKey) -> TextBlock? {
        guard let hit = laidOut[key] else { return nil }
        count(hit.unknown, sample: key.text)
        return hit.block
    }

    private func count(_ unknown: Int, sample: String) {
        if unknown > 0 {
            unknownGlyphs += unknown
            if unknownSamples.count < 5 { unknownSamples.append(String(sample.prefix(60))) }
        }
    }

    /// Height of one line of `font` (with its CJK fallback, which is taller), for grids and
    /// row heights. Measured once per font.
    public func lineHeight(_ font: FontSpec) -> Double {
        if let h = lineHeights[font] { return h }
        let h = layout("Ag漢", style: TextStyle(font: font)).height
        lineHeights[font] = h
        return h
    }
}

/// Pango markup assembled from escaped pieces, so user text can never break the markup.
public struct Markup: Sendable {
    public private(set) var text = ""
    public init() {}
    public init(_ plain: String) { append(plain) }

    public static func escape(_ s: String) -> String {
        guard let p = g_markup_escape_text(s, -1) else { return "" }
        defer { briefing_free(p) }
        return String(cString: p)
    }

    public mutating func append(_ plain: String) { text += Markup.escape(plain) }
    public mutating func bold(_ plain: String) { text += "<b>" + Markup.escape(plain) + "</b>" }
    public mutating func italic(_ plain: String) { text += "<i>" + Markup.escape(plain) + "</i>" }
    public mutating func colored(_ plain: String, _ c: Color) {
        let hex = String(format: "#%02x%02x%02x", Int(c.red * 255), Int(c.green * 255), Int(c.blue * 255))
        text += "<span foreground=\"\(hex)\">" + Markup.escape(plain) + "</span>"
    }
    public mutating func small(_ plain: String) { text += "<small>" + Markup.escape(plain) + "</small>" }
}

import Foundation
