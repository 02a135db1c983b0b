/// Names mined from training data: a token-sequence key (the combined, case-folded
/// word hashes that the ``Gazetteer`` uses too) → a mask of the labels it was
/// tagged with often enough (bit `label.rawValue`), plus bit 4 for single words
/// that the training text also writes in lowercase.
protocol MinedNames {
    /// The label mask of `key`, or 0 when the name is unknown.
    func mask(_ key: UInt64) -> UInt8
    /// The longest mined name, in tokens.
    var maxTokens: Int { get }
    /// Asks the CPU for what ``mask(_:)`` reads first for `key` (a hint only).
    func prefetch(_ key: UInt64)
}

/// The label mask a name's counts give: every label with at least 30% of its mentions.
@inline(__always)
func minedMask(_ counts: SIMD4<Int32>) -> UInt8 {
    let total = counts.wrappedSum()
    guard total > 0 else { return 0 }
    var mask: UInt8 = 0
    for label in 0..<4 where counts[label] * 10 >= total * 3 { mask |= 1 << UInt8(label) }
    return mask
}

/// The training-time view: counts over the whole training set minus the counts
/// of the document being trained on, so that a name never vouches for itself.
struct LeaveOneOutNames: MinedNames {
    var global: [UInt64: SIMD4<Int32>]
    var local: [UInt64: SIMD4<Int32>] = [:]
    /// Single words seen in lowercase in the training text (bit 4 of the mask).
    var lowercase: Set<UInt64> = []
    var maxTokens: Int

    func prefetch(_ key: UInt64) {}

    func mask(_ key: UInt64) -> UInt8 {
        let lower: UInt8 = lowercase.contains(key) ? 16 : 0
        guard var counts = global[key] else { return lower }
        if let own = local[key] { counts &-= own }
        return minedMask(counts) | lower
    }
}
