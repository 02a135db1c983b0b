import LedeEntities

extension Partial {
    /// Combines two partials: counts add up, first dates take the earlier and last dates the later.
    ///
    /// Associative and commutative, so chunk results of a shard can be merged in
    /// any grouping and order with the same result.
    ///
    /// - Parameter other: Another partial with sorted rows and unique keys.
    /// - Returns: The combined partial, sorted, with unique keys.
    /// - Complexity: O(*n* + *m*) row comparisons for tables of *n* and *m* rows.
    public func merging(_ other: Partial) -> Partial {
        var stats = self.stats
        stats.add(other.stats)
        if isCompact || other.isCompact {
            // Names are united once and rows merge as integers.
            return Partial(
                _compact: compactTables.merging(other.compactTables), tags: _mergeSortedRows(tags, other.tags),
                stats: stats)
        }
        return Partial(
            entities: _mergeSortedRows(entities, other.entities),
            cooccurrences: _mergeSortedRows(cooccurrences, other.cooccurrences),
            timeline: _mergeSortedRows(timeline, other.timeline),
            tags: _mergeSortedRows(tags, other.tags),
            stats: stats
        )
    }

    /// Combines another partial into this one; see ``merging(_:)``.
    ///
    /// - Parameter other: Another partial with sorted rows and unique keys.
    public mutating func merge(_ other: Partial) {
        self = merging(other)
    }

    /// The same counts with every table sorted and duplicate keys combined.
    ///
    /// Co-occurrence pairs are also put in order (a before b), and a pair of an
    /// entity with itself is dropped. For rows assembled by hand or in any order;
    /// partials made by ``AggregateBuilder`` and ``PartialStore`` are already
    /// normalized.
    ///
    /// - Returns: A partial that ``merging(_:)`` and ``PartialStore`` accept.
    /// - Complexity: O(*n* log *n*) per table.
    public func normalized() -> Partial {
        let orientedPairs = cooccurrences.compactMap { pair -> Cooccurrence? in
            let order = Entity.compareKeys(
                Entity(canonical: pair.a, label: pair.aLabel, mentions: 0, documents: 0, firstDate: nil, lastDate: nil),
                Entity(canonical: pair.b, label: pair.bLabel, mentions: 0, documents: 0, firstDate: nil, lastDate: nil))
            if order == 0 { return nil }
            if order < 0 { return pair }
            return Cooccurrence(
                a: pair.b, aLabel: pair.bLabel, b: pair.a, bLabel: pair.aLabel, documents: pair.documents)
        }
        return Partial(
            entities: _normalizeRows(entities), cooccurrences: _normalizeRows(orientedPairs),
            timeline: _normalizeRows(timeline), tags: _normalizeRows(tags), stats: stats
        )
    }
}

/// A table row with a key order and a way to absorb the counts of a row with the same key.
protocol _KeyedRow {
    /// Three-way comparison of the keys of two rows.
    static func compareKeys(_ a: Self, _ b: Self) -> Int
    /// Adds the counts of `other`, whose key equals this row's.
    mutating func absorb(_ other: Self)
}

/// Merges two sorted row arrays, combining rows with equal keys.
func _mergeSortedRows<Row: _KeyedRow>(_ a: [Row], _ b: [Row]) -> [Row] {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var merged: [Row] = []
    merged.reserveCapacity(max(a.count, b.count))
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
        let order = Row.compareKeys(a[i], b[j])
        if order < 0 {
            merged.append(a[i])
            i += 1
        } else if order > 0 {
            merged.append(b[j])
            j += 1
        } else {
            var row = a[i]
            row.absorb(b[j])
            merged.append(row)
            i += 1
            j += 1
        }
    }
    merged.append(contentsOf: a[i...])
    merged.append(contentsOf: b[j...])
    return merged
}

/// Sorts rows by key and combines rows with equal keys.
func _normalizeRows<Row: _KeyedRow>(_ rows: [Row]) -> [Row] {
    let sorted = rows.sorted { Row.compareKeys($0, $1) < 0 }
    var result: [Row] = []
    result.reserveCapacity(sorted.count)
    for row in sorted {
        if let last = result.last, Row.compareKeys(last, row) == 0 {
            result[result.count - 1].absorb(row)
        } else {
            result.append(row)
        }
    }
    return result
}

@inline(__always)
private func _compareLabels(_ a: EntityLabel, _ b: EntityLabel) -> Int { Int(a.rawValue) - Int(b.rawValue) }

/// The earlier of two optional days, a missing day counting as no information.
func _earlier(_ a: Day?, _ b: Day?) -> Day? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
}

/// The later of two optional days, a missing day counting as no information.
func _later(_ a: Day?, _ b: Day?) -> Day? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
}

extension Partial.Entity: _KeyedRow {
    static func compareKeys(_ a: Self, _ b: Self) -> Int {
        let order = _compareUTF8(a.canonical, b.canonical)
        return order != 0 ? order : _compareLabels(a.label, b.label)
    }

    mutating func absorb(_ other: Self) {
        mentions += other.mentions
        documents += other.documents
        firstDate = _earlier(firstDate, other.firstDate)
        lastDate = _later(lastDate, other.lastDate)
    }
}

extension Partial.Cooccurrence: _KeyedRow {
    static func compareKeys(_ x: Self, _ y: Self) -> Int {
        var order = _compareUTF8(x.a, y.a)
        if order != 0 { return order }
        order = _compareLabels(x.aLabel, y.aLabel)
        if order != 0 { return order }
        order = _compareUTF8(x.b, y.b)
        return order != 0 ? order : _compareLabels(x.bLabel, y.bLabel)
    }

    mutating func absorb(_ other: Self) {
        documents += other.documents
    }
}

extension Partial.TimelineEntry: _KeyedRow {
    static func compareKeys(_ a: Self, _ b: Self) -> Int {
        if a.date != b.date { return a.date < b.date ? -1 : 1 }
        let order = _compareUTF8(a.canonical, b.canonical)
        return order != 0 ? order : _compareLabels(a.label, b.label)
    }

    mutating func absorb(_ other: Self) {
        mentions += other.mentions
        documents += other.documents
    }
}

extension Partial.Tag: _KeyedRow {
    static func compareKeys(_ a: Self, _ b: Self) -> Int {
        _compareUTF8(a.tag, b.tag)
    }

    mutating func absorb(_ other: Self) {
        mentions += other.mentions
        documents += other.documents
    }
}
