@testable import LedePipeline
import Testing

@Suite("Benchmark report")
struct BenchmarkReportTests {
    private func report(withModel: Bool, oneCore: Bool = false) -> BenchmarkReport {
        var report = BenchmarkReport(jobs: 2, repeats: 1)
        report.bytes = 100_000_000
        report.documents = 1000
        func add(_ name: String, _ seconds: Double) {
            report.stages.append(
                BenchmarkReport.Stage(
                    name: name, seconds: seconds, megabytesPerSecond: 100 / seconds, documentsPerSecond: 1000 / seconds,
                    ratioToFloor: 0.1 / seconds))
        }
        add("decompress (libzstd)", 0.1)
        add(BenchmarkReport.runName(jobs: 1), 2)
        add(BenchmarkReport.runName(jobs: 2), 1.25)
        if withModel {
            add(BenchmarkReport.runName(jobs: 1, model: true), 4)
            add(BenchmarkReport.runName(jobs: 2, model: true), 2.5)
        }
        if oneCore { add(BenchmarkReport.oneCoreRunStage, 2.5) }
        add(BenchmarkReport.storeRunStage, 5)
        add(BenchmarkReport.defaultRunName(jobs: 2, model: withModel), 6)
        return report
    }

    @Test("scaling and the model's share come from the whole runs' rows")
    func derivedFigures() throws {
        let report = report(withModel: true)
        #expect(try #require(report.scaling) == 1.6)
        #expect(try #require(report.scaling(model: true)) == 1.6)
        #expect(try #require(report.modelShare) == 0.5)
        let text = report.text()
        #expect(text.contains("scaling: 2 jobs = 1.60× one job with the rules, 1.60× with the model"))
        #expect(text.contains("model: 50.0% of the rules' MB/s (one job)"))
        #expect(text.contains("lede run, 1 job, + SQLite"))
        #expect(report.json().contains("\"model_share\":0.5"))
        #expect(report.coreScaling == nil)
        #expect(report.json().contains("\"core_scaling\":null"))
    }

    @Test("the one-core scaling divides the N-job rate by the pinned one-job rate")
    func oneCoreScaling() throws {
        let report = report(withModel: false, oneCore: true)
        #expect(try #require(report.coreScaling) == 2)
        #expect(try #require(report.scaling) == 1.6)
        #expect(report.text().contains("scaling: 2 jobs = 2.00× one core with the rules (one job pinned to one core)"))
        #expect(report.json().contains("\"core_scaling\":2.0"))
    }

    @Test("without the model its figures are absent, not zero")
    func withoutModel() {
        let report = report(withModel: false)
        #expect(report.modelShare == nil)
        #expect(report.scaling(model: true) == nil)
        #expect(!report.text().contains("model:"))
        #expect(report.json().contains("\"model_share\":null"))
    }

    @Test("the columns line up under the header, whatever the longest stage name")
    func columnsAlign() throws {
        let lines = report(withModel: true).text().split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("stage") })
        let rateEnd = try #require(header.range(of: "MB/s")).upperBound
        let column = header.distance(from: header.startIndex, to: rateEnd)
        let rows = lines.filter { $0.hasPrefix("lede run") || $0.hasPrefix("decompress") }
        #expect(rows.count == 7)
        for row in rows {
            // The rate ends where the header's "MB/s" ends, and a space always separates it from the name.
            let prefix = String(row.prefix(column))
            #expect(prefix.last?.isNumber == true, "\(row)")
            #expect(prefix.contains("  "), "\(row)")
        }
    }
}
