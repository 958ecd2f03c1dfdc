/// How many statements of one meeting a topic's rules matched.
public struct TopicCount: Hashable, Sendable {
    public var id: String
    public var mentions: Int
    public init(id: String, mentions: Int) {
        self.id = id
        self.mentions = mentions
    }
}
