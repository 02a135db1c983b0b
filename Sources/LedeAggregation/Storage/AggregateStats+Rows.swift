extension AggregateStats {
    /// The stats as rows of a partial's `stats.bin`, in key order.
    var rows: [(kind: String, name: String, value: Int)] {
        var rows = namedCounters.map { (kind: "counter", name: $0.name, value: $0.value) }
        for (kind, dictionary) in [("reject", rejects), ("source", sources)] {
            let names = dictionary.keys.sorted { _compareUTF8($0, $1) < 0 }
            rows += names.map { (kind: kind, name: $0, value: dictionary[$0]!) }
        }
        return rows
    }

    /// Adds one row of a partial's `stats.bin`.
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
