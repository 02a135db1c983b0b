/// What a store rebuild wrote.
public struct StoreBuildSummary: Sendable, Equatable {
    /// The store's path.
    public var path: String
    /// Rows of `entities`.
    public var entities = 0
    /// Rows of `cooccurrences`.
    public var cooccurrences = 0
    /// Rows of `timeline`.
    public var timeline = 0
    /// Rows of `tags`.
    public var tags = 0
    /// Rows of `shards`.
    public var shards = 0
    /// Intermediate merge rounds needed because there were more partials than the fan-in.
    public var rounds = 0
    /// Seconds spent building, from the first partial read to the rename.
    public var seconds = 0.0

    /// Makes a summary for the store at `path`, with every count zero.
    public init(path: String) {
        self.path = path
    }
}
