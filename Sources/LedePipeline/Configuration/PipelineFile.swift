#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Yams

/// A pipeline configuration file (YAML), read into ``PipelineSettings``.
///
/// ```yaml
/// inputs:
///   paths: [../archive/*.jsonl.zst]     # files, directories or glob patterns
///   fields: {text: text, id: id, date: date, source: source}
/// tagger:
///   kind: model                         # model or rules
///   model: ../Models/ner-perceptron.bin
///   gazetteers: [gazetteers/ours.tsv]
/// aggregation:
///   cooccurrence-cap: 50
/// outputs:
///   directory: ../out/news
///   sqlite: ../out/news/lede.sqlite
/// run:
///   jobs: 2
///   chunk-size: 4                       # MiB
///   max-line-length: 64                 # MiB
///   max-zstd-window: 128MiB             # up to 2GiB, for zstd --long=31
///   max-entities: 10000                 # mentions kept per document
///   dedupe-ids: false                   # reject repeated ids within a shard
///   compression-level: 1
///   checkpoint-chunks: 64               # 0: no checkpoints
///   keep-missing: false
/// ```
///
/// Keys are the command line's option names. Every key is optional; a null value
/// (`jobs: ~`, or nothing after the colon) means the default. Relative paths are
/// resolved against the directory holding the file, so a pipeline means the same
/// whatever directory it is run from (cron starts jobs in the home directory).
/// Unknown keys, values of the wrong type or range, glob patterns the shell would
/// expand differently, and model or gazetteer files that do not exist are errors
/// at their line and column.
public enum PipelineFile {
    /// File names taken as pipeline files.
    public static let suffixes = [".yaml", ".yml"]

    /// Whether `path` names a pipeline file rather than a shard or directory.
    public static func isPipelineFileName(_ path: String) -> Bool {
        suffixes.contains { path.hasSuffix($0) }
    }

    /// Reads and checks the pipeline file at `path`.
    public static func load(_ path: String) throws(PipelineFileError) -> PipelineSettings {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readAll(path)
        } catch {
            throw PipelineFileError(file: path, location: nil, key: nil, message: "\(error): check the pipeline file's path")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PipelineFileError(file: path, location: nil, key: nil, message: "is not UTF-8 text: save it as UTF-8")
        }
        return try parse(text, file: path, baseDirectory: realDirectory(of: path))
    }

    /// Reads pipeline settings from YAML text.
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - file: The file's name in error messages.
    ///   - baseDirectory: The directory relative paths are resolved against.
    public static func parse(_ yaml: String, file: String, baseDirectory: String) throws(PipelineFileError) -> PipelineSettings {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw PipelineFileError(file: file, location: nil, key: nil, message: "\(error)")
        }
        guard let root else {
            throw PipelineFileError(
                file: file, location: nil, key: nil,
                message: "is empty: a pipeline needs at least inputs and outputs (see Pipelines/news.yaml)")
        }
        let reader = Reader(file: file, baseDirectory: baseDirectory)
        return try reader.settings(from: ConfigurationValue(node: root, key: "", file: file))
    }

    /// Reads the schema's sections into settings.
    private struct Reader {
        let file: String
        let baseDirectory: String

        func settings(from root: ConfigurationValue) throws(PipelineFileError) -> PipelineSettings {
            var settings = PipelineSettings()
            settings.file = file
            let sections = try root.mapping(allowed: ["inputs", "tagger", "aggregation", "outputs", "run"])
            if let inputs = sections["inputs"] { try readInputs(inputs, into: &settings) }
            if let tagger = sections["tagger"] { try readTagger(tagger, into: &settings) }
            if let aggregation = sections["aggregation"] {
                let entries = try aggregation.mapping(allowed: ["cooccurrence-cap"])
                settings.cooccurrenceCap = try present(entries["cooccurrence-cap"])?.integer(
                    in: 0..., meaning: "how many of a document's most mentioned entities count for co-occurrence, 0 or more")
            }
            if let outputs = sections["outputs"] {
                let entries = try outputs.mapping(allowed: ["directory", "sqlite"])
                if let directory = present(entries["directory"]) { settings.output = try path(directory) }
                if let sqlite = present(entries["sqlite"]) { settings.sqlite = try path(sqlite) }
            }
            if let run = sections["run"] { try readRun(run, into: &settings) }
            return settings
        }

        private func readInputs(_ value: ConfigurationValue, into settings: inout PipelineSettings) throws(PipelineFileError) {
            let entries = try value.mapping(allowed: ["paths", "fields"])
            if let paths = present(entries["paths"]) {
                let items = try paths.items()
                if items.isEmpty { throw paths.error("is an empty list: give at least one file, directory or glob pattern") }
                var inputs: [String] = []
                var locations: [PipelineFileError.Location] = []
                for item in items {
                    let input = try path(item)
                    try checkGlob(input, of: item)
                    inputs.append(input)
                    locations.append(item.location ?? PipelineFileError.Location(line: 1, column: 1))
                }
                settings.inputs = inputs
                settings.inputLocations = locations
            }
            if let fields = present(entries["fields"]) {
                let names = try fields.mapping(allowed: ["text", "id", "date", "source"])
                settings.textField = try present(names["text"])?.string()
                settings.idField = try present(names["id"])?.string()
                settings.dateField = try present(names["date"])?.string()
                settings.sourceField = try present(names["source"])?.string()
            }
        }

        private func readTagger(_ value: ConfigurationValue, into settings: inout PipelineSettings) throws(PipelineFileError) {
            let entries = try value.mapping(allowed: ["kind", "model", "gazetteers"])
            settings.tagger = try present(entries["kind"])?.choice(PipelineSettings.TaggerKind.self)
            if let model = present(entries["model"]) {
                settings.model = try existingFile(model, what: "model file", otherwise: "or remove the key to use the committed model")
            }
            if let gazetteers = present(entries["gazetteers"]) {
                var paths: [String] = []
                for item in try gazetteers.items() {
                    paths.append(try existingFile(item, what: "gazetteer", otherwise: "or remove it from the list"))
                }
                settings.gazetteers = paths
            }
        }

        private func readRun(_ value: ConfigurationValue, into settings: inout PipelineSettings) throws(PipelineFileError) {
            let entries = try value.mapping(allowed: [
                "jobs", "chunk-size", "max-line-length", "compression-level", "checkpoint-chunks", "keep-missing",
                "max-zstd-window", "max-entities", "dedupe-ids",
            ])
            let minimum = PipelineSettings.minimumCount
            settings.jobs = try present(entries["jobs"])?.integer(
                in: minimum..., meaning: "chunks processed at once, at least \(minimum); remove the key to use all cores")
            settings.chunkSizeMiB = try present(entries["chunk-size"])?.integer(
                in: minimum..., meaning: "decoded MiB per chunk, at least \(minimum)")
            settings.maxLineLengthMiB = try present(entries["max-line-length"])?.integer(
                in: minimum..., meaning: "the longest line in MiB, at least \(minimum)")
            let levels = PipelineSettings.compressionLevels
            let level = try present(entries["compression-level"])?.integer(
                in: Int(levels.lowerBound)...Int(levels.upperBound),
                meaning: "the zstd level of the documents, \(levels.lowerBound) to \(levels.upperBound)")
            settings.compressionLevel = level.map(Int32.init)
            settings.checkpointChunks = try present(entries["checkpoint-chunks"])?.integer(
                in: 0..., meaning: "chunks of a shard between two checkpoints, 0 for none; remove the key for one every 256 MiB")
            settings.keepMissing = try present(entries["keep-missing"])?.boolean(
                meaning: "whether recorded shards whose files are gone keep their documents and counts")
            if let window = present(entries["max-zstd-window"]) {
                let text = try window.string()
                guard let size = WindowSize.parse(text), WindowSize.isValid(size) else {
                    throw window.error("\"\(text)\" is not a zstd window limit: give \(WindowSize.range)")
                }
                settings.maxZstdWindow = size
            }
            settings.maxEntities = try present(entries["max-entities"])?.integer(
                in: minimum..., meaning: "the most entity mentions a document keeps, at least \(minimum)")
            settings.dedupeIDs = try present(entries["dedupe-ids"])?.boolean(
                meaning: "whether a line repeating an earlier line's id in the same shard is rejected as duplicate-id")
        }

        /// The value unless it is absent or null.
        private func present(_ value: ConfigurationValue?) -> ConfigurationValue? {
            guard let value, !value.isNull else { return nil }
            return value
        }

        /// A path, resolved against the file's directory.
        private func path(_ value: ConfigurationValue) throws(PipelineFileError) -> String {
            let text = try value.string()
            if text.hasPrefix("~") {
                throw value.error("\"~\" is not expanded in pipeline files: write the path in full, or relative to the file")
            }
            return PipelineFile.resolve(text, against: baseDirectory)
        }

        private func existingFile(_ value: ConfigurationValue, what: String, otherwise: String) throws(PipelineFileError) -> String {
            let resolved = try path(value)
            guard FileSystem.isRegularFile(resolved) else {
                throw value.error("\(what) \(resolved) does not exist: fix the path (relative paths start at the pipeline file's directory) \(otherwise)")
            }
            return resolved
        }

        /// Rejects patterns that a shell would expand but `glob(3)` takes literally.
        private func checkGlob(_ pattern: String, of value: ConfigurationValue) throws(PipelineFileError) {
            if pattern.contains("**") {
                throw value.error("\"**\" does not search subdirectories here: give the directory itself, which is searched recursively")
            }
            if pattern.contains("{") {
                throw value.error("braces are not expanded: list each pattern as its own entry")
            }
            var open = false
            for character in pattern {
                if character == "[" { open = true } else if character == "]" { open = false }
            }
            if open { throw value.error("has a \"[\" without its \"]\": close the character class or drop the bracket") }
        }
    }

    /// A path written in a pipeline file, resolved against `base` (an absolute
    /// directory without symbolic links): leading `./` and `../` are applied to
    /// `base`, the rest is kept as written, since `a/../b` differs from `b` when
    /// `a` is a symbolic link.
    public static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return path }
        var head = base
        var components = path.split(separator: "/", omittingEmptySubsequences: false)[...]
        while let first = components.first, first == "." || first == ".." || (first.isEmpty && components.count > 1) {
            if first == ".." { head = Path.directory(of: head) }
            components = components.dropFirst()
        }
        return Path.join(head, components.joined(separator: "/"))
    }

    /// The absolute directory holding `file`, symbolic links resolved, so that
    /// `../x` in the file means the parent of the directory the file really is in.
    private static func realDirectory(of file: String) -> String {
        let directory = Path.directory(of: file)
        guard let resolved = realpath(directory, nil) else { return directory }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> PipelineFileError {
        let advice = "fix the YAML (indent with spaces, write \"key: value\", quote values holding \": \" or \"#\")"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return PipelineFileError(
                file: file, location: PipelineFileError.Location(line: mark.line, column: mark.column), key: nil,
                message: "not valid YAML: \(detail); \(advice)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return PipelineFileError(
                file: file, location: PipelineFileError.Location(line: context.mark.line, column: context.mark.column),
                key: nil, message: "\(names) given more than once in the same mapping: keep one")
        default:
            return PipelineFileError(file: file, location: nil, key: nil, message: "not valid YAML: \(error); \(advice)")
        }
    }
}
