/// Axes: tick marks, tick labels and light grid lines, for counts and for time.
public enum Axis {
    /// A horizontal count axis along `y` (labels below), with vertical grid lines up to `gridTop`.
    public static func horizontalCounts(_ scale: LinearScale, y: Double, gridTop: Double?, on c: Canvas,
                                        style: DocumentStyle, ticks: Int = 5) {
        let st = style.label.with(color: style.colors.muted).with(alignment: .center)
        c.line(from: Point(scale.start, y), to: Point(scale.end, y), style.colors.muted, width: 0.6)
        for t in scale.ticks(ticks) {
            let x = scale(t)
            if let gridTop { c.line(from: Point(x, gridTop), to: Point(x, y), style.colors.rule, width: 0.3, dash: [1.5, 1.5]) }
            c.line(from: Point(x, y), to: Point(x, y + 3), style.colors.muted, width: 0.6)
            c.text(format(t), in: Rect(x: x - 20, y: y + 3.5, width: 40, height: 10), style: st, maxLines: 1)
        }
    }

    /// A vertical count axis along `x` (labels left), with horizontal grid lines to `gridRight`.
    public static func verticalCounts(_ scale: LinearScale, x: Double, gridRight: Double?, on c: Canvas,
                                      style: DocumentStyle, ticks: Int = 4) {
        let st = style.label.with(color: style.colors.muted).with(alignment: .right)
        c.line(from: Point(x, scale.start), to: Point(x, scale.end), style.colors.muted, width: 0.6)
        for t in scale.ticks(ticks) {
            let y = scale(t)
            if let gridRight { c.line(from: Point(x, y), to: Point(gridRight, y), style.colors.rule, width: 0.3, dash: [1.5, 1.5]) }
            c.line(from: Point(x - 3, y), to: Point(x, y), style.colors.muted, width: 0.6)
            c.text(format(t), in: Rect(x: x - 44, y: y - 5, width: 40, height: 10), style: st, maxLines: 1, vertical: .middle)
        }
    }

    /// A time axis along `y` with year or month ticks, grid lines up to `gridTop`.
    public static func time(_ scale: TimeScale, y: Double, gridTop: Double?, on c: Canvas, style: DocumentStyle) {
        let st = style.label.with(color: style.colors.muted).with(alignment: .center)
        let span = scale.scale.end - scale.scale.start
        let ticks = scale.ticks(maxCount: max(2, Int(span / 42)))
        c.line(from: Point(scale.scale.start, y), to: Point(scale.scale.end, y), style.colors.muted, width: 0.6)
        for (day, label) in ticks {
            let x = scale.x(day)
            if let gridTop { c.line(from: Point(x, gridTop), to: Point(x, y), style.colors.rule, width: 0.3, dash: [1.5, 1.5]) }
            c.line(from: Point(x, y), to: Point(x, y + 3), style.colors.muted, width: 0.6)
            c.text(label, in: Rect(x: x - 22, y: y + 3.5, width: 44, height: 10), style: st, maxLines: 1)
        }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
