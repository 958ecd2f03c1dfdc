/// One line of a readout, as the reader would see it, with where it came from and what it is.
public struct SourceLine: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        /// Title lines before the body ("Canada-France Summit Meeting").
        case title
        /// A line that is only a date ("September 21, 2017").
        case dateline
        /// The readout's own section heading ("1. Canada-France Relations", "(2) Security Affairs").
        case heading
        /// Running text: statements come from these lines only.
        case prose
        /// Photo captions, navigation, "Back to ...", print buttons, tag lists, PDF references.
        case noise
    }

    /// Text with list markers and surrounding space removed.
    public var text: String
    /// 1-based line in the source file.
    public var number: Int
    public var role: Role
    /// The list or section number the line started with ("1.", "(2)"), if any.
    public var marker: String?
    /// The line was an item of a bulleted list ("• Continue to ...").
    public var bullet = false

    public init(text: String, number: Int, role: Role, marker: String? = nil, bullet: Bool = false) {
        self.text = text
        self.number = number
        self.role = role
        self.marker = marker
        self.bullet = bullet
    }
}
