/// How readouts name kinds of meetings and places. `layouts/meetings.yaml`.
public struct MeetingVocabulary: Sendable {
    public struct KindRule: Sendable, Hashable {
        /// Canonical kind written to the export ("telephone talk").
        public var kind: String
        public var phrases: [String]
        /// True for the kinds a generic word ("meeting", "met with") becomes when no specific
        /// phrase is found: decided by the participants' offices.
        public var generic: Bool
        /// Held at a distance (a call, a video conference): the meeting has no place, and a
        /// summit or ministers' meeting named with it is the same talk, not a second part.
        public var remote: Bool = false
    }

    public struct Place: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
    }

    public var kinds: [KindRule]
    /// The kind for a generic meeting between heads of state or government, and between others.
    public var leadersMeeting: String
    public var ministersMeeting: String
    public var genericPhrases: [String]
    public var places: [Place]
    /// Place names too vague to report as a meeting's place (countries).
    public var notPlaces: [String]
    /// Wording of a meeting to come ("will be held") and of one that took place ("held",
    /// "met"): an opening with the first and none of the second announces a meeting.
    /// The kind of a meeting the opening only says someone "spoke to" someone: a call.
    public var callKind: String?
    public var callPhrases: [String] = []
    public var futurePhrases: [String] = []
    public var pastPhrases: [String] = []

    public static func load(_ root: YAMLNode) throws(ConfigurationError) -> MeetingVocabulary {
        try root.allowOnly(["kinds", "generic", "places", "not_places", "announcement"])
        var kinds: [KindRule] = []
        for item in try root.required("kinds").items() {
            try item.allowOnly(["kind", "phrases", "remote"])
            kinds.append(KindRule(kind: try item.required("kind").nonEmptyString(),
                                  phrases: try item.required("phrases").strings(), generic: false,
                                  remote: try item["remote"]?.bool() ?? false))
        }
        let generic = try root.required("generic")
        try generic.allowOnly(["leaders", "ministers", "phrases", "call", "call_phrases"])
        var places: [Place] = []
        for item in try root["places"]?.items() ?? [] {
            try item.allowOnly(["name", "aliases"])
            places.append(Place(name: try item.required("name").nonEmptyString(),
                                aliases: try item["aliases"]?.strings() ?? []))
        }
        var v = MeetingVocabulary(kinds: kinds, leadersMeeting: try generic.required("leaders").nonEmptyString(),
                                  ministersMeeting: try generic.required("ministers").nonEmptyString(),
                                  genericPhrases: try generic.required("phrases").strings(), places: places,
                                  notPlaces: try root["not_places"]?.strings() ?? [])
        v.callKind = try generic["call"]?.nonEmptyString()
        v.callPhrases = try generic["call_phrases"]?.strings() ?? []
        if let a = root["announcement"] {
            try a.allowOnly(["future", "past"])
            v.futurePhrases = try a["future"]?.strings() ?? []
            v.pastPhrases = try a["past"]?.strings() ?? []
        }
        return v
    }

    /// With a relationship pack's places (`places.yaml`): a place already known gains the
    /// pack's aliases (venues that stand for it), others are added; `not_places` add up.
    public func extended(byPlaces root: YAMLNode) throws(ConfigurationError) -> MeetingVocabulary {
        try root.allowOnly(["places", "not_places"])
        var v = self
        for item in try root["places"]?.items() ?? [] {
            try item.allowOnly(["name", "aliases"])
            let name = try item.required("name").nonEmptyString()
            let aliases = try item["aliases"]?.strings() ?? []
            if let k = v.places.firstIndex(where: { $0.name == name }) {
                v.places[k].aliases += aliases
            } else {
                v.places.append(Place(name: name, aliases: aliases))
            }
        }
        v.notPlaces += try root["not_places"]?.strings() ?? []
        return v
    }
}
