import Testing

@testable import LedePipeline

@Suite("SystemInfo")
struct SystemInfoTests {
    private static let status = "Name:\tlede\nCpus_allowed:\t00000000,0000000c\nCpus_allowed_list:\t2-3\n"

    @Test("the affinity mask narrows the online cores")
    func affinity() {
        #expect(SystemInfo.processorLimit(online: 64, status: Self.status, cpuMax: nil) == 2)
        #expect(SystemInfo.processorLimit(online: 1, status: Self.status, cpuMax: nil) == 1)
    }

    @Test("a cgroup quota narrows them, rounded up to whole cores")
    func quota() {
        #expect(SystemInfo.processorLimit(online: 16, status: nil, cpuMax: "150000 100000\n") == 2)
        #expect(SystemInfo.processorLimit(online: 16, status: nil, cpuMax: "50000 100000\n") == 1)
        #expect(SystemInfo.processorLimit(online: 16, status: Self.status, cpuMax: "800000 100000\n") == 2)
    }

    @Test("no quota, unreadable or odd text narrows nothing")
    func unlimited() {
        #expect(SystemInfo.processorLimit(online: 8, status: nil, cpuMax: "max 100000\n") == 8)
        #expect(SystemInfo.processorLimit(online: 8, status: "Cpus_allowed:\tzz\n", cpuMax: "") == 8)
        #expect(SystemInfo.processorLimit(online: 0, status: nil, cpuMax: nil) == 1)
    }

    @Test("this process: at least one core, no more than are online")
    func live() {
        let count = SystemInfo.activeProcessorCount
        #expect(count >= 1)
        #expect(count <= 1024)
    }
}
