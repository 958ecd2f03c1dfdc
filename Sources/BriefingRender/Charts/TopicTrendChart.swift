import BriefingModel

/// One topic over time: mentions and meetings per year, as paired bars with their counts.
public struct TopicTrendChart: Sendable {
    /// How much smaller than labels the counts over the bars are.
    static let valueShrink = 1.0
    public var id: String
    public var label: String
    public var years: [TopicFrequency.YearCount]

    public init(topic: TopicFrequency) {
        id = topic.id
        label = topic.label
        // Fill gaps so a quiet year shows as zero, not as missing.
        let byYear = Dictionary(topic.byYear.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        if let lo = byYear.keys.min(), let hi = byYear.keys.max() {
            years = (lo...hi).map { byYear[$0] ?? .init(year: $0, mentions: 0, meetings: 0) }
        } else {
            years = []
        }
    }

    public func height(width: Double) -> Double { 150 }

    public func draw(in frame: Rect, on c: Canvas, style: DocumentStyle) {
        let (mentionsColor, meetingsColor, legendH) = Legend.mentionsAndMeetings("mentions per year", "meetings per year",
                                                                                  in: frame, on: c, style: style)
        guard !years.isEmpty else {
            c.text("No dated mentions of \(label).", in: frame.inset(top: legendH + 4), style: style.caption)
            return
        }
        let plotTop = frame.y + legendH + 14
        let plotBottom = frame.maxY - 16
        let left = frame.x + 34
        let scale = LinearScale.counts(upTo: years.map { max($0.mentions, $0.meetings) }.max() ?? 1,
                                       from: plotBottom, to: plotTop)
        Axis.verticalCounts(scale, x: left, gridRight: frame.maxX, on: c, style: style)
        let groupW = (frame.maxX - left - 4) / Double(years.count)
        let barW = min(18, groupW * 0.36)
        let showValues = groupW >= 16
        let labelEvery = max(1, Int((30 / groupW).rounded(.up)))
        let valueStyle = style.chartNumber(smallerBy: TopicTrendChart.valueShrink)
        for (i, y) in years.enumerated() {
            let gx = left + 4 + Double(i) * groupW + groupW / 2
            let m = Rect(x: gx - barW, y: scale(Double(y.mentions)), width: barW, height: plotBottom - scale(Double(y.mentions)))
            let g = Rect(x: gx, y: scale(Double(y.meetings)), width: barW, height: plotBottom - scale(Double(y.meetings)))
            c.fill(m, mentionsColor)
            c.fill(g, meetingsColor.mixed(with: .white, 0.6))
            c.hatch(g, meetingsColor)
            c.stroke(g, meetingsColor, width: 0.4)
            if showValues, y.mentions > 0 {
                c.text(String(y.mentions), in: Rect(x: m.midX - 15, y: m.y - 10, width: 30, height: 10), style: valueStyle, maxLines: 1)
            }
            if showValues, y.meetings > 0 {
                c.text(String(y.meetings), in: Rect(x: g.midX - 15, y: g.y - 10, width: 30, height: 10),
                       style: valueStyle.with(color: style.colors.muted), maxLines: 1)
            }
            if i % labelEvery == 0 {
                c.text(String(y.year), in: Rect(x: gx - 20, y: plotBottom + 3, width: 40, height: 11),
                       style: style.label.with(color: style.colors.muted).with(alignment: .center), maxLines: 1)
            }
        }
        c.line(from: Point(left, plotBottom), to: Point(frame.maxX, plotBottom), style.colors.muted, width: 0.6)
    }
}
