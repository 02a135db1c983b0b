import LedeIO

/// Cuts the merged co-occurrence table into parts of about the same number of
/// rows, by the merged rank of each pair's first entity, so that the parts can
/// be merged side by side.
///
/// The rows per first entity are estimated from what is cheap to read: each
/// partial's entity table (documents per name) and the size of its pair file.
/// An entity of rank *r* among a partial's *n* names is the first of a pair
/// with names ranked after it, so its rows grow with its documents and with
/// the share (*n* − 1 − *r*) / *n* of names after it; with the square root of
/// its documents rather than their number, because frequent names meet the
/// same partners again (a pair is one row however many documents hold it).
/// Each partial's estimates are scaled to the size of its pair file. On the
/// news corpus the largest of 2 parts gets 1% more input rows than the mean
/// (of 8 parts 9%), and 1% (6%) on a generated corpus of 60,000 documents
/// (`lede sample`); weighing names by their documents alone gives 57% on both,
/// and by documents times the share of names after them 4% and 2%. The
/// estimate only decides where the parts meet, so a bad one costs speed,
/// never rows.
struct _PairPartition {
    /// Consecutive ranges of first-entity ranks that cover the merged name
    /// table, in order; some may be empty.
    let parts: [Range<Int>]

    /// Cuts the pair table of `plan`'s partials into `count` parts.
    ///
    /// A partial whose entity or pair file cannot be read is left out of the
    /// estimate: the merge itself reports it.
    init(plan: _MergePlan, count: Int) {
        self.init(weights: Self.estimatedRows(plan), count: count)
    }

    /// Cuts ranks `0..<weights.count` into `count` consecutive parts whose
    /// weights are as close to equal as the ranks allow (evenly by rank when
    /// every weight is 0).
    init(weights: [Double], count: Int) {
        precondition(count >= 1, "a partition needs at least one part")
        let total = weights.reduce(0, +)
        var bounds = [0]
        if total > 0 {
            var before = 0.0  // the weight of ranks below `rank`
            var rank = 0
            for part in 1..<count {
                let target = total * Double(part) / Double(count)
                while rank < weights.count && before + weights[rank] <= target {
                    before += weights[rank]
                    rank += 1
                }
                // Cut before or after the rank that straddles the target, whichever is nearer.
                let cut = rank < weights.count && before + weights[rank] - target < target - before ? rank + 1 : rank
                bounds.append(max(cut, bounds[bounds.count - 1]))
            }
        } else {
            for part in 1..<count { bounds.append(weights.count * part / count) }
        }
        bounds.append(weights.count)
        parts = (0..<count).map { bounds[$0]..<bounds[$0 + 1] }
    }

    /// The estimated pair rows of each merged rank as the first entity (in
    /// bytes of pair files, whose records take about the same size).
    static func estimatedRows(_ plan: _MergePlan) -> [Double] {
        var rows = [Double](repeating: 0, count: plan.names.count)
        var local: [Double] = []
        for (index, directory) in plan.directories.enumerated() {
            let names = plan.nameCounts[index]
            guard names > 1,
                let pairFile = try? FileSystem.fileInfo(_PartialFile.cooccurrences.path(in: directory)),
                let reader = try? _CellReader<_EntityCell>(
                    directory: directory, names: names, map: Array(0..<UInt32(names)))
            else { continue }
            local = [Double](repeating: 0, count: names)
            var sum = 0.0
            do {
                while let cell = try reader.next() {
                    let rank = Int(cell.name)
                    let weight = Double(cell.documents).squareRoot() * Double(names - 1 - rank) / Double(names)
                    local[rank] = weight
                    sum += weight
                }
            } catch { continue }
            guard sum > 0 else { continue }
            let scale = Double(max(pairFile.size - Int64(_PartialFile.headerSize + _PartialFile.trailerSize), 0)) / sum
            let map = plan.maps[index]
            for rank in 0..<names where local[rank] > 0 { rows[Int(map[rank])] += local[rank] * scale }
        }
        return rows
    }
}
