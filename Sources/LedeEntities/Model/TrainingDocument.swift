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

    /// Creates a document.
    public init(text: [UInt8], spans: [Span]) {
        self.text = text
        self.spans = spans
    }
}
