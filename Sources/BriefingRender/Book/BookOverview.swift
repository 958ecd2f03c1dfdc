import BriefingModel

/// Topic overview (frequency chart, counts table, heat map) and the commitment timeline.
extension BookComposition {
    func topicOverview(_ c: Composer) {
        c.newPage(section: "Topic overview")
        c.heading("Topic overview", level: 1, anchor: "overview")
        let freq = TopicFrequencyChart(analysis: analysis)
        let st = style
        c.heading("How often each topic came up", level: 2, anchor: "overview-frequency",
                  keepWith: min(freq.height(width: c.body.width), 300))
        c.place(height: freq.height(width: c.body.width), spaceAfter: 4) { canvas, frame in freq.draw(in: frame, on: canvas, style: st) }
        c.paragraph("Mentions count the statements a topic's rules matched; meetings count the meetings with at least one.",
                    style: style.caption, spaceAfter: 8)
        c.table(Table(columns: [.init("Topic", weight: 3), .init("Mentions", weight: 1, alignment: .right),
                                .init("Meetings", weight: 1, alignment: .right), .init("Commitments", weight: 1.2, alignment: .right),
                                .init("First", weight: 1.2), .init("Last", weight: 1.2)],
                      rows: analysis.topics.map { t in
                          [.init(t.label), .init(String(t.mentions)), .init(String(t.meetings)), .init(String(t.commitments)),
                           .init(Self.day(t.firstDate)), .init(Self.day(t.lastDate))]
                      }))
        let heat = HeatMapChart(analysis: analysis, maxColumns: max(1, limits.heatmapColumns))
        let heatHeight = heat.columns.isEmpty ? 0 : heat.height(width: c.body.width)
        c.heading("Topics meeting by meeting", level: 2, anchor: "overview-heatmap", keepWith: heatHeight)
        if heat.columns.isEmpty {
            c.paragraph("No dated meetings with topics in this period.", style: style.caption, spaceAfter: 8)
        } else {
            c.place(height: heatHeight, spaceAfter: 2) { canvas, frame in heat.draw(in: frame, on: canvas, style: st) }
            c.paragraph(heat.caption, style: style.caption, spaceAfter: 8)
        }
    }

    func timeline(_ c: Composer) {
        c.newPage(section: "Commitment timeline")
        c.heading("Commitment timeline", level: 1, anchor: "timeline")
        let chart = TimelineChart(threads: analysis.threads, limit: limits.timelineThreads)
        var note = "One lane per commitment thread, most often made first; a mark at each meeting that made it, "
            + "larger and darker when stronger (a diamond when signed). The trend is at the right of each lane."
        if chart.omitted > 0 {
            note += " Showing the \(chart.lanes.count) most often made of \(analysis.threads.count) threads; "
                + "the rest are in each topic's section."
        }
        c.paragraph(note, style: style.caption, spaceAfter: 6)
        let byID = Dictionary(analysis.threads.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let laneTargets = chart.lanes.map { lane in byID[lane.id]?.occurrences.last.flatMap { sourceLink($0.file, $0.statement) } }
        let perPage = max(1, limits.timelineLanesPerPage)
        var start = 0
        let st = style
        repeat {
            let end = min(chart.lanes.count, start + perPage)
            var range = start..<end
            // Shrink the chunk to what fits on this page rather than leave a gap.
            let fit = Int((c.remaining - TimelineChart.chrome) / TimelineChart.laneHeight)
            if !c.atTop, fit >= 5, fit < range.count { range = start..<(start + fit) }
            let h = chart.height(lanes: range.count)
            // Each lane links to its thread's latest sentence in Sources.
            let targets = range.map { laneTargets[$0] }
            if targets.contains(where: { $0 != nil }) { c.usesLinks = true }
            c.place(height: h, spaceAfter: 6) { canvas, frame in
                chart.draw(in: frame, on: canvas, style: st, lanes: range) { k, rect in
                    if let dest = targets[k] { canvas.link(to: dest, rect: rect) }
                }
            }
            start = range.upperBound
        } while start < chart.lanes.count
    }
}
