/// The number of documents of one co-occurrence pair, keyed by `lower id << 32 | higher id`.
struct _PairCount: _RadixSortable, Sendable, Equatable {
    var key: UInt64
    var count: Int
}

extension UInt64: _RadixSortable {
    /// The integer itself, so that plain keys radix-sort.
    var key: UInt64 { self }
}

/// Counts co-occurrence pairs by sorting batches of keys, not by hashing each one.
///
/// A chunk of news has hundreds of thousands of distinct pairs, so a hash table
/// of them outgrows the caches and every pair costs a cache miss. Here a pair
/// costs one sequential 8-byte store; when the batch is full it is radix-sorted
/// (a few sequential passes), run-length counted, and merged into the sorted
/// counts so far. The batch starts small and doubles up to ``batchLimit``
/// keys, so builders that see few pairs stay small.
struct _PairCounter: Sendable {
    /// The most keys held before they are sorted into ``counted``.
    let batchLimit: Int

    /// Keys of pairs not yet counted; only the first `pendingCount` are used.
    private var pending: [UInt64] = []
    private var pendingCount = 0
    /// Counts so far, sorted by key, one entry per key.
    private var counted: [_PairCount] = []

    /// Makes an empty counter.
    ///
    /// - Parameter batchLimit: The most keys held before they are sorted; the
    ///   default, 2²⁰, is 8 MiB.
    init(batchLimit: Int = 1 << 20) {
        self.batchLimit = max(1, batchLimit)
    }

    /// At least the number of distinct pairs, at most the number of pair occurrences.
    var estimatedCount: Int { counted.count + pendingCount }

    /// Counts one document's pairs: every two of `ids`, each pair once.
    ///
    /// - Parameter ids: Distinct entity ids.
    /// - Complexity: O(*n*²) sequential stores for *n* ids, plus amortised sorting.
    mutating func addPairs(of ids: UnsafeBufferPointer<Int32>) {
        guard ids.count >= 2 else { return }
        for i in 0..<(ids.count - 1) {
            let row = ids.count - 1 - i
            reserve(row)
            let a = UInt64(UInt32(bitPattern: ids[i]))
            let start = pendingCount
            pending.withUnsafeMutableBufferPointer { pending in
                var at = start
                for j in (i + 1)..<ids.count {
                    let b = UInt64(UInt32(bitPattern: ids[j]))
                    pending[at] = a < b ? a << 32 | b : b << 32 | a
                    at += 1
                }
            }
            pendingCount += row
        }
    }

    /// Makes room for `count` more keys: grows the batch, or counts it when it is full.
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        guard pendingCount + count > pending.count else { return }
        if pendingCount + count > batchLimit && pendingCount > 0 { flush() }
        let needed = pendingCount + count
        if needed > pending.count {
            // Doubling, up to the limit; after a flush straight back to the capacity kept.
            let size = max(needed, min(batchLimit, max(4096, pending.count * 2, pending.capacity)))
            pending.append(contentsOf: repeatElement(0, count: size - pending.count))
        }
    }

    /// Sorts the batch (in place) into ``counted``.
    private mutating func flush() {
        pending.removeLast(pending.count - pendingCount)
        _radixSortByKey(&pending)
        counted = _PairCounter.merge(counted, _PairCounter.runLengths(pending))
        pending.removeAll(keepingCapacity: true)
        pendingCount = 0
    }

    /// The counts so far, sorted by key, the batch included; the counter is unchanged.
    ///
    /// - Complexity: O(*b* × *p* + *c*) for a batch of *b* keys with *p* ≤ 8
    ///   differing bytes and *c* counted pairs.
    func merged() -> [_PairCount] {
        guard pendingCount > 0 else { return counted }
        var keys = Array(pending[0..<pendingCount])
        _radixSortByKey(&keys)
        return _PairCounter.merge(counted, _PairCounter.runLengths(keys))
    }

    /// Sorted keys as (key, number of repeats).
    private static func runLengths(_ keys: [UInt64]) -> [_PairCount] {
        var batch: [_PairCount] = []
        batch.reserveCapacity(keys.count / 2)
        keys.withUnsafeBufferPointer { keys in
            var index = 0
            while index < keys.count {
                let key = keys[index]
                var end = index + 1
                while end < keys.count && keys[end] == key { end += 1 }
                batch.append(_PairCount(key: key, count: end - index))
                index = end
            }
        }
        return batch
    }

    /// Two sorted count lists as one, counts of equal keys added.
    private static func merge(_ counted: [_PairCount], _ batch: [_PairCount]) -> [_PairCount] {
        guard !counted.isEmpty else { return batch }
        var result: [_PairCount] = []
        result.reserveCapacity(counted.count + batch.count)
        counted.withUnsafeBufferPointer { a in
            batch.withUnsafeBufferPointer { b in
                var i = 0
                var j = 0
                while i < a.count && j < b.count {
                    if a[i].key < b[j].key {
                        result.append(a[i])
                        i += 1
                    } else if a[i].key > b[j].key {
                        result.append(b[j])
                        j += 1
                    } else {
                        result.append(_PairCount(key: a[i].key, count: a[i].count + b[j].count))
                        i += 1
                        j += 1
                    }
                }
                result.append(contentsOf: a[i...])
                result.append(contentsOf: b[j...])
            }
        }
        return result
    }

    /// Forgets every pair, keeping the batch's capacity.
    mutating func removeAll() {
        pendingCount = 0
        counted.removeAll(keepingCapacity: true)
    }
}
