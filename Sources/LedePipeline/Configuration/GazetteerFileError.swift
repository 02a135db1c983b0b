/// A user gazetteer file that cannot be used: unreadable, not UTF-8, or a bad entry.
public struct GazetteerFileError: Error, Sendable, CustomStringConvertible {
    /// The file, as given.
    public var path: String
    /// The 1-based line of the problem, when there is one.
    public var line: Int?
    /// What is wrong, and what to write instead.
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, as compilers write it, so editors can jump there.
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
