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

    /// Runs two different jobs at once, on two threads, and returns both results.
    ///
    /// - Returns: What each job returned.
    /// - Throws: The error of `first` if it failed, else that of `second`, once both have ended.
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws -> First, _ second: @Sendable () throws -> Second
    ) throws -> (First, Second) {
        let firstOutcome = Mutex<Result<First, any Error>?>(nil)
        let secondOutcome = Mutex<Result<Second, any Error>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let outcome = Result { try first() }
                firstOutcome.withLock { $0 = outcome }
            } else {
                let outcome = Result { try second() }
                secondOutcome.withLock { $0 = outcome }
            }
        }
        let results = (firstOutcome.withLock { $0! }, secondOutcome.withLock { $0! })
        return (try results.0.get(), try results.1.get())
    }
}
