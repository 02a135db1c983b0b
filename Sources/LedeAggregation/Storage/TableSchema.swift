/// The name and columns of one merged table, for its file name and CSV header.
struct _TableSchema: Sendable {
    /// The file stem: `entities` for `entities.csv`.
    let name: String
    /// The column names, in order.
    let columns: [String]

    static let entities = _TableSchema(
        name: "entities", columns: ["canonical", "label", "mentions", "documents", "first_date", "last_date"])
    static let cooccurrences = _TableSchema(
        name: "cooccurrences", columns: ["entity_a", "label_a", "entity_b", "label_b", "documents"])
    static let timeline = _TableSchema(
        name: "timeline", columns: ["date", "canonical", "label", "mentions", "documents"])
    static let tags = _TableSchema(name: "tags", columns: ["tag", "mentions", "documents"])

    /// The header line (without newline) with `separator` between column names.
    func header(separator: UInt8) -> [UInt8] {
        Array(columns.joined(separator: String(UnicodeScalar(separator))).utf8)
    }
}
