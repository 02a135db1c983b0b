/// How a column is read, compared and combined.
enum _ColumnKind: Sendable, Equatable {
    /// Escaped UTF-8 in partials, quoted in CSV; compared bytewise.
    case text
    /// `PER`, `ORG`, `LOC` or `MISC`; compared in `EntityLabel` order.
    case label
    /// A required `YYYY-MM-DD` key.
    case day
    /// A non-negative count; summed.
    case count
    /// An optional `YYYY-MM-DD` (empty when none); the earliest wins.
    case firstDay
    /// An optional `YYYY-MM-DD` (empty when none); the latest wins.
    case lastDay
}

/// The columns of one table, shared by partial files, merged CSVs and the merge itself.
///
/// The first `keyCount` columns are the key, compared column by column; the
/// others are values combined when keys are equal.
struct _TableSchema: Sendable {
    /// The file stem: `entities` for `entities.tsv` and `entities.csv`.
    let name: String
    let columns: [String]
    let kinds: [_ColumnKind]
    let keyCount: Int
    /// Bit *c* set when column *c* is text: key comparison tests this instead of
    /// switching over `kinds`, which keeps the merge's inner loop free of array traffic.
    let textColumns: UInt32

    init(name: String, columns: [String], kinds: [_ColumnKind], keyCount: Int) {
        precondition(columns.count == kinds.count && kinds.count <= 32 && keyCount <= kinds.count)
        self.name = name
        self.columns = columns
        self.kinds = kinds
        self.keyCount = keyCount
        var mask: UInt32 = 0
        for (column, kind) in kinds.enumerated() where kind == .text { mask |= 1 << UInt32(column) }
        textColumns = mask
    }

    static let entities = _TableSchema(
        name: "entities", columns: ["canonical", "label", "mentions", "documents", "first_date", "last_date"],
        kinds: [.text, .label, .count, .count, .firstDay, .lastDay], keyCount: 2)
    static let cooccurrences = _TableSchema(
        name: "cooccurrences", columns: ["entity_a", "label_a", "entity_b", "label_b", "documents"],
        kinds: [.text, .label, .text, .label, .count], keyCount: 4)
    static let timeline = _TableSchema(
        name: "timeline", columns: ["date", "canonical", "label", "mentions", "documents"],
        kinds: [.day, .text, .label, .count, .count], keyCount: 3)
    static let tags = _TableSchema(
        name: "tags", columns: ["tag", "mentions", "documents"], kinds: [.text, .count, .count], keyCount: 1)
    /// Corpus counters as rows: (`counter`, name), (`reject`, reason), (`source`, name).
    static let stats = _TableSchema(
        name: "stats", columns: ["kind", "name", "value"], kinds: [.text, .text, .count], keyCount: 2)

    /// The four count tables, in the order they are written.
    static let countTables: [_TableSchema] = [entities, cooccurrences, timeline, tags]

    /// The header line (without newline) with `separator` between column names.
    func header(separator: UInt8) -> [UInt8] {
        Array(columns.joined(separator: String(UnicodeScalar(separator))).utf8)
    }
}
