import BriefingModel

/// Topic × meeting heat map in date order: shade is the topic's mentions at that meeting.
/// With more meetings than columns allow, meetings are grouped by month, quarter or year.
public struct HeatMapChart: Sendable {
    public struct Column: Sendable {
        public var label: String
        public var firstDay: Int
        /// Mentions per row (topic), summed over the column's meetings.
        public var values: [Int]
        public var meetings: Int
    }

    public var rows: [(id: String, label: String)]
    public var columns: [Column]
    /// nil when each column is one meeting; else "month", "quarter" or "year".
    public var grouping: String?
    public var undated: Int

    public init(analysis: Analysis, maxColumns: Int, topicLimit: Int? = nil) {
        let topics = analysis.topics.sorted { ($0.mentions, $1.id) > ($1.mentions, $0.id) }.prefix(topicLimit ?? Int.max)
        rows = topics.map { ($0.id, $0.label) }
        let index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        // Indices of dated meetings in date order (the analysis is already in date order; kept
        // stable for any other), so 50,000 meetings are never copied.
        let all = analysis.meetings
        var order = all.indices.filter { all[$0].date != nil }
        order.sort { a, b in
            let da = all[a].date!.dayNumber, db = all[b].date!.dayNumber
            return da != db ? da < db : (all[a].file, a) < (all[b].file, b)
        }
        undated = all.count - order.count
        func values(_ ms: some Sequence<Int>) -> [Int] {
            var v = Array(repeating: 0, count: index.count)
            for m in ms { for t in all[m].topics { if let i = index[t.id] { v[i] += t.mentions } } }
            return v
        }
        if order.count <= max(1, maxColumns) {
            grouping = nil
            columns = order.map { Column(label: all[$0].date!.description, firstDay: all[$0].date!.dayNumber, values: values([$0]), meetings: 1) }
            return
        }
        let groupings: [(String, (CalendarDay) -> String)] = [
            ("month", { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" }),
            ("quarter", { "\($0.year) Q\(($0.month - 1) / 3 + 1)" }),
            ("year", { String($0.year) }),
        ]
        var chosen = groupings[2]
        // Month, quarter and year keys change only with the month: count distinct months.
        for g in groupings {
            var keys = Set<String>()
            var lastMonth = -1
            for m in order {
                let d = all[m].date!
                if d.year * 12 + d.month == lastMonth { continue }
                lastMonth = d.year * 12 + d.month
                keys.insert(g.1(d))
                if keys.count > maxColumns { break }
            }
            if keys.count <= maxColumns { chosen = g; break }
        }
        grouping = chosen.0
        var cols: [Column] = []
        var current: [Int] = []
        var key = ""
        for m in order {
            let k = chosen.1(all[m].date!)
            if k != key, !current.isEmpty {
                cols.append(Column(label: key, firstDay: all[current[0]].date!.dayNumber, values: values(current), meetings: current.count))
                current = []
            }
            key = k
            current.append(m)
        }
        if !current.isEmpty {
            cols.append(Column(label: key, firstDay: all[current[0]].date!.dayNumber, values: values(current), meetings: current.count))
        }
        columns = cols
    }

    public var caption: String {
        var s = grouping.map { "Columns are \($0)s (\(columns.count)), each summing its meetings' mentions" }
            ?? "One column per meeting (\(columns.count)), in date order"
        if undated > 0 { s += "; \(undated) undated meeting\(undated == 1 ? "" : "s") not shown" }
        return s + "."
    }

    static let rowHeight = 13.0
    /// How much smaller than labels the counts in the cells are.
    static let numberShrink = 1.5

    public func height(width: Double) -> Double { Double(max(rows.count, 1)) * Self.rowHeight + 36 }

    public func draw(in frame: Rect, on c: Canvas, style: DocumentStyle) {
        guard !rows.isEmpty, !columns.isEmpty else {
            c.text("No dated meetings with topics in this period.", in: frame, style: style.caption)
            return
        }
        let maxValue = columns.flatMap(\.values).max() ?? 1
        // Legend: a stepped ramp with its end values.
        let legendY = frame.y
        c.text("mentions", in: Rect(x: frame.x, y: legendY, width: 50, height: 12), style: style.label, maxLines: 1)
        let steps = 6
        for s in 0..<steps {
            let t = Double(s) / Double(steps - 1)
            let r = Rect(x: frame.x + 50 + Double(s) * 14, y: legendY + 2, width: 14, height: 8)
            c.fill(r, style.colors.heatLow.mixed(with: style.colors.heatHigh, t))
        }
        c.stroke(Rect(x: frame.x + 50, y: legendY + 2, width: Double(steps) * 14, height: 8), style.colors.muted, width: 0.3)
        c.text("0 – \(maxValue)", in: Rect(x: frame.x + 54 + Double(steps) * 14, y: legendY, width: 80, height: 12),
               style: style.label, maxLines: 1)

        let labelWidth = min(frame.width * 0.3, (rows.map { c.text.layout($0.label, style: style.label).width }.max() ?? 60) + 8)
        let gridTop = frame.y + 18
        let gridLeft = frame.x + labelWidth
        let gridWidth = frame.maxX - gridLeft
        let rowH = Self.rowHeight
        let cellW = min(gridWidth / Double(columns.count), 60)
        let numbers = cellW >= 13
        let numberStyle = style.chartNumber(smallerBy: HeatMapChart.numberShrink)
        for (r, row) in rows.enumerated() {
            let y = gridTop + Double(r) * rowH
            c.text(row.label, in: Rect(x: frame.x, y: y, width: labelWidth - 6, height: rowH),
                   style: style.label.with(alignment: .right), maxLines: 1, vertical: .middle)
            for (k, col) in columns.enumerated() {
                let v = col.values[r]
                let cell = Rect(x: gridLeft + Double(k) * cellW, y: y, width: cellW, height: rowH)
                let t = v == 0 ? 0 : 0.15 + 0.85 * Double(v) / Double(max(maxValue, 1))
                let fill = style.colors.heatLow.mixed(with: style.colors.heatHigh, t)
                c.fill(cell, fill)
                if numbers, v > 0 {
                    c.text(String(v), in: cell, style: numberStyle.with(color: fill.readableInk), maxLines: 1, vertical: .middle)
                }
            }
        }
        let gridBottom = gridTop + Double(rows.count) * rowH
        let used = cellW * Double(columns.count)
        // Thin white separators keep neighbouring equal cells apart.
        if cellW >= 4 {
            for k in 1..<max(1, columns.count) {
                let x = gridLeft + Double(k) * cellW
                c.line(from: Point(x, gridTop), to: Point(x, gridBottom), .white, width: 0.4)
            }
        }
        c.stroke(Rect(x: gridLeft, y: gridTop, width: used, height: gridBottom - gridTop), style.colors.muted, width: 0.4)
        // Column labels: every column when there is room, otherwise at each new year.
        let labelStyle = style.label.with(color: style.colors.muted)
        if cellW >= 44 {
            for (k, col) in columns.enumerated() {
                c.text(col.label, in: Rect(x: gridLeft + Double(k) * cellW, y: gridBottom + 3, width: cellW, height: 11),
                       style: labelStyle.with(alignment: .center), maxLines: 1)
            }
        } else {
            var lastX = -1000.0, lastYear = ""
            for (k, col) in columns.enumerated() {
                let year = String(col.label.prefix(4))
                guard year != lastYear else { continue }
                lastYear = year
                let x = gridLeft + Double(k) * cellW
                guard x - lastX >= 30 else { continue }
                c.line(from: Point(x, gridBottom), to: Point(x, gridBottom + 3), style.colors.muted, width: 0.5)
                c.text(year, in: Rect(x: x, y: gridBottom + 3, width: 30, height: 11), style: labelStyle, maxLines: 1)
                lastX = x
            }
        }
    }
}
