#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

@Suite struct FileLockTests {
    @Test func aSecondLockIsRefusedUntilTheFirstIsReleased() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "lock")
            #expect(FileLock.holderNote(path) == nil)
            let first = try #require(try FileLock.acquire(path, note: "pid 1 first"))
            #expect(first.isHeld)
            #expect(try FileLock.acquire(path, note: "pid 2 second") == nil)
            #expect(FileLock.holderNote(path) == "pid 1 first")
            first.release()
            #expect(!first.isHeld)
            #expect(FileLock.holderNote(path) == nil)
            let second = try #require(try FileLock.acquire(path, note: "pid 2"))
            #expect(FileLock.holderNote(path) == "pid 2", "the new holder's note replaces the old, longer one")
            second.release()
            #expect(FileSystem.isRegularFile(path), "the lock file stays")
        }
    }

    @Test func sharedLocksCoexistAndExcludeAnExclusiveOne() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "lock")
            let first = try #require(try FileLock.acquire(path, note: "task 0", shared: true))
            let second = try #require(try FileLock.acquire(path, note: "task 1", shared: true))
            #expect(try FileLock.acquire(path, note: "plain run") == nil, "an exclusive lock waits for every shared holder")
            #expect(FileLock.holderNote(path) == "task 1")
            first.release()
            #expect(try FileLock.acquire(path, note: "plain run") == nil)
            second.release()
            let exclusive = try #require(try FileLock.acquire(path, note: "plain run"))
            #expect(try FileLock.acquire(path, note: "task 2", shared: true) == nil, "a shared lock waits for the exclusive holder")
            exclusive.release()
        }
    }

    @Test func aLockDiesWithItsObject() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "lock")
            do {
                let held = try FileLock.acquire(path, note: "held")
                #expect(held != nil)
            }
            #expect(FileLock.holderNote(path) == nil)
        }
    }

    /// Closing another descriptor of the file must not drop the lock, as it
    /// would a classic process-wide `fcntl` lock.
    @Test func readingTheHolderDoesNotDropTheLock() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "lock")
            let lock = try #require(try FileLock.acquire(path, note: "me"))
            _ = try readFileBytes(path)
            _ = FileLock.holderNote(path)
            #expect(try FileLock.acquire(path, note: "other") == nil)
            lock.release()
        }
    }

    /// A lock file left by a process that is gone (killed with SIGKILL) is no obstacle.
    @Test(.enabled(if: python3Path != nil, "python3 is not installed"))
    func aLockOfAKilledProcessIsNoObstacle() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "lock")
            let ready = Path.join(root, "ready")
            // Another process holding a classic fcntl lock, which conflicts with ours.
            let script = """
                import fcntl, os, sys, time
                f = open(sys.argv[1], 'w'); fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                f.write('pid %d' % os.getpid()); f.flush(); open(sys.argv[2], 'w').close(); time.sleep(60)
                """
            var pid = pid_t()
            let arguments = ["python3", "-c", script, path, ready]
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            try #require(posix_spawn(&pid, python3Path!, nil, nil, &argv, environ) == 0)
            var waited = 0
            while !FileSystem.exists(ready) && waited < 10_000 {
                usleep(10_000)
                waited += 10
            }
            try #require(FileSystem.exists(ready))
            #expect(try FileLock.acquire(path, note: "me") == nil, "the child's lock is seen across processes")
            #expect(FileLock.holderNote(path)?.hasPrefix("pid ") == true)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            let lock = try #require(try FileLock.acquire(path, note: "after the kill"))
            #expect(FileLock.holderNote(path) == "after the kill")
            lock.release()
        }
    }
}

/// The python3 interpreter, when installed.
private let python3Path: String? = {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { Path.join(String($0), "python3") }.first { access($0, X_OK) == 0 }
}()
