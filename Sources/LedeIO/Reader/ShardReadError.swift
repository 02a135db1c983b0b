/// Why a shard could not be read to its end.
///
/// Everything decoded before ``offset`` is still delivered; the shard is then
/// marked failed and the run goes on with the others.
public struct ShardReadError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The shard's path.
    public var path: String
    /// Offset in the file (compressed bytes for `.zst`) at which reading failed.
    public var offset: Int64
    /// What went wrong.
    public var reason: String

    public init(path: String, offset: Int64, reason: String) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(path): \(reason) at byte \(offset)" }
}
