import Foundation
import LedePipeline
import Testing

@Suite("Slurm batch scripts")
struct SlurmScriptsTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The values `Pipelines/slurm/*.sbatch` are rendered with, as their comments and
    /// `Pipelines/README.md` say: a checkout in /srv/lede running `Pipelines/news.yaml`.
    static func shippedExample() throws -> SlurmScripts {
        try SlurmScripts(
            lede: "/srv/lede/.build/release/lede", pipeline: "/srv/lede/Pipelines/news.yaml", output: "/srv/lede/out/news",
            tasks: 64, resources: SlurmResources(time: "4:00:00", memory: "16G", cpusPerTask: 8))
    }

    private func lines(_ script: String) -> [Substring] {
        script.split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func theArrayScriptAsksForOneTaskPerLogicalTask() throws {
        let scripts = try SlurmScripts(
            lede: "/opt/lede/bin/lede", pipeline: "/srv/p/news.yaml", output: "/srv/out", tasks: 4, maxConcurrent: 2,
            resources: SlurmResources(partition: "short,long", time: "1-12:00:00", memory: "4G", cpusPerTask: 3),
            jobName: "news")
        let script = lines(scripts.arrayScript)
        #expect(script.first == "#!/bin/bash")
        for directive in [
            "#SBATCH --job-name=news", "#SBATCH --array=0-3%2", "#SBATCH --partition=short,long",
            "#SBATCH --time=1-12:00:00", "#SBATCH --mem=4G", "#SBATCH --cpus-per-task=3",
            "#SBATCH --output=logs/%A_%a.out",
        ] {
            #expect(script.contains(Substring(directive)), "\(directive)")
        }
        #expect(script.contains("lede='/opt/lede/bin/lede'"))
        #expect(script.contains("pipeline='/srv/p/news.yaml'"))
        #expect(
            script.contains(
                "\"$lede\" run \"$pipeline\" --task \"$SLURM_ARRAY_TASK_ID\" --tasks 4 --jobs 3 || status=$?"))
        #expect(!scripts.arrayScript.contains("--task-stride"))
        #expect(scripts.stride == nil)
    }

    /// sbatch reads `#SBATCH` lines only before the first command.
    @Test func directivesComeBeforeTheFirstCommand() throws {
        let scripts = try SlurmScripts(
            lede: "/l", pipeline: "/p.yaml", output: "/o", sqlite: "/s.sqlite", tasks: 9,
            resources: SlurmResources(partition: "p", time: "5", memory: "1G", cpusPerTask: 1))
        for script in [scripts.arrayScript, scripts.mergeScript] {
            let lines = lines(script).dropFirst()
            let firstCommand = lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("#") }!
            let lastDirective = lines.lastIndex { $0.hasPrefix("#SBATCH") }!
            #expect(lastDirective < firstCommand)
            #expect(lines.filter { $0.hasPrefix("#SBATCH") }.count >= 4)
        }
    }

    @Test func anArrayAboveTheLimitTakesAStride() throws {
        let scripts = try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 5000, maxArraySize: 1001)
        #expect(scripts.arraySize == 1001)
        #expect(scripts.stride == 1001)
        let script = lines(scripts.arrayScript)
        #expect(script.contains("#SBATCH --array=0-1000"))
        #expect(script.contains("\"$lede\" run \"$pipeline\" --task \"$SLURM_ARRAY_TASK_ID\" --tasks 5000 --task-stride 1001 || status=$?"))

        let exact = try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 1001, maxArraySize: 1001)
        #expect(exact.stride == nil)
        #expect(lines(exact.arrayScript).contains("#SBATCH --array=0-1000"))
    }

    @Test func theMergeWaitsForTheArrayAndDiesWithIt() throws {
        let scripts = try SlurmScripts(
            lede: "/l", pipeline: "/p.yaml", output: "/srv/out", tasks: 4,
            resources: SlurmResources(partition: "p", time: "30", memory: "2G", cpusPerTask: 16))
        let script = lines(scripts.mergeScript)
        for directive in [
            "#SBATCH --job-name=lede-merge", "#SBATCH --kill-on-invalid-dep=yes", "#SBATCH --output=logs/merge-%j.out",
            "#SBATCH --partition=p", "#SBATCH --time=30", "#SBATCH --mem=2G",
        ] {
            #expect(script.contains(Substring(directive)), "\(directive)")
        }
        #expect(!scripts.mergeScript.contains("--cpus-per-task"))
        #expect(script.contains("exec \"$lede\" merge --output \"$output\""))
        #expect(scripts.arraySubmitArguments == ["--parsable", "lede-array.sbatch"])
        #expect(
            scripts.mergeSubmitArguments(afterArray: "1234")
                == ["--parsable", "--dependency=afterok:1234", "lede-merge.sbatch"])

        let withStore = try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", sqlite: "/db/it's.sqlite", tasks: 1)
        #expect(lines(withStore.mergeScript).contains("sqlite='/db/it'\\''s.sqlite'"))
        #expect(lines(withStore.mergeScript).contains("exec \"$lede\" merge --output \"$output\" --sqlite \"$sqlite\""))
    }

    @Test func shellQuotingKeepsEveryCharacter() {
        #expect(SlurmScripts.shellQuoted("plain") == "'plain'")
        #expect(SlurmScripts.shellQuoted("it's") == "'it'\\''s'")
        #expect(SlurmScripts.shellQuoted("") == "''")
        #expect(SlurmScripts.shellQuoted("$HOME `x` \"q\"") == "'$HOME `x` \"q\"'")
    }

    /// Runs the rendered scripts with bash against a stand-in `lede` that records its
    /// arguments, from paths holding spaces, quotes, `$` and backquotes.
    @Test func theScriptsPassAwkwardPathsIntactAndMapExitCodes() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lede-slurm-\(UUID().uuidString.prefix(8))/it's a \"dir\" $HOME `x`")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let record = root.appendingPathComponent("arguments")
        let stub = root.appendingPathComponent("le de")
        try Data(
            """
            #!/bin/sh
            printf '%s\\n' "$@" > "$RECORD"
            exit "${STATUS:-0}"

            """.utf8
        ).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        let pipeline = root.appendingPathComponent("news 'a'.yaml").path
        let output = root.appendingPathComponent("out \"b\"").path
        let scripts = try SlurmScripts(
            lede: stub.path, pipeline: pipeline, output: output, sqlite: output + "/x.sqlite", tasks: 7,
            maxArraySize: 3, resources: SlurmResources(cpusPerTask: 2))
        let arrayScript = root.appendingPathComponent("array.sbatch")
        let mergeScript = root.appendingPathComponent("merge.sbatch")
        try Data(scripts.arrayScript.utf8).write(to: arrayScript)
        try Data(scripts.mergeScript.utf8).write(to: mergeScript)

        func bash(_ script: URL, _ environment: [String: String]) throws -> (status: Int32, arguments: [String]) {
            try? FileManager.default.removeItem(at: record)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [script.path]
            process.environment = environment.merging(["RECORD": record.path, "PATH": "/usr/bin:/bin"]) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let recorded = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
            return (process.terminationStatus, recorded.split(separator: "\n").map(String.init))
        }

        let task = try bash(arrayScript, ["SLURM_ARRAY_TASK_ID": "2"])
        #expect(task.status == 0)
        #expect(task.arguments == ["run", pipeline, "--task", "2", "--tasks", "7", "--task-stride", "3", "--jobs", "2"])
        #expect(try bash(arrayScript, ["SLURM_ARRAY_TASK_ID": "0", "STATUS": "1"]).status == 0)
        #expect(try bash(arrayScript, ["SLURM_ARRAY_TASK_ID": "0", "STATUS": "2"]).status == 2)
        #expect(try bash(arrayScript, ["SLURM_ARRAY_TASK_ID": "0", "STATUS": "3"]).status == 3)
        let outsideSlurm = try bash(arrayScript, [:])
        #expect(outsideSlurm.status != 0)
        #expect(outsideSlurm.arguments.isEmpty)

        let merge = try bash(mergeScript, [:])
        #expect(merge.status == 0)
        #expect(merge.arguments == ["merge", "--output", output, "--sqlite", output + "/x.sqlite"])
        #expect(try bash(mergeScript, ["STATUS": "1"]).status == 1)
    }

    @Test func settingsAScriptCannotCarryAreRefused() {
        func refusal(_ make: () throws(SlurmScriptError) -> SlurmScripts) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                return error.description
            }
        }
        #expect(refusal { () throws(SlurmScriptError) in try SlurmScripts(lede: "lede", pipeline: "/p.yaml", output: "/o", tasks: 1) }?
            .contains("the lede binary lede is not an absolute path") == true)
        #expect(refusal { () throws(SlurmScriptError) in try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "out", tasks: 1) } != nil)
        #expect(refusal { () throws(SlurmScriptError) in try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 0) } != nil)
        #expect(refusal { () throws(SlurmScriptError) in try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, maxArraySize: 0) } != nil)
        #expect(refusal { () throws(SlurmScriptError) in try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, maxConcurrent: 0) } != nil)
        #expect(
            refusal { () throws(SlurmScriptError) in
                try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, resources: SlurmResources(partition: "a b"))
            }?.contains("--partition \"a b\" cannot go into an #SBATCH line") == true)
        #expect(
            refusal { () throws(SlurmScriptError) in
                try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, resources: SlurmResources(time: "1:00 # x"))
            } != nil)
        #expect(
            refusal { () throws(SlurmScriptError) in
                try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, resources: SlurmResources(memory: ""))
            } != nil)
        #expect(
            refusal { () throws(SlurmScriptError) in
                try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, resources: SlurmResources(cpusPerTask: 0))
            } != nil)
        #expect(
            refusal { () throws(SlurmScriptError) in
                try SlurmScripts(lede: "/l", pipeline: "/p.yaml", output: "/o", tasks: 2, jobName: "x\ny")
            } != nil)
    }

    /// `Pipelines/slurm/*.sbatch` are what the renderer writes for ``shippedExample()``.
    /// After a change to the scripts, `LEDE_UPDATE_SLURM_EXAMPLES=1 swift test --filter
    /// SlurmScriptsTests` rewrites them.
    @Test func theShippedScriptsAreTheRenderedOnes() throws {
        let scripts = try Self.shippedExample()
        let directory = Self.repository.appendingPathComponent("Pipelines/slurm")
        for (name, text) in [(SlurmScripts.arrayScriptName, scripts.arrayScript), (SlurmScripts.mergeScriptName, scripts.mergeScript)] {
            let url = directory.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["LEDE_UPDATE_SLURM_EXAMPLES"] == "1" {
                try Data(text.utf8).write(to: url)
            }
            let shipped = try String(contentsOf: url, encoding: .utf8)
            #expect(shipped == text, "Pipelines/slurm/\(name) differs from the renderer's output: rerun with LEDE_UPDATE_SLURM_EXAMPLES=1")
        }
    }

    @Test func slurmsAnswersAreRead() {
        let config = """
            Configuration data as of 2026-11-25T07:00:00
            MailProg                = /bin/true
            MaxArraySize            = 4001
            MaxJobCount             = 10000
            """
        #expect(SlurmCluster.maxArraySize(fromShowConfig: config) == 4001)
        #expect(SlurmCluster.maxArraySize(fromShowConfig: "MaxJobCount = 10000") == nil)
        #expect(SlurmCluster.maxArraySize(fromShowConfig: "MaxArraySize = 0") == nil)
        #expect(SlurmCluster.jobID(fromParsable: "1234\n") == "1234")
        #expect(SlurmCluster.jobID(fromParsable: "1234;cluster2\n") == "1234")
        #expect(SlurmCluster.jobID(fromParsable: "") == nil)
        #expect(SlurmCluster.jobID(fromParsable: "sbatch: error: no\n") == nil)
    }
}
