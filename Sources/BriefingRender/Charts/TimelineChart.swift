import BriefingModel

/// The commitment timeline: one lane per thread, a mark at each meeting that made it (size,
/// shade and shape by strength), joined along the lane. Lanes share one time axis, so a
/// timeline split over pages lines up.
public struct TimelineChart: Sendable {
    public struct Lane: Sendable {
        public var id: String
        public var label: String
        public var trend: String
        /// (day number, strength), in date order.
        public var marks: [(day: Int, strength: Int)]
        public var occurrences: Int
    }

    public var lanes: [Lane]
    public var firstDay: Int
    public var lastDay: Int
    /// Threads not drawn (beyond the layout's limit, or with no dated occurrence).
    public var omitted: Int

    public init(threads: [CommitmentThread], limit: Int) {
        let drawable = threads.filter { $0.occurrences.contains { $0.date != nil } }
        let shown = drawable.prefix(max(0, limit))
        lanes = shown.map { t in
            Lane(id: t.id, label: t.label, trend: t.trend.rawValue,
                 marks: t.occurrences.compactMap { o in o.date.map { ($0.dayNumber, o.strength.rawValue) } },
                 occurrences: t.occurrences.count)
        }
        omitted = threads.count - lanes.count
        let days = lanes.flatMap { $0.marks.map(\.day) }
        firstDay = days.min() ?? 0
        lastDay = days.max() ?? 0
    }

    static let laneHeight = 15.0
    static let chrome = 40.0

    public func height(lanes n: Int) -> Double { Double(max(n, 1)) * Self.laneHeight + Self.chrome }

    /// Draws lanes `range` (all by default) in `frame`; `lane` is told each drawn lane's
    /// position in `range` and its rectangle (for a link).
    public func draw(in frame: Rect, on c: Canvas, style: DocumentStyle, lanes range: Range<Int>? = nil,
                     lane laneDrawn: ((Int, Rect) -> Void)? = nil) {
        let range = range ?? 0..<lanes.count
        let legendH = Legend.draw(Legend.strengthItems, in: Rect(x: frame.x, y: frame.y, width: frame.width, height: 14),
                                  on: c, style: style)
        guard !range.isEmpty else {
            c.text("No commitment threads in this period.", in: frame.inset(top: legendH + 4), style: style.caption)
            return
        }
        let labelWidth = min(frame.width * 0.34, 190)
        let trendWidth = 62.0
        let plotLeft = frame.x + labelWidth + 6
        let plotRight = frame.maxX - trendWidth - 6
        let top = frame.y + legendH + 6
        let bottom = top + Double(range.count) * Self.laneHeight
        let time = TimeScale(first: firstDay, last: lastDay, range: plotLeft...plotRight)
        Axis.time(time, y: bottom + 2, gridTop: top, on: c, style: style)
        let trendStyle = style.label.with(color: style.colors.muted).italic
        for (k, i) in range.enumerated() {
            let lane = lanes[i]
            let y = top + Double(k) * Self.laneHeight
            let mid = y + Self.laneHeight / 2
            if k % 2 == 1 { c.fill(Rect(x: frame.x, y: y, width: frame.width, height: Self.laneHeight), style.colors.stripe) }
            laneDrawn?(k, Rect(x: frame.x, y: y, width: frame.width, height: Self.laneHeight))
            c.text(lane.label, in: Rect(x: frame.x, y: y, width: labelWidth, height: Self.laneHeight),
                   style: style.label.with(alignment: .right), maxLines: 1, vertical: .middle)
            c.text(lane.trend, in: Rect(x: plotRight + 8, y: y, width: trendWidth, height: Self.laneHeight),
                   style: trendStyle, maxLines: 1, vertical: .middle)
            // One mark per bin (the strongest); a lane made at hundreds of meetings gets wider
            // bins and smaller marks, so it reads as marks rather than a solid bar.
            let dense = lane.marks.count > Int((plotRight - plotLeft) / 8)
            let binWidth = dense ? 6.0 : 2.0
            var bins: [(x: Double, strength: Int)] = []
            for m in lane.marks {
                let x = time.x(m.day)
                if let last = bins.last, x - last.x < binWidth {
                    if m.strength > last.strength { bins[bins.count - 1].strength = m.strength }
                } else {
                    bins.append((x, m.strength))
                }
            }
            if bins.count > 1 {
                c.line(from: Point(bins.first!.x, mid), to: Point(bins.last!.x, mid), style.colors.strength[2], width: 1.1)
            }
            for b in bins { StrengthMark.draw(b.strength, at: Point(b.x, mid), on: c, style: style, scale: dense ? 0.6 : 1) }
        }
    }
}
