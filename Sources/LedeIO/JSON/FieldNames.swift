/// The names of the top-level fields that ``JSONFieldScanner`` extracts from each line.
///
/// Each name is kept as the UTF-8 bytes of the *unescaped* key, so a line that spells a key
/// with escapes (`"t\u0065xt"`) still matches `text`.
public struct FieldNames: Sendable, Hashable {
    /// The key of the required article text (default `text`).
    public var text: [UInt8]
    /// The key of the optional document identifier (default `id`).
    public var id: [UInt8]
    /// The key of the optional publication date (default `date`).
    public var date: [UInt8]
    /// The key of the optional source name (default `source`).
    public var source: [UInt8]

    /// Creates field names from strings.
    ///
    /// Two fields may share a name; both then receive the same value.
    ///
    /// - Parameters:
    ///   - text: The key of the article text.
    ///   - id: The key of the document identifier.
    ///   - date: The key of the publication date.
    ///   - source: The key of the source name.
    public init(text: String = "text", id: String = "id", date: String = "date", source: String = "source") {
        self.text = Array(text.utf8)
        self.id = Array(id.utf8)
        self.date = Array(date.utf8)
        self.source = Array(source.utf8)
    }
}
