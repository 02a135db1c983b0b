import Foundation
import Testing

/// Where `lede` finds its default model once it is installed outside its checkout.
@Suite("Model location")
struct ModelLocationTests {
    /// The committed model, from this file's checkout.
    private static let committedModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models/ner-perceptron.bin")

    /// A copy of `lede` under `prefix/bin`, as `make install` lays it out, and a working
    /// directory outside any checkout with a small corpus in it.
    private func installedCopy() throws -> (root: URL, lede: URL, work: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-install-\(UUID().uuidString.prefix(8))")
        let bin = root.appendingPathComponent("prefix/bin")
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let lede = bin.appendingPathComponent("lede")
        try FileManager.default.copyItem(at: try #require(LedeProcess.executable), to: lede)
        let sample = try LedeProcess.run(executable: lede, ["sample", "--output", "corpus", "--docs", "30", "--shards", "1"], in: work)
        #expect(sample.status == 0, "\(sample.error)")
        return (root, lede, work)
    }

    @Test("an installed lede finds share/lede/ner-perceptron.bin beside its bin directory, and says where it looked when it is not there")
    func installedLayout() throws {
        let (root, lede, work) = try installedCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try LedeProcess.run(executable: lede, ["run", "--input", "corpus", "--output", "out"], in: work)
        #expect(missing.status == 2)
        #expect(missing.error.contains("LEDE_MODEL"), "\(missing.error)")
        #expect(missing.error.contains("make install"), "\(missing.error)")
        let share = root.appendingPathComponent("prefix/share/lede")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.committedModel, to: share.appendingPathComponent("ner-perceptron.bin"))
        let run = try LedeProcess.run(executable: lede, ["run", "--input", "corpus", "--output", "out", "--no-sqlite"], in: work)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("30 documents"), "\(run.output)")
    }

    @Test("LEDE_MODEL names the model when --model is not given; --model still wins")
    func environmentVariable() throws {
        let (root, lede, work) = try installedCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = root.appendingPathComponent("models/weights.bin")
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.committedModel, to: elsewhere)
        let run = try LedeProcess.run(
            executable: lede, ["run", "--input", "corpus", "--output", "out", "--no-sqlite"], in: work,
            environment: ["LEDE_MODEL": elsewhere.path])
        #expect(run.status == 0, "\(run.error)")
        let overridden = try LedeProcess.run(
            executable: lede, ["run", "--input", "corpus", "--output", "out2", "--no-sqlite", "--model", "/nonexistent/model.bin"],
            in: work, environment: ["LEDE_MODEL": elsewhere.path])
        #expect(overridden.status == 2)
        #expect(overridden.error.contains("/nonexistent/model.bin"), "\(overridden.error)")
    }
}
