#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws indices `0..<count` with probability proportional to given weights,
/// in constant time (Vose's alias method).
///
/// Entity popularity in news is heavy-tailed: a handful of names appear in a
/// large share of articles. Index 0 is the most popular. Draws happen several
/// times per sentence, so the alias table (one random word per draw, no search)
/// is used rather than a binary search over a cumulative table.
///
/// Samplers belong to the process-wide vocabulary, so their tables are frozen
/// into never-freed buffers: a draw then costs no reference counting.
struct ZipfSampler: @unchecked Sendable {
    /// Number of outcomes.
    let count: Int
    /// Per column: keep the column when the low 32 random bits are below this.
    private let threshold: UnsafeBufferPointer<UInt32>
    /// Per column: the outcome taken otherwise.
    private let alias: UnsafeBufferPointer<Int32>

    /// A Zipf distribution over `count` ranks: P(k) ∝ 1 / (k + 1 + shift)^exponent.
    ///
    /// `shift` flattens the head a little (a Zipf–Mandelbrot law), which keeps
    /// the top entity from swamping small pools.
    init(count: Int, exponent: Double = 1.0, shift: Double = 0) {
        precondition(count > 0, "a Zipf sampler needs at least one outcome")
        var weights = [Double](repeating: 0, count: count)
        for k in 0..<count {
            weights[k] = 1.0 / pow(Double(k) + 1.0 + shift, exponent)
        }
        self.init(weights: weights)
    }

    /// A distribution proportional to `weights` (non-negative, not all zero).
    init(weights: [Double]) {
        let n = weights.count
        precondition(n > 0 && n < Int(Int32.max), "weights must be non-empty")
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must not all be zero")
        var scaled = weights.map { $0 * Double(n) / total }
        var small: [Int] = []
        var large: [Int] = []
        for (i, p) in scaled.enumerated() {
            if p < 1 { small.append(i) } else { large.append(i) }
        }
        var threshold = [UInt32](repeating: UInt32.max, count: n)
        var alias = [Int32](repeating: 0, count: n)
        for i in 0..<n { alias[i] = Int32(i) }
        while let s = small.popLast() {
            guard let l = large.popLast() else { break }
            threshold[s] = UInt32(min(scaled[s] * 4_294_967_296.0, 4_294_967_295.0))
            alias[s] = Int32(l)
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Whatever is left is (up to rounding) exactly 1: always keep it.
        count = n
        self.threshold = threshold.frozenCopy()
        self.alias = alias.frozenCopy()
    }

    /// Draws one index.
    @inline(__always)
    func sample(_ rng: inout SplitMix64) -> Int {
        let r = rng.next()
        // High half picks the column, low half decides column vs alias.
        let column = Int(truncatingIfNeeded: ((r &>> 32) &* UInt64(truncatingIfNeeded: count)) &>> 32)
        let coin = UInt32(truncatingIfNeeded: r)
        let keep = threshold[column]
        return coin < keep || keep == UInt32.max ? column : Int(alias[column])
    }
}
