/// A person in a meeting: one canonical name per human, whatever the readout calls them.
public struct Participant: Hashable, Sendable {
    /// Canonical name from the people registry, or the name as written when unknown.
    public var name: String
    /// Office held on the meeting's date ("Prime Minister"), from the registry or the text.
    public var role: String?
    public var country: String?
    /// The relationship side this person speaks for (a side id), or nil for third parties.
    public var side: String?
    /// False when the person is not in the people registry (role and country are then from
    /// the text around the name).
    public var known: Bool
    /// "analyst" when `corrections.yaml` added this person; nil for the extractor's.
    public var source: String?

    public init(name: String, role: String?, country: String?, side: String?, known: Bool, source: String? = nil) {
        self.source = source
        self.name = name
        self.role = role
        self.country = country
        self.side = side
        self.known = known
    }
}
