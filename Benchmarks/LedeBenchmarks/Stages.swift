import Benchmark
import LedeAggregation
import LedeEntities
import LedeIO
import LedeText

// One state class per benchmark: it owns the stage's reusable buffers across iterations, as a
// pipeline worker does across chunks, so that the measured loops show steady-state allocations.
// The loops run over the shared fixture's bytes through borrowed pointers, like the pipeline.

/// `JSONFieldScanner.scan` over every JSON line.
final class ScannerStage {
    private let documents = SampleDocuments.shared
    private var scanner = JSONFieldScanner()

    /// Scans every line once; returns the decoded text bytes, so that nothing is optimised away.
    func run() -> Int {
        var decoded = 0
        documents.jsonl.withUnsafeBytes { all in
            for range in documents.lines {
                if scanner.scan(UnsafeRawBufferPointer(rebasing: all[range])) == nil {
                    decoded &+= scanner.textByteCount
                }
            }
        }
        return decoded
    }

    var inputBytes: Int { documents.jsonlBytes }
}

/// `Tokenizer.tokenize` of every decoded text into one reused `TokenBuffer`.
final class TokenizerStage {
    private let documents = SampleDocuments.shared
    private let tokenizer = Tokenizer()
    private var buffer = TokenBuffer()

    /// Tokenizes every text once; returns the number of tokens.
    func run() -> Int {
        var count = 0
        documents.text.withUnsafeBytes { all in
            for range in documents.texts {
                buffer.removeAll()
                tokenizer.tokenize(UnsafeRawBufferPointer(rebasing: all[range]), into: &buffer)
                count &+= buffer.count
            }
        }
        return count
    }

    var inputBytes: Int { documents.text.count }
}

/// `tag` of every pre-tokenized text into one reused mention list, by the rule tagger or the
/// trained model.
final class TaggerStage<Tagger: EntityTagger> {
    private let documents = SampleDocuments.shared
    private var tagger: Tagger
    private var mentions: [Mention] = []

    init(_ tagger: Tagger) {
        self.tagger = tagger
        mentions.reserveCapacity(256)
    }

    /// Tags every document once; returns the number of mentions.
    func run() -> Int {
        var count = 0
        documents.text.withUnsafeBytes { all in
            documents.tokens.withUnsafeBufferPointer { tokens in
                for (textRange, tokenRange) in zip(documents.texts, documents.tokenRanges) {
                    mentions.removeAll(keepingCapacity: true)
                    tagger.tag(
                        text: UnsafeRawBufferPointer(rebasing: all[textRange]),
                        tokens: UnsafeBufferPointer(rebasing: tokens[tokenRange]), into: &mentions)
                    count &+= mentions.count
                }
            }
        }
        return count
    }

    var inputBytes: Int { documents.text.count }
}

/// `AggregateBuilder` fed as the pipeline feeds it: `beginDocument`, the canonical name of every
/// mention (`CanonicalName.append` into a reused buffer) to `addMention`, every handle and hashtag
/// to `addTag`, then `endDocument`.
final class AggregatorStage {
    private let documents = SampleDocuments.shared
    private var builder = AggregateBuilder(options: AggregationOptions())
    private var canonical: [UInt8] = []

    init() { canonical.reserveCapacity(256) }

    /// Forgets the counts, keeping the tables' capacity (the state of a worker's builder at the
    /// start of a chunk); not part of the measurement.
    func reset() { builder.reset() }

    /// Counts every document once; returns the number of mentions counted.
    func run() -> Int {
        var count = 0
        documents.text.withUnsafeBytes { all in
            documents.mentions.withUnsafeBufferPointer { mentions in
                for index in 0..<documents.texts.count {
                    let text = UnsafeRawBufferPointer(rebasing: all[documents.texts[index]])
                    let tokens = documents.tokenRanges[index].count
                    let lineBytes = documents.lines[index].count + 1
                    withOptionalBytes(documents.dates[index]) { date in
                        withOptionalBytes(documents.sources[index]) { source in
                            builder.beginDocument(date: date, source: source, tokens: tokens, bytes: lineBytes)
                        }
                    }
                    for mention in UnsafeBufferPointer(rebasing: mentions[documents.mentionRanges[index]]) {
                        canonical.removeAll(keepingCapacity: true)
                        CanonicalName.append(text: text, mention: mention, lexicon: documents.lexicon, to: &canonical)
                        canonical.withUnsafeBytes { builder.addMention(canonical: $0, label: mention.label) }
                        count &+= 1
                    }
                    for tag in documents.tags[index] {
                        builder.addTag(UnsafeRawBufferPointer(rebasing: text[tag]))
                    }
                    builder.endDocument()
                }
            }
        }
        return count
    }

    var inputBytes: Int { documents.jsonlBytes }
}

/// Lends the bytes of an optional array as an optional raw buffer.
@inline(__always)
func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}

/// The committed model, found from this file's place in the repository.
enum CommittedModel {
    static func load() throws -> PerceptronModel {
        let repository = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        return try PerceptronModel(contentsOf: "/" + repository + "/Models/ner-perceptron.bin")
    }
}
