/// Fixed words and phrases the renderer writes between and around
/// placeholders, stored once in the arena.
struct SampleWords: Sendable {
    let space, comma, commaOnly, period, the, apostropheS, apostrophe: Frag
    let mr, ms, he, she, his, her, openParen, closeParen: Frag
    let curlyOpen, curlyClose, singleOpen, singleClose: Frag
    let government, percent, perCent, percentSign: Frag
    let dollar, euro, pound, yen, billion, million, bn, m, millionWord, billionWord: Frag
    let months: [Frag]
    let weekdays: [Frag]
    let on, lastWeek, earlierThisMonth, thisWeek, night, morning, evening, lateOn: Frag
    let nextWeek, laterThisMonth, comingDays, nextMonth, endOfYear, earlyNextYear: Frag
    let quarters: [Frag]
    let numberWords: [Frag]
    let degreesCelsius, degreeC, celsiusOpen, fahrenheitClose: Frag
    let shortLink, at: Frag
    // Titles and appositives.
    let oppositionLeader, lawmaker, senator, general, admiral, professor, chiefExecutive: Frag
    let ofWord, whoLeadsThe, opposition, leaderOfOppositionIn, lawmakerFrom, seniorMemberOf, memberOfParliament: Frag
    let spokeswomanFor, spokesmanFor, chiefExecutiveOf, whoRuns, chiefEconomistAt, economistAt, analystAt: Frag
    let professorOf, seniorOfficialAt, governorOf, headOf, whoLeads, commanderOf, seniorCommanderIn: Frag
    let researcherAt, directorOf, yearOld, inWord, from, anArticle, atWord: Frag
    let fields: [Frag]
    let occupations: [Frag]
    let ministerTitles: [Frag]
    let ministerTitlesLower: [Frag]

    init(_ a: inout ByteArenaBuilder) {
        func f(_ s: String) -> Frag { a.add(s) }
        space = f(" "); comma = f(", "); commaOnly = f(","); period = f("."); the = f("the ")
        apostropheS = f("’s"); apostrophe = f("’")
        mr = f("Mr. "); ms = f("Ms. "); he = f("he"); she = f("she"); his = f("his"); her = f("her")
        openParen = f(" ("); closeParen = f(")")
        curlyOpen = f("“"); curlyClose = f("”"); singleOpen = f("‘"); singleClose = f("’")
        government = f(" government"); percent = f(" percent"); perCent = f(" per cent"); percentSign = f("%")
        dollar = f("$"); euro = f("€"); pound = f("£"); yen = f("¥")
        billion = f(" billion"); million = f(" million"); bn = f("bn"); m = f("m")
        millionWord = f(" million"); billionWord = f(" billion")
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"].map { a.add($0) }
        weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map { a.add($0) }
        on = f("on "); lastWeek = f("last week"); earlierThisMonth = f("earlier this month"); thisWeek = f("this week")
        night = f(" night"); morning = f(" morning"); evening = f(" evening"); lateOn = f("late on ")
        nextWeek = f("next week"); laterThisMonth = f("later this month"); comingDays = f("in the coming days")
        nextMonth = f("next month"); endOfYear = f("by the end of the year"); earlyNextYear = f("early next year")
        quarters = ["first", "second", "third", "fourth"].map { a.add($0) }
        numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].map { a.add($0) }
        degreesCelsius = f(" degrees Celsius"); degreeC = f("°C"); celsiusOpen = f("C ("); fahrenheitClose = f("F)")
        shortLink = f("https://t.co/"); at = f("@")
        oppositionLeader = f(" opposition leader"); lawmaker = f(" lawmaker"); senator = f("Senator")
        general = f("General"); admiral = f("Admiral"); professor = f("Professor"); chiefExecutive = f(" chief executive")
        ofWord = f(" of "); whoLeadsThe = f("who leads the "); opposition = f(" opposition")
        leaderOfOppositionIn = f("the leader of the opposition in "); lawmakerFrom = f("a lawmaker from ")
        seniorMemberOf = f("a senior member of "); memberOfParliament = f("a member of parliament")
        spokeswomanFor = f("a spokeswoman for "); spokesmanFor = f("a spokesman for ")
        chiefExecutiveOf = f("the chief executive of "); whoRuns = f("who runs ")
        chiefEconomistAt = f("chief economist at "); economistAt = f("an economist at "); analystAt = f("an analyst at ")
        professorOf = f("a professor of "); seniorOfficialAt = f("a senior official at "); governorOf = f("the governor of ")
        headOf = f("the head of "); whoLeads = f("who leads "); commanderOf = f("the commander of ")
        seniorCommanderIn = f("a senior commander in "); researcherAt = f("a researcher at "); directorOf = f("the director of ")
        yearOld = f("-year-old "); inWord = f(" in "); from = f(" from "); anArticle = f("a "); atWord = f(" at ")
        fields = SampleWords.fieldNames.map { a.add($0) }
        occupations = SampleWords.occupationNames.map { a.add($0) }
        ministerTitles = SampleOrganizationData.portfolios.map { a.add(String($0.split(separator: "|")[1])) }
        ministerTitlesLower = SampleOrganizationData.portfolios.map { a.add(String($0.split(separator: "|")[1]).lowercased()) }
    }

    /// Academic fields and the topic each belongs to.
    static let fieldNames = [
        "economics", "political science", "international relations", "public health",
        "epidemiology", "climate science", "law", "finance",
    ]
    static let fieldTopics: [NewsTopic] = [.economy, .politics, .diplomacy, .health, .health, .disaster, .politics, .business]

    /// Occupations of ordinary people quoted in stories (after "a 34-year-old").
    static let occupationNames = [
        "teacher", "nurse", "shopkeeper", "taxi driver", "student", "farmer", "engineer",
        "retired civil servant", "mother of three", "fisherman", "street vendor", "bus driver",
    ]
}
