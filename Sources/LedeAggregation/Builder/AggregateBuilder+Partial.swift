import LedeEntities

extension AggregateBuilder {
    /// The counts so far as a partial with sorted tables.
    ///
    /// Names are copied once into the partial's name table and rows refer to
    /// them by rank, so no `String` is made per pair or timeline cell. Names that
    /// are not valid UTF-8 are repaired (U+FFFD), and keys that become equal by
    /// the repair are combined.
    ///
    /// - Returns: The chunk's partial; the builder is unchanged and can go on counting.
    /// - Complexity: O(*n*) radix-sort passes for *n* distinct entities, pairs and
    ///   timeline cells, plus sorting names with equal 8-byte prefixes.
    public func makePartial() -> Partial {
        precondition(!inDocument, "makePartial while a document is open")

        // Entities, ranked by key so that pairs and timeline cells sort as integers.
        let order = names.sortedIDs()
        var rank = [UInt32](repeating: 0, count: order.count)
        var table = _NameTable(reservingCapacity: order.count, bytes: 0)
        var entities: [_EntityCell] = []
        entities.reserveCapacity(order.count)
        entityStates.withUnsafeBufferPointer { states in
            for (position, id) in order.enumerated() {
                rank[id] = UInt32(position)
                names.withBytes(of: id) { table.append($0, label: names.discriminator(of: id)) }
                let state = states[id]
                entities.append(
                    _EntityCell(
                        name: UInt32(position), firstDay: state.firstDay, lastDay: state.lastDay,
                        mentions: state.mentions, documents: state.documents))
            }
        }

        let pairCounts = pairs.merged()
        var pairCells: [_PairCell] = []
        pairCells.reserveCapacity(pairCounts.count)
        rank.withUnsafeBufferPointer { rank in
            for pair in pairCounts {
                let x = UInt64(rank[Int(pair.key >> 32)])
                let y = UInt64(rank[Int(pair.key & 0xFFFF_FFFF)])
                pairCells.append(_PairCell(key: x < y ? x << 32 | y : y << 32 | x, documents: pair.count))
            }
        }
        _radixSortByKey(&pairCells)

        var dayCells: [_TimelineCell] = []
        dayCells.reserveCapacity(timeline.count)
        rank.withUnsafeBufferPointer { rank in
            timeline.forEachKey { key, counts in
                dayCells.append(
                    _TimelineCell(
                        key: key & 0xFFFF_FFFF_0000_0000 | UInt64(rank[Int(key & 0xFFFF_FFFF)]),
                        mentions: counts.mentions, documents: counts.documents))
            }
        }
        _radixSortByKey(&dayCells)

        var allValid = true
        let tags = tagNames.sortedIDs().map { id in
            let (tag, valid) = tagNames.string(of: id)
            allValid = allValid && valid
            return Partial.Tag(tag: tag, mentions: tagStates[id].mentions, documents: tagStates[id].documents)
        }

        var sources: [String: Int] = [:]
        for id in 0..<sourceNames.count {
            sources[sourceNames.string(of: id).string, default: 0] += sourceDocuments[id]
        }
        let stats = AggregateStats(
            documents: counters.documents, lines: counters.lines, bytes: counters.bytes, tokens: counters.tokens,
            mentions: counters.mentions, undated: counters.undated, shards: counters.shards,
            failedShards: counters.failedShards, entityLimitDocuments: counters.entityLimitDocuments, rejects: rejects,
            sources: sources)

        let partial = Partial(
            _compact: _CompactTables(names: table, entities: entities, pairs: pairCells, timeline: dayCells),
            tags: tags, stats: stats)
        guard allValid && table.isValidUTF8 else {
            // Repaired names may now collide or sort differently from their bytes:
            // go through `String` rows once, then back to the compact form.
            let rows = partial.normalized()
            return Partial(_compact: rows.compactTables, tags: rows.tags, stats: rows.stats)
        }
        return partial
    }
}
