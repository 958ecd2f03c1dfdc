import CCairo

/// The first line set in a style costs 4 to 30 ms: fontconfig sorts every installed font
/// against the family list, and FreeType and HarfBuzz load the faces. That is as long as
/// drawing a whole chart. Pango keeps what it found in the calling thread's default font map,
/// so setting one line per style, on the thread that draws next, does that work up front; the
/// commands do it while another thread reads the analysis.
public enum FontWarmup {
    /// Sets a line in each of `styles` on a small surface of the kind the document will be
    /// drawn on (cairo's font options, and so Pango's font cache keys, depend on it).
    public static func warm(_ styles: [TextStyle], for format: ChartExporter.Format) {
        warm(styles, on: TextEngine.forSurfaces(format))
    }

    /// Sets a line in each of `styles` with `engine`.
    public static func warm(_ styles: [TextStyle], on engine: TextEngine) {
        var seen = Set<FontSpec>()
        for style in styles where seen.insert(style.font).inserted {
            _ = engine.layout("Ag 0123456789", style: style)
        }
    }
}

extension TextEngine {
    /// An engine for text drawn on surfaces of `format` at `scale` (user units to device
    /// units), made on a throwaway surface of that kind: Pango takes the font options and the
    /// transformation from the context it is made for, not the context it later draws on.
    public static func forSurfaces(_ format: ChartExporter.Format, scale: Double = 1) -> TextEngine {
        let surface: OpaquePointer?
        switch format {
        case .pdf: surface = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 64, 64)
        case .svg: surface = cairo_svg_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 64, 64)
        case .png: surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64)
        }
        let cr = cairo_create(surface)!
        defer {
            cairo_destroy(cr)
            // Finishing writes nothing anywhere; it releases the surface's font subsets now.
            cairo_surface_finish(surface)
            cairo_surface_destroy(surface)
        }
        cairo_scale(cr, scale, scale)
        return TextEngine(context: cr)
    }
}
