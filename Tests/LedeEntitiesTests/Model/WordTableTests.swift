@testable import LedeEntities
import Testing

@Suite("Word table")
struct WordTableTests {
    @Test func storesChangesAndForgets() {
        var table = WordTable(empty: UInt8(0), capacity: 16)
        #expect(table.value(42) == nil)
        table.modify(42) { $0 |= 1 }
        table.modify(42) { $0 |= 4 }
        table.modify(0) { $0 = 9 }
        #expect(table.value(42) == 5)
        #expect(table.value(0) == 9)
        #expect(table.count == 2)
        table.removeAll()
        #expect(table.value(42) == nil && table.value(0) == nil && table.count == 0)
        table.modify(42) { $0 |= 2 }
        #expect(table.value(42) == 2)
    }

    @Test func growsPastItsCapacityWithoutLosingKeys() {
        var table = WordTable(empty: SIMD4<Int16>.zero, capacity: 16)
        // Keys that share their low bits, as word hashes of words with one first letter do.
        let keys = (0..<1_000).map { UInt64($0) << 20 | 0xABC }
        for (k, key) in keys.enumerated() { table.modify(key) { $0[k % 4] &+= 1 } }
        for (k, key) in keys.enumerated() {
            var expected = SIMD4<Int16>.zero
            expected[k % 4] = 1
            #expect(table.value(key) == expected)
        }
        #expect(table.count == 1_000)
        #expect(table.value(0xABC | 1) == nil)
        for _ in 0..<3 { table.removeAll() }
        #expect(keys.allSatisfy { table.value($0) == nil })
    }
}
