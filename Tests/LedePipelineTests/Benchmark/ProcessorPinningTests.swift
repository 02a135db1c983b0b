@testable import LedePipeline
import Foundation
import Testing

@Suite("Processor pinning")
struct ProcessorPinningTests {
    #if os(Linux)
    @Test("every thread, including one started while pinned, runs on one core; the mask comes back after")
    func pinsAndRestores() async throws {
        let before = try #require(ProcessorPinning.currentCoreCount)
        let inside = await ProcessorPinning.onOneCore { () async -> [Int?] in
            let started = Thread.detachedCoreCount()
            let task = await Task.detached { ProcessorPinning.currentCoreCount }.value
            return [ProcessorPinning.currentCoreCount, task, started]
        }
        #expect(try #require(inside) == [1, 1, 1])
        #expect(ProcessorPinning.currentCoreCount == before)
        let elsewhere = await Task.detached { ProcessorPinning.currentCoreCount }.value
        #expect(elsewhere == before)
    }
    #endif
}

extension Thread {
    /// The core count of a new thread's affinity mask, read on that thread.
    fileprivate static func detachedCoreCount() -> Int? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var count: Int?
        let thread = Thread {
            count = ProcessorPinning.currentCoreCount
            done.signal()
        }
        thread.start()
        done.wait()
        return count
    }
}
