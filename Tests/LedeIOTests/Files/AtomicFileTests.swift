#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

@Suite struct AtomicFileTests {
    @Test func contentAppearsOnlyAfterCommit() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "out/result.jsonl")
            let file = try AtomicFile(path: path)
            #expect(FileSystem.isDirectory(Path.join(root, "out")))
            try file.write("hello ")
            try file.write(Array("world\n".utf8))
            #expect(!FileSystem.exists(path))
            #expect(FileSystem.exists(file.temporaryPath))
            #expect(Path.directory(of: file.temporaryPath) == Path.directory(of: path))
            try file.commit()
            #expect(try readFileBytes(path) == Array("hello world\n".utf8))
            #expect(file.bytesWritten == 12)
            #expect(!FileSystem.exists(file.temporaryPath))
            #expect(try FileSystem.contentsOfDirectory(Path.join(root, "out")) == ["result.jsonl"])
        }
    }

    @Test(arguments: [true, false])
    func oldFileStaysUntilCommit(durable: Bool) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "table.csv")
            try AtomicFile.write(Array("old".utf8), to: path, durable: durable)
            let file = try AtomicFile(path: path, durable: durable)
            try file.write(Array(repeating: UInt8(ascii: "n"), count: 3 << 20))
            #expect(try readFileBytes(path) == Array("old".utf8))
            try file.commit()
            expectSameBytes(try readFileBytes(path), Array(repeating: UInt8(ascii: "n"), count: 3 << 20))
            #expect(try FileSystem.contentsOfDirectory(root) == ["table.csv"])
        }
    }

    @Test(arguments: [true, false])
    func aDurableWriterStartsWritebackAsItGoes(durable: Bool) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "cooccurrences.csv")
            let piece = [UInt8](repeating: UInt8(ascii: "p"), count: 48 << 10)
            let file = try AtomicFile(path: path, durable: durable, bufferSize: 64 << 10)
            let interval = AtomicFile.writebackInterval
            var expected: [UInt8] = []
            while Int64(expected.count) < 3 * interval {
                try file.write(piece)
                expected += piece
                if durable {
                    // Behind what was written by less than an interval and a buffer.
                    #expect(file.bytesWritten - file.writebackStarted < interval + (64 << 10))
                } else {
                    #expect(file.writebackStarted == 0)
                }
            }
            #expect(file.writebackStarted >= (durable ? 2 * interval : 0))
            try file.commit()
            expectSameBytes(try readFileBytes(path), expected)
        }
    }

    @Test func discardLeavesOldFileAndNoTemporary() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "table.csv")
            try AtomicFile.write(Array("old".utf8), to: path)
            let file = try AtomicFile(path: path, bufferSize: 16)
            try file.write(Array(repeating: 1, count: 1000))  // reaches the temporary file
            #expect(FileSystem.exists(file.temporaryPath))
            file.discard()
            file.discard()  // twice is harmless
            #expect(!FileSystem.exists(file.temporaryPath))
            #expect(try readFileBytes(path) == Array("old".utf8))
            #expect(try FileSystem.contentsOfDirectory(root) == ["table.csv"])
        }
    }

    @Test func droppedWriterLeavesOldFileAndNoTemporary() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "table.csv")
            try AtomicFile.write(Array("old".utf8), to: path)
            var temporary = ""
            do {
                let file = try AtomicFile(path: path, bufferSize: 16)
                temporary = file.temporaryPath
                try file.write(Array(repeating: 1, count: 1000))
                #expect(FileSystem.exists(temporary))
            }
            #expect(!FileSystem.exists(temporary))
            #expect(try readFileBytes(path) == Array("old".utf8))
            #expect(try FileSystem.contentsOfDirectory(root) == ["table.csv"])
        }
    }

    @Test(arguments: [1, 16, 4096, 1 << 20])
    func writesOfEverySizeAroundTheBuffer(bufferSize: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "big.bin")
            var random = IOTestRandom(seed: UInt64(bufferSize))
            let file = try AtomicFile(path: path, durable: false, bufferSize: bufferSize)
            var expected: [UInt8] = []
            let sizes = [0, 1, bufferSize - 1, bufferSize, bufferSize + 1, 3, 100_000, 2 * bufferSize + 5, 5 << 20, 0, 7]
            for size in sizes {
                let bytes = random.noise(max(size, 0))
                try file.write(bytes)
                expected += bytes
            }
            #expect(file.bytesWritten == Int64(expected.count))
            try file.commit()
            expectSameBytes(try readFileBytes(path), expected)
        }
    }

    @Test func writesThroughRawPointers() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "raw")
            let file = try AtomicFile(path: path, bufferSize: 8)
            let bytes: [UInt8] = Array(0..<200)
            try bytes.withUnsafeBytes { raw in
                try file.write(UnsafeRawBufferPointer(rebasing: raw[0..<5]))
                try file.write(UnsafeRawBufferPointer(rebasing: raw[5..<5]))
                try file.write(UnsafeRawBufferPointer(rebasing: raw[5..<200]))
            }
            try file.commit()
            expectSameBytes(try readFileBytes(path), bytes)
        }
    }

    @Test func emptyFileCommits() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "empty")
            try AtomicFile(path: path).commit()
            #expect(try readFileBytes(path).isEmpty)
        }
    }

    @Test func failedCommitRemovesTemporaryAndNamesTheFile() throws {
        try withScratchDirectory { root in
            // A non-empty directory cannot be replaced by a file: rename fails.
            let path = Path.join(root, "occupied")
            try FileSystem.createDirectory(Path.join(path, "inside"))
            let file = try AtomicFile(path: path)
            try file.write("data")
            let error = #expect(throws: SystemError.self) { try file.commit() }
            #expect(error?.description.contains(path) == true)
            #expect(!FileSystem.exists(file.temporaryPath))
            #expect(FileSystem.isDirectory(Path.join(path, "inside")))
            #expect(try FileSystem.contentsOfDirectory(root) == ["occupied"])
        }
    }

    @Test func directoryThatIsAFileIsReportedByName() throws {
        try withScratchDirectory { root in
            let blocker = Path.join(root, "blocker")
            try writeFileBytes([1], to: blocker)
            let error = #expect(throws: SystemError.self) { try AtomicFile(path: Path.join(blocker, "out.csv")) }
            #expect(error?.description.contains(blocker) == true)
        }
    }

    @Test(.disabled(if: ioTestsRunAsRoot, "root writes into read-only directories"))
    func readOnlyDirectoryIsReportedByName() throws {
        try withScratchDirectory { root in
            let locked = Path.join(root, "locked")
            try FileSystem.createDirectory(locked)
            #expect(chmod(locked, 0o555) == 0)
            defer { chmod(locked, 0o755) }
            let error = #expect(throws: SystemError.self) { try AtomicFile(path: Path.join(locked, "out.csv")) }
            #expect(error?.code == EACCES)
            #expect(error?.description.contains(Path.join(locked, "")) == true)
            #expect(error?.description.contains("out.csv") == true)
        }
    }

    @Test func staleTemporaryFilesDoNotBlockNewWriters() throws {
        try withScratchDirectory { root in
            // A killed run leaves temporaries behind; a later process may get the
            // same pid (always 1 in a container), hence the same names.
            let path = Path.join(root, "out.csv")
            let probe = try AtomicFile(path: path)
            let serial = Int(probe.temporaryPath.split(separator: "-").last!)!
            probe.discard()
            for next in (serial + 1)...(serial + 64) {
                try writeFileBytes([0], to: Path.join(root, ".out.csv.tmp-\(getpid())-\(next)"))
            }
            let file = try AtomicFile(path: path)
            try file.write("new")
            try file.commit()
            #expect(try readFileBytes(path) == Array("new".utf8))
        }
    }

    @Test func concurrentWritersUseDistinctTemporaries() async throws {
        try await withScratchDirectory { root in
            let path = Path.join(root, "shared.csv")
            let temporaries = try await withThrowingTaskGroup(of: String.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        let file = try AtomicFile(path: path, durable: false)
                        let line = Array("writer \(writer)\n".utf8)
                        for _ in 0..<1000 { try file.write(line) }
                        try file.commit()
                        return file.temporaryPath
                    }
                }
                var names: [String] = []
                for try await name in group { names.append(name) }
                return names
            }
            #expect(Set(temporaries).count == 8)
            let content = try readFileBytes(path)
            #expect(content.count == 1000 * 9)
            #expect(Set(String(decoding: content, as: UTF8.self).split(separator: "\n")).count == 1)
            #expect(try FileSystem.contentsOfDirectory(root) == ["shared.csv"])
        }
    }
}

@Suite struct ResumableAtomicFileTests {
    @Test func aSyncedPrefixSurvivesAndWritingGoesOnAfterIt() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "docs.zst")
            let temporary = Path.join(root, ".docs.zst.inprogress")
            try AtomicFile.write(Array("old".utf8), to: path)
            let first = try AtomicFile(path: path, temporaryPath: temporary, bufferSize: 4)
            try first.write("first part|")
            try first.sync()
            let durable = first.bytesWritten
            try first.write("lost after the checkpoint")
            first.suspend()
            #expect(try readFileBytes(path) == Array("old".utf8))
            #expect(FileSystem.exists(temporary), "a suspended writer leaves its bytes for the next one")

            let second = try AtomicFile(path: path, temporaryPath: temporary, resumingAt: durable)
            #expect(second.bytesWritten == durable)
            try second.write("second part")
            try second.commit()
            #expect(try readFileBytes(path) == Array("first part|second part".utf8))
            #expect(!FileSystem.exists(temporary))
        }
    }

    @Test func resumingPastTheEndIsRefused() throws {
        try withScratchDirectory { root in
            let temporary = Path.join(root, ".x.inprogress")
            try writeFileBytes(Array("short".utf8), to: temporary)
            #expect(throws: SystemError.self) {
                _ = try AtomicFile(path: Path.join(root, "x"), temporaryPath: temporary, resumingAt: 6)
            }
            #expect(throws: SystemError.self) {
                _ = try AtomicFile(path: Path.join(root, "y"), temporaryPath: Path.join(root, ".y.missing"), resumingAt: 1)
            }
            #expect(try readFileBytes(temporary) == Array("short".utf8), "a refused resume leaves the file alone")
        }
    }

    @Test func aFreshWriterTruncatesAnEarlierOne() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "x")
            let temporary = Path.join(root, ".x.inprogress")
            try writeFileBytes(Array("stale bytes of a killed run".utf8), to: temporary)
            let file = try AtomicFile(path: path, temporaryPath: temporary)
            try file.write("new")
            try file.commit()
            #expect(try readFileBytes(path) == Array("new".utf8))
        }
    }
}

@Suite struct FileStatusTests {
    @Test func aRewriteWithTheSameSizeAndTimeStillShows() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "shard")
            try AtomicFile.write(Array("version one".utf8), to: path)
            let before = try FileStatus.of(path)
            #expect(before.size == 11)
            #expect(before == (try FileStatus.of(path)))
            // The same size and modification time, other bytes, as `cp -p` of a corrected file makes.
            try AtomicFile.write(Array("version two".utf8), to: path)
            var times = [timespec(tv_sec: 0, tv_nsec: 0), timespec(tv_sec: 0, tv_nsec: 0)]
            times[0].tv_sec = Int(before.modified / 1_000_000_000)
            times[0].tv_nsec = Int(before.modified % 1_000_000_000)
            times[1] = times[0]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            let after = try FileStatus.of(path)
            #expect(after.size == before.size)
            #expect(after.modified == before.modified)
            #expect(after != before, "a new inode or change time gives the rewrite away")
            #expect(throws: SystemError.self) { try FileStatus.of(Path.join(root, "missing")) }
        }
    }
}
