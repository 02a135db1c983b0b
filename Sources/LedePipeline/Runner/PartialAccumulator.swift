import LedeAggregation

/// Merges a stream of chunk partials like a binary counter, so that folding `n`
/// chunks into a shard costs O(n log n) row merges rather than O(n²).
struct PartialAccumulator {
    private var levels: [Partial?] = []

    /// Adds one chunk's partial.
    mutating func add(_ partial: Partial) {
        var carry = partial
        var level = 0
        while true {
            if level == levels.count {
                levels.append(carry)
                return
            }
            if let existing = levels[level] {
                carry = existing.merging(carry)
                levels[level] = nil
                level += 1
            } else {
                levels[level] = carry
                return
            }
        }
    }

    /// The merge of everything added, or an empty partial.
    func result() -> Partial {
        var total: Partial?
        for case let partial? in levels {
            total = total.map { $0.merging(partial) } ?? partial
        }
        return total ?? AggregateBuilder(options: AggregationOptions()).makePartial()
    }
}
