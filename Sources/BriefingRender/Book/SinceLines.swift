import BriefingModel

/// The "Since DATE" section's words, shared by the book and the brief: its title, what it
/// compares, and one line per item of each list.
struct SinceLines {
    let changes: ChangesSince
    let analysis: Analysis

    var title: String { "Since \(changes.since)" }

    /// What is compared with what.
    var scope: String {
        let dayBefore = changes.since.adding(days: -1)
        return "From \(changes.since) to \(changes.through): commitments made, threads whose trend moved between "
            + "\(dayBefore) and \(changes.through), topics' mentions against the \(Self.days(changes)) days before "
            + "(\(changes.earlierFrom) – \(dayBefore)), and people at their first meeting in the analysis."
    }

    static func days(_ c: ChangesSince) -> Int { c.through.dayNumber - c.since.dayNumber + 1 }

    func actor(_ a: String) -> String { analysis.relationship?.label(ofActor: a) ?? a }

    /// "3 new commitments (1 agreed, 2 confirmed)".
    var commitmentsCount: String {
        var by: [Commitment.Strength: Int] = [:]
        for n in changes.newCommitments { by[n.commitment.strength, default: 0] += 1 }
        let parts = Commitment.Strength.allCases.reversed().compactMap { s in by[s].map { "\($0) \(s.label)" } }
        let n = changes.newCommitments.count
        return "\(n) new commitment\(n == 1 ? "" : "s")" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    /// New commitments, strongest first then most recent, for a short list.
    var strongestCommitments: [ChangesSince.NewCommitment] {
        changes.newCommitments.sorted { a, b in
            a.commitment.strength != b.commitment.strength ? a.commitment.strength > b.commitment.strength : a.date > b.date
        }
    }

    /// The sentence's id before the quote: a line cut to fit keeps where to check it.
    func line(_ n: ChangesSince.NewCommitment) -> String {
        "\(n.date) · \(n.commitment.strength.label) · \(actor(n.commitment.actor)) · \(n.commitment.statement): “\(n.commitment.text)”"
    }

    func line(_ t: ChangesSince.TrendChange) -> String {
        "\(t.change.rawValue.capitalized): \(t.label) (\(analysis.label(ofTopic: t.topic))), \(t.before.rawValue) → \(t.after.rawValue)"
            + (t.latest.date.map { ", last made \($0)" } ?? "")
    }

    func line(_ s: ChangesSince.TopicShift) -> String {
        let d = s.after - s.before
        return "\(s.label): \(s.after) mentions, \(d > 0 ? "+" : "−")\(abs(d)) against \(s.before)"
    }

    func line(_ p: ChangesSince.FirstMeeting) -> String {
        let detail = [p.participant.role, p.participant.country].compactMap { $0 }.joined(separator: ", ")
        return "\(p.participant.name)\(detail.isEmpty ? "" : " (\(detail))"), first met \(p.date)"
    }

    /// "renewed 1 · strengthened 2 · weakened 0 · lapsed 3".
    var trendCounts: String {
        ChangesSince.ThreadChange.allCases.map { k in "\(k.rawValue) \(changes.threadChanges.filter { $0.change == k }.count)" }
            .joined(separator: " · ")
    }
}
