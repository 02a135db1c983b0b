import Foundation
import LedeEntities
import LedeIO

/// One gold-annotated document (the format of `../shared/corpora/README.md`).
public struct GoldDocument: Sendable {
    /// The document id.
    public var id: String
    /// The text as UTF-8 bytes.
    public var text: [UInt8]
    /// Gold entities with byte offsets into ``text``, in text order.
    public var byteSpans: [EntitySpan]
    /// The same entities with Unicode-scalar offsets (what `lede run` writes).
    public var scalarSpans: [EntitySpan]

    /// Creates a document.
    public init(id: String, text: [UInt8], byteSpans: [EntitySpan], scalarSpans: [EntitySpan]) {
        self.id = id
        self.text = text
        self.byteSpans = byteSpans
        self.scalarSpans = scalarSpans
    }
}

/// Why a gold file could not be used.
public struct GoldReadError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong and what to do about it.
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Reads gold NER files: JSON Lines, plain or zstd, one document per line with
/// `id`, `text` and `entities` (`start`/`end` bytes, `char_start`/`char_end`, `label`).
///
/// Gold files are small, so lines are parsed with Foundation's `JSONDecoder`.
public enum GoldCorpus {
    private struct Line: Decodable {
        var id: String?
        var text: String
        var entities: [Entity]?
    }

    private struct Entity: Decodable {
        var start: Int
        var end: Int
        var char_start: Int?
        var char_end: Int?
        var label: String
    }

    /// The gold files a path names: the file itself, or every `*.jsonl` /
    /// `*.jsonl.zst` under a directory, recursively, sorted by path.
    public static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GoldReadError(path: path, message: "no such file or directory; pass a gold .jsonl(.zst) file or a directory of them")
        }
        guard isDirectory.boolValue else { return [path] }
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".jsonl") || relative.hasSuffix(".jsonl.zst") {
                found.append(Path.join(path, relative))
            }
        }
        if found.isEmpty {
            throw GoldReadError(path: path, message: "holds no *.jsonl or *.jsonl.zst files")
        }
        return found.sorted()
    }

    /// Reads every document of the gold files under `paths`, in file and line order.
    public static func load(_ paths: [String]) throws -> [GoldDocument] {
        var documents: [GoldDocument] = []
        for path in paths {
            for file in try files(at: path) {
                documents.append(contentsOf: try load(file: file))
            }
        }
        return documents
    }

    /// Reads the whole decoded contents of a `.jsonl` or `.jsonl.zst` file.
    public static func readAll(_ path: String) throws -> [UInt8] {
        let source = try ShardByteSource(path: path)
        defer { source.close() }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// Reads one gold file.
    public static func load(file: String) throws -> [GoldDocument] {
        let bytes = try readAll(file)
        let decoder = JSONDecoder()
        var documents: [GoldDocument] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line))
            } catch {
                throw GoldReadError(path: file, message: "line \(lineNumber) is not a gold document (\(error)); each line needs \"text\" and \"entities\"")
            }
            guard let entities = parsed.entities else {
                throw GoldReadError(path: file, message: "line \(lineNumber) has no \"entities\" list: is this a gold file?")
            }
            let text = Array(parsed.text.utf8)
            var byteSpans: [EntitySpan] = []
            var scalarSpans: [EntitySpan] = []
            var counter = ScalarOffsetCounter()
            for entity in entities {
                guard let label = EntityLabel(name: entity.label) else {
                    throw GoldReadError(path: file, message: "line \(lineNumber): unknown label \(entity.label) (use PER, ORG, LOC or MISC)")
                }
                guard entity.start >= 0, entity.start <= entity.end, entity.end <= text.count else {
                    throw GoldReadError(path: file, message: "line \(lineNumber): entity bytes \(entity.start)..<\(entity.end) lie outside the text")
                }
                byteSpans.append(EntitySpan(start: entity.start, end: entity.end, label: label))
                let charStart: Int
                let charEnd: Int
                if let start = entity.char_start, let end = entity.char_end {
                    charStart = start
                    charEnd = end
                } else {
                    (charStart, charEnd) = text.withUnsafeBytes {
                        (counter.scalarOffset(forByteOffset: entity.start, in: $0),
                         counter.scalarOffset(forByteOffset: entity.end, in: $0))
                    }
                }
                scalarSpans.append(EntitySpan(start: charStart, end: charEnd, label: label))
            }
            documents.append(GoldDocument(
                id: parsed.id ?? "\(file):\(lineNumber)", text: text,
                byteSpans: byteSpans.sorted(), scalarSpans: scalarSpans.sorted()))
        }
        return documents
    }
}
