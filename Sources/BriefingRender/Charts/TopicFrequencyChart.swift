import BriefingModel

/// Mentions and meetings per topic, as horizontal bars sorted by mentions, each labelled
/// with its count.
public struct TopicFrequencyChart: Sendable {
    public struct Bar: Sendable {
        public var id: String
        public var label: String
        public var mentions: Int
        public var meetings: Int
    }

    public var bars: [Bar]

    public init(bars: [Bar]) { self.bars = bars }

    public init(analysis: Analysis, limit: Int? = nil) {
        let sorted = analysis.topics.sorted { ($0.mentions, $0.meetings, $1.id) > ($1.mentions, $1.meetings, $0.id) }
        bars = sorted.prefix(limit ?? sorted.count).map {
            Bar(id: $0.id, label: $0.label, mentions: $0.mentions, meetings: $0.meetings)
        }
    }

    static let rowHeight = 20.0

    public func height(width: Double) -> Double { Double(max(bars.count, 1)) * Self.rowHeight + 42 }

    public func draw(in frame: Rect, on c: Canvas, style: DocumentStyle) {
        let (mentionsColor, meetingsColor, legendHeight) = Legend.mentionsAndMeetings("mentions (statements)", "meetings",
                                                                                       in: frame, on: c, style: style)
        guard !bars.isEmpty else {
            c.text("No topics were found in this period.", in: frame.inset(top: legendHeight + 4), style: style.caption)
            return
        }
        let labelWidth = min(frame.width * 0.34, (bars.map { c.text.layout($0.label, style: style.label).width }.max() ?? 60) + 8)
        let plotTop = frame.y + legendHeight + 6
        let plotBottom = frame.maxY - 16
        let valueRoom = 30.0
        let scale = LinearScale.counts(upTo: bars.map { max($0.mentions, $0.meetings) }.max() ?? 1,
                                       range: (frame.x + labelWidth)...(frame.maxX - valueRoom))
        Axis.horizontalCounts(scale, y: plotBottom, gridTop: plotTop, on: c, style: style)
        let rowH = (plotBottom - plotTop) / Double(bars.count)
        let valueStyle = style.label
        for (i, bar) in bars.enumerated() {
            let top = plotTop + Double(i) * rowH
            c.text(bar.label, in: Rect(x: frame.x, y: top, width: labelWidth - 6, height: rowH),
                   style: style.label.with(alignment: .right), maxLines: 1, vertical: .middle)
            let barH = min(7.0, rowH * 0.36)
            let x0 = scale(0)
            let m = Rect(x: x0, y: top + rowH / 2 - barH - 0.5, width: scale(Double(bar.mentions)) - x0, height: barH)
            let g = Rect(x: x0, y: top + rowH / 2 + 0.5, width: scale(Double(bar.meetings)) - x0, height: barH)
            c.fill(m, mentionsColor)
            c.fill(g, meetingsColor.mixed(with: .white, 0.6))
            c.hatch(g, meetingsColor)
            c.stroke(g, meetingsColor, width: 0.4)
            c.text(String(bar.mentions), in: Rect(x: m.maxX + 3, y: m.midY - 5, width: valueRoom, height: 10),
                   style: valueStyle, maxLines: 1, vertical: .middle)
            c.text(String(bar.meetings), in: Rect(x: g.maxX + 3, y: g.midY - 5, width: valueRoom, height: 10),
                   style: valueStyle.with(color: style.colors.muted), maxLines: 1, vertical: .middle)
        }
    }
}
