import Foundation
import Synchronization
import Testing

@testable import LedePipeline

@Suite("Parallel jobs")
struct ParallelJobsTests {
    private struct Failure: Error, Equatable {
        let job: Int
    }

    @Test("results come back in the jobs' order, whatever the width", arguments: [1, 2, 3, 8])
    func order(width: Int) throws {
        let ran = Atomic<Int>(0)
        let jobs: [@Sendable () throws -> Int] = (0..<20).map { index in
            {
                ran.wrappingAdd(1, ordering: .relaxed)
                return index * index
            }
        }
        #expect(try ParallelJobs.run(jobs, width: width) == (0..<20).map { $0 * $0 })
        #expect(ran.load(ordering: .relaxed) == 20)
    }

    @Test("the first failing job's error is thrown, after every job has run", arguments: [1, 2])
    func failure(width: Int) {
        let ran = Atomic<Int>(0)
        let jobs: [@Sendable () throws -> Int] = (0..<6).map { index in
            {
                ran.wrappingAdd(1, ordering: .relaxed)
                if index == 2 || index == 4 { throw Failure(job: index) }
                return index
            }
        }
        #expect(throws: Failure(job: 2)) { try ParallelJobs.run(jobs, width: width) }
        // One by one stops at the first failure; at once, every job is taken.
        #expect(ran.load(ordering: .relaxed) == (width == 1 ? 3 : 6))
    }

    /// Where two jobs wait for each other: run one by one, the first would time out.
    private final class Meeting: Sendable {
        private let arrived = Atomic<Int>(0)

        /// Counts this job in and waits (up to 10 s) for a second one; returns the jobs that came.
        func join() -> Int {
            arrived.wrappingAdd(1, ordering: .relaxed)
            var spins = 0
            while arrived.load(ordering: .relaxed) < 2 && spins < 10_000 {
                usleep(1_000)
                spins += 1
            }
            return arrived.load(ordering: .relaxed)
        }
    }

    @Test("two jobs run at the same time with width 2")
    func concurrency() throws {
        let meeting = Meeting()
        let job: @Sendable () throws -> Int = { meeting.join() }
        #expect(try ParallelJobs.run([job, job], width: 2) == [2, 2])
    }

    @Test("two different jobs run at the same time and both results come back")
    func both() throws {
        let meeting = Meeting()
        let (count, text) = try ParallelJobs.both({ meeting.join() }, { "met \(meeting.join())" })
        #expect(count == 2)
        #expect(text == "met 2")
    }

    @Test("the first job's error wins; the second's comes when the first succeeds")
    func bothFailures() {
        let ran = Atomic<Int>(0)
        #expect(throws: Failure(job: 0)) {
            try ParallelJobs.both(
                { () throws -> Int in
                    ran.wrappingAdd(1, ordering: .relaxed)
                    throw Failure(job: 0)
                },
                { () throws -> Int in
                    ran.wrappingAdd(1, ordering: .relaxed)
                    throw Failure(job: 1)
                })
        }
        #expect(ran.load(ordering: .relaxed) == 2)
        #expect(throws: Failure(job: 1)) {
            try ParallelJobs.both({ 1 }, { () throws -> Int in throw Failure(job: 1) })
        }
    }
}
