/// One gold-annotated document to train or tune on.
public struct TrainingDocument: Sendable {
    /// One gold mention: byte offsets into ``TrainingDocument/text``, end exclusive.
    public struct Span: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var label: EntityLabel
        public init(start: Int, end: Int, label: EntityLabel) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    /// The UTF-8 text.
    public var text: [UInt8]
    /// The gold mentions, in text order, without overlaps.
    public var spans: [Span]
    /// Whether the document is a social post (it then trains only the social
    /// register's weights), or `nil` to tell from its text as the tagger does.
    public var isSocial: Bool?

    /// Creates a document.
    public init(text: [UInt8], spans: [Span], isSocial: Bool? = nil) {
        self.text = text
        self.spans = spans
        self.isSocial = isSocial
    }
}
