/// The text styles of a document, derived from a layout's fonts and colours so that every
/// block of one document agrees.
public struct DocumentStyle: Sendable {
    public let layout: Layout
    public let body: TextStyle
    public let small: TextStyle
    public let caption: TextStyle
    public let tableHeader: TextStyle
    public let tableCell: TextStyle
    public let h1: TextStyle
    public let h2: TextStyle
    public let h3: TextStyle
    public let label: TextStyle

    public init(layout: Layout) {
        self.layout = layout
        let s = layout.fonts.size
        let c = layout.colors
        let serif = FontSpec(families: layout.fonts.body, size: s)
        let sans = FontSpec(families: layout.fonts.heading, size: s)
        body = TextStyle(font: serif, color: c.ink, lineSpacing: s * 0.18)
        small = TextStyle(font: serif.sized(s - 1), color: c.ink)
        caption = TextStyle(font: sans.sized(s - 1.5).italicised, color: c.muted)
        tableHeader = TextStyle(font: sans.sized(s - 1.5).boldened, color: c.ink)
        tableCell = TextStyle(font: sans.sized(s - 1.5), color: c.ink)
        h1 = TextStyle(font: sans.sized(s * 1.9).boldened, color: c.accent)
        h2 = TextStyle(font: sans.sized(s * 1.35).boldened, color: c.ink)
        h3 = TextStyle(font: sans.sized(s * 1.1).boldened, color: c.ink)
        label = TextStyle(font: sans.sized(s - 1.5), color: c.ink)
    }

    public var colors: Layout.Colors { layout.colors }

    /// Every style a book or brief may set text in (for `FontWarmup`).
    public var allStyles: [TextStyle] { [body, body.bold, small, caption, tableHeader, tableCell, h1, h2, h3, label] }

    /// The running header and footer.
    public var chrome: TextStyle {
        TextStyle(font: FontSpec(families: layout.fonts.heading, size: max(6.5, layout.fonts.size - 2)), color: colors.muted)
    }

    /// Numbers set on a chart's bars and cells: labels `points` smaller, centred.
    public func chartNumber(smallerBy points: Double) -> TextStyle {
        label.with(size: max(5.5, label.font.size - points)).with(alignment: .center)
    }

    public func strengthColor(_ strength: Int) -> Color {
        colors.strength[min(max(strength, 1), 4) - 1]
    }
}
