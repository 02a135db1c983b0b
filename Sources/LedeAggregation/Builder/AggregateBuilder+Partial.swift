import LedeEntities

extension AggregateBuilder {
    /// The counts so far as a partial with sorted tables.
    ///
    /// Names become `String`s here, once per distinct key. Names that are not
    /// valid UTF-8 are repaired (U+FFFD), and keys that become equal by the
    /// repair are combined.
    ///
    /// - Returns: The chunk's partial; the builder is unchanged and can go on counting.
    /// - Complexity: O(*n* log *n*) for *n* distinct entities, pairs and timeline cells.
    public func makePartial() -> Partial {
        precondition(!inDocument, "makePartial while a document is open")
        var allValid = true

        // Entities, ranked by key so that pairs and timeline cells sort as integers.
        let order = names.sortedIDs()
        var rank = [UInt32](repeating: 0, count: order.count)
        var strings: [String] = []
        strings.reserveCapacity(order.count)
        var labels: [EntityLabel] = []
        labels.reserveCapacity(order.count)
        var entities: [Partial.Entity] = []
        entities.reserveCapacity(order.count)
        for (position, id) in order.enumerated() {
            rank[id] = UInt32(position)
            let (name, valid) = names.string(of: id)
            allValid = allValid && valid
            let label = EntityLabel(rawValue: names.discriminator(of: id))!
            strings.append(name)
            labels.append(label)
            let state = entityStates[id]
            entities.append(
                Partial.Entity(
                    canonical: name, label: label, mentions: state.mentions, documents: state.documents,
                    firstDate: state.firstDay == 0 ? nil : Day(_uncheckedPacked: state.firstDay),
                    lastDate: state.lastDay == 0 ? nil : Day(_uncheckedPacked: state.lastDay)))
        }

        var pairCells: [_KeyedCell] = []
        pairCells.reserveCapacity(pairs.count)
        pairs.forEachKey { key, documents in
            let x = UInt64(rank[Int(key >> 32)])
            let y = UInt64(rank[Int(key & 0xFFFF_FFFF)])
            pairCells.append(_KeyedCell(key: x < y ? x << 32 | y : y << 32 | x, first: documents.count, second: 0))
        }
        _radixSortByKey(&pairCells)
        let cooccurrences = pairCells.map { cell in
            let a = Int(cell.key >> 32)
            let b = Int(cell.key & 0xFFFF_FFFF)
            return Partial.Cooccurrence(
                a: strings[a], aLabel: labels[a], b: strings[b], bLabel: labels[b],
                documents: cell.first)
        }

        var dayCells: [_KeyedCell] = []
        dayCells.reserveCapacity(timeline.count)
        timeline.forEachKey { key, counts in
            dayCells.append(
                _KeyedCell(
                    key: key & 0xFFFF_FFFF_0000_0000 | UInt64(rank[Int(key & 0xFFFF_FFFF)]), first: counts.mentions,
                    second: counts.documents))
        }
        _radixSortByKey(&dayCells)
        let timelineRows = dayCells.map { cell in
            let position = Int(cell.key & 0xFFFF_FFFF)
            return Partial.TimelineEntry(
                date: Day(_uncheckedPacked: UInt32(cell.key >> 32)), canonical: strings[position],
                label: labels[position], mentions: cell.first, documents: cell.second)
        }

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
            failedShards: counters.failedShards, rejects: rejects, sources: sources)

        let partial = Partial(
            entities: entities, cooccurrences: cooccurrences, timeline: timelineRows, tags: tags, stats: stats)
        // Repaired names may now collide or sort differently from their bytes.
        return allValid ? partial : partial.normalized()
    }
}
