/// A partial or table that cannot be read or merged, as users see it.
///
/// The message names the file and, for row-level problems, the line, so that a
/// damaged partial can be found and its shard redone.
public struct AggregationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// The file or directory concerned, when there is one.
    public var path: String?
    /// The 1-based line of `path`, for row-level problems.
    public var line: Int?

    /// Makes an error.
    ///
    /// - Parameters:
    ///   - message: What went wrong, in words a user can act on.
    ///   - path: The file or directory concerned.
    ///   - line: The 1-based line of `path`.
    public init(_ message: String, path: String? = nil, line: Int? = nil) {
        self.message = message
        self.path = path
        self.line = line
    }

    /// `path:line: message`, with the parts that are known.
    public var description: String {
        switch (path, line) {
        case (let path?, let line?): "\(path):\(line): \(message)"
        case (let path?, nil): "\(path): \(message)"
        default: message
        }
    }
}
