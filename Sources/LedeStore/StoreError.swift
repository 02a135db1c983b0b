import LedeEntities

/// A store that cannot be built or read, or an entity it does not hold, as users see it.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No store at the path.
    case missing(path: String)
    /// A file that is not a Lede store, or a damaged one.
    case unreadable(path: String, reason: String)
    /// A store of another format version.
    case incompatible(path: String, found: Int, expected: Int)
    /// No entity of that name (and label); `suggestions` are close names, most mentioned first.
    case entityNotFound(name: String, label: EntityLabel?, suggestions: [StoreEntity])
    /// SQLite refused an operation (a full disk, say).
    case failed(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no Lede store at \(path)"
        case .unreadable(let path, let reason):
            return "\(path) is not a readable Lede store (\(reason)); rebuild it with `lede merge`"
        case .incompatible(let path, let found, let expected):
            return "\(path) is a Lede store of format \(found), this lede reads format \(expected); rebuild it with `lede merge`"
        case .entityNotFound(let name, let label, let suggestions):
            let what = label.map { "no \($0.name) entity named \"\(name)\"" } ?? "no entity named \"\(name)\""
            guard !suggestions.isEmpty else { return "\(what), and no name contains it" }
            let names = suggestions.map { "\"\($0.canonical)\" (\($0.label.name))" }
            return "\(what); did you mean \(names.joined(separator: ", "))?"
        case .failed(let path, let operation, let reason):
            return "cannot \(operation) \(path): \(reason)"
        }
    }
}
