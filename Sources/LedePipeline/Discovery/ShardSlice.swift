/// A bad `--task`/`--tasks`/`--task-stride` combination, explained in terms a user can act on.
public struct ShardSliceError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
}

/// The shards one task of a sharded run processes: `--task I --tasks N`, optionally
/// `--task-stride A`.
///
/// Each shard belongs to exactly one of `N` logical tasks, chosen by its path
/// relative to its input root alone (``Shard/relativePath``):
///
///     logical task = fmix64(FNV-1a-64(UTF-8 bytes of the relative path)) mod N
///
/// FNV-1a 64 starts at `0xcbf29ce484222325` and, for each byte, XORs it in and
/// multiplies by `0x100000001b3`; fmix64 is MurmurHash3's finalizer (`k ^= k >> 33;
/// k *= 0xff51afd7ed558ccd; k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53; k ^= k >> 33`),
/// there because FNV's low bits, which `mod N` keeps, barely depend on a byte's high
/// bits. The assignment is the same on every machine and every rerun, and a shard
/// keeps its task when other shards appear or disappear, so tasks that list the
/// archive at different times still agree on who owns what.
///
/// A cluster caps the size of a job array (Slurm's `MaxArraySize`), so a process
/// may run several logical tasks: with a stride `A` (the array's size), process `I`
/// runs logical tasks `I, I + A, I + 2A, …` below `N`, that is every shard whose
/// logical task is `I` modulo `A`. Without a stride (`A = N`) it runs task `I` alone.
public struct ShardSlice: Sendable, Hashable {
    /// This process's index, `0 ≤ task < stride`.
    public let task: Int
    /// The number of logical tasks the shards are spread over.
    public let tasks: Int
    /// How many processes share the logical tasks (a job array's size), `1 ≤ stride ≤ tasks`.
    public let stride: Int

    /// The slice of process `task` among `stride` processes sharing `tasks` logical tasks.
    ///
    /// - Parameters:
    ///   - task: The process's index (`$SLURM_ARRAY_TASK_ID`).
    ///   - tasks: The number of logical tasks, at least 1.
    ///   - stride: The number of processes; `nil` means one per logical task.
    public init(task: Int, tasks: Int, stride: Int? = nil) throws(ShardSliceError) {
        guard tasks >= 1 else {
            throw ShardSliceError(description: "--tasks must be at least 1, not \(tasks)")
        }
        let stride = stride ?? tasks
        guard (1...tasks).contains(stride) else {
            throw ShardSliceError(
                description: "--task-stride \(stride) must be between 1 and --tasks (\(tasks)): give the job array's size")
        }
        guard (0..<stride).contains(task) else {
            let option = stride == tasks ? "--tasks" : "--task-stride"
            throw ShardSliceError(
                description: "--task \(task) must be between 0 and \(stride - 1) (\(option) \(stride) counts from 0): give $SLURM_ARRAY_TASK_ID of an array 0-\(stride - 1)")
        }
        self.task = task
        self.tasks = tasks
        self.stride = stride
    }

    /// The logical tasks this process runs, in increasing order.
    public var logicalTasks: StrideTo<Int> {
        Swift.stride(from: task, to: tasks, by: stride)
    }

    /// Whether this process runs `shard`.
    public func contains(_ shard: Shard) -> Bool {
        ShardSlice.logicalTask(of: shard.relativePath, tasks: tasks) % stride == task
    }

    /// The shards of `shards` this process runs, in their given order.
    public func select(_ shards: [Shard]) -> [Shard] {
        shards.filter(contains)
    }

    /// How many of `shards` each of `stride` processes sharing `tasks` logical tasks
    /// runs, indexed by process.
    public static func shardCounts(of shards: [Shard], tasks: Int, stride: Int) -> [Int] {
        precondition((1...tasks).contains(stride), "a stride is between 1 and the number of tasks")
        var counts = [Int](repeating: 0, count: stride)
        for shard in shards {
            counts[logicalTask(of: shard.relativePath, tasks: tasks) % stride] += 1
        }
        return counts
    }

    /// The logical task, below `tasks`, that owns the shard at `relativePath`.
    public static func logicalTask(of relativePath: String, tasks: Int) -> Int {
        precondition(tasks >= 1, "a shard slice needs at least one task")
        return Int(hash(relativePath) % UInt64(tasks))
    }

    /// fmix64(FNV-1a-64(UTF-8 bytes of `relativePath`)).
    static func hash(_ relativePath: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in relativePath.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
