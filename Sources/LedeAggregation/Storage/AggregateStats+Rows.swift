extension AggregateStats {
    /// The stats as rows of the `stats` table, in key order.
    var rows: [(kind: String, name: String, value: Int)] {
        var rows = namedCounters.map { (kind: "counter", name: $0.name, value: $0.value) }
        for (kind, dictionary) in [("reject", rejects), ("source", sources)] {
            let names = dictionary.keys.sorted { _compareUTF8($0, $1) < 0 }
            rows += names.map { (kind: kind, name: $0, value: dictionary[$0]!) }
        }
        return rows
    }

    /// Adds one row of the `stats` table.
    ///
    /// - Returns: `false` for an unknown kind or counter name.
    mutating func add(kind: String, name: String, value: Int) -> Bool {
        switch kind {
        case "counter":
            let current = namedCounters.first { $0.name == name }?.value ?? 0
            return setCounter(named: name, to: current + value)
        case "reject":
            rejects[name, default: 0] += value
        case "source":
            sources[name, default: 0] += value
        default:
            return false
        }
        return true
    }
}

/// Collects the merged rows of the `stats` table; they are few (counters,
/// reasons, sources), so they are gathered in memory for `stats.json`.
struct _StatsCollector: _RowSink {
    var stats = AggregateStats()
    let origin: String

    mutating func consume(_ row: _TableRow) throws {
        let kind = row.string(0)
        let name = row.string(1)
        guard stats.add(kind: kind, name: name, value: row.value(2)) else {
            throw AggregationError("unknown stats row \(kind) \(name)", path: origin)
        }
    }
}
