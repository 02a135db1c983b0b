import Testing
import LedeSample

@Suite struct SampleShardPlanTests {
    @Test(arguments: [(0, 1), (1, 1), (10, 3), (1_000, 7), (5, 8), (100_000, 64), (12, 12)])
    func shardsCoverEveryDocumentExactlyOnce(documents: Int, shards: Int) {
        let plan = SampleShardPlan(documents: documents, shards: shards)
        var next = 0
        var sizes: [Int] = []
        for k in 0..<shards {
            let range = plan.documentRange(shard: k)
            #expect(range.lowerBound == next, "shards are contiguous and in order")
            next = range.upperBound
            sizes.append(range.count)
            for number in [range.lowerBound, range.upperBound - 1] where range.contains(number) {
                #expect(plan.shard(containing: number) == k)
            }
        }
        #expect(next == documents)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "sizes differ by at most one")
        #expect(plan.allShards.map(\.documents) == (0..<shards).map { plan.documentRange(shard: $0) })
    }

    @Test func everyNumberMapsToTheShardWhoseRangeHoldsIt() {
        let plan = SampleShardPlan(documents: 1_003, shards: 10)
        for number in 0..<1_003 {
            #expect(plan.documentRange(shard: plan.shard(containing: number)).contains(number))
        }
    }

    @Test func shardNamesSortInShardOrder() {
        let small = SampleShardPlan(documents: 10, shards: 3)
        #expect(small.shardName(0) == "sample-00000.jsonl.zst")
        #expect(small.shardName(2) == "sample-00002.jsonl.zst")
        let large = SampleShardPlan(documents: 200_000, shards: 150_000)
        #expect(large.shardName(7) == "sample-000007.jsonl.zst")
        let names = (0..<30).map { SampleShardPlan(documents: 100, shards: 30).shardName($0) }
        #expect(names == names.sorted())
        #expect(Set(names).count == 30)
    }
}
