@testable import LedeEntities
import Testing

@Suite("Perceptron decoder")
struct PerceptronDecoderTests {
    /// The choice the decoder made before it compared in SIMD: allowed tags in
    /// order, `O` scoring 0, the first of equal scores kept.
    private func scalarBest(_ scores: PerceptronDecoder.Scores, previous: UInt8, last: Bool) -> UInt8 {
        var best: UInt8 = 0
        var bestScore = Int32.min
        for tag in 0..<UInt8(BILOUTag.count) where BILOUTag.allowed(previous, tag) && (!last || BILOUTag.canEnd(tag)) {
            if scores[tag] > bestScore { bestScore = scores[tag]; best = tag }
        }
        return best
    }

    @Test func bestAllowedTagMatchesTheScalarChoiceWithTies() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int32 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            // Few distinct values, so that ties and scores of 0 (O's) are common.
            return Int32(truncatingIfNeeded: state % 7) - 3
        }
        for _ in 0..<2_000 {
            var scores = PerceptronDecoder.Scores()
            scores.bytes = (SIMD4(next(), next(), next(), next()), SIMD4(next(), next(), next(), next()),
                            SIMD4(next(), next(), next(), next()), SIMD4(next(), next(), next(), next()))
            for previous in 0..<UInt8(BILOUTag.count) {
                for last in [false, true] {
                    var mask = PerceptronDecoder.TagMask()
                    for tag in 0..<UInt8(BILOUTag.count) where BILOUTag.allowed(previous, tag) && (!last || BILOUTag.canEnd(tag)) {
                        mask.allow(tag)
                    }
                    #expect(mask.best(scores) == scalarBest(scores, previous: previous, last: last))
                }
            }
        }
    }
}
