/// The per-token scratch memory of ``FeatureExtractor``: one buffer per fact,
/// indexed by token, and the cache of word lookups.
///
/// A class holding raw memory, so that `prepare` writes a token's facts through
/// plain pointers: no array uniqueness check per write. The extractor keeps
/// copies of the pointers and makes a fresh box before writing into one it
/// shares with a copy of itself, so extractors still behave as values.
final class TokenFactBuffers {
    /// Tokens every buffer holds.
    let capacity: Int
    let wordHash: UnsafeMutablePointer<UInt64>
    let gazFlags: UnsafeMutablePointer<UInt32>
    let gazLabel: UnsafeMutablePointer<UInt8>
    let gazPart: UnsafeMutablePointer<UInt8>
    let minedPart: UnsafeMutablePointer<UInt8>
    let wordMask: UnsafeMutablePointer<UInt8>
    let prior: UnsafeMutablePointer<UInt8>
    let shapes: UnsafeMutablePointer<UInt64>
    let gazLimit: UnsafeMutablePointer<UInt8>
    /// ``FeatureExtractor/factSlots`` cached word lookups.
    let words: UnsafeMutablePointer<FeatureExtractor.WordFacts>

    /// Buffers for `capacity` tokens (at least 1), all facts at their empty values,
    /// and an empty word cache.
    init(capacity: Int) {
        let size = max(1, capacity)
        self.capacity = size
        wordHash = .allocate(capacity: size)
        wordHash.initialize(repeating: 0, count: size)
        gazFlags = .allocate(capacity: size)
        gazFlags.initialize(repeating: 0, count: size)
        gazLabel = .allocate(capacity: size)
        gazLabel.initialize(repeating: 0xFF, count: size)
        gazPart = .allocate(capacity: size)
        gazPart.initialize(repeating: 0, count: size)
        minedPart = .allocate(capacity: size)
        minedPart.initialize(repeating: 0, count: size)
        wordMask = .allocate(capacity: size)
        wordMask.initialize(repeating: 0, count: size)
        prior = .allocate(capacity: size)
        prior.initialize(repeating: 0, count: size)
        shapes = .allocate(capacity: size)
        shapes.initialize(repeating: 0, count: size)
        gazLimit = .allocate(capacity: size)
        gazLimit.initialize(repeating: 0, count: size)
        words = .allocate(capacity: FeatureExtractor.factSlots)
        words.initialize(repeating: FeatureExtractor.WordFacts(), count: FeatureExtractor.factSlots)
    }

    /// A box for `capacity` tokens whose word cache is `self`'s.
    func resized(to capacity: Int) -> TokenFactBuffers {
        let box = TokenFactBuffers(capacity: capacity)
        box.words.update(from: words, count: FeatureExtractor.factSlots)
        return box
    }

    deinit {
        wordHash.deallocate()
        gazFlags.deallocate()
        gazLabel.deallocate()
        gazPart.deallocate()
        minedPart.deallocate()
        wordMask.deallocate()
        prior.deallocate()
        shapes.deallocate()
        gazLimit.deallocate()
        words.deallocate()
    }
}
