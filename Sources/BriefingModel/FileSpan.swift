/// Where a value lies in the file it was read from (byte offsets), kept by a lean read for a
/// value it skipped so that it can be read later on its own. Not part of the value it is kept
/// on: two spans are always equal and hash alike, so a meeting read lean equals its full read
/// but for what was skipped.
public struct FileSpan: Hashable, Sendable {
    public var bytes: Range<Int>

    public init(_ bytes: Range<Int>) { self.bytes = bytes }

    public static func == (_: FileSpan, _: FileSpan) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
