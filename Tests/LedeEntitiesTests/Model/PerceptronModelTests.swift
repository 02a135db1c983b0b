import Foundation
@testable import LedeEntities
import LedeText
import Testing

/// The model file's block-floating-point weights and the decoder's scratch memory.
@Suite("Perceptron model format")
struct PerceptronModelTests {
    /// Rows of very different magnitudes: one large, one tiny, one mixed, one empty.
    static let weights: [Float] = {
        let width = PerceptronModel.rowWidth
        var weights = [Float](repeating: 0, count: 4 * width)
        for k in 0..<width {
            weights[k] = Float(k - 8) * 2.5
            weights[width + k] = Float(k) * 0.001 - 0.007
            weights[2 * width + k] = k == 3 ? -19.75 : Float(k) * 0.01
        }
        return weights
    }()

    @Test func quantisationKeepsEveryRowWithinHalfAStep() {
        let quantised = PerceptronModel.quantise(Self.weights)
        #expect(quantised.shifts.count == 4)
        #expect(quantised.weights.count == Self.weights.count)
        // The largest weight of the table is 32,767 units.
        #expect(quantised.scale == Float(32767) / 20)
        for row in 0..<4 {
            let shift = quantised.shifts[row]
            #expect(shift <= PerceptronModel.maximumShift)
            let step = Float(1 << shift)
            for k in 0..<PerceptronModel.rowWidth {
                let exact = Self.weights[row * PerceptronModel.rowWidth + k] * quantised.scale
                #expect(abs(Float(quantised.units(row: row, k)) - exact) <= step / 2 + 0.5, "row \(row) weight \(k)")
            }
        }
        // A row of small weights keeps its own, finer steps; an empty row quantises to zeros.
        #expect(quantised.shifts[1] == 0 && quantised.shifts[0] > quantised.shifts[1])
        #expect((0..<PerceptronModel.rowWidth).allSatisfy { quantised.units(row: 3, $0) == 0 })
    }

    @Test func quantisedWeightsRoundTripThroughTheFile() throws {
        let width = PerceptronModel.rowWidth
        var weights = [Float](repeating: 0, count: (1 << 8) * width)
        for (k, value) in Self.weights.enumerated() { weights[k * 37 % weights.count] = value }
        let quantised = PerceptronModel.quantise(weights)
        let bytes = PerceptronModel.serialize(bucketBits: 8, weights: quantised, mined: [], maxTokens: 1, casePrior: CasePrior())
        let model = try PerceptronModel(bytes: bytes)
        #expect(model.scale == quantised.scale)
        let decoder = PerceptronDecoder.Weights(model)
        for row in 0..<(1 << 8) {
            #expect(decoder.shifts[row] == quantised.shifts[row])
            var scores = PerceptronDecoder.Scores()
            scores.add(UInt32(row), decoder)
            for tag in 1...UInt8(width) {
                #expect(scores[tag] == quantised.units(row: row, Int(tag) - 1), "row \(row) tag \(tag)")
            }
            #expect(scores[0] == 0)
        }
    }

    @Test func shiftsPastTheLimitAreRefused() {
        var bytes = PerceptronModel.serialize(
            bucketBits: 8, weights: PerceptronModel.quantise([Float](repeating: 0, count: (1 << 8) * PerceptronModel.rowWidth)),
            mined: [], maxTokens: 1, casePrior: CasePrior())
        bytes[PerceptronModel.headerSize + (1 << 8) * PerceptronModel.rowWidth + 5] = PerceptronModel.maximumShift + 1
        do {
            _ = try PerceptronModel(bytes: bytes)
            Issue.record("a shift past the limit should be refused")
        } catch {
            #expect(error.description.contains("make model"))
            #expect(error.description.contains("row 5 has shift \(PerceptronModel.maximumShift + 1)"), "\(error)")
        }
    }

    @Test func rowBuffersGrowAndMapEveryKeyToASlot() {
        let buffers = RowBuffers()
        buffers.reserveScores(tokens: 3)
        #expect(buffers.scoreCapacity >= 3)
        buffers.reserveScores(tokens: 100)
        #expect(buffers.scoreCapacity >= 100)
        buffers.staticScores[99] = PerceptronDecoder.Scores()
        // The rings hold every token between the word keys and the sums.
        #expect((RowBuffers.sumLag + 2) * FeatureExtractor.maxRows <= RowBuffers.rowMask + 1)
        #expect(RowBuffers.keyLead + RowBuffers.sumLag + 2 <= RowBuffers.ringMask + 1)
        for k in 0...RowBuffers.rowMask { buffers.rows[k] = UInt32(k) }
        var seen = Set<Int>()
        for k in 0..<10_000 {
            let key = FeatureExtractor.WordKey(raw: UInt64(k) &* 0x1234_5678_9ABC_DEF1, head: UInt64(k), meta: UInt64(k % 7 + 1) << 32)
            let slot = RowBuffers.slot(key)
            #expect(slot >= 0 && slot < RowBuffers.slots)
            seen.insert(slot)
        }
        #expect(seen.count > RowBuffers.slots * 9 / 10)
        // Every slot starts empty: no real key (length at least 1) matches it.
        #expect((0..<RowBuffers.slots).allSatisfy { buffers.cachedKeys[$0].meta == 0 })
    }

    @Test func wordFeaturesAndContextFeaturesMakeUpTheFeatures() {
        // A social post (every row doubled) with long words: every prefix and suffix length.
        let text = "omg @Someone Loved Everything about Barcelona tonight lol"
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(of: text)
        var extractor = FeatureExtractor(gazetteer: .builtIn, bucketBits: 12)
        bytes.withUnsafeBufferPointer { raw in
            tokens.withUnsafeBufferPointer { list in
                let doc = DocumentView(text: raw.baseAddress!, textCount: raw.count, tokens: list.baseAddress!, count: list.count)
                extractor.prepare(doc, mined: LeaveOneOutNames(global: [:], maxTokens: 1))
                #expect(extractor.register == 1)
                #expect(!extractor.regionStarts.isEmpty)
                for (s, e) in zip(extractor.regionStarts, extractor.regionEnds) {
                    for t in Int(s)..<Int(e) {
                        var all: [UInt32] = []
                        extractor.features(doc, t, Int(s), Int(e), into: &all)
                        var parts: [UInt32] = []
                        extractor.wordFeatures(doc, t, raw: extractor.wordKey(doc, t).raw, into: &parts)
                        extractor.contextFeatures(doc, t, Int(s), Int(e), into: &parts)
                        #expect(all == parts)
                        #expect(all.count <= FeatureExtractor.maxRows)
                    }
                }
            }
        }
    }
}
