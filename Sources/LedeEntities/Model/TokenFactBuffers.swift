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
    let wordHead: UnsafeMutablePointer<UInt64>
    let gazFlags: UnsafeMutablePointer<UInt32>
    let gazLabel: UnsafeMutablePointer<UInt8>
    let nameLabel: UnsafeMutablePointer<UInt8>
    let nameCanonical: UnsafeMutablePointer<Int32>
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
        wordHash = Self.filled(0, count: size)
        wordHead = Self.filled(0, count: size)
        gazFlags = Self.filled(0, count: size)
        gazLabel = Self.filled(0xFF, count: size)
        nameLabel = Self.filled(0xFF, count: size)
        nameCanonical = Self.filled(-1, count: size)
        gazPart = Self.filled(0, count: size)
        minedPart = Self.filled(0, count: size)
        wordMask = Self.filled(0, count: size)
        prior = Self.filled(0, count: size)
        shapes = Self.filled(0, count: size)
        gazLimit = Self.filled(0, count: size)
        words = Self.filled(FeatureExtractor.WordFacts(), count: FeatureExtractor.factSlots)
    }

    /// A box for `capacity` tokens whose word cache is `self`'s.
    func resized(to capacity: Int) -> TokenFactBuffers {
        let box = TokenFactBuffers(capacity: capacity)
        box.words.update(from: words, count: FeatureExtractor.factSlots)
        return box
    }

    /// `count` new elements, each `value`.
    private static func filled<Element>(_ value: Element, count: Int) -> UnsafeMutablePointer<Element> {
        let buffer = UnsafeMutablePointer<Element>.allocate(capacity: count)
        buffer.initialize(repeating: value, count: count)
        return buffer
    }

    deinit {
        wordHash.deallocate()
        wordHead.deallocate()
        gazFlags.deallocate()
        gazLabel.deallocate()
        nameLabel.deallocate()
        nameCanonical.deallocate()
        gazPart.deallocate()
        minedPart.deallocate()
        wordMask.deallocate()
        prior.deallocate()
        shapes.deallocate()
        gazLimit.deallocate()
        words.deallocate()
    }
}
