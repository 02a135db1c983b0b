/// The two batch scripts of a sharded run on Slurm: a job array of workers running
/// `lede run PIPELINE --task I --tasks N`, and a merge job running `lede merge`
/// once every worker has succeeded.
///
/// The scripts name the `lede` binary, the pipeline file and the output directory by
/// absolute path, single-quoted for the shell, because the jobs run on other nodes
/// in another working directory; everything else a job needs sits in `#SBATCH`
/// lines. Logs go to `logs/` relative to the directory `sbatch` is started from,
/// which must exist first (Slurm does not create it).
///
/// An array may hold at most the cluster's `MaxArraySize` tasks (1001 unless the
/// site changed it). With more logical tasks than that, the array is `0-(A-1)` for
/// `A` = the largest allowed size and each worker also gets `--task-stride A`, so
/// that array task `k` runs logical tasks `k, k + A, k + 2A, …` (see ``ShardSlice``).
public struct SlurmScripts: Sendable, Equatable {
    /// The file name of the worker array script.
    public static let arrayScriptName = "lede-array.sbatch"
    /// The file name of the merge script.
    public static let mergeScriptName = "lede-merge.sbatch"
    /// Where the jobs' output goes, relative to the directory `sbatch` runs in.
    public static let logDirectory = "logs"
    /// Slurm's default `MaxArraySize`, for clusters that do not say theirs.
    public static let defaultMaxArraySize = 1001

    /// The absolute path of the `lede` binary, the same on every node.
    public let lede: String
    /// The absolute path of the pipeline file.
    public let pipeline: String
    /// The absolute path of the pipeline's output directory, which `lede merge` reads.
    public let output: String
    /// Where the merge writes the SQLite store, when the pipeline file says.
    public let sqlite: String?
    /// The number of logical tasks, `--tasks N`.
    public let tasks: Int
    /// The number of array tasks, at most `tasks`: `--array=0-(arraySize-1)`.
    public let arraySize: Int
    /// How many array tasks may run at once (`%K` of `--array`); `nil` for no limit.
    public let maxConcurrent: Int?
    /// What each job asks the scheduler for.
    public let resources: SlurmResources
    /// The array's job name; the merge's is this with `-merge` appended.
    public let jobName: String

    /// Scripts spreading `tasks` logical tasks over an array of at most `maxArraySize` tasks.
    ///
    /// - Throws: ``SlurmScriptError`` for a relative path, counts below 1, or a
    ///   resource or job name an `#SBATCH` line cannot carry.
    public init(
        lede: String, pipeline: String, output: String, sqlite: String? = nil, tasks: Int,
        maxArraySize: Int = SlurmScripts.defaultMaxArraySize, maxConcurrent: Int? = nil,
        resources: SlurmResources = SlurmResources(), jobName: String = "lede"
    ) throws(SlurmScriptError) {
        guard tasks >= 1 else { throw SlurmScriptError("--tasks must be at least 1, not \(tasks)") }
        guard maxArraySize >= 1 else { throw SlurmScriptError("--max-array-size must be at least 1, not \(maxArraySize)") }
        if let maxConcurrent, maxConcurrent < 1 {
            throw SlurmScriptError("--max-concurrent must be at least 1, not \(maxConcurrent)")
        }
        for (path, what) in [(lede, "the lede binary"), (pipeline, "the pipeline file"), (output, "the output directory")]
            + (sqlite.map { [($0, "the SQLite store")] } ?? [])
        where !path.hasPrefix("/") {
            throw SlurmScriptError("\(what) \(path) is not an absolute path: the jobs run in another directory, on other nodes")
        }
        try resources.validate()
        try SlurmResources.checkDirectiveValue(jobName, option: "--job-name", example: "lede-news")
        self.lede = lede
        self.pipeline = pipeline
        self.output = output
        self.sqlite = sqlite
        self.tasks = tasks
        self.arraySize = min(tasks, maxArraySize)
        self.maxConcurrent = maxConcurrent
        self.resources = resources
        self.jobName = jobName
    }

    /// The `--task-stride` of each worker: the array's size when it runs fewer tasks than `tasks`.
    public var stride: Int? { arraySize < tasks ? arraySize : nil }

    /// The worker array script.
    public var arrayScript: String {
        var run = "\"$lede\" run \"$pipeline\" --task \"$SLURM_ARRAY_TASK_ID\" --tasks \(tasks)"
        if let stride { run += " --task-stride \(stride)" }
        if let cpus = resources.cpusPerTask { run += " --jobs \(cpus)" }
        let command = stride.map { "--task I --tasks \(tasks) --task-stride \($0)" } ?? "--task I --tasks \(tasks)"
        let owned = stride.map { "logical tasks I, I+\($0), I+\(2 * $0)… below \(tasks)" } ?? "logical task I"
        let size =
            stride.map { "--task-stride (\($0)), the largest the cluster allows; --tasks may be larger" }
            ?? "--tasks (\(tasks))"
        return """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)
            #SBATCH --array=0-\(arraySize - 1)\(maxConcurrent.map { "%\($0)" } ?? "")
            \(directives(cpus: true))#SBATCH --output=\(SlurmScripts.logDirectory)/%A_%a.out
            #
            # Lede's workers. Array task I runs `lede run PIPELINE \(command)`:
            # the shards whose relative path hashes to \(owned).
            # Each writes its documents and per-shard partials into the pipeline's output
            # directory and does not merge: \(SlurmScripts.mergeScriptName) does, once every task has succeeded.
            # The array's size is \(size): change them together.
            #
            # `lede slurm submit` writes and submits both scripts. To submit them by hand,
            # from a directory holding \(SlurmScripts.logDirectory)/ (Slurm does not create it):
            #   array=$(sbatch --parsable \(SlurmScripts.arrayScriptName))
            #   sbatch --dependency=afterok:${array%%;*} \(SlurmScripts.mergeScriptName)
            # Every node must see the paths below at the same place (a shared filesystem).

            lede=\(SlurmScripts.shellQuoted(lede))
            pipeline=\(SlurmScripts.shellQuoted(pipeline))

            : "${SLURM_ARRAY_TASK_ID:?is not set: submit this script with sbatch, as a job array}"
            status=0
            \(run) || status=$?
            # 1 means done, with rejected lines or failed shards that the merge reports:
            # only other codes fail the task, and with it the merge.
            if [ "$status" -eq 1 ]; then
                exit 0
            fi
            exit "$status"

            """
    }

    /// The merge script, to submit with `--dependency=afterok:<array job id>`.
    public var mergeScript: String {
        var merge = "exec \"$lede\" merge --output \"$output\""
        if sqlite != nil { merge += " --sqlite \"$sqlite\"" }
        return """
            #!/bin/bash
            #SBATCH --job-name=\(jobName)-merge
            \(directives(cpus: false))#SBATCH --output=\(SlurmScripts.logDirectory)/merge-%j.out
            #SBATCH --kill-on-invalid-dep=yes
            #
            # Lede's merge: builds the output directory's aggregates and SQLite store from
            # the partials of every task of \(SlurmScripts.arrayScriptName). Submit it with
            # --dependency=afterok:<the array's job id>: it starts once every array task has
            # succeeded, and --kill-on-invalid-dep=yes cancels it when one fails, where
            # Slurm's default would leave it pending forever.

            lede=\(SlurmScripts.shellQuoted(lede))
            output=\(SlurmScripts.shellQuoted(output))
            \(sqlite.map { "sqlite=\(SlurmScripts.shellQuoted($0))\n" } ?? "")
            \(merge)

            """
    }

    /// The arguments of `sbatch` submitting the array, run in the scripts' directory.
    public var arraySubmitArguments: [String] {
        ["--parsable", SlurmScripts.arrayScriptName]
    }

    /// The arguments of `sbatch` submitting the merge after the array `arrayJobID`.
    public func mergeSubmitArguments(afterArray arrayJobID: String) -> [String] {
        ["--parsable", "--dependency=afterok:\(arrayJobID)", SlurmScripts.mergeScriptName]
    }

    /// `text` as one word for a POSIX shell: single-quoted, each `'` written `'\''`.
    public static func shellQuoted(_ text: String) -> String {
        var quoted = "'"
        for character in text.unicodeScalars {
            if character == "'" { quoted += "'\\''" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "'"
    }

    /// The resource lines both jobs share; the CPUs only for the workers.
    private func directives(cpus: Bool) -> String {
        var lines = ""
        if let partition = resources.partition { lines += "#SBATCH --partition=\(partition)\n" }
        if let time = resources.time { lines += "#SBATCH --time=\(time)\n" }
        if let memory = resources.memory { lines += "#SBATCH --mem=\(memory)\n" }
        if cpus, let cpusPerTask = resources.cpusPerTask { lines += "#SBATCH --cpus-per-task=\(cpusPerTask)\n" }
        return lines
    }
}
