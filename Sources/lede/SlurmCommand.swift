import ArgumentParser
import Foundation
import LedeIO
import LedePipeline

extension Lede {
    /// `lede slurm`: runs a pipeline as a Slurm job array.
    struct Slurm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline on a Slurm cluster: a job array of workers, then a merge.",
            subcommands: [Submit.self])
    }
}

extension Lede.Slurm {
    /// `lede slurm submit`: writes the two batch scripts and submits them.
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit a pipeline as a Slurm job array and a merge job that runs after it.",
            discussion: """
                Writes lede-array.sbatch (array task I runs `lede run PIPELINE --task I --tasks N`) \
                and lede-merge.sbatch (`lede merge --output DIR`) into <output>/_state/slurm, \
                submits the array with `sbatch --parsable`, then the merge with \
                --dependency=afterok:<array> and --kill-on-invalid-dep=yes, so that a failed \
                task cancels the merge instead of leaving it pending. Prints both job ids; logs \
                go to <script dir>/logs. Arrays above the cluster's MaxArraySize become an array \
                of MaxArraySize tasks, each running every MaxArraySize-th logical task \
                (--task-stride). The pipeline file, the inputs, the output directory and the \
                lede binary must be at the same paths on every node. Other sbatch options \
                (account, QOS) come from SBATCH_* environment variables, such as SBATCH_ACCOUNT.
                """)

        @Argument(help: "The pipeline file (.yaml or .yml) the workers run.")
        var pipeline: String

        @Option(name: .long, help: "Logical tasks the shards are spread over (array tasks above --max-array-size take several).")
        var tasks: Int

        @Option(name: .long, help: "The partition (sbatch --partition) of both jobs.")
        var partition: String?

        @Option(name: .long, help: "The wall-time limit of each job (sbatch --time), such as 4:00:00.")
        var time: String?

        @Option(name: .customLong("mem"), help: "Memory per job (sbatch --mem), such as 16G.")
        var memory: String?

        @Option(name: .long, help: "CPUs per worker (sbatch --cpus-per-task); also its lede run --jobs.")
        var cpusPerTask: Int?

        @Option(name: .long, help: "The largest array allowed (default: MaxArraySize of `scontrol show config`, else 1001).")
        var maxArraySize: Int?

        @Option(name: .long, help: "Array tasks running at once (the %K of sbatch --array; default: no limit).")
        var maxConcurrent: Int?

        @Option(name: .long, help: "The array's job name; the merge's gets -merge appended.")
        var jobName = "lede"

        @Option(name: .long, help: "Where the scripts and logs/ go (default: <output>/_state/slurm).")
        var scriptDir: String?

        @Option(name: .customLong("lede"), help: "The lede binary the jobs run (default: this one).")
        var ledeBinary: String?

        @Flag(name: .long, help: "Print the scripts and the sbatch commands without writing or submitting anything.")
        var dryRun = false

        func validate() throws {
            if !PipelineFile.isPipelineFileName(pipeline) {
                throw ValidationError("\(pipeline) is not a pipeline file: give a .yaml or .yml file (see Pipelines/news.yaml)")
            }
            if tasks < 1 { throw ValidationError("--tasks must be at least 1") }
            if let maxArraySize, maxArraySize < 1 { throw ValidationError("--max-array-size must be at least 1") }
        }

        func run() throws {
            let pipelinePath = Submit.absolute(pipeline)
            let settings: PipelineSettings
            let output: String
            let shards: [Shard]
            do {
                settings = try PipelineFile.load(pipelinePath)
                guard settings.output != nil else {
                    throw PipelineFileError(
                        file: pipeline, location: nil, key: "outputs.directory",
                        message: "no output directory: set outputs.directory, which the workers and the merge share")
                }
                output = try settings.configuration().output
                shards = try settings.shards()
            } catch {
                throw ValidationError("\(error)")
            }
            let scripts: SlurmScripts
            do {
                scripts = try SlurmScripts(
                    lede: ledeBinary.map(Submit.absolute) ?? Submit.currentExecutable, pipeline: pipelinePath,
                    output: output, sqlite: settings.sqlite, tasks: tasks,
                    maxArraySize: maxArraySize ?? Submit.clusterMaxArraySize ?? SlurmScripts.defaultMaxArraySize,
                    maxConcurrent: maxConcurrent,
                    resources: SlurmResources(partition: partition, time: time, memory: memory, cpusPerTask: cpusPerTask),
                    jobName: jobName)
            } catch {
                throw ValidationError("\(error)")
            }
            let directory = scriptDir.map(Submit.absolute) ?? Path.join(OutputLayout(root: output).stateDirectory, "slurm")
            let plan = Submit.plan(scripts, shards: shards)
            if dryRun {
                printDryRun(scripts, in: directory, plan: plan)
            } else {
                try submit(scripts, in: directory, plan: plan)
            }
        }

        private func printDryRun(_ scripts: SlurmScripts, in directory: String, plan: String) {
            print("# \(plan)")
            print("# \(Path.join(directory, SlurmScripts.arrayScriptName))")
            print(scripts.arrayScript)
            print("# \(Path.join(directory, SlurmScripts.mergeScriptName))")
            print(scripts.mergeScript)
            print("# --dry-run: nothing was written or submitted. The submission would be:")
            print("cd \(SlurmScripts.shellQuoted(directory)) && mkdir -p \(SlurmScripts.logDirectory)")
            print("array=$(sbatch \(scripts.arraySubmitArguments.joined(separator: " ")))")
            print("sbatch \(scripts.mergeSubmitArguments(afterArray: "${array%%;*}").joined(separator: " "))")
        }

        private func submit(_ scripts: SlurmScripts, in directory: String, plan: String) throws {
            guard let sbatch = ExternalCommand.find("sbatch") else {
                printError("sbatch is not on PATH: install Slurm's client on this machine (Debian: slurm-client), or use --dry-run to print the scripts")
                throw ExitCode(ExitStatus.usage)
            }
            do {
                try FileSystem.createDirectory(Path.join(directory, SlurmScripts.logDirectory))
                try AtomicFile.write(Array(scripts.arrayScript.utf8), to: Path.join(directory, SlurmScripts.arrayScriptName))
                try AtomicFile.write(Array(scripts.mergeScript.utf8), to: Path.join(directory, SlurmScripts.mergeScriptName))
            } catch {
                throw ValidationError("cannot write the scripts into \(directory): \(error.reason); give a writable --script-dir")
            }
            let arrayID = try Submit.sbatch(sbatch, scripts.arraySubmitArguments, in: directory, job: "the array job")
            let logs = Path.join(directory, SlurmScripts.logDirectory)
            print("array job \(arrayID): \(plan); logs in \(logs)")
            let mergeID: String
            do {
                mergeID = try Submit.sbatch(sbatch, scripts.mergeSubmitArguments(afterArray: arrayID), in: directory, job: "the merge job")
            } catch {
                printError(
                    "the array job \(arrayID) runs without its merge: once it has finished, run `lede merge --output \(scripts.output)`, or cancel it with `scancel \(arrayID)`")
                throw error
            }
            print("merge job \(mergeID): lede merge --output \(scripts.output) once every task of \(arrayID) has succeeded, cancelled if one fails")
        }

        /// Runs `sbatch arguments` in `directory` and returns the job id it prints.
        private static func sbatch(_ sbatch: String, _ arguments: [String], in directory: String, job: String) throws -> String {
            let result: ExternalCommand.Result?
            do {
                result = try ExternalCommand.run(sbatch, arguments, in: directory)
            } catch {
                printError("cannot start \(sbatch): \(error)")
                throw ExitCode(ExitStatus.usage)
            }
            guard let result, result.status == 0, let id = SlurmCluster.jobID(fromParsable: result.output) else {
                let said = [result?.error, result?.output].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty }.joined(separator: "; ")
                printError(
                    "sbatch refused \(job) (exit \(result?.status ?? -1)): \(said.isEmpty ? "no message" : said): check --partition, --time and --mem against `sinfo` and the site's limits")
                throw ExitCode(ExitStatus.usage)
            }
            return id
        }

        /// One line on how the shards spread over the array.
        private static func plan(_ scripts: SlurmScripts, shards: [Shard]) -> String {
            let counts = ShardSlice.shardCounts(of: shards, tasks: scripts.tasks, stride: scripts.arraySize)
            let idle = counts.filter { $0 == 0 }.count
            var line = "\(shards.count) shard(s) over \(scripts.tasks) task(s)"
            if let stride = scripts.stride { line += " in an array of \(stride) (--task-stride \(stride))" }
            line += ", at most \(counts.max() ?? 0) shard(s) per array task"
            if idle > 0 { line += ", \(idle) array task(s) idle" }
            return line
        }

        /// The cluster's `MaxArraySize`, when `scontrol` answers within 10 seconds.
        private static var clusterMaxArraySize: Int? {
            guard let scontrol = ExternalCommand.find("scontrol"),
                let result = try? ExternalCommand.run(scontrol, ["show", "config"], timeout: 10), result.status == 0
            else { return nil }
            return SlurmCluster.maxArraySize(fromShowConfig: result.output)
        }

        /// The absolute path of the running `lede`, symbolic links resolved.
        private static var currentExecutable: String {
            let link = URL(fileURLWithPath: "/proc/self/exe")
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) { return target }
            return absolute(Bundle.main.executablePath ?? CommandLine.arguments[0])
        }

        /// `path` made absolute against the working directory, `.` and `..` applied.
        private static func absolute(_ path: String) -> String {
            let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
        }
    }
}
