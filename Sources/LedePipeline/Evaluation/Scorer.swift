import LedeEntities

/// Scores predicted entity spans against gold ones, CoNLL style: a prediction
/// counts only if its start, end and label all equal a gold entity's.
public struct Scorer: Sendable {
    /// Counts per label, indexed by ``EntityLabel/rawValue``.
    public private(set) var byLabel = [LabelScore](repeating: LabelScore(), count: EntityLabel.allCases.count)
    /// Documents scored.
    public private(set) var documents = 0

    /// Creates an empty scorer.
    public init() {}

    /// Adds one document's spans (duplicates within one list count once).
    public mutating func add(gold: [EntitySpan], predicted: [EntitySpan]) {
        documents += 1
        let goldSet = Set(gold)
        let predictedSet = Set(predicted)
        for span in predictedSet {
            if goldSet.contains(span) {
                byLabel[Int(span.label.rawValue)].truePositives += 1
            } else {
                byLabel[Int(span.label.rawValue)].falsePositives += 1
            }
        }
        for span in goldSet where !predictedSet.contains(span) {
            byLabel[Int(span.label.rawValue)].falseNegatives += 1
        }
    }

    /// The score of one label.
    public func score(_ label: EntityLabel) -> LabelScore { byLabel[Int(label.rawValue)] }

    /// The micro-averaged score over all labels.
    public var overall: LabelScore {
        var total = LabelScore()
        for score in byLabel { total += score }
        return total
    }
}
