import CZstd

/// A libzstd failure, with the library's own reason.
public struct ZstdError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What Lede was doing (`decompress`, `compress`, `configure`).
    public var operation: String
    /// libzstd's error name, for example `Data corruption detected`.
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    /// Wraps a libzstd return code when it is an error.
    static func check(_ code: Int, _ operation: String) throws(ZstdError) {
        if ZSTD_isError(code) != 0 {
            throw ZstdError(operation: operation, reason: String(cString: ZSTD_getErrorName(code)))
        }
    }

    public var description: String { "zstd \(operation) failed: \(reason)" }
}
