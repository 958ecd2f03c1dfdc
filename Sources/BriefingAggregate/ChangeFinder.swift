import BriefingModel

/// What changed since a day: a pure function of a saved analysis (nothing is extracted again).
/// New commitments are those of meetings on or after `since`; a thread's trend is judged twice
/// by the thread rule, over the dated meetings before `since` and over those up to `through`;
/// topics compare their mentions in `[since, through]` with the equally long period before;
/// a participant met for the first time when no earlier meeting of the analysis had them.
public enum ChangeFinder {
    /// The lapse rule of exports that do not record theirs (the shipped commitments.yaml's).
    public static let defaultLapseAfterMeetings = 3

    /// `through` defaults to the analysis's last date (or `since` when it has none).
    public static func changes(in analysis: Analysis, since: CalendarDay, through: CalendarDay? = nil) -> ChangesSince {
        let end = max(through ?? analysis.summary.lastDate ?? since, since)
        let length = end.dayNumber - since.dayNumber + 1
        let earlierFrom = since.adding(days: -length)
        // Dated meetings up to the end, in the analysis's (date) order.
        let dated = analysis.meetings.filter { $0.date.map { $0 <= end } ?? false }
        var position: [String: Int] = [:]
        for (i, m) in dated.enumerated() { position[m.file] = i }
        let before = dated.firstIndex { $0.date! >= since } ?? dated.count

        var commitments: [ChangesSince.NewCommitment] = []
        for m in dated[before...] { for c in m.commitments { commitments.append(.init(date: m.date!, commitment: c)) } }

        let lapse = analysis.lapseAfterMeetings ?? defaultLapseAfterMeetings
        var changes: [ChangesSince.TrendChange] = []
        for t in analysis.threads {
            let occ = t.occurrences.filter { position[$0.file] != nil && $0.date != nil }
            let earlier = occ.filter { position[$0.file]! < before }
            guard let lastEarlier = earlier.last, let lastNow = occ.last else { continue }
            let was = ThreadBuilder.trend(earlier.map(\.strength), meetingsAfter: before - 1 - position[lastEarlier.file]!,
                                          lapseAfter: lapse)
            let now = ThreadBuilder.trend(occ.map(\.strength), meetingsAfter: dated.count - 1 - position[lastNow.file]!,
                                          lapseAfter: lapse)
            guard was != now, let change = change(from: was, to: now, madeSince: occ.count > earlier.count) else { continue }
            changes.append(.init(thread: t.id, label: t.label, topic: t.topic, change: change, before: was, after: now, latest: lastNow))
        }
        let order = ChangesSince.ThreadChange.allCases
        changes.sort { a, b in
            a.change != b.change ? order.firstIndex(of: a.change)! < order.firstIndex(of: b.change)!
                : (a.latest.date!, b.thread) > (b.latest.date!, a.thread)
        }
        return ChangesSince(since: since, through: end, earlierFrom: earlierFrom, newCommitments: commitments,
                            threadChanges: changes, topicShifts: topicShifts(analysis, from: earlierFrom, since: since, through: end),
                            firstMeetings: firstMeetings(dated, since: since))
    }

    /// The change a move between two trends is, if it is one the section reports.
    static func change(from was: CommitmentThread.Trend, to now: CommitmentThread.Trend, madeSince: Bool) -> ChangesSince.ThreadChange? {
        if now == .lapsed { return .lapsed }
        if was == .lapsed { return .renewed }
        if now == .strengthening { return .strengthened }
        if now == .weakening { return .weakened }
        // new -> recurring, or back to recurring: made again.
        return madeSince ? .renewed : nil
    }

    static func topicShifts(_ a: Analysis, from earlierFrom: CalendarDay, since: CalendarDay,
                            through: CalendarDay) -> [ChangesSince.TopicShift] {
        var before: [String: Int] = [:], after: [String: Int] = [:]
        for m in a.meetings {
            guard let d = m.date, d >= earlierFrom, d <= through else { continue }
            for t in m.topics {
                if d >= since { after[t.id, default: 0] += t.mentions } else { before[t.id, default: 0] += t.mentions }
            }
        }
        let ids = Set(before.keys).union(after.keys)
        let shifts = ids.compactMap { id -> ChangesSince.TopicShift? in
            let b = before[id] ?? 0, n = after[id] ?? 0
            return b == n ? nil : .init(topic: id, label: a.label(ofTopic: id), before: b, after: n)
        }
        return shifts.sorted { x, y in
            if x.rose != y.rose { return x.rose }
            let dx = abs(x.after - x.before), dy = abs(y.after - y.before)
            return dx != dy ? dx > dy : x.topic < y.topic
        }
    }

    static func firstMeetings(_ dated: [Meeting], since: CalendarDay) -> [ChangesSince.FirstMeeting] {
        var seen = Set<String>()
        var out: [ChangesSince.FirstMeeting] = []
        for m in dated {
            for p in m.participants where seen.insert(p.name).inserted {
                if m.date! >= since { out.append(.init(participant: p, date: m.date!, file: m.file)) }
            }
        }
        return out
    }
}
