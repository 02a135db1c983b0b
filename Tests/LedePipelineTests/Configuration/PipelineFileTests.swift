import Foundation
import LedeIO
import LedePipeline
import Testing

@Suite("Pipeline files")
struct PipelineFileTests {
    private func parse(_ yaml: String, base: String = "/srv/lede/Pipelines") throws(PipelineFileError) -> PipelineSettings {
        try PipelineFile.parse(yaml, file: "p.yaml", baseDirectory: base)
    }

    /// The error `yaml` gives, or a failed expectation.
    private func problem(_ yaml: String) -> PipelineFileError? {
        do {
            _ = try parse(yaml)
            Issue.record("expected an error for:\n\(yaml)")
            return nil
        } catch {
            return error
        }
    }

    @Test func everyKeyIsRead() throws {
        let settings = try parse(
            """
            inputs:
              paths:
                - ../archive
                - /data/extra/*.jsonl.zst
              fields: {text: body, id: uid, date: published, source: feed}
            tagger:
              kind: rules
              gazetteers: []
            aggregation:
              cooccurrence-cap: 12
            outputs:
              directory: ../out/news
              sqlite: store/lede.sqlite
            run:
              jobs: 3
              chunk-size: 8
              max-line-length: 16
              compression-level: 5
              checkpoint-chunks: 16
              keep-missing: true
              max-zstd-window: 2GiB
              max-entities: 500
              dedupe-ids: true
            """)
        #expect(settings.inputs == ["/srv/lede/archive", "/data/extra/*.jsonl.zst"])
        #expect(settings.inputLocations == [.init(line: 3, column: 7), .init(line: 4, column: 7)])
        #expect(settings.fieldNames == FieldNames(text: "body", id: "uid", date: "published", source: "feed"))
        #expect(settings.tagger == .rules)
        #expect(settings.gazetteers == [])
        #expect(settings.output == "/srv/lede/out/news")
        #expect(settings.sqlite == "/srv/lede/Pipelines/store/lede.sqlite")
        let configuration = try settings.configuration()
        #expect(configuration.jobs == 3)
        #expect(configuration.chunking == ChunkingOptions(chunkSize: 8 << 20, maxLineLength: 16 << 20))
        #expect(configuration.aggregation.cooccurrenceCap == 12)
        #expect(configuration.compressionLevel == 5)
        #expect(configuration.checkpointChunks == 16)
        #expect(configuration.keepMissing)
        #expect(configuration.maxZstdWindow == 1 << 31)
        #expect(configuration.maxEntities == 500)
        #expect(configuration.dedupeIDs)
        #expect(configuration.settings.contains("max-entities=500") && configuration.settings.hasSuffix("; dedupe-ids"))
    }

    @Test func absentAndNullKeysTakeTheDefaults() throws {
        let settings = try parse(
            """
            inputs:
              paths: shards.jsonl
            outputs:
              directory: out
            run:
              jobs: ~
              chunk-size:
              keep-missing: null
            """)
        #expect(settings.inputs == ["/srv/lede/Pipelines/shards.jsonl"])
        #expect(settings.jobs == nil && settings.chunkSizeMiB == nil && settings.tagger == nil && settings.keepMissing == nil)
        let configuration = try settings.configuration()
        #expect(configuration.jobs == PipelineConfiguration.defaultJobs)
        #expect(configuration.chunking == ChunkingOptions())
        #expect(configuration.fields == FieldNames())
        #expect(configuration.compressionLevel == PipelineConfiguration.defaultCompressionLevel)
        #expect(configuration.checkpointChunks == PipelineConfiguration.defaultCheckpointChunks(chunkSize: ChunkingOptions().chunkSize))
        #expect(!configuration.keepMissing)
        #expect(configuration.maxEntities == PipelineConfiguration.defaultMaxEntities)
        #expect(!configuration.dedupeIDs)
        #expect(!configuration.settings.contains("dedupe-ids"))
        #expect(configuration.maxZstdWindow == ShardByteSource.defaultMaxWindowSize)
    }

    @Test func windowLimitsAreBinarySizesOrMiB() throws {
        #expect(WindowSize.parse("128MiB") == 128 << 20)
        #expect(WindowSize.parse("2gib") == 1 << 31)
        #expect(WindowSize.parse("512K") == 512 << 10)
        #expect(WindowSize.parse("256MB") == 256 << 20, "binary, as zstd --memory reads it")
        #expect(WindowSize.parse("300") == 300 << 20)
        for bad in ["", "MiB", "-1MiB", "0", "1.5GiB", "12TiB", "99999999999999999999G"] {
            #expect(WindowSize.parse(bad) == nil, "\(bad)")
        }
        #expect(!WindowSize.isValid(1 << 9) && WindowSize.isValid(1 << 10) && WindowSize.isValid(1 << 31) && !WindowSize.isValid((1 << 31) + 1))
        // A bare number in the file is MiB, as for the other sizes.
        #expect(try parse("run: {max-zstd-window: 256}\n").maxZstdWindow == 256 << 20)
        // Only a limit other than the default is part of the settings: changing it reads
        // shards again, and records made before it existed still match.
        let defaults = try PipelineSettings(output: "out").configuration()
        #expect(try PipelineSettings(output: "out", maxZstdWindow: 128 << 20).configuration().settings == defaults.settings)
        #expect(try PipelineSettings(output: "out", maxZstdWindow: 1 << 31).configuration().settings.contains("max-zstd-window=2147483648"))
    }

    @Test func commandLineSettingsWinOverTheFile() throws {
        let file = try parse(
            """
            inputs: {paths: [a, b], fields: {text: body, id: uid}}
            tagger: {kind: rules}
            outputs: {directory: out}
            run: {jobs: 4, chunk-size: 2, checkpoint-chunks: 8, keep-missing: true, max-entities: 20, dedupe-ids: true}
            """)
        let commandLine = PipelineSettings(
            inputs: ["/elsewhere"], idField: "key", tagger: .model, jobs: 1, keepMissing: false, dedupeIDs: false)
        let merged = commandLine.overriding(file)
        #expect(merged.inputs == ["/elsewhere"])
        #expect(merged.inputLocations.isEmpty)
        #expect(merged.fieldNames == FieldNames(text: "body", id: "key"))
        #expect(merged.tagger == .model)
        #expect(merged.jobs == 1)
        #expect(merged.chunkSizeMiB == 2)
        #expect(merged.checkpointChunks == 8)
        #expect(merged.keepMissing == false, "--no-keep-missing wins over keep-missing: true")
        #expect(merged.dedupeIDs == false, "--no-dedupe-ids wins over dedupe-ids: true")
        #expect(merged.maxEntities == 20)
        #expect(try PipelineSettings(checkpointChunks: 0).overriding(file).configuration().checkpointChunks == 0)
        // Without checkpoint-chunks, checkpoints come every 256 MiB of the file's chunk size.
        var noInterval = file
        noInterval.checkpointChunks = nil
        #expect(try noInterval.configuration().checkpointChunks == 128)
        #expect(merged.output == "/srv/lede/Pipelines/out")
        #expect(merged.file == "p.yaml")
        #expect(PipelineSettings().overriding(file) == file)
    }

    @Test func relativePathsStartAtTheFilesDirectory() {
        let base = "/srv/lede/Pipelines"
        #expect(PipelineFile.resolve("../archive/*.jsonl.zst", against: base) == "/srv/lede/archive/*.jsonl.zst")
        #expect(PipelineFile.resolve("./../../x", against: base) == "/srv/x")
        #expect(PipelineFile.resolve("../../../../x", against: base) == "/x")
        #expect(PipelineFile.resolve("shards/", against: base) == "/srv/lede/Pipelines/shards/")
        #expect(PipelineFile.resolve("a/../b", against: base) == "/srv/lede/Pipelines/a/../b")
        #expect(PipelineFile.resolve("/data/archive", against: base) == "/data/archive")
    }

    @Test(arguments: [
        // An unknown key, with the key meant.
        ("inputs:\n  paths: [a]\nrun:\n  chunk_size: 4\n", 4, 3, "run.chunk_size", "did you mean \"chunk-size\""),
        ("input:\n  paths: [a]\n", 1, 1, "input", "did you mean \"inputs\""),
        ("aggregation:\n  timeline-granularity: week\n", 2, 3, "aggregation.timeline-granularity", "cooccurrence-cap"),
        // Wrong types.
        ("run:\n  jobs: many\n", 2, 9, "run.jobs", "expects a whole number"),
        ("run:\n  chunk-size: 2.5\n", 2, 15, "run.chunk-size", "expects a whole number"),
        ("run:\n  chunk-size: \"4\"\n", 2, 15, "run.chunk-size", "expects a whole number"),
        ("inputs:\n  paths: {a: b}\n", 2, 10, "inputs.paths", "expects a list"),
        ("tagger: rules\n", 1, 9, "tagger", "expects a mapping"),
        ("inputs:\n  fields:\n    text: [a, b]\n", 3, 11, "inputs.fields.text", "expects a single value"),
        // Values out of range.
        ("run:\n  jobs: -2\n", 2, 9, "run.jobs", "-2 is out of range"),
        ("run:\n  jobs: 0\n", 2, 9, "run.jobs", "at least 1"),
        ("run:\n  compression-level: 22\n", 2, 22, "run.compression-level", "1 to 19"),
        ("aggregation:\n  cooccurrence-cap: -1\n", 2, 21, "aggregation.cooccurrence-cap", "0 or more"),
        ("run:\n  checkpoint-chunks: -1\n", 2, 22, "run.checkpoint-chunks", "0 for none"),
        ("run:\n  keep-missing: sometimes\n", 2, 17, "run.keep-missing", "expects true or false"),
        ("run:\n  max-entities: 0\n", 2, 17, "run.max-entities", "at least 1"),
        ("run:\n  dedupe-ids: yes please\n", 2, 15, "run.dedupe-ids", "expects true or false"),
        ("run:\n  keep-missing: \"true\"\n", 2, 17, "run.keep-missing", "expects true or false"),
        ("run:\n  max-zstd-window: 3GiB\n", 2, 20, "run.max-zstd-window", "\"3GiB\" is not a zstd window limit: give a size from 1KiB to 2GiB"),
        ("run:\n  max-zstd-window: 128MB/s\n", 2, 20, "run.max-zstd-window", "is not a zstd window limit"),
        // A tagger name that does not exist.
        ("tagger:\n  kind: crf\n", 2, 9, "tagger.kind", "\"crf\" is not one of model, rules"),
        // Glob patterns that glob(3) would not expand as a shell does.
        ("inputs:\n  paths:\n    - a\n    - archive/**/*.jsonl.zst\n", 4, 7, "inputs.paths[1]", "give the directory itself"),
        ("inputs:\n  paths: [\"archive/[ab.jsonl\"]\n", 2, 11, "inputs.paths[0]", "without its \"]\""),
        ("inputs:\n  paths: [\"archive/{a,b}.jsonl\"]\n", 2, 11, "inputs.paths[0]", "braces are not expanded"),
        ("inputs:\n  paths: [\"~/archive\"]\n", 2, 11, "inputs.paths[0]", "\"~\" is not expanded"),
        // Empty values.
        ("inputs:\n  paths: []\n", 2, 10, "inputs.paths", "empty list"),
        ("outputs:\n  directory: \"\"\n", 2, 14, "outputs.directory", "is empty"),
    ])
    func badKeysAndValuesNameTheKeyAndPlace(yaml: String, line: Int, column: Int, key: String, message: String) throws {
        let error = try #require(problem(yaml))
        #expect(error.file == "p.yaml")
        #expect(error.location == PipelineFileError.Location(line: line, column: column), "\(error)")
        #expect(error.key == key)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("p.yaml:\(line):\(column): \(key): "))
    }

    @Test func syntaxErrorsAndRepeatedKeysHaveALine() throws {
        let unclosed = try #require(problem("inputs:\n  paths: [a\noutputs:\n  directory: out\n"))
        #expect(unclosed.location?.line == 3)
        #expect(unclosed.message.contains("not valid YAML"))
        let tab = try #require(problem("inputs:\n\tpaths: [a]\n"))
        #expect(tab.location?.line == 2)
        let repeated = try #require(problem("run:\n  jobs: 1\noutputs:\n  directory: a\nrun:\n  jobs: 2\n"))
        #expect(repeated.location?.line == 1)
        #expect(repeated.message.contains("\"run\" given more than once"))
        let twoDocuments = try #require(problem("run: {jobs: 1}\n---\nrun: {jobs: 2}\n"))
        #expect(twoDocuments.location != nil)
    }

    @Test func emptyAndNonMappingFilesAreErrors() throws {
        #expect(try #require(problem("")).message.contains("is empty"))
        #expect(try #require(problem("# only a comment\n")).message.contains("is empty"))
        let list = try #require(problem("- a\n- b\n"))
        #expect(list.key == nil)
        #expect(list.message.contains("expects a mapping with the keys inputs, tagger, aggregation, outputs, run"))
    }

    @Test func inputsThatMatchNothingAreReportedAtTheirLine() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        try FileSystem.createDirectory(Path.join(root, "archive"))
        try AtomicFile.write(Array("{\"text\":\"x\"}\n".utf8), to: Path.join(root, "archive/a.jsonl"), durable: false)
        let yaml = "inputs:\n  paths:\n    - archive\n    - missing/*.jsonl.zst\noutputs:\n  directory: out\n"
        try AtomicFile.write(Array(yaml.utf8), to: Path.join(root, "p.yaml"), durable: false)
        let settings = try PipelineFile.load(Path.join(root, "p.yaml"))
        let error = try #require(throws: PipelineFileError.self) { try settings.shards() }
        #expect(error.location == PipelineFileError.Location(line: 4, column: 7))
        #expect(error.key == "inputs.paths[1]")
        #expect(error.message.contains("missing/*.jsonl.zst"))
        let overridden = PipelineSettings(inputs: [Path.join(root, "archive")]).overriding(settings)
        #expect(try overridden.shards().map(\.relativePath) == ["a.jsonl"])
    }

    @Test func missingInputsAndOutputNameTheFile() throws {
        let noInputs = try parse("outputs:\n  directory: out\n")
        let inputsError = try #require(throws: PipelineFileError.self) { try noInputs.shards() }
        #expect(inputsError.description == "p.yaml: inputs.paths: no inputs: list shard files, directories or glob patterns under inputs.paths, or give --input")
        let noOutput = try parse("inputs:\n  paths: [a]\n")
        let outputError = try #require(throws: PipelineFileError.self) { try noOutput.configuration() }
        #expect(outputError.key == "outputs.directory")
        #expect(outputError.message.contains("--output"))
    }

    @Test func modelAndGazetteerFilesMustExist() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        try AtomicFile.write(Array("SOUTHCOM\tORG\tU.S. Southern Command\n".utf8), to: Path.join(root, "ours.tsv"), durable: false)
        let found = try PipelineFile.parse("tagger:\n  gazetteers: [ours.tsv]\n", file: "p.yaml", baseDirectory: root)
        #expect(found.gazetteers == [Path.join(root, "ours.tsv")])
        let missing = try #require(throws: PipelineFileError.self) {
            try PipelineFile.parse("tagger:\n  gazetteers:\n    - ours.tsv\n    - theirs.tsv\n", file: "p.yaml", baseDirectory: root)
        }
        #expect(missing.location == PipelineFileError.Location(line: 4, column: 7))
        #expect(missing.message.contains("\(root)/theirs.tsv does not exist"))
        let model = try #require(throws: PipelineFileError.self) {
            try PipelineFile.parse("tagger:\n  model: none.bin\n", file: "p.yaml", baseDirectory: root)
        }
        #expect(model.key == "tagger.model")
    }

    @Test func loadResolvesAgainstTheRealDirectoryOfTheFile() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        try FileSystem.createDirectory(Path.join(root, "project/Pipelines"))
        try AtomicFile.write(
            Array("outputs:\n  directory: ../out\n".utf8), to: Path.join(root, "project/Pipelines/p.yml"), durable: false)
        #expect(symlink(Path.join(root, "project/Pipelines"), Path.join(root, "link")) == 0)
        let settings = try PipelineFile.load(Path.join(root, "link/p.yml"))
        let real = try #require(realpath(Path.join(root, "project"), nil))
        defer { free(real) }
        #expect(settings.output == String(cString: real) + "/out")
        let unreadable = try #require(throws: PipelineFileError.self) { try PipelineFile.load(Path.join(root, "none.yaml")) }
        #expect(unreadable.message.contains("No such file"))
    }

    @Test func theShippedNewsPipelineIsValid() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let real = try #require(realpath(repository, nil))
        defer { free(real) }
        let root = String(cString: real)
        let settings = try PipelineFile.load(Path.join(repository, "Pipelines/news.yaml"))
        #expect(settings.inputs == [root + "/archive"])
        #expect(settings.output == root + "/out/news")
        #expect(settings.sqlite == root + "/out/news/lede.sqlite")
        #expect(settings.tagger == .model)
        #expect(settings.model == root + "/Models/ner-perceptron.bin")
        #expect(settings.jobs == nil)
        #expect(settings.checkpointChunks == nil && settings.keepMissing == false)
        #expect(try settings.configuration().chunking == ChunkingOptions())
    }
}
