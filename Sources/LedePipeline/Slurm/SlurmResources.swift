/// What each job asks the scheduler for; `nil` leaves a setting to the cluster's default.
///
/// The values go into `#SBATCH` lines, which Slurm reads with its own rules, not
/// the shell's: they are limited to letters, digits and `_.:,+-`, enough for every
/// partition name, time (`90`, `4:00:00`, `1-12:00:00`) and size (`16G`) Slurm takes.
public struct SlurmResources: Sendable, Equatable {
    /// `--partition`: one partition, or several separated by commas.
    public var partition: String?
    /// `--time`: the wall-time limit of each job.
    public var time: String?
    /// `--mem`: memory per node (`4G`, `4000M`).
    public var memory: String?
    /// `--cpus-per-task` of the worker tasks; also their `lede run --jobs`.
    public var cpusPerTask: Int?

    public init(partition: String? = nil, time: String? = nil, memory: String? = nil, cpusPerTask: Int? = nil) {
        self.partition = partition
        self.time = time
        self.memory = memory
        self.cpusPerTask = cpusPerTask
    }

    /// Checks that every value fits an `#SBATCH` line.
    public func validate() throws(SlurmScriptError) {
        try SlurmResources.checkDirectiveValue(partition, option: "--partition", example: "batch")
        try SlurmResources.checkDirectiveValue(time, option: "--time", example: "4:00:00 or 1-12:00:00")
        try SlurmResources.checkDirectiveValue(memory, option: "--mem", example: "16G")
        if let cpusPerTask, cpusPerTask < 1 {
            throw SlurmScriptError("--cpus-per-task must be at least 1, not \(cpusPerTask)")
        }
    }

    /// Throws unless `value` is absent or a non-empty run of letters, digits and `_.:,+-`.
    static func checkDirectiveValue(_ value: String?, option: String, example: String) throws(SlurmScriptError) {
        guard let value else { return }
        let allowed = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "_.:,+-".utf8.contains(byte)
            }
        }
        guard !value.isEmpty, allowed else {
            throw SlurmScriptError(
                "\(option) \"\(value)\" cannot go into an #SBATCH line: use letters, digits and _.:,+- only (for example \(example))")
        }
    }
}
