import LedePipeline
import Testing

@Suite("Shard slices of --task I --tasks N")
struct ShardSliceTests {
    /// Shards as a dated archive names them, some nested, some not ASCII.
    private static let archive: [Shard] = (0..<300).map { index in
        let relative =
            index % 3 == 0
            ? "wire-\(index).jsonl.zst" : "20\(10 + index % 9)/\(index % 12 + 1)/día-\(index).jsonl.zst"
        return Shard(path: "/archive/" + relative, relativePath: relative)
    }

    private func slices(tasks: Int, stride: Int? = nil) throws -> [ShardSlice] {
        try (0..<(stride ?? tasks)).map { task throws(ShardSliceError) in try ShardSlice(task: task, tasks: tasks, stride: stride) }
    }

    @Test func everyShardBelongsToExactlyOneTask() throws {
        for tasks in Array(1...64) + [299, 300, 1000] {
            let slices = try slices(tasks: tasks)
            for shard in Self.archive {
                #expect(slices.filter { $0.contains(shard) }.count == 1, "\(shard.relativePath) with --tasks \(tasks)")
            }
            let selected = slices.flatMap { $0.select(Self.archive) }
            #expect(selected.count == Self.archive.count)
            #expect(Set(selected) == Set(Self.archive))
        }
    }

    @Test func moreTasksThanShardsLeavesSomeIdle() throws {
        let shards = Array(Self.archive.prefix(5))
        let counts = try slices(tasks: 64).map { $0.select(shards).count }
        #expect(counts.reduce(0, +) == 5)
        #expect(counts.filter { $0 == 0 }.count >= 59)
    }

    @Test func aShardKeepsItsTaskWhateverElseIsListed() throws {
        let slice = try ShardSlice(task: 2, tasks: 7)
        let everything = slice.select(Self.archive)
        let half = Array(Self.archive.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        #expect(slice.select(half) == everything.filter(half.contains))
        #expect(try ShardSlice(task: 2, tasks: 7).select(Self.archive.reversed()) == everything.reversed())
    }

    /// Pinned values: changing the hash would move finished shards to other tasks,
    /// and the documented formula must keep giving what users compute by hand.
    @Test func theAssignmentIsTheDocumentedHash() {
        #expect(ShardSlice.logicalTask(of: "", tasks: 1000) == 342)
        #expect(ShardSlice.logicalTask(of: "a", tasks: 1000) == 315)
        #expect(ShardSlice.logicalTask(of: "2019/05/wire-00.jsonl.zst", tasks: 1000) == 38)
        #expect(ShardSlice.logicalTask(of: "sample-00000.jsonl.zst", tasks: 1000) == 338)
        #expect(ShardSlice.logicalTask(of: "día/ünïcode.jsonl", tasks: 7) == 5)
        #expect(ShardSlice.logicalTask(of: "anything", tasks: 1) == 0)
    }

    /// FNV-1a alone puts these 36 names in one task of 16: their bytes differ only
    /// above the low four bits, which are all that `mod 16` keeps of it.
    @Test func namesDifferingInHighBitsStillSpread() {
        let characters = ["a", "q", "A", "Q", "1", "!"]
        let names = characters.flatMap { directory in characters.map { "\(directory)/\($0).jsonl" } }
        let used = Set(names.map { ShardSlice.logicalTask(of: $0, tasks: 16) })
        #expect(used.count >= 12)
    }

    @Test func tasksAreReasonablyBalanced() {
        let shards = (0..<10_000).map { index in
            Shard(path: "", relativePath: "2019/\(index % 12 + 1)/wire-\(index).jsonl.zst")
        }
        for tasks in [2, 3, 4, 8, 10, 16, 64] {
            let counts = ShardSlice.shardCounts(of: shards, tasks: tasks, stride: tasks)
            let mean = Double(shards.count) / Double(tasks)
            #expect(Double(counts.max()!) <= mean * 1.25, "--tasks \(tasks): \(counts)")
            #expect(Double(counts.min()!) >= mean * 0.75, "--tasks \(tasks): \(counts)")
        }
    }

    @Test func aStrideRunsEveryStrideThLogicalTask() throws {
        let slice = try ShardSlice(task: 3, tasks: 10, stride: 4)
        #expect(Array(slice.logicalTasks) == [3, 7])
        #expect(Array(try ShardSlice(task: 2, tasks: 5).logicalTasks) == [2])
        for (tasks, stride) in [(10, 4), (64, 7), (1000, 1), (1000, 999), (5, 5)] {
            let processes = try slices(tasks: tasks, stride: stride)
            let logical = try slices(tasks: tasks)
            for process in processes {
                let expected = process.logicalTasks.flatMap { logical[$0].select(Self.archive) }
                #expect(Set(process.select(Self.archive)) == Set(expected), "task \(process.task) of \(tasks) by \(stride)")
            }
            let counts = ShardSlice.shardCounts(of: Self.archive, tasks: tasks, stride: stride)
            #expect(counts == processes.map { $0.select(Self.archive).count })
            #expect(counts.reduce(0, +) == Self.archive.count)
        }
    }

    @Test func badNumbersSayWhatToGive() {
        do {
            _ = try ShardSlice(task: 0, tasks: 0)
            Issue.record("--tasks 0 was accepted")
        } catch {
            #expect(error.description == "--tasks must be at least 1, not 0")
        }
        #expect(throws: ShardSliceError.self) { try ShardSlice(task: 0, tasks: 4, stride: 5) }
        #expect(throws: ShardSliceError.self) { try ShardSlice(task: 0, tasks: 4, stride: 0) }
        #expect(throws: ShardSliceError.self) { try ShardSlice(task: -1, tasks: 4) }
        do {
            _ = try ShardSlice(task: 4, tasks: 4)
            Issue.record("--task 4 --tasks 4 was accepted")
        } catch {
            #expect(error.description.contains("--task 4 must be between 0 and 3"))
        }
        do {
            _ = try ShardSlice(task: 4, tasks: 10, stride: 4)
            Issue.record("--task 4 --task-stride 4 was accepted")
        } catch {
            #expect(error.description.contains("--task-stride 4"))
        }
    }
}
