import LedeEntities

/// The entity, co-occurrence and timeline tables of a partial, with names stored once.
///
/// Rows refer to names by rank in ``names``, so a pair is 16 bytes and no
/// `String` exists per row. ``AggregateBuilder/makePartial()``, ``Partial/merging(_:)``
/// and ``PartialStore`` work on this form; `String` rows are made only when a
/// caller reads ``Partial/entities``, ``Partial/cooccurrences`` or ``Partial/timeline``.
///
/// Invariants: ``names`` is sorted with unique keys and holds only names that
/// some row refers to; each table is sorted by its cells' keys, one cell per
/// key; a pair's first rank is below its second.
struct _CompactTables: Sendable, Equatable {
    var names = _NameTable()
    var entities: [_EntityCell] = []
    var pairs: [_PairCell] = []
    var timeline: [_TimelineCell] = []

    /// Combines two tables: names are united, ranks remapped, counts added.
    ///
    /// - Complexity: O(*n* + *m*) for the rows, plus O(names) key comparisons.
    func merging(_ other: _CompactTables) -> _CompactTables {
        // Without names a side has no rows either: the other side is the result as
        // it is. A shard's counts meet empty partials (its own counter, segments
        // that were never cut) on the way to its partial, and copying its tables
        // through a merge each time cost 1.5% of a run and a quarter of its page faults.
        if other.names.count == 0 { return self }
        if names.count == 0 { return other }
        let (names, left, right) = _NameTable.union(self.names, other.names)
        return _CompactTables(
            names: names, entities: _mergeCells(entities, left, other.entities, right),
            pairs: _mergeCells(pairs, left, other.pairs, right),
            timeline: _mergeCells(timeline, left, other.timeline, right))
    }

    /// One `String` per name, made once for all rows.
    func strings() -> [String] {
        (0..<names.count).map { names.string($0) }
    }

    /// The entity rows as ``Partial/Entity`` values.
    func entityRows(_ strings: [String]) -> [Partial.Entity] {
        entities.map { cell in
            Partial.Entity(
                canonical: strings[Int(cell.name)], label: names.label(Int(cell.name)), mentions: cell.mentions,
                documents: cell.documents, firstDate: cell.firstDay == 0 ? nil : Day(_uncheckedPacked: cell.firstDay),
                lastDate: cell.lastDay == 0 ? nil : Day(_uncheckedPacked: cell.lastDay))
        }
    }

    /// The pair rows as ``Partial/Cooccurrence`` values.
    func pairRows(_ strings: [String]) -> [Partial.Cooccurrence] {
        pairs.map { cell in
            let a = Int(cell.key >> 32)
            let b = Int(cell.key & 0xFFFF_FFFF)
            return Partial.Cooccurrence(
                a: strings[a], aLabel: names.label(a), b: strings[b], bLabel: names.label(b), documents: cell.documents)
        }
    }

    /// The timeline rows as ``Partial/TimelineEntry`` values.
    func timelineRows(_ strings: [String]) -> [Partial.TimelineEntry] {
        timeline.map { cell in
            let name = Int(cell.key & 0xFFFF_FFFF)
            return Partial.TimelineEntry(
                date: Day(_uncheckedPacked: UInt32(cell.key >> 32)), canonical: strings[name],
                label: names.label(name), mentions: cell.mentions, documents: cell.documents)
        }
    }

    /// Builds the compact form of `String` rows.
    ///
    /// Rows keep their order; when they are sorted with unique keys (as
    /// ``Partial`` requires), so are the cells.
    ///
    /// - Complexity: O(*n*) hash look-ups plus sorting the distinct names.
    init(entities: [Partial.Entity], cooccurrences: [Partial.Cooccurrence], timeline: [Partial.TimelineEntry]) {
        var interner = _ByteInterner(capacity: max(16, entities.count))
        func id(_ name: String, _ label: EntityLabel) -> Int {
            var name = name
            return name.withUTF8 { interner.intern(UnsafeRawBufferPointer($0), discriminator: label.rawValue) }
        }
        let entityIDs = entities.map { id($0.canonical, $0.label) }
        let pairIDs = cooccurrences.map { (id($0.a, $0.aLabel), id($0.b, $0.bLabel)) }
        let timelineIDs = timeline.map { id($0.canonical, $0.label) }
        let order = interner.sortedIDs()
        var rank = [UInt32](repeating: 0, count: order.count)
        var names = _NameTable(reservingCapacity: order.count, bytes: 0)
        for (position, id) in order.enumerated() {
            rank[id] = UInt32(position)
            interner.withBytes(of: id) { names.append($0, label: interner.discriminator(of: id)) }
        }
        self.names = names
        self.entities = zip(entities, entityIDs).map { row, id in
            _EntityCell(
                name: rank[id], firstDay: row.firstDate?.packed ?? 0, lastDay: row.lastDate?.packed ?? 0,
                mentions: row.mentions, documents: row.documents)
        }
        self.pairs = zip(cooccurrences, pairIDs).map { row, ids in
            _PairCell(key: UInt64(rank[ids.0]) << 32 | UInt64(rank[ids.1]), documents: row.documents)
        }
        self.timeline = zip(timeline, timelineIDs).map { row, id in
            _TimelineCell(
                key: UInt64(row.date.packed) << 32 | UInt64(rank[id]), mentions: row.mentions, documents: row.documents)
        }
    }

    /// Makes tables from parts that already meet the invariants.
    init(names: _NameTable, entities: [_EntityCell], pairs: [_PairCell], timeline: [_TimelineCell]) {
        self.names = names
        self.entities = entities
        self.pairs = pairs
        self.timeline = timeline
    }

    /// Empty tables.
    init() {}
}
