import Foundation
import LedeIO

/// Test helpers: temporary directories, shard files and reading outputs back.
enum Fixtures {
    /// A fresh temporary directory, removed by the caller with ``remove(_:)``.
    static func temporaryDirectory(_ name: String = #function) throws -> String {
        let base = FileManager.default.temporaryDirectory.path
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let path = "\(base)/lede-\(clean)-\(UUID().uuidString.prefix(8))"
        try FileSystem.createDirectory(path)
        return path
    }

    static func remove(_ path: String) {
        try? FileSystem.removeTree(path)
    }

    /// The shared corpora folder beside the project, when it exists.
    static var corpora: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.deletingLastPathComponent().appendingPathComponent("shared/corpora").path
        return FileSystem.isDirectory(path) ? path : nil
    }

    /// Writes `lines` joined by newlines as a zstd shard (or plain JSONL), with one
    /// zstd frame per `linesPerFrame` lines.
    static func writeShard(
        _ lines: [[UInt8]], to path: String, zstd: Bool = true, trailingNewline: Bool = true, linesPerFrame: Int = .max
    ) throws {
        var bytes: [UInt8] = []
        var frames: [UInt8] = []
        let compressor = try ZstdCompressor(level: 3)
        for (index, line) in lines.enumerated() {
            bytes += line
            if index < lines.count - 1 || trailingNewline { bytes.append(0x0A) }
            if zstd, (index + 1) % min(linesPerFrame, lines.count) == 0 {
                try compressor.compress(bytes, appendingTo: &frames)
                bytes.removeAll()
            }
        }
        if zstd {
            if !bytes.isEmpty { try compressor.compress(bytes, appendingTo: &frames) }
            try AtomicFile.write(frames, to: path, durable: false)
        } else {
            try AtomicFile.write(bytes, to: path, durable: false)
        }
    }

    /// The decoded bytes of a file (zstd or plain by its name).
    static func readAll(_ path: String) throws -> [UInt8] {
        let source = try ShardByteSource(path: path)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            out += buffer[..<n]
        }
        return out
    }

    /// The decoded lines of a file, as JSON objects.
    static func readJSONLines(_ path: String) throws -> [[String: Any]] {
        let bytes = try readAll(path)
        return try bytes.split(separator: 0x0A).map {
            try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
        }
    }

    /// Every regular file below `root` with its bytes, keyed by relative path.
    static func tree(_ root: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try FileSystem.regularFiles(under: root) {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            files[Path.relative(path, to: root)] = [UInt8](data)
        }
        return files
    }
}
