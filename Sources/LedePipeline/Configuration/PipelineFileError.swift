/// A pipeline file that cannot be used, located as precisely as the problem allows.
///
/// Printed as `FILE:LINE:COLUMN: KEY: MESSAGE`, the form editors and terminals turn
/// into a link; the message says what is wrong and what to do about it.
public struct PipelineFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A place in the file: line and column both count from 1.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        /// The line, from 1.
        public var line: Int
        /// The column, from 1, in Unicode scalars.
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var description: String { "\(line):\(column)" }
    }

    /// The pipeline file, as it was named.
    public var file: String
    /// Where in the file, when the problem has a place (a missing key has none).
    public var location: Location?
    /// The dotted key the problem is about (`run.jobs`, `inputs.paths[2]`), if any.
    public var key: String?
    /// What is wrong and what to do.
    public var message: String

    public init(file: String, location: Location?, key: String?, message: String) {
        self.file = file
        self.location = location
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let location { text += ":\(location)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}
