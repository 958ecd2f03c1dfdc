/// The mark for a commitment's strength, shared by the timeline, tables and legends: size and
/// shade grow with strength, and "signed" is a diamond, so it reads in grayscale too.
public enum StrengthMark {
    public static func radius(_ strength: Int, scale: Double = 1) -> Double {
        (2.2 + 0.75 * Double(min(max(strength, 1), 4))) * scale
    }

    public static func draw(_ strength: Int, at p: Point, on canvas: Canvas, style: DocumentStyle, scale: Double = 1) {
        let r = radius(strength, scale: scale)
        let fill = style.strengthColor(strength)
        let edge = style.colors.strength[3]
        if strength >= 4 {
            canvas.diamond(center: p, radius: r * 1.2, fill: fill, stroke: edge)
        } else {
            canvas.circle(center: p, radius: r, fill: fill, stroke: edge, width: 0.5)
        }
    }
}
