import LedeEntities
import LedeIO

/// Writes and reads the tables of a partial directory (see ``_PartialFile`` for the format).
enum _PartialFileIO {
    /// Writes the name table.
    static func writeNames(_ names: _NameTable, directory: String, durable: Bool) throws {
        var out = try _OutputBuffer.partialFile(.names, directory: directory, durable: durable)
        for index in 0..<names.count {
            try out.append(names.labels[index])
            try names.withBytes(index) { bytes in
                try out.appendLittleEndian(UInt32(bytes.count))
                try out.append(bytes)
            }
        }
        try out.commit(records: names.count)
    }

    /// Reads and checks the name table: known labels, sorted, unique.
    static func readNames(directory: String) throws -> _NameTable {
        var file = try _PartialFileContents(.names, directory: directory)
        var names = _NameTable(reservingCapacity: file.records, bytes: 0)
        for index in 0..<file.records {
            let label = try file.integer(UInt8.self)
            guard EntityLabel(rawValue: label) != nil else {
                throw AggregationError("bad label \(label) (name \(index))", path: file.path)
            }
            try file.withString { names.append($0, label: label) }
            if index > 0 && _NameTable.compare(names, index - 1, names, index) >= 0 {
                throw AggregationError("names not sorted or repeated (name \(index))", path: file.path)
            }
        }
        try file.checkFullyRead()
        return names
    }

    /// Writes a table of cells.
    static func writeCells<Cell: _BinaryCell>(_ cells: [Cell], directory: String, durable: Bool) throws {
        var out = try _OutputBuffer.partialFile(Cell.file, directory: directory, durable: durable)
        var previousKey: UInt64 = 0
        for cell in cells {
            try cell.store(into: &out, after: previousKey)
            previousKey = cell.key
        }
        try out.commit(records: cells.count)
    }

    /// Reads a whole table of cells, checked against a name table of `names` keys.
    static func readCells<Cell: _BinaryCell>(_: Cell.Type, directory: String, names: Int) throws -> [Cell] {
        let reader = try _CellReader<Cell>(directory: directory, names: names, map: Array(0..<UInt32(names)))
        var cells: [Cell] = []
        while let cell = try reader.next() { cells.append(cell) }
        return cells
    }

    /// Writes the tags table.
    static func writeTags(_ tags: [Partial.Tag], directory: String, durable: Bool) throws {
        var out = try _OutputBuffer.partialFile(.tags, directory: directory, durable: durable)
        for tag in tags {
            let text = Array(tag.tag.utf8)
            try out.appendLittleEndian(UInt32(text.count))
            try out.append(text)
            try out.appendLittleEndian(Int64(tag.mentions))
            try out.appendLittleEndian(Int64(tag.documents))
        }
        try out.commit(records: tags.count)
    }

    /// Reads and checks the tags table: sorted bytewise, unique.
    static func readTags(directory: String) throws -> [Partial.Tag] {
        var file = try _PartialFileContents(.tags, directory: directory)
        var tags: [Partial.Tag] = []
        for index in 0..<file.records {
            let tag = try file.withString { String(decoding: $0, as: UTF8.self) }
            let row = Partial.Tag(tag: tag, mentions: try file.count(), documents: try file.count())
            if let last = tags.last, _compareUTF8(last.tag, tag) >= 0 {
                throw AggregationError("tags not sorted or repeated (tag \(index))", path: file.path)
            }
            tags.append(row)
        }
        try file.checkFullyRead()
        return tags
    }

    /// Writes the corpus counters.
    static func writeStats(_ stats: AggregateStats, directory: String, durable: Bool) throws {
        var out = try _OutputBuffer.partialFile(.stats, directory: directory, durable: durable)
        let rows = stats.rows
        for row in rows {
            try out.append(UInt8(row.kind == "counter" ? 0 : row.kind == "reject" ? 1 : 2))
            let name = Array(row.name.utf8)
            try out.appendLittleEndian(UInt32(name.count))
            try out.append(name)
            try out.appendLittleEndian(Int64(row.value))
        }
        try out.commit(records: rows.count)
    }

    /// Reads the corpus counters.
    static func readStats(directory: String) throws -> AggregateStats {
        var file = try _PartialFileContents(.stats, directory: directory)
        var stats = AggregateStats()
        for _ in 0..<file.records {
            let kind = try file.integer(UInt8.self)
            let name = try file.withString { String(decoding: $0, as: UTF8.self) }
            let value = try file.count()
            guard kind <= 2, stats.add(kind: ["counter", "reject", "source"][Int(kind)], name: name, value: value)
            else { throw AggregationError("unknown stats row \(kind) \(name)", path: file.path) }
        }
        try file.checkFullyRead()
        return stats
    }
}
