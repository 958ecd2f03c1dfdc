/// A legend: swatches with labels, laid out left to right and wrapped.
public enum Legend {
    public enum Swatch {
        case fill(Color)
        case hatch(Color)
        case strength(Int)
        case line(Color)
    }

    public struct Item {
        public var label: String
        public var swatch: Swatch
        public init(_ label: String, _ swatch: Swatch) {
            self.label = label
            self.swatch = swatch
        }
    }

    /// Height `draw` will use for `items` in `width`.
    public static func height(_ items: [Item], width: Double, on c: Canvas, style: DocumentStyle) -> Double {
        let rows = layoutRows(items, width: width, on: c, style: style)
        return Double(rows) * 13
    }

    /// The paired series of the topic charts: mentions (solid) and meetings (hatched), with
    /// their legend drawn along the top of `frame`. Returns the colours and the legend's height.
    public static func mentionsAndMeetings(_ mentions: String, _ meetings: String, in frame: Rect, on c: Canvas,
                                           style: DocumentStyle) -> (mentions: Color, meetings: Color, height: Double) {
        let mentionsColor = style.colors.series[0]
        let meetingsColor = style.colors.series.count > 1 ? style.colors.series[1] : style.colors.accent
        let height = draw([Item(mentions, .fill(mentionsColor)), Item(meetings, .hatch(meetingsColor))],
                          in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 14), on: c, style: style)
        return (mentionsColor, meetingsColor, height)
    }

    @discardableResult
    public static func draw(_ items: [Item], in rect: Rect, on c: Canvas, style: DocumentStyle) -> Double {
        var x = rect.x, y = rect.y
        let st = style.label
        for item in items {
            let block = c.text.layout(item.label, style: st)
            let w = 14 + block.width + 12
            if x + w > rect.maxX, x > rect.x { x = rect.x; y += 13 }
            let box = Rect(x: x, y: y + 2, width: 10, height: 8)
            switch item.swatch {
            case .fill(let color): c.fill(box, color); c.stroke(box, style.colors.muted, width: 0.3)
            case .hatch(let color):
                c.fill(box, color.mixed(with: .white, 0.6)); c.hatch(box, color); c.stroke(box, color, width: 0.5)
            case .strength(let s): StrengthMark.draw(s, at: Point(box.midX, box.midY), on: c, style: style)
            case .line(let color): c.line(from: Point(box.x, box.midY), to: Point(box.maxX, box.midY), color, width: 1.5)
            }
            c.draw(block, at: Point(x + 14, y + (12 - block.height) / 2))
            x += w
        }
        return y + 13 - rect.y
    }

    private static func layoutRows(_ items: [Item], width: Double, on c: Canvas, style: DocumentStyle) -> Int {
        var x = 0.0, rows = items.isEmpty ? 0 : 1
        for item in items {
            let w = 14 + c.text.layout(item.label, style: style.label).width + 12
            if x + w > width, x > 0 { x = 0; rows += 1 }
            x += w
        }
        return rows
    }

    public static var strengthItems: [Item] {
        [Item("1 shared view", .strength(1)), Item("2 confirmed", .strength(2)),
         Item("3 agreed", .strength(3)), Item("4 signed", .strength(4))]
    }
}
