/// The reason a line was rejected and where in the line the problem was found.
///
/// Values are built only on the reject path, so the `detail` string costs nothing for accepted lines.
public struct LineRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The classification written to the reject file.
    public var reason: RejectReason
    /// The byte offset in the line (counting any BOM) where the problem was found.
    public var offset: Int
    /// A short human-readable explanation, or `nil`.
    public var detail: String?

    /// Creates a rejection.
    ///
    /// - Parameters:
    ///   - reason: The classification written to the reject file.
    ///   - offset: The byte offset in the line where the problem was found.
    ///   - detail: A short explanation for people reading the reject file.
    public init(reason: RejectReason, offset: Int, detail: String? = nil) {
        self.reason = reason
        self.offset = offset
        self.detail = detail
    }

    /// The reason, the offset and the detail on one line, e.g. `not-json at byte 17: expected ':' after a key`.
    public var description: String {
        var text = "\(reason.rawValue) at byte \(offset)"
        if let detail { text += ": \(detail)" }
        return text
    }
}
