import Foundation
import Testing

/// `lede top`, `lede timeline` and `lede neighbors` over the store that `lede run` and `lede merge` build.
@Suite("The store commands")
struct StoreCommandTests {
    /// A sample corpus run into `<root>/out` with `extra` options; returns the root.
    private func sampleRun(_ extra: [String] = []) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let corpus = root.appendingPathComponent("corpus").path
        let sample = try LedeProcess.run(["sample", "--output", corpus, "--docs", "300", "--shards", "2", "--seed", "5"])
        #expect(sample.status == 0)
        let run = try LedeProcess.run(["run", "--input", corpus, "--output", root.appendingPathComponent("out").path] + extra)
        #expect(run.status == 0, "\(run.error)")
        return root
    }

    private func json(_ result: LedeProcess) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    }

    @Test func topTimelineAndNeighborsReadTheStore() throws {
        let root = try sampleRun()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        #expect(FileManager.default.fileExists(atPath: out + "/lede.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/_state/tmp").isEmpty)

        let top = try LedeProcess.run(["top", "--output", out, "--limit", "3", "--json"])
        #expect(top.status == 0, "\(top.error)")
        let entities = try json(top)
        #expect(entities.count == 3)
        let mentions = entities.map { $0["mentions"] as? Int ?? -1 }
        #expect(mentions == mentions.sorted(by: >))
        let name = try #require(entities.first?["canonical"] as? String)
        let label = try #require(entities.first?["label"] as? String)

        let timeline = try LedeProcess.run(["timeline", name, "--output", out, "--label", label, "--json"])
        #expect(timeline.status == 0, "\(timeline.error)")
        let days = try #require(try json(timeline).first?["timeline"] as? [[String: Any]])
        let dates = days.compactMap { $0["date"] as? String }
        #expect(dates.count >= 2 && dates == dates.sorted())
        let latest = try LedeProcess.run(["timeline", name, "--output", out, "--label", label, "--limit", "1", "--json"])
        #expect((try json(latest).first?["timeline"] as? [[String: Any]])?.compactMap { $0["date"] as? String } == [dates.last!])
        let since = try LedeProcess.run(["timeline", name, "--output", out, "--label", label, "--since", dates[1], "--json"])
        #expect((try json(since).first?["timeline"] as? [[String: Any]])?.count == dates.count - 1)
        let text = try LedeProcess.run(["timeline", name, "--output", out, "--label", label])
        #expect(text.output.hasPrefix("\(name) (\(label)): "))
        #expect(text.output.contains("\n  \(dates[0])  "))

        let neighbors = try LedeProcess.run(["neighbors", name, "--output", out, "--entity-label", label, "--limit", "4", "--json"])
        #expect(neighbors.status == 0, "\(neighbors.error)")
        let list = try #require(try json(neighbors).first?["neighbors"] as? [[String: Any]])
        #expect(list.count == 4)
        let shared = list.map { $0["documents"] as? Int ?? -1 }
        #expect(shared == shared.sorted(by: >) && shared.allSatisfy { $0 > 0 })

        // A range of days counts only those days' documents.
        let firstDay = try LedeProcess.run(["top", "--output", out, "--since", dates[0], "--until", dates[0], "--json", "--limit", "1000"])
        let dayTotal = try json(firstDay).first { $0["canonical"] as? String == name && $0["label"] as? String == label }
        #expect(dayTotal?["mentions"] as? Int == days[0]["mentions"] as? Int)
        #expect(dayTotal?["first_date"] as? String == dates[0] && dayTotal?["last_date"] as? String == dates[0])
    }

    @Test func missingStoreUnknownEntityAndBadOptionsExitTwo() throws {
        let root = try sampleRun(["--no-sqlite"])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        #expect(!FileManager.default.fileExists(atPath: out + "/lede.sqlite"))
        let missing = try LedeProcess.run(["top", "--output", out])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no SQLite store at \(out)/lede.sqlite"))
        #expect(missing.error.contains("lede run --output \(out)") && missing.error.contains("lede merge --output \(out)"))

        let merge = try LedeProcess.run(["merge", "--output", out])
        #expect(merge.status == 0, "\(merge.error)")
        #expect(merge.output.contains("rebuilt \(out)/lede.sqlite"))
        let top = try LedeProcess.run(["top", "--output", out, "--limit", "1", "--json"])
        let name = try #require(try json(top).first?["canonical"] as? String)

        let unknown = try LedeProcess.run(["timeline", "No Such Entity Zzq", "--output", out])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no entity named \"No Such Entity Zzq\""))
        let lowercase = try LedeProcess.run(["neighbors", name.lowercased(), "--output", out])
        #expect(lowercase.status == 2)
        #expect(lowercase.error.contains("did you mean \"\(name)\""))

        let dated = try LedeProcess.run(["neighbors", name, "--output", out, "--since", "2019-01-01"])
        #expect(dated.status == 2 && dated.error.contains("not per day"))
        let badDate = try LedeProcess.run(["top", "--output", out, "--since", "2019-02-30"])
        #expect(badDate.status == 2 && badDate.error.contains("--since"))
        let backwards = try LedeProcess.run(["top", "--output", out, "--since", "2019-02-03", "--until", "2019-02-01"])
        #expect(backwards.status == 2 && backwards.error.contains("before --since"))
        let nowhere = try LedeProcess.run(["top"])
        #expect(nowhere.status == 2 && nowhere.error.contains("--output"))
    }

    @Test func sqliteOptionPutsTheStoreElsewhere() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-store-path-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("stores/news.sqlite").path
        let root = try sampleRun(["--sqlite", store])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out").path
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(!FileManager.default.fileExists(atPath: out + "/lede.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("stores").path) == ["news.sqlite"])
        let top = try LedeProcess.run(["top", "--sqlite", store, "--limit", "2"])
        #expect(top.status == 0, "\(top.error)")
        #expect(top.output.split(separator: "\n").count == 3)
    }
}
