import Dispatch
import Synchronization

/// Runs independent synchronous jobs on up to `width` threads at once: the
/// tables of a merge, which are written after every shard is done, when the
/// task group's workers are idle.
enum ParallelJobs {
    /// Runs `jobs`, taking them in order as threads free up.
    ///
    /// - Parameters:
    ///   - jobs: The jobs; put the longest first.
    ///   - width: The most jobs running at once (`--jobs`); 1 runs them in order on this thread.
    /// - Returns: Each job's result, in the jobs' order.
    /// - Throws: The error of the first job in order that failed, after every started job has ended.
    static func run(_ jobs: [@Sendable () throws -> Int], width: Int) throws -> [Int] {
        guard width > 1, jobs.count > 1 else { return try jobs.map { try $0() } }
        let next = Atomic<Int>(0)
        let outcomes = Mutex([Result<Int, any Error>?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: min(width, jobs.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < jobs.count else { return }
                let outcome = Result { try jobs[index]() }
                outcomes.withLock { $0[index] = outcome }
            }
        }
        return try outcomes.withLock { outcomes in try outcomes.map { try $0!.get() } }
    }
}
