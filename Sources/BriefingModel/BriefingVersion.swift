/// The release of BriefingBook, in one place: `briefing --version` and the man page read it.
public enum BriefingVersion {
    public static let current = "1.0.0"
}
