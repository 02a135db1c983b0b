import LedeIO
import Testing

@Suite struct XXH64Tests {
    /// The reference implementation's values (`xxhsum -H64`, seed 0).
    @Test func knownValues() {
        #expect(XXH64.hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(XXH64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXH64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
    }

    /// A zstd frame written with `--check` ends in the low 32 bits of the XXH64
    /// of its content: an independent reference for every length class (tail
    /// bytes, 4- and 8-byte tails, whole stripes, long inputs).
    @Test(.enabled(if: zstdCommandPath != nil, "the zstd command is not installed"))
    func agreesWithTheChecksumsOfZstd() throws {
        try withScratchDirectory { root in
            var random = IOTestRandom(seed: 5)
            for length in [0, 1, 3, 4, 7, 8, 12, 31, 32, 33, 63, 64, 65, 100, 1000, 100_003] {
                let input = random.noise(length)
                let plain = Path.join(root, "in-\(length)")
                let compressed = plain + ".zst"
                try writeFileBytes(input, to: plain)
                try #require(runShell("'\(zstdCommandPath!)' -q --check -c '\(plain)' > '\(compressed)'") == 0)
                let frame = try readFileBytes(compressed)
                let checksum = frame.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                #expect(UInt32(truncatingIfNeeded: XXH64.hash(input)) == checksum, "length \(length)")
            }
        }
    }

    @Test func piecesOfAnySizeGiveTheSameHash() {
        var random = IOTestRandom(seed: 9)
        let input = random.noise(10_000)
        let whole = XXH64.hash(input)
        for pieceSize in [1, 5, 31, 32, 33, 4096] {
            var hasher = XXH64()
            var start = 0
            while start < input.count {
                let end = min(start + pieceSize, input.count)
                input[start..<end].withUnsafeBytes { hasher.update($0) }
                start = end
            }
            #expect(hasher.digest() == whole, "pieces of \(pieceSize)")
            #expect(hasher.count == UInt64(input.count))
        }
        #expect(XXH64.hash(input, seed: 1) != whole)
    }

    @Test func oneChangedByteChangesTheHash() {
        var random = IOTestRandom(seed: 2)
        var input = random.noise(5_000)
        let before = XXH64.hash(input)
        input[2_500] ^= 1
        #expect(XXH64.hash(input) != before)
    }

    @Test func aFileHashesLikeItsBytes() throws {
        try withScratchDirectory { root in
            var random = IOTestRandom(seed: 3)
            let input = random.noise(3 << 20 + 17)
            let path = Path.join(root, "f")
            try writeFileBytes(input, to: path)
            #expect(try XXH64.hash(file: path) == XXH64.hash(input))
            #expect(throws: SystemError.self) { try XXH64.hash(file: Path.join(root, "missing")) }
        }
    }
}
