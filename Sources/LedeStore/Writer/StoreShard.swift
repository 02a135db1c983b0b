/// One shard whose partial goes into the store.
public struct StoreShard: Sendable, Equatable {
    /// The shard's path relative to its input root, as runs report it.
    public var name: String
    /// Its partial directory.
    public var partial: String
    /// Why the shard could not be read to its end, when known (partials record only that it failed).
    public var failure: String?
    /// The shard file's size in bytes when it was read, when known.
    public var fileSize: Int64?
    /// The shard file's modification time when it was read (nanoseconds since 1970), when known.
    public var fileModified: Int64?
    /// A fingerprint of the file's bytes as read (`xxh64:<16 hex digits>`), when known.
    public var fingerprint: String?

    /// Makes a shard entry.
    public init(
        name: String, partial: String, failure: String? = nil, fileSize: Int64? = nil, fileModified: Int64? = nil,
        fingerprint: String? = nil
    ) {
        self.name = name
        self.partial = partial
        self.failure = failure
        self.fileSize = fileSize
        self.fileModified = fileModified
        self.fingerprint = fingerprint
    }
}
