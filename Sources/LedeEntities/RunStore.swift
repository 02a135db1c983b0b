/// What the first pass knows about one token of the current run.
struct RunToken {
    /// The token's own gazetteer entry (connectors are not looked up).
    var info: Gazetteer.Match
    /// Its word hash, for multi-token probes and aliases.
    var hash: UInt64
    /// Length of the cached longest match from here to the run's end; -1 = not computed.
    var longest: Int8
}

/// Scratch memory for the run being analysed: raw buffers so that the per-token
/// writes cost no uniqueness check; grown, never shrunk.
///
/// Owned copy-on-write by ``RunAnalyzer``: it replaces a shared store before
/// writing, so copies of a tagger never write to the same memory.
final class RunStore: @unchecked Sendable {
    // @unchecked: only the uniquely referencing RunAnalyzer writes (checked with
    // isKnownUniquelyReferenced at the start of every document).
    private(set) var capacity: Int
    private(set) var tokens: UnsafeMutablePointer<RunToken>
    /// The cached longest match of each position (valid where `tokens[i].longest >= 0`).
    private(set) var longestMatches: UnsafeMutablePointer<Gazetteer.Match>

    init(capacity: Int) {
        self.capacity = capacity
        tokens = .allocate(capacity: capacity)
        longestMatches = .allocate(capacity: capacity)
    }

    /// Makes room for `count` tokens (contents are not kept: a run is refilled).
    func grow(to count: Int) {
        var newCapacity = capacity
        while newCapacity < count { newCapacity *= 2 }
        tokens.deallocate()
        longestMatches.deallocate()
        tokens = .allocate(capacity: newCapacity)
        longestMatches = .allocate(capacity: newCapacity)
        capacity = newCapacity
    }

    deinit {
        tokens.deallocate()
        longestMatches.deallocate()
    }
}
