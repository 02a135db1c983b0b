#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import LedeSample
import Testing

// Helpers shared by the Files, Zstd and Reader tests. Names are specific on
// purpose: every folder of Tests/LedeIOTests compiles into one module.

/// A test's own scratch directory, removed with everything in it afterwards.
func withScratchDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let directory = try makeScratchDirectory()
    defer { try? FileSystem.removeTree(directory) }
    return try body(directory)
}

/// The async form of ``withScratchDirectory(_:)``.
func withScratchDirectory<R>(_ body: (String) async throws -> R) async throws -> R {
    let directory = try makeScratchDirectory()
    defer { try? FileSystem.removeTree(directory) }
    return try await body(directory)
}

private func makeScratchDirectory() throws -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array(Path.join(base, "lede-io-test-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
    guard made else { throw SystemError("create scratch directory", path: base, code: errno) }
    return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

/// The whole content of a file.
func readFileBytes(_ path: String) throws -> [UInt8] {
    let file = try FileDescriptor.openForReading(path)
    defer { try? file.close() }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
        if n == 0 { return result }
        result += chunk[..<n]
    }
}

/// Creates or replaces a file with `bytes` (not atomically: test input only).
func writeFileBytes(_ bytes: [UInt8], to path: String) throws {
    let file = try FileDescriptor.createForWriting(path)
    defer { try? file.close() }
    try bytes.withUnsafeBytes { try file.writeAll($0) }
}

/// The project-wide SplitMix64, so that random inputs replay exactly from their seed.
typealias IOTestRandom = SplitMix64

extension SplitMix64 {
    /// `count` bytes with no structure at all (incompressible).
    mutating func noise(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            var word = next()
            for _ in 0..<8 where i < count {
                bytes[i] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                i += 1
            }
        }
        return bytes
    }
}

/// Text made of words, numbers and multi-byte scalars, without any newline.
func lineText(length: Int, using random: inout IOTestRandom) -> [UInt8] {
    let pieces: [[UInt8]] = [
        "the ", "Juan Guaidó ", "Caracas, ", "中国 ", "🙂 ", "\"quoted\" ", "\\u00e9 ", "2019-05-12 ",
        "Zürich ", "naïve ", "\t", "€ ", "ŁÓDŹ ", "a", "{\"id\": 7} ",
    ].map { Array($0.utf8) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(length + 8)
    while bytes.count < length {
        let piece = pieces[Int(random.next() % UInt64(pieces.count))]
        if bytes.count + piece.count > length {
            // Pad with ASCII so that the length is exact and no scalar is cut.
            bytes += repeatElement(UInt8(ascii: "x"), count: length - bytes.count)
        } else {
            bytes += piece
        }
    }
    return bytes
}

/// Whether `bytes` is well-formed UTF-8.
func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
}

/// Whether the process may write where file permissions forbid it (root may).
var ioTestsRunAsRoot: Bool { geteuid() == 0 }

/// Expects two byte sequences to be equal, reporting sizes and the first difference
/// rather than printing megabytes of array literals.
func expectSameBytes<A: Collection<UInt8>, B: Collection<UInt8>>(
    _ actual: A, _ expected: B, _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    let equal = actual.withContiguousStorageIfAvailable { a in
        expected.withContiguousStorageIfAvailable { b in
            a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
        }
    }
    if let equal = equal ?? nil {
        if equal { return }
    } else if actual.elementsEqual(expected) {
        return
    }
    var index = 0
    for (a, b) in zip(actual, expected) {
        if a != b { break }
        index += 1
    }
    Issue.record(
        "bytes differ: \(actual.count) bytes where \(expected.count) were expected, first difference at \(index) \(comment)",
        sourceLocation: sourceLocation)
}

/// Expects two lists of byte strings to be equal, reporting the first difference briefly.
func expectSameLines(
    _ actual: [[UInt8]], _ expected: [[UInt8]], _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    if actual == expected { return }
    let index = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
    let describe = { (lines: [[UInt8]]) in index < lines.count ? "a line of \(lines[index].count) bytes" : "nothing" }
    Issue.record(
        "\(actual.count) lines where \(expected.count) were expected; at line \(index): \(describe(actual)) instead of \(describe(expected)) \(comment)",
        sourceLocation: sourceLocation)
}
