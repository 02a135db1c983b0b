/// A SplitMix64 pseudo-random generator.
///
/// The corpus needs every document to be reproducible from `(seed, number)`
/// alone, so that shards can be generated in any order and on any number of
/// cores. SplitMix64 has a single word of state, can be seeded from any value
/// (including zero), and is a few multiply/xor-shifts per draw, which keeps the
/// generator far from the bottleneck of writing bytes.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state; the next output is a function of it alone.
    public var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output finalizer: a bijective avalanche of `value`.
    ///
    /// Used on its own to derive independent per-document seeds, because
    /// neighbouring document numbers must not give correlated streams.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// A uniform integer in `0..<bound` (`bound` > 0).
    ///
    /// Multiply-high instead of `%`: no division, and the bias (below
    /// `bound / 2^64`) is far too small to matter for synthetic text.
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(truncatingIfNeeded: bound)).high)
    }

    /// A uniform integer in `range`.
    @inlinable
    public mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100.
    @inlinable
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// A uniform `Double` in `0..<1` with 53 random bits.
    @inlinable
    public mutating func unit() -> Double {
        Double(next() &>> 11) * 0x1.0p-53
    }
}
