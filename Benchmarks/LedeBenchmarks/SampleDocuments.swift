import LedeAggregation
import LedeEntities
import LedeIO
import LedeSample
import LedeText

/// The documents every benchmark works on, generated in memory with `LedeSample.SampleCorpus`.
///
/// Each stage's input is prepared here by the stages before it, once, so that a benchmark
/// measures its own stage only: JSON lines for the scanner, decoded texts for the tokenizer,
/// tokens for the tagger, mentions for the aggregator. Nothing is read from disk, and no real
/// corpus text is used.
final class SampleDocuments: Sendable {
    /// Documents per benchmark iteration. Every benchmark uses `scalingFactor: .kilo`, so one
    /// iteration is exactly one pass over these documents and the scaled (`*`) figures that
    /// package-benchmark prints (throughput, mallocs) are per document.
    static let count = 1_000

    /// The shared fixture, built on first use (in a benchmark's `setup`, not while it is measured).
    static let shared = SampleDocuments(seed: 20_190_512)

    /// The JSON lines, concatenated without newlines; `lines[i]` is document `i`'s range.
    let jsonl: [UInt8]
    let lines: [Range<Int>]

    /// The decoded `text` fields, concatenated; `texts[i]` is document `i`'s range.
    let text: [UInt8]
    let texts: [Range<Int>]

    /// The raw `date` and `source` fields of each document.
    let dates: [[UInt8]?]
    let sources: [[UInt8]?]

    /// The tokens of every document (offsets relative to the document's text), concatenated.
    let tokens: [Token]
    let tokenRanges: [Range<Int>]

    /// The rule tagger's mentions of every document, concatenated.
    let mentions: [Mention]
    let mentionRanges: [Range<Int>]

    /// The `@handle` and `#hashtag` tokens of every document, as byte ranges of its text.
    let tags: [[Range<Int>]]

    /// The canonical names of the tagger's lexicon, for `CanonicalName.append`.
    let lexicon: CanonicalLexicon

    init(seed: UInt64) {
        let corpus = SampleCorpus(seed: seed)
        var jsonl: [UInt8] = []
        var lines: [Range<Int>] = []
        for number in 0..<Self.count {
            let start = jsonl.count
            corpus.appendDocument(number: number, to: &jsonl)
            lines.append(start..<jsonl.count)
        }

        var scanner = JSONFieldScanner()
        let tokenizer = Tokenizer()
        var tagger = RuleTagger()
        var buffer = TokenBuffer()
        var found: [Mention] = []
        var text: [UInt8] = [], texts: [Range<Int>] = []
        var dates: [[UInt8]?] = [], sources: [[UInt8]?] = []
        var tokens: [Token] = [], tokenRanges: [Range<Int>] = []
        var mentions: [Mention] = [], mentionRanges: [Range<Int>] = []
        var tags: [[Range<Int>]] = []
        jsonl.withUnsafeBytes { all in
            for range in lines {
                if let rejection = scanner.scan(UnsafeRawBufferPointer(rebasing: all[range])) {
                    fatalError("SampleCorpus wrote a line the scanner rejects: \(rejection)")
                }
                let start = text.count
                scanner.withText { text.append(contentsOf: $0) }
                texts.append(start..<text.count)
                dates.append(scanner.withDate { $0.map { Array($0) } })
                sources.append(scanner.withSource { $0.map { Array($0) } })
            }
        }
        text.withUnsafeBytes { all in
            for range in texts {
                let document = UnsafeRawBufferPointer(rebasing: all[range])
                buffer.removeAll()
                tokenizer.tokenize(document, into: &buffer)
                let tokenStart = tokens.count
                tokens.append(contentsOf: buffer.tokens)
                tokenRanges.append(tokenStart..<tokens.count)
                tags.append(
                    buffer.tokens.filter { $0.kind == .handle || $0.kind == .hashtag }
                        .map { Int($0.start)..<Int($0.end) })
                found.removeAll(keepingCapacity: true)
                buffer.tokens.withUnsafeBufferPointer { tagger.tag(text: document, tokens: $0, into: &found) }
                let mentionStart = mentions.count
                mentions.append(contentsOf: found)
                mentionRanges.append(mentionStart..<mentions.count)
            }
        }
        self.jsonl = jsonl
        self.lines = lines
        self.text = text
        self.texts = texts
        self.dates = dates
        self.sources = sources
        self.tokens = tokens
        self.tokenRanges = tokenRanges
        self.mentions = mentions
        self.mentionRanges = mentionRanges
        self.tags = tags
        self.lexicon = tagger.lexicon
    }

    /// Bytes of JSON Lines input, newlines included, as `lede run` counts them.
    var jsonlBytes: Int { jsonl.count + lines.count }
}
