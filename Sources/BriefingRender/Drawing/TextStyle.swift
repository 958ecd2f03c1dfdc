/// A font as Pango is asked for it: a family list with explicit fallbacks (so Canadian names
/// find a CJK face whatever the locale), a size in points, weight and slant.
public struct FontSpec: Hashable, Sendable {
    public var families: String
    public var size: Double
    public var bold: Bool
    public var italic: Bool

    public init(families: String, size: Double, bold: Bool = false, italic: Bool = false) {
        self.families = families
        self.size = size
        self.bold = bold
        self.italic = italic
    }

    public func sized(_ s: Double) -> FontSpec { var f = self; f.size = s; return f }
    public var boldened: FontSpec { var f = self; f.bold = true; return f }
    public var italicised: FontSpec { var f = self; f.italic = true; return f }
}

public enum TextAlignment: Sendable { case left, center, right, justify }

/// How a run of text looks: font, colour, alignment, extra line spacing (points).
public struct TextStyle: Hashable, Sendable {
    public var font: FontSpec
    public var color: Color
    public var alignment: TextAlignment
    public var lineSpacing: Double

    public init(font: FontSpec, color: Color = .black, alignment: TextAlignment = .left,
                lineSpacing: Double = 0) {
        self.font = font
        self.color = color
        self.alignment = alignment
        self.lineSpacing = lineSpacing
    }

    public func with(color: Color) -> TextStyle { var s = self; s.color = color; return s }
    public func with(alignment: TextAlignment) -> TextStyle { var s = self; s.alignment = alignment; return s }
    public func with(size: Double) -> TextStyle { var s = self; s.font.size = size; return s }
    public var bold: TextStyle { var s = self; s.font.bold = true; return s }
    public var italic: TextStyle { var s = self; s.font.italic = true; return s }
}
