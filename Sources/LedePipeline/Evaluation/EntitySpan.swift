import LedeEntities

/// One labelled span, gold or predicted, compared exactly (start, end and label).
///
/// The unit of `start`/`end` is the caller's choice (bytes or Unicode scalars),
/// as long as gold and predicted spans of one comparison use the same one.
public struct EntitySpan: Sendable, Hashable, Comparable {
    /// First offset of the span.
    public var start: Int
    /// One past the last offset.
    public var end: Int
    /// The entity class.
    public var label: EntityLabel

    /// Creates a span.
    public init(start: Int, end: Int, label: EntityLabel) {
        self.start = start
        self.end = end
        self.label = label
    }

    public static func < (lhs: EntitySpan, rhs: EntitySpan) -> Bool {
        (lhs.start, lhs.end, lhs.label.rawValue) < (rhs.start, rhs.end, rhs.label.rawValue)
    }
}
