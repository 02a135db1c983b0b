import Testing

@testable import LedeAggregation

@Suite struct DayTests {
    private func parse(_ text: String) -> Day? {
        withOptionalBytes(text) { Day(prefixOf: $0!) }
    }

    @Test(arguments: [
        ("2019-05-12", "2019-05-12"),
        ("2019-05-12T10:00:00Z", "2019-05-12"),
        ("2019-05-12T23:30:00-05:00", "2019-05-12"),
        ("2019-05-12 10:00", "2019-05-12"),
        ("2020-02-29", "2020-02-29"),
        ("2000-02-29", "2000-02-29"),
        ("0001-01-01", "0001-01-01"),
        ("9999-12-31", "9999-12-31"),
    ])
    func acceptsDaysAtTheStart(text: String, expected: String) {
        #expect(parse(text)?.description == expected)
    }

    @Test(arguments: [
        "", "2019", "2019-05-1", "2019-5-12", "2019/05/12", "2019-05-123", "2019-13-01", "2019-00-10",
        "2019-05-00", "2019-04-31", "2019-02-29", "1900-02-29", "0000-01-01", "abcd-ef-gh", " 2019-05-12",
        "12.05.2019", "2019-05-1x",
    ])
    func rejectsOtherText(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func partsAndOrder() {
        let day = Day(year: 2019, month: 5, day: 12)!
        #expect(day.year == 2019 && day.month == 5 && day.day == 12)
        #expect(day.packed == 20_190_512)
        #expect(Day("2019-05-12") == day)
        #expect(Day("2019-05-12T10:00") == nil)
        #expect(Day(year: 2019, month: 2, day: 29) == nil)
        #expect(Day("2019-05-11")! < day && day < Day("2019-06-01")!)
        #expect(Day("0042-01-02")!.description == "0042-01-02")
    }
}
