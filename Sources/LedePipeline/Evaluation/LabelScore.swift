/// Counts of exact matches for one label (or all labels), and the figures they give.
public struct LabelScore: Sendable, Hashable {
    /// Predicted spans that match a gold span exactly, label included.
    public var truePositives = 0
    /// Predicted spans that match no gold span.
    public var falsePositives = 0
    /// Gold spans that no predicted span matches.
    public var falseNegatives = 0

    /// Creates a score from its counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Gold spans: true positives plus false negatives.
    public var gold: Int { truePositives + falseNegatives }
    /// Predicted spans: true positives plus false positives.
    public var predicted: Int { truePositives + falsePositives }

    /// TP / (TP + FP), or 0 when nothing was predicted.
    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    /// TP / (TP + FN), or 0 when there is no gold span.
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    /// The harmonic mean of precision and recall, or 0 when both are 0.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    static func += (lhs: inout LabelScore, rhs: LabelScore) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }
}
