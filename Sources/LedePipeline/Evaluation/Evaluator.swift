import Foundation
import LedeEntities
import LedeIO
import LedeText

/// Runs a tagger over gold documents and scores it, or scores a finished run's output.
public enum Evaluator {
    /// Tokenizes and tags every document with `tagger` and scores the mentions
    /// (byte spans) against the gold entities. Only tokenizing and tagging are timed.
    public static func evaluate<Tagger: EntityTagger>(
        _ documents: [GoldDocument], tagger: inout Tagger
    ) -> (scorer: Scorer, tokens: Int, seconds: Double) {
        var scorer = Scorer()
        let tokenizer = Tokenizer()
        var buffer = TokenBuffer()
        var mentions: [Mention] = []
        var tokens = 0
        var elapsed: UInt64 = 0
        var predicted: [EntitySpan] = []
        for document in documents {
            buffer.removeAll()
            mentions.removeAll(keepingCapacity: true)
            let started = DispatchTime.now().uptimeNanoseconds
            document.text.withUnsafeBytes { text in
                tokenizer.tokenize(text, into: &buffer)
                buffer.tokens.withUnsafeBufferPointer { tagger.tag(text: text, tokens: $0, into: &mentions) }
            }
            elapsed += DispatchTime.now().uptimeNanoseconds - started
            tokens += buffer.count
            predicted.removeAll(keepingCapacity: true)
            for mention in mentions {
                predicted.append(EntitySpan(start: Int(mention.start), end: Int(mention.end), label: mention.label))
            }
            scorer.add(gold: document.byteSpans, predicted: predicted)
        }
        return (scorer, tokens, Double(elapsed) / 1e9)
    }

    /// Scores the annotated documents of a `lede run` output directory
    /// (`<output>/documents/*.jsonl.zst`, Unicode-scalar offsets) against the gold
    /// documents, matched by id. Gold documents missing from the output count as
    /// predicting nothing; output documents not in the gold set are ignored.
    public static func evaluate(predicted output: String, gold documents: [GoldDocument]) throws -> (scorer: Scorer, missing: Int) {
        let directory = Path.join(output, "documents")
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".jsonl.zst") || $0.hasSuffix(".jsonl") }.sorted()
        } catch {
            throw GoldReadError(path: directory, message: "cannot list the annotated documents; pass the --output directory of a finished `lede run`")
        }
        let wanted = Set(documents.map(\.id))
        var predictions: [String: [EntitySpan]] = [:]
        for file in files {
            let path = Path.join(directory, file)
            let bytes = try GoldCorpus.readAll(path)
            for line in bytes.split(separator: 0x0A) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let id = object["id"] as? String, wanted.contains(id) else { continue }
                var spans: [EntitySpan] = []
                for entity in object["entities"] as? [[String: Any]] ?? [] {
                    guard let start = entity["start"] as? Int, let end = entity["end"] as? Int,
                          let name = entity["label"] as? String, let label = EntityLabel(name: name) else {
                        throw GoldReadError(path: path, message: "document \(id) has an entity without start, end and label")
                    }
                    spans.append(EntitySpan(start: start, end: end, label: label))
                }
                predictions[id] = spans
            }
        }
        var scorer = Scorer()
        var missing = 0
        for document in documents {
            if predictions[document.id] == nil { missing += 1 }
            scorer.add(gold: document.scalarSpans, predicted: predictions[document.id] ?? [])
        }
        return (scorer, missing)
    }
}
