import LedeEntities
import LedeIO
import LedeText

/// Unlabelled news read for what it says about words, not entities: the
/// ``CasePrior`` that `lede train --unlabeled` puts into a model.
public enum UnlabeledCorpus {
    /// Counts how often each word is capitalised in the text fields of the JSONL
    /// files under `paths` (files or directories, `.jsonl` or `.jsonl.zst`).
    ///
    /// Lines that are not documents are skipped: the prior needs many words,
    /// not every line.
    public static func casePrior(from paths: [String], fields: FieldNames = FieldNames()) throws -> (prior: CasePrior, documents: Int) {
        var builder = CasePrior.Builder()
        var scanner = JSONFieldScanner(fields: fields)
        let tokenizer = Tokenizer()
        var tokens = TokenBuffer(capacity: 1024)
        var documents = 0
        for path in paths {
            for file in try GoldCorpus.files(at: path) {
                let bytes = try GoldCorpus.readAll(file)
                bytes.withUnsafeBytes { all in
                    var start = 0
                    while start < all.count {
                        var end = start
                        while end < all.count && all[end] != 0x0A { end += 1 }
                        defer { start = end + 1 }
                        guard scanner.scan(UnsafeRawBufferPointer(rebasing: all[start..<end])) == nil else { continue }
                        scanner.withText { text in
                            tokens.removeAll()
                            tokenizer.tokenize(text, into: &tokens)
                            tokens.tokens.withUnsafeBufferPointer { builder.add(text: text, tokens: $0) }
                        }
                        documents += 1
                    }
                }
            }
        }
        return (builder.build(), documents)
    }
}
