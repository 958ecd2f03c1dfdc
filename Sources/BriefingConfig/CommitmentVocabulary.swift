/// The words that make a sentence a commitment, and how strong: the detector's vocabulary.
/// `layouts/commitments.yaml`; the mechanism that uses it is `CommitmentDetector`.
public struct CommitmentVocabulary: Sendable {
    /// Finite verb forms by strength: 4 signed, 3 agreed, 2 confirmed.
    public var verbs: [Int: [String]]
    /// Verbs of those whose `that`-clause must carry an action (a modal, "continue to", a
    /// commitment noun) to be a commitment: "confirmed that X will" is one, "confirmed that the
    /// launches are a threat" is not.
    public var needsActionInClause: [String]
    /// Words that, right after a cue verb, make it something else ("agreed with" someone).
    public var notAfter: [String: [String]]
    /// Strength-1 phrases that need a following that-clause with an action: "shared the view".
    public var sharedView: [String]
    /// Nouns of intent ("intention", "determination") that, owned by a party and followed by
    /// "to" or "that", make a commitment of the strength of the verb before them.
    public var intentionNouns: [String]
    /// Strength-1 phrases of desire or readiness: "hopes to", "would like to", "is ready to".
    public var desires: [String]
    public var modals: [String]
    /// Verbs after a modal that describe a state, not an action ("will be important").
    public var stativeVerbs: [String]
    /// Words skipped between a modal and its verb ("will further strengthen").
    public var transparent: [String]
    /// Words that turn an intent into mere talk ("would like to exchange views").
    public var talkWords: [String]
    /// Words that negate a cue right before it.
    public var negations: [String]
    /// Objects that make a coordinated cue part of the previous commitment rather than a new
    /// one ("confirmed X and agreed on the importance of Y").
    public var attitudeObjects: [String]
    /// Objects that make a cue a feeling or an assessment, not an undertaking ("reiterated his
    /// shock", "reiterated his thanks", "agreed on the huge strength of the relationship").
    public var nonActionObjects: [String] = []
    /// Verbs that open a bulleted undertaking of a joint statement ("• Continue to ...").
    public var listVerbs: [String] = []
    /// A thread with no occurrence in this many of the latest meetings has lapsed.
    public var lapseAfterMeetings: Int

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> CommitmentVocabulary {
        try root.allowOnly(["verbs", "needs_action_in_clause", "not_after", "shared_view", "intention_nouns",
                            "desires", "modals", "stative_verbs", "transparent", "talk_words", "negations",
                            "attitude_objects", "non_action_objects", "list_verbs", "threads"])
        var verbs: [Int: [String]] = [:]
        for (key, value) in try root.required("verbs").entries() {
            guard let s = Int(key), (2...4).contains(s) else {
                throw ConfigurationError(file: value.file, line: value.line, key: value.path,
                                         "verb strengths are 2 (confirmed), 3 (agreed) or 4 (signed)")
            }
            verbs[s] = try value.strings()
        }
        var notAfter: [String: [String]] = [:]
        for (key, value) in try root["not_after"]?.entries() ?? [] { notAfter[key.lowercased()] = try value.strings() }
        var lapse = 3
        if let threads = root["threads"] {
            try threads.allowOnly(["lapse_after_meetings"])
            if let n = threads["lapse_after_meetings"] {
                lapse = try n.int()
                guard lapse >= 1 else { throw n.fail("must be at least 1") }
            }
        }
        var v = CommitmentVocabulary(
            verbs: verbs,
            needsActionInClause: try root.required("needs_action_in_clause").strings(),
            notAfter: notAfter,
            sharedView: try root.required("shared_view").strings(),
            intentionNouns: try root.required("intention_nouns").strings(),
            desires: try root.required("desires").strings(),
            modals: try root.required("modals").strings(),
            stativeVerbs: try root.required("stative_verbs").strings(),
            transparent: try root["transparent"]?.strings() ?? [],
            talkWords: try root["talk_words"]?.strings() ?? [],
            negations: try root["negations"]?.strings() ?? [],
            attitudeObjects: try root["attitude_objects"]?.strings() ?? [],
            lapseAfterMeetings: lapse)
        v.nonActionObjects = try root["non_action_objects"]?.strings() ?? []
        v.listVerbs = try root["list_verbs"]?.strings() ?? []
        return v
    }
}
