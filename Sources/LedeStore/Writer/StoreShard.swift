/// One shard whose partial goes into the store.
public struct StoreShard: Sendable, Equatable {
    /// The shard's path relative to its input root, as runs report it.
    public var name: String
    /// Its partial directory.
    public var partial: String
    /// Why the shard could not be read to its end, when known (partials record only that it failed).
    public var failure: String?

    /// Makes a shard entry.
    public init(name: String, partial: String, failure: String? = nil) {
        self.name = name
        self.partial = partial
        self.failure = failure
    }
}
