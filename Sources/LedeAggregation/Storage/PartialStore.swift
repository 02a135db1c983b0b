import LedeEntities
import LedeIO

/// Writes partials to disk as directories of sorted tables, and reads them back.
///
/// A partial directory holds `FORMAT` (`lede-partial 1`) and one tab-separated
/// file per table, each with a header line and one row per key in key order:
///
/// | file | columns |
/// |---|---|
/// | `entities.tsv` | canonical, label, mentions, documents, first_date, last_date |
/// | `cooccurrences.tsv` | entity_a, label_a, entity_b, label_b, documents |
/// | `timeline.tsv` | date, canonical, label, mentions, documents |
/// | `tags.tsv` | tag, mentions, documents |
/// | `stats.tsv` | kind (`counter`, `reject`, `source`), name, value |
///
/// Text fields escape `\` `tab` `newline` `carriage return` as `\\` `\t` `\n` `\r`;
/// dates are `YYYY-MM-DD` (empty when unknown); labels are `PER`, `ORG`, `LOC`, `MISC`.
/// Keys sort bytewise on the unescaped UTF-8, label last in `EntityLabel` order.
public enum PartialStore {
    /// The version in `FORMAT`; readers refuse other versions.
    public static let formatVersion = 1

    /// Writes a partial as a directory, atomically.
    ///
    /// The files are written into a hidden sibling directory, flushed, and the
    /// directory is then swapped into place; an existing partial at `directory`
    /// is replaced and removed. A process killed at any instant leaves either
    /// the old partial or the new one.
    ///
    /// - Parameters:
    ///   - partial: A partial with sorted rows and unique keys (as
    ///     ``AggregateBuilder/makePartial()`` and ``Partial/merging(_:)`` make them).
    ///   - directory: The partial's directory; its parent is created when missing.
    ///   - durable: Whether the files are flushed to stable storage before the
    ///     directory is swapped in, so that a power loss cannot leave an empty
    ///     partial behind the new name. Turn off only for scratch output.
    /// - Throws: ``LedeIO/SystemError`` when a file cannot be written.
    public static func write(_ partial: Partial, to directory: String, durable: Bool = true) throws {
        try FileSystem.createDirectory(Path.directory(of: directory))
        try _PartialDirectory.write(to: directory, durable: durable) { temporary in
            var entities = try _TableWriter(directory: temporary, schema: .entities, format: .tsv, durable: durable)
            for row in partial.entities {
                entities.text(row.canonical)
                entities.label(row.label)
                entities.integer(row.mentions)
                entities.integer(row.documents)
                entities.day(row.firstDate)
                entities.day(row.lastDate)
                try entities.endRow()
            }
            try entities.commit()

            var pairs = try _TableWriter(directory: temporary, schema: .cooccurrences, format: .tsv, durable: durable)
            for row in partial.cooccurrences {
                pairs.text(row.a)
                pairs.label(row.aLabel)
                pairs.text(row.b)
                pairs.label(row.bLabel)
                pairs.integer(row.documents)
                try pairs.endRow()
            }
            try pairs.commit()

            var timeline = try _TableWriter(directory: temporary, schema: .timeline, format: .tsv, durable: durable)
            for row in partial.timeline {
                timeline.day(row.date)
                timeline.text(row.canonical)
                timeline.label(row.label)
                timeline.integer(row.mentions)
                timeline.integer(row.documents)
                try timeline.endRow()
            }
            try timeline.commit()

            var tags = try _TableWriter(directory: temporary, schema: .tags, format: .tsv, durable: durable)
            for row in partial.tags {
                tags.text(row.tag)
                tags.integer(row.mentions)
                tags.integer(row.documents)
                try tags.endRow()
            }
            try tags.commit()

            var stats = try _TableWriter(directory: temporary, schema: .stats, format: .tsv, durable: durable)
            for row in partial.stats.rows {
                stats.text(row.kind)
                stats.text(row.name)
                stats.integer(row.value)
                try stats.endRow()
            }
            try stats.commit()
        }
    }

    /// Reads a partial directory into memory.
    ///
    /// For tests and small partials; merging many or large partials should go
    /// through ``PartialMerger``, which streams.
    ///
    /// - Parameter directory: A directory written by ``write(_:to:)`` or by a merge round.
    /// - Returns: The partial.
    /// - Throws: ``AggregationError`` when the directory is not a partial of this
    ///   format or a row is malformed or out of order; ``LedeIO/SystemError`` when
    ///   a file cannot be read.
    /// - Complexity: O(*n*) in the number of rows; memory O(*n*).
    public static func read(_ directory: String) throws -> Partial {
        try _PartialDirectory.validate(directory)
        var partial = Partial()
        try forEachRow(directory, .entities) { row in
            partial.entities.append(
                Partial.Entity(
                    canonical: row.string(0), label: label(row.value(1)), mentions: row.value(2),
                    documents: row.value(3), firstDate: day(row.value(4)), lastDate: day(row.value(5))))
        }
        try forEachRow(directory, .cooccurrences) { row in
            partial.cooccurrences.append(
                Partial.Cooccurrence(
                    a: row.string(0), aLabel: label(row.value(1)), b: row.string(2), bLabel: label(row.value(3)),
                    documents: row.value(4)))
        }
        try forEachRow(directory, .timeline) { row in
            partial.timeline.append(
                Partial.TimelineEntry(
                    date: Day(_uncheckedPacked: UInt32(row.value(0))), canonical: row.string(1),
                    label: label(row.value(2)), mentions: row.value(3), documents: row.value(4)))
        }
        try forEachRow(directory, .tags) { row in
            partial.tags.append(Partial.Tag(tag: row.string(0), mentions: row.value(1), documents: row.value(2)))
        }
        var collector = _StatsCollector(origin: Path.join(directory, "stats.tsv"))
        try forEachRow(directory, .stats) { row in try collector.consume(row) }
        partial.stats = collector.stats
        return partial
    }

    private static func forEachRow(_ directory: String, _ schema: _TableSchema, _ body: (_TableRow) throws -> Void)
        throws
    {
        let cursor = try _TableCursor(directory: directory, schema: schema)
        var row = _TableRow(columns: schema.kinds.count)
        while try cursor.advance(&row) { try body(row) }
    }

    private static func label(_ value: Int) -> EntityLabel { EntityLabel(rawValue: UInt8(value))! }

    private static func day(_ value: Int) -> Day? { value == 0 ? nil : Day(_uncheckedPacked: UInt32(value)) }
}
