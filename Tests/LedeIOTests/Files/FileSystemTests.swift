#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

@Suite struct FileSystemTests {
    @Test func createDirectoryMakesMissingParentsAndIsIdempotent() throws {
        try withScratchDirectory { root in
            let deep = Path.join(root, "a/b/c/d")
            try FileSystem.createDirectory(deep)
            #expect(FileSystem.isDirectory(deep))
            try FileSystem.createDirectory(deep)
            try FileSystem.createDirectory(Path.join(root, "a/b"))
            try FileSystem.createDirectory(Path.join(root, "x/y/"))
            #expect(FileSystem.isDirectory(Path.join(root, "x/y")))
            #expect(try FileSystem.contentsOfDirectory(root) == ["a", "x"])
        }
    }

    @Test func createDirectoryOfExistingRootsSucceeds() throws {
        // The working directory and the root exist: nothing to do, no error.
        try FileSystem.createDirectory(".")
        try FileSystem.createDirectory("/")
    }

    @Test func createDirectoryOverAFileFails() throws {
        try withScratchDirectory { root in
            let file = Path.join(root, "plain")
            try writeFileBytes(Array("x".utf8), to: file)
            #expect(throws: SystemError.self) { try FileSystem.createDirectory(file) }
            let error = #expect(throws: SystemError.self) { try FileSystem.createDirectory(Path.join(file, "sub")) }
            #expect(error?.description.contains(file) == true)
        }
    }

    @Test func regularFilesIsRecursiveAndSortedBytewise() throws {
        try withScratchDirectory { root in
            let files = [
                "b.jsonl", "a/z.jsonl", "a.txt", "a/b/c.jsonl", "B.jsonl", "é.jsonl", "e.jsonl",
                "b10.jsonl", "b9.jsonl", "a/.hidden", "deep/er/than/that/x.zst", "a-b/y",
            ]
            for file in files {
                let path = Path.join(root, file)
                try FileSystem.createDirectory(Path.directory(of: path))
                try writeFileBytes(Array(file.utf8), to: path)
            }
            try FileSystem.createDirectory(Path.join(root, "empty/dir"))
            #expect(mkfifo(Path.join(root, "a/fifo"), 0o644) == 0)
            let found = try FileSystem.regularFiles(under: root)
            let expected = files.map { Path.join(root, $0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(found == expected)
            // The trailing slash of a root does not double the separator.
            #expect(try FileSystem.regularFiles(under: root + "/") == expected)
            for path in found { #expect(try readFileBytes(path) == Array(Path.relative(path, to: root).utf8)) }
        }
    }

    @Test func regularFilesFollowsLinksButNotIntoCycles() throws {
        try withScratchDirectory { root in
            let data = Path.join(root, "data")
            try FileSystem.createDirectory(Path.join(data, "sub"))
            try writeFileBytes([1], to: Path.join(data, "sub/one.jsonl"))
            try writeFileBytes([2], to: Path.join(root, "outside.jsonl"))
            #expect(symlink("../outside.jsonl", Path.join(data, "linked.jsonl")) == 0)
            #expect(symlink("missing", Path.join(data, "dangling.jsonl")) == 0)
            #expect(symlink("..", Path.join(data, "sub/up")) == 0)  // a cycle back to data
            let found = try FileSystem.regularFiles(under: data)
            #expect(found == [Path.join(data, "linked.jsonl"), Path.join(data, "sub/one.jsonl")])
        }
    }

    @Test func regularFilesOfMissingDirectoryNamesIt() throws {
        try withScratchDirectory { root in
            let missing = Path.join(root, "nope")
            let error = #expect(throws: SystemError.self) { try FileSystem.regularFiles(under: missing) }
            #expect(error?.path == missing)
            #expect(error?.code == ENOENT)
        }
    }

    @Test func removeTreeRemovesEverythingButWhatLinksPointTo() throws {
        try withScratchDirectory { root in
            let tree = Path.join(root, "tree")
            try FileSystem.createDirectory(Path.join(tree, "a/b/c"))
            try writeFileBytes([1], to: Path.join(tree, "a/b/c/f"))
            try writeFileBytes([1], to: Path.join(tree, "a/.g"))
            let kept = Path.join(root, "kept")
            try FileSystem.createDirectory(kept)
            try writeFileBytes([9], to: Path.join(kept, "precious"))
            #expect(symlink(kept, Path.join(tree, "a/link")) == 0)
            #expect(mkfifo(Path.join(tree, "fifo"), 0o644) == 0)
            try FileSystem.removeTree(tree)
            #expect(!FileSystem.exists(tree))
            #expect(try readFileBytes(Path.join(kept, "precious")) == [9])
            try FileSystem.removeTree(tree)  // already gone: not an error
            try FileSystem.removeTree(Path.join(kept, "precious"))  // a plain file
            #expect(try FileSystem.contentsOfDirectory(kept).isEmpty)
        }
    }

    @Test func contentsFileInfoRenameAndRemove() throws {
        try withScratchDirectory { root in
            try writeFileBytes(Array(repeating: 7, count: 1234), to: Path.join(root, "b"))
            try writeFileBytes([], to: Path.join(root, "a"))
            #expect(try FileSystem.contentsOfDirectory(root) == ["a", "b"])
            #expect(try FileSystem.fileInfo(Path.join(root, "b")).size == 1234)
            #expect(try FileSystem.fileInfo(Path.join(root, "b")).modified > 0)
            #expect(FileSystem.isRegularFile(Path.join(root, "a")))
            #expect(!FileSystem.isRegularFile(root))
            #expect(FileSystem.isDirectory(root))

            try FileSystem.rename(Path.join(root, "b"), to: Path.join(root, "a"))
            #expect(try FileSystem.contentsOfDirectory(root) == ["a"])
            #expect(try FileSystem.fileInfo(Path.join(root, "a")).size == 1234)

            let error = #expect(throws: SystemError.self) {
                try FileSystem.rename(Path.join(root, "missing"), to: Path.join(root, "target"))
            }
            #expect(error?.code == ENOENT)
            #expect(error?.description.contains(Path.join(root, "missing")) == true)
            #expect(error?.description.contains(Path.join(root, "target")) == true)

            try FileSystem.removeFile(Path.join(root, "a/under-a-file"))  // no file can be there: not an error
            try FileSystem.removeFile(Path.join(root, "a"))
            try FileSystem.removeFile(Path.join(root, "a"))  // missing: not an error
            #expect(!FileSystem.exists(Path.join(root, "a")))
            #expect(throws: SystemError.self) { try FileSystem.fileInfo(Path.join(root, "a")) }
        }
    }

    @Test func absolutePathsStartAtTheWorkingDirectory() {
        var buffer = [CChar](repeating: 0, count: 4096)
        let cwd = String(cString: getcwd(&buffer, buffer.count)!)
        #expect(FileSystem.absolutePath("/data/x.jsonl") == "/data/x.jsonl")
        #expect(FileSystem.absolutePath("data/x.jsonl") == Path.join(cwd, "data/x.jsonl"))
        #expect(FileSystem.absolutePath("./data/*.zst") == Path.join(cwd, "data/*.zst"))
        #expect(FileSystem.absolutePath(".") == cwd)
    }
}

@Suite struct FileDescriptorTests {
    @Test func writeReadAppendAndSize() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "f")
            let file = try FileDescriptor.createForWriting(path)
            try Array("hello ".utf8).withUnsafeBytes { try file.writeAll($0) }
            try file.sync()
            #expect(try file.size() == 6)
            try file.close()
            let appending = try FileDescriptor.openForAppending(path)
            try Array("world".utf8).withUnsafeBytes { try appending.writeAll($0) }
            try appending.close()
            #expect(try readFileBytes(path) == Array("hello world".utf8))
            // Truncates when not exclusive; refuses an existing file when exclusive.
            try FileDescriptor.createForWriting(path).close()
            #expect(try readFileBytes(path).isEmpty)
            let error = #expect(throws: SystemError.self) { try FileDescriptor.createForWriting(path, exclusive: true) }
            #expect(error?.code == EEXIST)
        }
    }

    @Test func openErrorsNameTheFile() throws {
        try withScratchDirectory { root in
            let missing = Path.join(root, "missing.jsonl")
            let error = #expect(throws: SystemError.self) { try FileDescriptor.openForReading(missing) }
            #expect(error?.path == missing)
            #expect(error?.operation == "open")
            #expect(error?.description == "cannot open \(missing): No such file or directory")
        }
    }

    @Test(.enabled(if: FileSystem.exists("/dev/full"), "/dev/full is missing"))
    func writeToFullDeviceNamesTheFile() throws {
        let file = try FileDescriptor.createForWriting("/dev/full")
        defer { try? file.close() }
        let bytes = [UInt8](repeating: 1, count: 100_000)
        let error = #expect(throws: SystemError.self) { try bytes.withUnsafeBytes { try file.writeAll($0) } }
        #expect(error?.code == ENOSPC)
        #expect(error?.path == "/dev/full")
        #expect(error?.description == "cannot write /dev/full: No space left on device")
    }

    @Test func emptyReadAndWriteAreNoOps() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "f")
            try writeFileBytes([1, 2, 3], to: path)
            let file = try FileDescriptor.openForReading(path)
            defer { try? file.close() }
            #expect(try file.read(into: UnsafeMutableRawBufferPointer(start: nil, count: 0)) == 0)
            var one: [UInt8] = [0]
            #expect(try one.withUnsafeMutableBytes { try file.read(into: $0) } == 1)
            #expect(one == [1])
        }
    }
}
