import BriefingModel

/// The brief's "Since DATE" lines: counts on one line, then the top `lines` of each list, one
/// line each (the brief's budget cuts them first when the page is full).
extension BriefRenderer {
    func composeSince(_ changes: ChangesSince, analysis: Analysis, lines n: Int, style: DocumentStyle, into c: Composer) {
        let words = SinceLines(changes: changes, analysis: analysis)
        c.heading(words.title, level: 3, inOutline: false, keepWith: 0)
        var m = Markup()
        m.bold(words.commitmentsCount)
        m.append("  ·  threads: " + words.trendCounts)
        let rose = changes.topicShifts.filter(\.rose).count, fell = changes.topicShifts.count - rose
        m.append("  ·  topics: \(rose) rose, \(fell) fell  ·  \(changes.firstMeetings.count == 1 ? "1 person" : "\(changes.firstMeetings.count) people") met for the first time")
        c.paragraph(markup: m, style: style.small, spaceAfter: 2, maxLines: 2)
        guard n > 0 else { c.space(3); return }
        var items: [String] = []
        items += words.strongestCommitments.prefix(n).map(words.line)
        items += changes.threadChanges.prefix(n).map(words.line)
        let shifts = Array(changes.topicShifts.filter(\.rose).prefix(n)) + Array(changes.topicShifts.filter { !$0.rose }.prefix(n))
        if !shifts.isEmpty { items.append("Topics: " + shifts.map(words.line).joined(separator: "; ")) }
        if !changes.firstMeetings.isEmpty {
            let people = changes.firstMeetings.prefix(n).map(words.line).joined(separator: "; ")
            let more = changes.firstMeetings.count > n ? "; and \(changes.firstMeetings.count - n) more" : ""
            items.append("First met: " + people + more)
        }
        for item in items { c.paragraph("•  " + item, style: style.small, spaceAfter: 1, maxLines: 1, indent: 4) }
        c.space(4)
    }
}
