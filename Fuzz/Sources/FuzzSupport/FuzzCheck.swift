#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the process with `message` when an invariant does not hold, so that libFuzzer records
/// the input as a crash and writes it to its artifact file.
///
/// - Parameters:
///   - condition: The invariant.
///   - message: What broke, with enough context to start debugging from the saved input.
@inline(__always)
public func fuzzCheck(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fuzzFail(message(), file: file, line: line) }
}

/// Prints `message` to standard error and aborts.
public func fuzzFail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = "fuzz invariant broken at \(file):\(line): \(message)\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    abort()
}

/// Bytes shown as a Swift array literal, for messages that must be pasted into a test.
public func fuzzLiteral<C: Collection<UInt8>>(_ bytes: C, limit: Int = 256) -> String {
    let shown = bytes.prefix(limit).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: ", ")
    return "[" + shown + (bytes.count > limit ? ", … (\(bytes.count) bytes)]" : "]")
}
