import Foundation
import LedeEntities

/// What `lede eval` prints: P/R/F1 per label and overall, and the tagger's speed.
public struct EvaluationReport: Sendable {
    /// The gold files or directories scored against.
    public var gold: [String]
    /// What produced the predictions (`rules`, `model PATH`, `predicted DIR`).
    public var tagger: String
    /// The counts.
    public var scorer: Scorer
    /// Tokens tokenized and tagged (0 when predictions were read from a run's output).
    public var tokens: Int
    /// Seconds spent tokenizing and tagging.
    public var seconds: Double
    /// Gold documents with no predicted counterpart (only with `--predicted`).
    public var missingDocuments: Int

    /// Creates a report.
    public init(gold: [String], tagger: String, scorer: Scorer, tokens: Int, seconds: Double, missingDocuments: Int = 0) {
        self.gold = gold
        self.tagger = tagger
        self.scorer = scorer
        self.tokens = tokens
        self.seconds = seconds
        self.missingDocuments = missingDocuments
    }

    /// Tokens per second of tokenizing and tagging, or 0 when not timed.
    public var tokensPerSecond: Double { seconds > 0 ? Double(tokens) / seconds : 0 }

    /// A table for people.
    public var text: String {
        var lines: [String] = []
        lines.append("gold: \(gold.joined(separator: ", "))  tagger: \(tagger)  documents: \(scorer.documents)")
        lines.append("label   precision  recall      f1    gold  predicted")
        func row(_ name: String, _ score: LabelScore) -> String {
            name.padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(format: "  %9.4f  %6.4f  %6.4f  %6d  %9d", score.precision, score.recall, score.f1, score.gold, score.predicted)
        }
        for label in EntityLabel.allCases { lines.append(row(label.name, scorer.score(label))) }
        lines.append(row("ALL", scorer.overall))
        if tokens > 0 {
            lines.append(String(format: "tokens: %d in %.3f s, %.0f tokens/s", tokens, seconds, tokensPerSecond))
        }
        if missingDocuments > 0 {
            lines.append("warning: \(missingDocuments) gold document(s) had no predicted document with the same id (scored as no entities)")
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object for scripts.
    public var json: String {
        func object(_ score: LabelScore) -> [String: Any] {
            ["precision": score.precision, "recall": score.recall, "f1": score.f1,
             "gold": score.gold, "predicted": score.predicted, "true_positives": score.truePositives]
        }
        var labels: [String: Any] = [:]
        for label in EntityLabel.allCases { labels[label.name] = object(scorer.score(label)) }
        let root: [String: Any] = [
            "gold": gold, "tagger": tagger, "documents": scorer.documents,
            "labels": labels, "overall": object(scorer.overall),
            "tokens": tokens, "seconds": seconds, "tokens_per_second": tokensPerSecond,
            "missing_documents": missingDocuments,
        ]
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
