@testable import LedeEntities
import LedeText
import Testing

@Suite("Case prior")
struct CasePriorTests {
    /// The unfinished, case-folded hash of one word, as the extractor keeps it.
    static func wordHash(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { ByteKey.word($0.baseAddress!, count: bytes.count, readable: bytes.count).hash }
    }

    static func key(_ word: String) -> UInt64 { ByteKey.finish(wordHash(word)) }

    static func build(_ texts: [String]) -> CasePrior {
        var builder = CasePrior.Builder()
        let tokenizer = Tokenizer()
        for text in texts {
            let bytes = Array(text.utf8)
            let tokens = tokenizer.tokens(of: text)
            bytes.withUnsafeBytes { raw in tokens.withUnsafeBufferPointer { builder.add(text: raw, tokens: $0) } }
        }
        return builder.build()
    }

    @Test func countsWordsInsideSentencesOnly() {
        let prior = Self.build([
            "Rain fell on Caracas and on the binge crowd .",
            "Rain fell on Caracas again , a binge of rain .",
            "Rain fell on Caracas while binge watchers slept .",
            "CARACAS BINGE HEADLINE IN CAPITALS .",
        ])
        // "Caracas": 3 times capitalised mid-sentence; the all-caps line does not count.
        #expect(prior.value(Self.key("caracas")) == CasePrior.value(capitalized: 3, lowercase: 0))
        #expect(CasePrior.isNameLike(prior.value(Self.key("Caracas"))))
        // "binge": 3 times lowercase.
        #expect(prior.value(Self.key("binge")) == CasePrior.value(capitalized: 0, lowercase: 3))
        #expect(!CasePrior.isNameLike(prior.value(Self.key("binge"))))
        // "Rain" only ever opens a sentence, so its case says nothing: unknown.
        #expect(prior.value(Self.key("rain")) == 3 || prior.value(Self.key("rain")) == 0)
        #expect(prior.value(Self.key("pentagon")) == 0)
    }

    @Test func valuesBucketTheCapitalisedShare() {
        #expect(CasePrior.value(capitalized: 0, lowercase: 10) == 1)
        #expect(CasePrior.value(capitalized: 10, lowercase: 0) == 8)
        #expect(CasePrior.value(capitalized: 60, lowercase: 0) == 16)
        #expect(CasePrior.value(capitalized: 5, lowercase: 5) == 5)
        #expect(CasePrior.isNameLike(CasePrior.value(capitalized: 95, lowercase: 5)))
        #expect(!CasePrior.isNameLike(CasePrior.value(capitalized: 80, lowercase: 20)))
        #expect(!CasePrior.isNameLike(0))
    }

    @Test func travelsInTheModelFile() throws {
        let prior = Self.build(Array(repeating: "We flew to Caracas and Bogota on a binge .", count: 3))
        let bytes = PerceptronModel.serialize(
            bucketBits: 10, weights: PerceptronModel.quantise([Float](repeating: 0, count: (1 << 10) * PerceptronModel.rowWidth)),
            mined: [], maxTokens: 1, casePrior: prior)
        let model = try PerceptronModel(bytes: bytes)
        for word in ["caracas", "bogota", "binge", "flew", "unknown"] {
            #expect(model.casePrior.value(Self.key(word)) == prior.value(Self.key(word)), "\(word)")
        }
        #expect(model.casePrior.value(Self.key("bogota")) != 0)
    }
}
