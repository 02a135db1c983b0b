/// What Lede reads from Slurm's own commands.
public enum SlurmCluster {
    /// The `MaxArraySize` of `scontrol show config`, or `nil` when the text has none.
    ///
    /// The line reads `MaxArraySize            = 1001`; array indices must stay below it.
    public static func maxArraySize(fromShowConfig text: String) -> Int? {
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingSpaces == "MaxArraySize" else { continue }
            return Int(parts[1].trimmingSpaces).flatMap { $0 >= 1 ? $0 : nil }
        }
        return nil
    }

    /// The job id printed by `sbatch --parsable`: `1234`, or `1234;cluster` on a federation.
    public static func jobID(fromParsable text: String) -> String? {
        let firstLine = text.split(whereSeparator: \.isNewline).first ?? ""
        let id = firstLine.split(separator: ";", maxSplits: 1).first.map(\.trimmingSpaces) ?? ""
        guard !id.isEmpty, id.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return id
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
