/// How far a worker takes each line: the stages of the pipeline, in order.
public enum ProcessingDepth: Int, Sendable, CaseIterable, Comparable {
    /// Split lines and extract the fields (and reject bad lines).
    case scan
    /// … and tokenize the text.
    case tokenize
    /// … and tag entities.
    case tag
    /// … and count them.
    case aggregate
    /// … and write the annotated documents, compressed: the whole per-chunk work.
    case write

    public static func < (lhs: ProcessingDepth, rhs: ProcessingDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The stage's name in reports.
    public var name: String {
        switch self {
        case .scan: "+ lines and fields"
        case .tokenize: "+ tokenize"
        case .tag: "+ tag"
        case .aggregate: "+ aggregate"
        case .write: "+ write documents"
        }
    }
}
