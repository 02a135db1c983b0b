#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a named file, as users see it.
///
/// The message names the file, the operation and the system's reason, so that a
/// full disk or a missing directory can be fixed without reading code.
public struct SystemError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The operation that failed, for example `open` or `write`.
    public var operation: String
    /// The file or directory it was applied to.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's text for ``code``.
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
