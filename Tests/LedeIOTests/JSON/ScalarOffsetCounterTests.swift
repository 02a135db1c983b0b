import LedeIO
import Testing

@Suite("ScalarOffsetCounter")
struct ScalarOffsetCounterTests {
    /// The scalar index of every scalar boundary, computed the slow way.
    func boundaries(_ text: String) -> [(byte: Int, scalar: Int)] {
        var result = [(0, 0)]
        var byte = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            byte += String(scalar).utf8.count
            result.append((byte, index + 1))
        }
        return result
    }

    @Test func countsForwardAcrossMixedText() {
        let text = "Juan Guaidó — “Caracas” 東京 😀 and plain ASCII for a while 🇺🇸 end"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { raw in
            var counter = ScalarOffsetCounter()
            for (byte, scalar) in boundaries(text) {
                #expect(counter.scalarOffset(forByteOffset: byte, in: raw) == scalar)
            }
            #expect(ScalarOffsetCounter.scalarCount(of: raw) == text.unicodeScalars.count)
        }
    }

    @Test func skipsAndRepeatsAndMovesBack() {
        var rng = JSONTestRandom(seed: 99)
        for _ in 0..<200 {
            let text = JSONRoundTripTests.randomString(&rng, maxLength: 80)
            let table = boundaries(text)
            Array(text.utf8).withUnsafeBytes { raw in
                var counter = ScalarOffsetCounter()
                var picks = (0..<Int.random(in: 1...10, using: &rng)).map { _ in table.randomElement(using: &rng)! }
                picks.sort { $0.byte < $1.byte }
                for (byte, scalar) in picks {
                    #expect(counter.scalarOffset(forByteOffset: byte, in: raw) == scalar)
                }
                // Going backwards is allowed and stays exact.
                for (byte, scalar) in picks.reversed() {
                    #expect(counter.scalarOffset(forByteOffset: byte, in: raw) == scalar)
                }
                counter.reset()
                #expect(counter.byteOffset == 0 && counter.scalarOffset == 0)
            }
        }
    }

    @Test func emptyText() {
        var counter = ScalarOffsetCounter()
        let empty: [UInt8] = []
        empty.withUnsafeBytes { raw in
            #expect(counter.scalarOffset(forByteOffset: 0, in: raw) == 0)
            #expect(ScalarOffsetCounter.scalarCount(of: raw) == 0)
        }
    }
}
