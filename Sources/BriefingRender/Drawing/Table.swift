/// A table: column headings, rows of cells. The composer breaks it across pages, repeating
/// the header; `Table.Column.wrap == false` columns stay on one line and end in an ellipsis.
public struct Table {
    public struct Column {
        public var title: String
        /// Share of the table's width (weights, normalised).
        public var weight: Double
        public var alignment: TextAlignment
        /// Wrap to several lines (up to `maxLines`); otherwise one line, ellipsised.
        public var wrap: Bool
        public var maxLines: Int

        public init(_ title: String, weight: Double, alignment: TextAlignment = .left, wrap: Bool = false,
                    maxLines: Int = 8) {
            self.title = title
            self.weight = weight
            self.alignment = alignment
            self.wrap = wrap
            self.maxLines = maxLines
        }
    }

    /// A cell's text, and optionally a commitment strength drawn as a marker before it.
    public struct Cell: ExpressibleByStringLiteral {
        public var text: String
        public var strength: Int?
        public init(_ text: String, strength: Int? = nil) {
            self.text = text
            self.strength = strength
        }
        public init(stringLiteral value: String) { self.init(value) }
    }

    public var columns: [Column]
    public var rows: [[Cell]]
    /// Said under the table (e.g. "Showing 30 of 212").
    public var note: String?
    /// Per row: the named destination the whole row links to, if any.
    public var links: [String?] = []
    /// Per row: a named destination placed at the row (for a link back to it), if any.
    public var anchors: [String?] = []

    public init(columns: [Column], rows: [[Cell]], note: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    public var isSingleLine: Bool { !columns.contains(where: \.wrap) }

    /// Column frames' x offsets and widths inside `width`.
    func columnSpans(width: Double) -> [(x: Double, width: Double)] {
        let total = columns.reduce(0) { $0 + $1.weight }
        var x = 0.0
        return columns.map { c in
            let w = width * c.weight / max(total, 0.0001)
            defer { x += w }
            return (x, w)
        }
    }
}
