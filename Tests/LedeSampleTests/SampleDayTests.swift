import Testing
import LedeSample

@Suite struct SampleDayTests {
    @Test func convertsToAndFromDayCounts() {
        #expect(SampleDay(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(SampleDay(year: 2019, month: 5, day: 12).daysSinceEpoch == 18_028)
        #expect(SampleDay(daysSinceEpoch: 18_028) == SampleDay(year: 2019, month: 5, day: 12))
        #expect(SampleDay(daysSinceEpoch: -1) == SampleDay(year: 1969, month: 12, day: 31))
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(SampleDay(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func knowsLeapYearsAndWeekdays() {
        #expect(SampleDay(year: 2020, month: 2, day: 28).adding(days: 1) == SampleDay(year: 2020, month: 2, day: 29))
        #expect(SampleDay(year: 2019, month: 2, day: 28).adding(days: 1) == SampleDay(year: 2019, month: 3, day: 1))
        #expect(SampleDay.isLeap(2000) && !SampleDay.isLeap(1900))
        #expect(SampleDay(year: 2019, month: 5, day: 12).weekday == 0) // a Sunday
        #expect(SampleDay(year: 1969, month: 12, day: 31).weekday == 3) // a Wednesday
        #expect(SampleDay(year: 2019, month: 5, day: 12).description == "2019-05-12")
        #expect(SampleDay(year: 2019, month: 1, day: 1) < SampleDay(year: 2019, month: 1, day: 2))
    }
}
