import LedeAggregation
import LedeEntities
import LedeIO
import LedePipeline
import LedeStore

/// Prints the one-screen summary at the end of a run.
enum SummaryPrinter {
    static func print(_ summary: RunSummary, output: String, showTop: Bool) {
        let megabytes = Double(summary.bytes) / 1e6
        Swift.print(
            "lede: \(summary.shards) shard(s), \(summary.lines) lines, \(summary.documents) documents, "
                + "\(summary.rejects) rejects, \(format(megabytes)) MB in \(format(summary.seconds)) s "
                + "= \(format(summary.megabytesPerSecond)) MB/s, peak memory \(summary.peakResidentBytes >> 20) MiB")
        if summary.rejects > 0 {
            let reasons = summary.rejectsByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            Swift.print("rejects: \(reasons.joined(separator: ", ")) (kept in \(Path.join(output, "rejects")))")
        }
        if summary.entityLimitDocuments > 0 {
            Swift.print(
                "entity limit: \(summary.entityLimitDocuments) document(s) cut to their first --max-entities mentions "
                    + "(written all the same; raise the limit to keep more)")
        }
        Swift.print(stateLine(summary))
        for shard in summary.missingRemoved {
            Swift.print("removed shard: \(shard) (its file is gone; --keep-missing, or keep-missing: true in a pipeline file, keeps such shards)")
        }
        for shard in summary.missingKept {
            Swift.print("kept missing shard: \(shard) (its file is gone)")
        }
        for (shard, holder) in summary.claimedElsewhere {
            Swift.print("skipped shard: \(shard) (another process works on it: \(holder.isEmpty ? "just starting" : holder))")
        }
        for failure in summary.failures {
            Swift.print("failed shard: \(failure.shard): \(failure.reason)")
        }
        for failure in summary.earlierFailures {
            Swift.print("failed shard (earlier run, unchanged since): \(failure.shard): \(failure.reason)")
        }
        guard showTop else { return }
        let aggregates = Path.join(output, "aggregates")
        // The merge kept them as it wrote the table; reading `entities.csv` again is for runs that did not merge.
        let top = summary.topEntities.isEmpty
            ? (try? EntityTable.top(aggregatesDirectory: aggregates, label: nil, limit: PartialMerger.summaryEntityCount))
            : summary.topEntities
        if let top, !top.isEmpty {
            Swift.print("top entities:")
            TopPrinter.print(top)
        }
        Swift.print("tables: \(aggregates)")
        if let store = summary.store {
            Swift.print(
                "store: \(store.path) (\(store.entities) entities, \(store.cooccurrences) co-occurrences, "
                    + "\(store.timeline) timeline rows; built in \(format(store.seconds)) s)")
        }
    }

    /// What the run did with the shards it found, against the output directory's state.
    static func stateLine(_ summary: RunSummary) -> String {
        if let slice = summary.slice {
            var parts = ["\(summary.newShards) new", "\(summary.changedShards) changed", "\(summary.unchangedShards) unchanged"]
            if summary.resumedShards > 0 { parts.append("\(summary.resumedShards) resumed from a checkpoint") }
            if !summary.claimedElsewhere.isEmpty { parts.append("\(summary.claimedElsewhere.count) skipped (claimed by another process)") }
            return "task \(slice.task) of \(slice.stride) (--tasks \(slice.tasks)): " + parts.joined(separator: ", ")
                + "; tables not merged: run `lede merge` once every task has finished"
        }
        if summary.shards == 0 && summary.missingRemoved.isEmpty && summary.interruptedShards == 0 {
            return "nothing to do: \(summary.unchangedShards) shard(s) unchanged since the last run; "
                + (summary.outputsUpToDate
                    ? "tables and store already up to date (\(summary.partialsMerged) partial(s))"
                    : "tables re-merged from \(summary.partialsMerged) partial(s)")
        }
        var parts = ["\(summary.newShards) new", "\(summary.changedShards) changed", "\(summary.unchangedShards) unchanged"]
        if summary.resumedShards > 0 {
            parts.append("\(summary.resumedShards) resumed from a checkpoint (\(summary.chunksSkipped) chunk(s) skipped)")
        }
        if summary.interruptedShards > 0 { parts.append("\(summary.interruptedShards) finished by an interrupted run") }
        if summary.otherInputs > 0 { parts.append("\(summary.otherInputs) kept from other inputs") }
        return "shards: " + parts.joined(separator: ", ") + "; tables merged from \(summary.partialsMerged) partial(s)"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return String(rounded)
    }
}

/// Prints entity rows as an aligned table.
enum TopPrinter {
    static func print(_ rows: [StoreEntity]) {
        print(rows.map { ($0.canonical, $0.label, $0.mentions, $0.documents) })
    }

    static func print(_ rows: [EntityRow]) {
        print(rows.map { ($0.canonical, $0.label, $0.mentions, $0.documents) })
    }

    private static func print(_ rows: [(canonical: String, label: EntityLabel, mentions: Int, documents: Int)]) {
        let width = min(40, rows.map { $0.canonical.count }.max() ?? 10)
        Swift.print("  " + pad("entity", width) + "  label  mentions  documents")
        for row in rows {
            Swift.print(
                "  " + pad(row.canonical, width) + "  " + pad(row.label.name, 5) + "  " + leftPad(row.mentions, 8) + "  "
                    + leftPad(row.documents, 9))
        }
    }
}
