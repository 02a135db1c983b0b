import Foundation
import Testing

/// `lede slurm submit`, against stand-ins for `sbatch` and `scontrol` that record
/// how they were called; `Tests/Slurm/slurm-scripts.sh` submits to a real cluster.
@Suite("lede slurm submit")
struct SlurmCommandTests {
    /// A scratch project whose directory names hold a space and quotes: `corpus/`
    /// with 6 sample shards, `bin/` for stand-in commands, and a pipeline file.
    private struct Project {
        var root: URL
        var pipeline: URL
        var output: URL
        var bin: URL

        init(outputs: String? = "../out dir") throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("lede-slurm-\(UUID().uuidString.prefix(8))/it's \"here\"")
            bin = root.appendingPathComponent("bin")
            pipeline = root.appendingPathComponent("Pipelines/news.yaml")
            output = root.appendingPathComponent("out dir")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: pipeline.deletingLastPathComponent(), withIntermediateDirectories: true)
            let sample = try LedeProcess.run([
                "sample", "--output", root.appendingPathComponent("corpus").path, "--docs", "60", "--shards", "6", "--seed", "2",
            ])
            #expect(sample.status == 0, "\(sample.error)")
            let outputs = outputs.map { "outputs:\n  directory: \($0)\n" } ?? ""
            try Data("inputs:\n  paths: [../corpus]\ntagger:\n  kind: rules\n\(outputs)".utf8).write(to: pipeline)
        }

        func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

        /// Puts an executable shell script `name` into `bin/`.
        func command(_ name: String, _ body: String) throws {
            let url = bin.appendingPathComponent(name)
            try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }

        /// Runs `lede` with only `bin/` and the system directories on PATH.
        func lede(_ arguments: [String], systemPath: Bool = true) throws -> LedeProcess {
            guard let executable = LedeProcess.executable else { throw MissingExecutable() }
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = root
            var environment = ["PATH": bin.path + (systemPath ? ":/usr/bin:/bin" : ""), "RECORD": root.path]
            // A sanitizer build's settings (README, "Sanitizers") reach this lede too.
            for (name, value) in ProcessInfo.processInfo.environment where name.hasSuffix("SAN_OPTIONS") {
                environment[name] = value
            }
            process.environment = environment
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return LedeProcess(
                status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                error: String(decoding: errData, as: UTF8.self))
        }

        func read(_ name: String) -> String {
            (try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
    }

    /// Stand-ins: `scontrol` that says MaxArraySize, `sbatch` that records its
    /// arguments and working directory and prints a job id (1000, then 1001).
    private func installStandIns(in project: Project, maxArraySize: Int = 1001) throws {
        try project.command("scontrol", "printf 'MaxJobCount = 10000\\nMaxArraySize            = \(maxArraySize)\\n'")
        try project.command(
            "sbatch",
            """
            n=$(cat "$RECORD/sbatch-count" 2>/dev/null || echo 0)
            printf '%s\\n' "$@" > "$RECORD/sbatch-$n.args"
            pwd > "$RECORD/sbatch-$n.pwd"
            echo $((n + 1)) > "$RECORD/sbatch-count"
            echo "$((1000 + n))"
            """)
    }

    @Test func aDryRunPrintsTheScriptsAndCommandsAndTouchesNothing() throws {
        let project = try Project()
        defer { project.remove() }
        try installStandIns(in: project)
        let run = try project.lede([
            "slurm", "submit", "Pipelines/news.yaml", "--tasks", "4", "--partition", "debug", "--time", "10:00",
            "--mem", "1G", "--cpus-per-task", "2", "--max-concurrent", "3", "--dry-run",
        ])
        #expect(run.status == 0, "\(run.error)")
        let scripts = project.output.appendingPathComponent("_state/slurm").path
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# 6 shard(s) over 4 task(s), at most ") == true)
        for line in [
            "# \(scripts)/lede-array.sbatch", "# \(scripts)/lede-merge.sbatch", "#SBATCH --array=0-3%3",
            "#SBATCH --partition=debug", "#SBATCH --time=10:00", "#SBATCH --mem=1G", "#SBATCH --cpus-per-task=2",
            "#SBATCH --kill-on-invalid-dep=yes",
            "pipeline='\(project.pipeline.path.replacingOccurrences(of: "'", with: "'\\''"))'",
            "output='\(project.output.path.replacingOccurrences(of: "'", with: "'\\''"))'",
            "\"$lede\" run \"$pipeline\" --task \"$SLURM_ARRAY_TASK_ID\" --tasks 4 --jobs 2 || status=$?",
            "cd '\(scripts.replacingOccurrences(of: "'", with: "'\\''"))' && mkdir -p logs",
            "array=$(sbatch --parsable lede-array.sbatch)",
            "sbatch --parsable --dependency=afterok:${array%%;*} lede-merge.sbatch",
        ] {
            #expect(lines.contains(line), "\(line)")
        }
        let lede = lines.first { $0.hasPrefix("lede='/") }
        #expect(lede.map { FileManager.default.isExecutableFile(atPath: String($0.dropFirst(6).dropLast())) } == true)
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("sbatch-count").path))
    }

    @Test func submittingWritesTheScriptsAndChainsTheMergeToTheArray() throws {
        let project = try Project()
        defer { project.remove() }
        try installStandIns(in: project, maxArraySize: 3)
        let run = try project.lede(["slurm", "submit", "Pipelines/news.yaml", "--tasks", "8", "--lede", "/opt/lede"])
        #expect(run.status == 0, "\(run.error)")
        let directory = project.output.appendingPathComponent("_state/slurm")
        #expect(run.output.contains("array job 1000: 6 shard(s) over 8 task(s) in an array of 3 (--task-stride 3)"))
        #expect(run.output.contains("logs in \(directory.path)/logs"))
        #expect(run.output.contains("merge job 1001: lede merge --output \(project.output.path) once every task of 1000 has succeeded"))
        #expect(project.read("sbatch-0.args") == "--parsable\nlede-array.sbatch\n")
        #expect(project.read("sbatch-1.args") == "--parsable\n--dependency=afterok:1000\nlede-merge.sbatch\n")
        #expect(project.read("sbatch-0.pwd") == directory.path + "\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("logs").path))
        let array = try String(contentsOf: directory.appendingPathComponent("lede-array.sbatch"), encoding: .utf8)
        #expect(array.contains("#SBATCH --array=0-2\n"))
        #expect(array.contains("lede='/opt/lede'\n"))
        #expect(array.contains("--tasks 8 --task-stride 3 || status=$?"))
        let merge = try String(contentsOf: directory.appendingPathComponent("lede-merge.sbatch"), encoding: .utf8)
        #expect(merge.contains("exec \"$lede\" merge --output \"$output\"\n"))

        let elsewhere = project.root.appendingPathComponent("scripts").path
        let again = try project.lede([
            "slurm", "submit", project.pipeline.path, "--tasks", "2", "--max-array-size", "100", "--script-dir", elsewhere,
        ])
        #expect(again.status == 0, "\(again.error)")
        #expect(again.output.contains("array job 1002: 6 shard(s) over 2 task(s), at most "))
        #expect(project.read("sbatch-2.pwd") == elsewhere + "\n")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/logs"))
    }

    @Test func slurmsRefusalsAndAbsenceAreExplained() throws {
        let project = try Project()
        defer { project.remove() }
        let missing = try project.lede(["slurm", "submit", "Pipelines/news.yaml", "--tasks", "2"], systemPath: false)
        #expect(missing.status == 2)
        #expect(missing.error.contains("sbatch is not on PATH: install Slurm's client"))
        #expect(missing.error.contains("--dry-run"))

        try project.command("sbatch", "echo 'sbatch: error: invalid partition specified: nope' >&2\nexit 1")
        let refused = try project.lede([
            "slurm", "submit", "Pipelines/news.yaml", "--tasks", "2", "--partition", "nope", "--max-array-size", "10",
        ])
        #expect(refused.status == 2)
        #expect(refused.error.contains("sbatch refused the array job (exit 1): sbatch: error: invalid partition specified: nope"))
        #expect(!refused.output.contains("array job"))

        try project.command(
            "sbatch",
            """
            case "$*" in *dependency*) echo 'sbatch: error: Job dependency problem' >&2; exit 1;; esac
            echo 77
            """)
        let noMerge = try project.lede(["slurm", "submit", "Pipelines/news.yaml", "--tasks", "2", "--max-array-size", "10"])
        #expect(noMerge.status == 2)
        #expect(noMerge.output.contains("array job 77"))
        #expect(noMerge.error.contains("sbatch refused the merge job (exit 1): sbatch: error: Job dependency problem"))
        #expect(noMerge.error.contains("scancel 77"))
    }

    @Test func badUsageExitsTwo() throws {
        let project = try Project()
        defer { project.remove() }
        for (arguments, message) in [
            (["--tasks", "0"], "--tasks must be at least 1"),
            (["--tasks", "2", "--max-array-size", "0"], "--max-array-size must be at least 1"),
            (["--tasks", "2", "--partition", "a b"], "--partition \"a b\" cannot go into an #SBATCH line"),
            (["--tasks", "2", "--cpus-per-task", "0"], "--cpus-per-task must be at least 1"),
        ] {
            let run = try project.lede(["slurm", "submit", "Pipelines/news.yaml", "--dry-run"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.error.contains(message), "\(run.error)")
        }
        let notYAML = try project.lede(["slurm", "submit", "corpus", "--tasks", "2", "--dry-run"])
        #expect(notYAML.status == 2)
        #expect(notYAML.error.contains("is not a pipeline file"))

        let noOutput = try Project(outputs: nil)
        defer { noOutput.remove() }
        let run = try noOutput.lede(["slurm", "submit", "Pipelines/news.yaml", "--tasks", "2", "--dry-run"])
        #expect(run.status == 2)
        #expect(run.error.contains("outputs.directory: no output directory"))
    }
}
