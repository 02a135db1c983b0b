/// The sentence templates of the synthetic corpus, written for it.
///
/// A template is text with `{SLOT}` placeholders, parsed once at start-up.
/// People: `P1`–`P3` plain mention, `S1`–`S3` subject (may carry an
/// appositive followed by a comma), `F1`–`F3` sentence-final (appositive, no
/// comma), `X1`–`X3` possessive, `N1`–`N3` surname only, `he1`/`his1`… pronouns.
/// Organisations: `O1`/`O2` mention, `OS1`/`OS2` short form. Countries:
/// `C1`/`C2` name, `CA1` demonym, `CG1` "the … government", `CH1` bare name,
/// `CX1` possessive. Places: `L1`/`L2`. Numbers: `NUM` (1,200), `BIG`
/// (2.3 million), `SMALL`, `PCT`, `MONEY`, `YEAR`, `DEC`, `TEMP`, `MAG`, `QTR`.
/// Time: `DAY` ("on Tuesday"), `NEXT` ("next week"), `DATE` ("May 12"),
/// `MONTH`. Text: `Q`/`Q2` direct quote, `QS` short quote, `CL` reported
/// clause, `DIS` disease, `TAG` hashtag. `OQ`/`CQ` open/close quotation marks
/// (curly, British single or straight, by source).
/// Templates must not contain `"` or `\`: those are written by code.
enum SampleTemplateText {
    /// Text specific to one news topic.
    struct Topic {
        let name: String
        /// Relative frequency of the topic among documents.
        let weight: Int
        /// Opening sentences.
        let ledes: [String]
        /// Body sentences.
        let body: [String]
        /// Reported-speech clauses (no final punctuation).
        let claims: [String]
        /// Direct quotations (no final punctuation).
        let quotes: [String]
        /// Short quoted phrases used inside sentences.
        let shortQuotes: [String]
        /// Headlines.
        let headlines: [String]
        /// Topic hashtags (without `#`).
        let hashtags: [String]
    }

    static let topics: [Topic] = [politics, economy, business, diplomacy, health, disaster]

    static let politics = Topic(
        name: "politics", weight: 24,
        ledes: [
            "{S1} {DAY} called for early elections in {C1}, deepening a political crisis that has gripped the country for months.",
            "Thousands of people took to the streets of {L1} {DAY} to demand the resignation of {P1}, in the largest protests the country has seen since {YEAR}.",
            "Lawmakers in {C1} {DAY} approved a contentious reform backed by {P1}, despite fierce opposition from {O1}.",
            "{S1} claimed victory in {CX1} presidential election {DAY}, with preliminary results showing {PCT} of the vote.",
            "The governing coalition in {C1} collapsed {DAY} after {O1} withdrew its support, leaving {P1} without a majority in parliament.",
        ],
        body: [
            "The measure passed by a narrow margin, with {SMALL} members of {O1} abstaining.",
            "{O1} won {PCT} of the vote, while {O2} came second with {PCT}.",
            "Turnout was {PCT}, the lowest since {YEAR}, the electoral authorities said.",
            "{S2} called {X1} conduct {OQ}{QS}{CQ} and vowed to challenge the result in court.",
            "The opposition has called for further protests in {L1} and {L2} {NEXT}.",
            "Police fired tear gas to disperse crowds near government buildings in {L1}, and at least {SMALL} people were detained.",
            "{X1} allies in parliament rejected the proposal, saying it would weaken the independence of the courts.",
            "Under the constitution, a new vote must be held within {SMALL} days.",
            "Polls published {DAY} suggest {O1} could lose as many as {SMALL} seats.",
            "{P2}, once a close ally of {P1}, broke ranks with the government in {MONTH}.",
            "Members of {O2} walked out of the chamber in protest before the vote.",
            "The turmoil has unsettled investors, and {CA1} bonds fell sharply {DAY}.",
            "{S3} said the reform was {OQ}{QS}{CQ} and warned that it could be struck down by the courts.",
            "Observers from {O2} said voting had been largely peaceful but noted {SMALL} reported irregularities in {L2}.",
            "Campaign posters of {P1} still lined the main avenue of {L1} on {DATE}.",
            "{CG1} has promised to publish the full results {NEXT}.",
        ],
        claims: [
            "the election had been marred by irregularities",
            "the government was ready to hold talks with the opposition",
            "{O1} would not support the bill in its current form",
            "a new cabinet would be announced within days",
            "more than {NUM} people had been detained since the protests began",
            "{P1} had no intention of stepping down",
            "the ruling party had lost the trust of voters in {L1}",
            "the vote would go ahead as planned on {DATE}",
            "{his1} government had done nothing wrong",
        ],
        quotes: [
            "We will not be intimidated",
            "This is a historic day for our country",
            "The people have spoken, and we will respect their decision",
            "Nobody is above the law",
            "We are ready for dialogue, but not at any price",
            "This government has lost all legitimacy",
            "Our doors remain open to anyone who wants to build a better future",
            "It’s time for a change",
            "We will keep fighting until the very end",
            "There can be no going back now",
            "I don’t think anyone expected it to be this close",
            "They’re trying to silence us — and it won’t work",
        ],
        shortQuotes: [
            "a betrayal of the voters", "an attack on democracy", "a desperate manoeuvre", "completely unacceptable",
            "a step in the right direction", "political theatre", "a coup in all but name", "long overdue",
        ],
        headlines: [
            "{N1} calls for early elections in {CH1}",
            "Protests spread across {CH1} as {N1} refuses to step down",
            "{CA1} opposition rejects {X1} offer of talks",
            "Ruling coalition collapses in {CH1}",
            "{N1} claims victory with {PCT} of vote",
            "Thousands march in {L1} against {N1}",
            "{N2}: {OQ}{QS}{CQ}",
        ],
        hashtags: ["Elections", "Democracy", "Vote", "Protests", "Parliament"]
    )

    static let economy = Topic(
        name: "economy", weight: 16,
        ledes: [
            "{O1} left its benchmark interest rate unchanged at {PCT} {DAY}, citing growing uncertainty over the global outlook.",
            "Inflation in {C1} rose to {PCT} in {MONTH}, the highest level since {YEAR}, official figures published {DAY} showed.",
            "{CX1} economy grew {PCT} in the {QTR} quarter from a year earlier, slightly faster than economists had expected.",
            "{S1} {DAY} unveiled a budget worth {MONEY}, promising tax cuts for low-income households while reducing the deficit.",
            "{O2} agreed {DAY} to lend {C1} {MONEY} over three years in exchange for a commitment to cut public spending.",
        ],
        body: [
            "The budget deficit widened to {MONEY}, or {PCT} of gross domestic product.",
            "Economists at {O2} expect growth to slow to {PCT} next year.",
            "Unemployment stood at {PCT}, with about {NUM} people out of work.",
            "The {CA1} currency weakened to {DEC} per dollar, its lowest level in {SMALL} months.",
            "Stocks in {L1} fell {PCT} in afternoon trading.",
            "Consumer spending, which accounts for roughly {PCT} of economic output, slowed in the {QTR} quarter.",
            "Exports to {C2} fell by {PCT} to {MONEY}, customs data showed.",
            "Borrowing costs for {CG1} have risen by more than {SMALL} basis points since {MONTH}.",
            "{S2} said the figures were {OQ}{QS}{CQ} but cautioned against reading too much into a single month.",
            "Food prices rose {PCT} from a year earlier, while fuel prices climbed {PCT}.",
            "Markets are now pricing in a rate cut by {O1} as early as {MONTH}.",
            "Public debt has climbed to {MONEY}, according to data from {O2}.",
            "The trade surplus with {C2} narrowed to {MONEY} in {MONTH}.",
            "Remittances from workers abroad, a vital source of income for many families in {L1}, rose {PCT}.",
        ],
        claims: [
            "growth would pick up in the second half of the year",
            "the central bank had room to cut interest rates further",
            "inflation would return to target by the end of next year",
            "the government would not raise taxes",
            "{O1} had underestimated the impact of the trade dispute with {C2}",
            "wages were not keeping up with prices",
            "the recovery remained fragile",
            "about {NUM} jobs had been created since {MONTH}",
        ],
        quotes: [
            "The outlook remains highly uncertain",
            "We expect inflation to ease gradually over the coming months",
            "This is not a recession, but it is a significant slowdown",
            "Households are feeling the squeeze",
            "We are watching the data very closely",
            "There is no magic wand",
            "The fundamentals of our economy are strong",
            "Nobody should be surprised by these numbers",
            "We will do whatever it takes to protect jobs",
            "The risks are clearly tilted to the downside",
        ],
        shortQuotes: [
            "disappointing", "better than feared", "a warning sign", "a real concern",
            "broadly in line with expectations", "alarming", "encouraging",
        ],
        headlines: [
            "{CH1} inflation hits {PCT} as prices surge",
            "{OS1} holds rates, signals cuts later this year",
            "{OS2} approves {MONEY} loan for {CH1}",
            "{CH1} economy grows faster than expected",
            "{N1} unveils {MONEY} budget",
            "{CH1} currency slides to record low",
        ],
        hashtags: ["Inflation", "Budget", "Economy", "InterestRates", "Jobs"]
    )

    static let business = Topic(
        name: "business", weight: 16,
        ledes: [
            "{O1} said {DAY} it would cut {NUM} jobs worldwide as part of a restructuring plan expected to save {MONEY} a year.",
            "{O1} agreed to buy {O2} for {MONEY} in cash and stock, creating one of the largest companies in its sector.",
            "Shares in {O1} jumped {PCT} {DAY} after the company reported quarterly profit that beat analysts’ forecasts.",
            "{S1} will step down at the end of the year, {O1} said {DAY}, ending a tenure marked by rapid expansion.",
        ],
        body: [
            "Revenue rose to {MONEY} in the three months to {MONTH}, up {PCT} from a year earlier.",
            "The deal still requires approval from regulators in {C1} and {C2} and is expected to close in {MONTH}.",
            "{O1} employs about {NUM} people, including {NUM} in {C1}.",
            "{S1} told analysts on a conference call that demand had been {OQ}{QS}{CQ}.",
            "Net profit fell to {MONEY} from {MONEY} a year earlier.",
            "The company has been under pressure from investors, including {O2}, to sell off underperforming units.",
            "Its shares have lost {PCT} of their value this year, giving it a market value of about {MONEY}.",
            "Unions in {L1} said they would fight the job cuts and threatened to strike {NEXT}.",
            "Analysts at {O2} raised their price target on the stock, citing strong growth in {C2}.",
            "The company plans to open a new plant near {L2} that will employ {NUM} people.",
            "Regulators in {C1} opened an investigation into the company’s accounting practices in {MONTH}.",
            "The company, which is based in {L1}, was founded in {YEAR}.",
            "Sales in {C2} — its second-largest market — rose {PCT}.",
            "{S2} said the merger would give the combined group {OQ}{QS}{CQ} scale.",
        ],
        claims: [
            "the company would not raise prices",
            "the job cuts would mainly affect administrative staff in {C1}",
            "{O1} was in early talks with potential buyers",
            "supply shortages would ease by the end of the year",
            "the merger would create {NUM} new jobs",
            "sales in {C2} had been weaker than expected",
            "the company planned to spend {MONEY} on new factories",
        ],
        quotes: [
            "We are very confident in our strategy",
            "Demand has been stronger than we expected",
            "This was a difficult decision, but a necessary one",
            "We see enormous potential in this market",
            "Our customers come first — always",
            "We’re not going to chase growth at any cost",
            "The next twelve months will be challenging",
            "This deal makes sense for both companies",
            "We have a very clear plan",
            "Frankly, the numbers speak for themselves",
        ],
        shortQuotes: [
            "exceptionally strong", "softer than expected", "resilient", "a game changer",
            "disappointing", "robust", "global",
        ],
        headlines: [
            "{OS1} to cut {NUM} jobs",
            "{OS1} agrees {MONEY} takeover of {OS2}",
            "{OS1} shares jump after profit beats forecasts",
            "{OS1} boss {N1} to step down",
            "Regulators in {CH1} probe {OS1}",
            "{OS1} bets {MONEY} on expansion in {CH2}",
        ],
        hashtags: ["Earnings", "Merger", "Jobs", "Markets", "Business"]
    )

    static let diplomacy = Topic(
        name: "diplomacy", weight: 20,
        ledes: [
            "{S1} met {P2} in {L1} {DAY} for talks aimed at easing tensions over {C2}.",
            "{O1} called {DAY} for an immediate ceasefire in {C2}, as fighting near {L2} intensified.",
            "{CA1} forces said {DAY} they had intercepted {SMALL} drones launched towards {L1}.",
            "At least {SMALL} people were killed and dozens wounded in an attack near {L1} {DAY}, according to {O1}.",
            "{CG1} recalled its ambassador to {C2} {DAY} in protest over what it called {OQ}{QS}{CQ}.",
        ],
        body: [
            "{CG1} imposed new sanctions on {SMALL} individuals linked to the government of {P1}.",
            "Aid convoys organised by {O2} have been stuck at the border with {C2} since {DATE}.",
            "The talks, held behind closed doors, lasted more than {SMALL} hours.",
            "{S2} said the two sides had agreed to set up a working group to discuss the release of prisoners.",
            "{O2} estimates that more than {NUM} people have fled their homes since the fighting began.",
            "Satellite images published by {O2} appeared to show damage to several buildings near {L2}.",
            "Diplomats said a draft resolution would be circulated at {O1} {NEXT}.",
            "The {CA2} foreign ministry summoned the {CA1} ambassador {DAY}.",
            "{P3} urged both sides to return to the negotiating table.",
            "The border crossing near {L2} has been closed since {MONTH}.",
            "{S1} said {C1} reserved the right to respond, but stressed that it did not want a wider conflict.",
            "More than {NUM} troops have been deployed to the region, according to {O2}.",
            "{OQ}All options are on the table,{CQ} {P2} said, without giving details.",
            "The two leaders last met in {L2} in {YEAR}.",
            "A joint statement issued after the meeting made no mention of {C2}.",
        ],
        claims: [
            "the ceasefire had been violated at least {SMALL} times",
            "{C1} had no plans to withdraw its troops",
            "humanitarian access to {L2} remained severely restricted",
            "the sanctions would remain in place until political prisoners were released",
            "{O1} was prepared to mediate between the two sides",
            "the attack had been carried out by a group based in {C2}",
            "a prisoner exchange could take place {NEXT}",
        ],
        quotes: [
            "We will not accept any interference in our internal affairs",
            "The humanitarian situation is deteriorating by the hour",
            "Dialogue is the only way forward",
            "We call on all parties to respect international law",
            "This is a clear violation of our sovereignty",
            "We want peace, but we are ready to defend ourselves",
            "Civilians are paying the highest price",
            "There is no military solution to this conflict",
            "The world cannot look away",
            "We have been waiting for this moment for years",
        ],
        shortQuotes: [
            "a provocation", "a clear violation of international law", "unacceptable aggression",
            "a positive first step", "a dangerous escalation", "constructive", "frank",
        ],
        headlines: [
            "{N1} and {N2} meet in {L1} amid tensions over {CH2}",
            "{OS1} calls for ceasefire in {CH2}",
            "{CH1} recalls ambassador from {CH2}",
            "{CH1} says it intercepted {SMALL} drones near {L1}",
            "{CH1} imposes new sanctions on {CH2}",
            "Deadly attack near {L1} as talks stall",
        ],
        hashtags: ["Ceasefire", "Peace", "Sanctions", "Diplomacy", "Refugees"]
    )

    static let health = Topic(
        name: "health", weight: 12,
        ledes: [
            "{O1} reported {NUM} new cases of {DIS} in {C1} in the week to {DATE}, warning that the outbreak was spreading faster than expected.",
            "Health officials in {L1} declared an emergency {DAY} after an outbreak of {DIS} killed at least {SMALL} people.",
            "{S1} {DAY} launched a vaccination campaign aimed at reaching {NUM} children in {C1} by the end of the year.",
            "Hospitals across {C1} are operating at {PCT} of capacity, {O1} said {DAY}, as a surge in {DIS} cases strains the health system.",
        ],
        body: [
            "The outbreak has killed at least {SMALL} people since it was first detected near {L2} in {MONTH}.",
            "{S2} urged parents to make sure their children were vaccinated.",
            "A study published by researchers at {O2} found that vaccination rates had fallen by {PCT} over the past decade.",
            "{O2} said it had sent {NUM} doses of vaccine and {SMALL} tonnes of medical supplies.",
            "Doctors in {L1} said they were running short of basic supplies, including gloves and saline.",
            "The government has set aside {MONEY} to fight the outbreak.",
            "Cases have also been reported in {L2}, about {SMALL} kilometres from the capital.",
            "{F3}, who has worked in the region for {SMALL} years, said the response had been too slow.",
            "Testing capacity has doubled since {MONTH}, to about {NUM} tests a day.",
            "{CG1} has faced criticism for cutting the health budget by {PCT} in {YEAR}.",
            "Symptoms include fever, headache and fatigue, and usually appear within {SMALL} days.",
            "{O1} has classified the risk in the region as {OQ}{QS}{CQ}.",
        ],
        claims: [
            "the number of cases was likely to be much higher than reported",
            "the risk to the general public remained low",
            "{NUM} health workers had been trained to identify symptoms",
            "the outbreak could be brought under control within weeks if funding arrived",
            "{O1} had not been informed of the first cases until {DATE}",
            "vaccine supplies in {L1} were running low",
        ],
        quotes: [
            "We are extremely concerned about the speed at which this is spreading",
            "Vaccines are safe, and they save lives",
            "Our staff are exhausted",
            "We need more funding, and we need it now",
            "Every day we wait, more people die",
            "The situation is under control, but we must remain vigilant",
            "We have seen this before, and we know how to stop it",
            "People are scared… and they have every reason to be",
        ],
        shortQuotes: [
            "a public health emergency", "deeply worrying", "a race against time", "a wake-up call", "manageable", "very high",
        ],
        headlines: [
            "{DIS} outbreak in {CH1} spreads to {L1}",
            "{OS1} warns of rising {DIS} cases in {CH1}",
            "{CH1} declares emergency over {DIS}",
            "{N1} launches vaccination drive in {CH1}",
            "Hospitals in {L1} stretched as {DIS} cases climb",
        ],
        hashtags: ["Vaccines", "PublicHealth", "Outbreak", "GlobalHealth"]
    )

    static let disaster = Topic(
        name: "disaster", weight: 12,
        ledes: [
            "Heavy rain caused widespread flooding across {L1} {DAY}, forcing more than {NUM} people from their homes.",
            "A magnitude {MAG} earthquake struck near {L1} early {DAY}, damaging buildings and cutting power to thousands of homes.",
            "Temperatures reached {TEMP} in {L1} {DAY}, breaking a record set in {YEAR}, as a heat wave spread across {C1}.",
            "Wildfires have burned more than {NUM} hectares in {L2} since {DATE}, and firefighters said {DAY} they had yet to contain the largest blaze.",
        ],
        body: [
            "{O1} estimated the damage at {MONEY}.",
            "{S2} said emergency teams had rescued {SMALL} people trapped in collapsed buildings.",
            "Roads into {L2} remained closed, and {O2} said it was delivering supplies by helicopter.",
            "Scientists at {O2} say such events are becoming more frequent as the planet warms.",
            "Forecasters issued their highest alert for {L1} and surrounding areas.",
            "Some {NUM} households were without electricity {DAY}, the utility said.",
            "{CG1} declared a state of emergency in {SMALL} provinces.",
            "Residents in {L1} described the water rising {OQ}within minutes{CQ}.",
            "{F3}, who runs a small shop in {L1}, said {he3} had lost everything.",
            "Insurers expect claims to exceed {MONEY}.",
            "Rainfall in {MONTH} was {PCT} above the long-term average, according to {O2}.",
            "Temperatures are forecast to stay above {TEMP} {NEXT}.",
        ],
        claims: [
            "the death toll was likely to rise",
            "more than {NUM} homes had been damaged or destroyed",
            "the dam near {L2} was under close watch",
            "the government had ignored repeated warnings",
            "relief supplies would reach the worst-hit areas {NEXT}",
        ],
        quotes: [
            "We have never seen anything like this",
            "Whole villages have been wiped out",
            "The water came up so fast… we had no time to take anything",
            "We lost everything",
            "This is what climate change looks like",
            "We are doing everything we can to reach people",
            "It will take years to rebuild",
            "I’ve lived here for forty years, and I’ve never been this scared",
        ],
        shortQuotes: [
            "catastrophic", "a national tragedy", "unprecedented", "a disaster foretold", "a warning for the whole region",
        ],
        headlines: [
            "Floods force {NUM} from homes in {L1}",
            "Record heat grips {CH1}",
            "Magnitude {MAG} quake strikes near {L1}",
            "Wildfires rage in {L2} as {N1} declares emergency",
            "{OS1} warns of worse to come after {L1} floods",
        ],
        hashtags: ["Floods", "ClimateCrisis", "Earthquake", "Heatwave", "Wildfires"]
    )

    /// Body sentences that fit any topic.
    static let genericBody: [String] = [
        "{S2} said {DAY} that {CL}.",
        "According to {O1}, {CL}.",
        "{F3}, who spoke on condition of anonymity because {he3} was not authorized to speak publicly, said {CL}.",
        "{O2} did not immediately respond to a request for comment.",
        "A spokesperson for {O1} declined to comment.",
        "It was not immediately clear how {P1} would respond.",
        "Officials in {L1} said {CL}.",
        "The move drew criticism from {P3}, who called it {OQ}{QS}{CQ}.",
        "{CG1} has denied any wrongdoing.",
        "{CA1} officials are expected to discuss the issue with counterparts from {C2} {NEXT}.",
        "The developments come at a sensitive time for {P1}, whose approval rating has fallen to {PCT}.",
        "Speaking to reporters in {L2}, {P2} said {CL}.",
        "{X1} office said in a statement that {CL}.",
        "Critics, including {P3}, say {CL}.",
        "Neither {O1} nor {O2} has commented publicly on the matter.",
        "{S1} has repeatedly said that {CL}.",
        "Figures from {O2} show that about {NUM} people have been affected in {C1} alone.",
        "Some {NUM} people attended a rally in {L1} {DAY}, according to local media.",
        "On social media, supporters of {P1} shared videos from {L2}.",
        "{P2} is scheduled to travel to {L2} later this month.",
        "The decision was welcomed by {O2}, which called it {OQ}{QS}{CQ}.",
        "In {L1}, the mood was tense — and few expected a quick resolution.",
        "There was no immediate reaction from {CG2}.",
        "{S2} told a news conference in {L1} that {CL}.",
        "The issue is likely to come up when {P2} visits {L2} on {DATE}.",
        "Asked whether {CL}, {P1} said only: {OQ}We’ll see.{CQ}",
    ]

    /// Direct-quotation sentences (the quote text comes from `Q`/`Q2`).
    static let attributions: [String] = [
        "{OQ}{Q},{CQ} {S1} said.",
        "{OQ}{Q},{CQ} said {F2}.",
        "{OQ}{Q},{CQ} {P1} told reporters in {L1} {DAY}.",
        "{OQ}{Q}. {Q2},{CQ} {he1} added.",
        "{S2} said: {OQ}{Q}.{CQ}",
        "{OQ}{Q}…{CQ} {P3} said, before pausing. {OQ}{Q2}.{CQ}",
        "{OQ}{Q},{CQ} {P2} wrote in a statement posted online.",
        "In a statement, {O1} said: {OQ}{Q}.{CQ}",
        "{OQ}It’s not that simple,{CQ} said {F3}. {OQ}{Q}.{CQ}",
        "{S1} described the situation as {OQ}{QS}{CQ} — a phrase {he1} repeated several times {DAY}.",
        "{OQ}{Q},{CQ} {P2} said in an interview with a local radio station.",
        "{OQ}{Q},{CQ} said {F3}, adding: {OQ}{Q2}.{CQ}",
        "{OQ}{Q},{CQ} {S2} told supporters in {L2}.",
    ]

    /// Sentences that close an article.
    static let closings: [String] = [
        "{S1} is expected to address the issue again {NEXT}.",
        "Talks are scheduled to resume {NEXT}.",
        "{O2} said it would publish a full report {NEXT}.",
        "The situation remains fluid, and further announcements are expected {NEXT}.",
        "{P2} and {P3} did not respond to requests for comment.",
        "{CG1} said it would respond {NEXT}.",
        "A final decision is expected {NEXT}.",
    ]

    /// Quotes and short quotes any speaker may say, mixed into every topic.
    static let genericQuotes: [String] = [
        "We are taking this very seriously",
        "I want to be very clear about this",
        "Nobody wants to see this happen again",
        "We have a responsibility to act",
        "It’s too early to say what the long-term impact will be",
        "We’ve heard these promises before",
        "This is a moment of truth",
        "We will continue to monitor the situation",
    ]

    static let genericShortQuotes: [String] = [
        "extremely serious", "a mistake", "premature", "deeply regrettable", "a turning point",
    ]

    /// Reported clauses any topic may use.
    static let genericClaims: [String] = [
        "the decision had been taken after careful consideration",
        "more details would be released {NEXT}",
        "{O1} had been informed in advance",
        "the situation in {L1} was improving",
        "the talks in {L2} had made little progress",
    ]

    /// Text of posts quoted from social media (before handles, tags and emoji).
    static let tweets: [String] = [
        "Today we stand with the people of {L1}",
        "Proud of our team in {L1} for their incredible work",
        "Met with {N2} {DAY} — a productive conversation about the future of {CH1}",
        "We will not give up. Never.",
        "Thank you, {L1}! What a crowd",
        "Important meeting with {OS1} in {L2} today",
        "Our thoughts are with everyone affected in {L1}",
        "The numbers don’t lie",
        "Big news for {CH1} today",
        "Read our full statement on the situation in {CH2}",
    ]

    /// How a quoted post is introduced; the post text follows directly.
    static let tweetIntros: [String] = [
        "In a post on Twitter, {P1} wrote: ",
        "{S2} wrote on Twitter: ",
        "{O1} said on Twitter: ",
        "Shortly afterwards, {P1} posted: ",
    ]

    /// Sentences that may follow a quoted post.
    static let tweetFollowUps: [String] = [
        "The post was shared more than {NUM} times within hours.",
        "The hashtag {TAG} was trending in {C1} {DAY}.",
        "{P3} replied minutes later, calling the post {OQ}{QS}{CQ}.",
    ]

    /// Diseases for health stories.
    static let diseases: [String] = [
        "measles", "cholera", "dengue fever", "Ebola", "influenza", "malaria", "tuberculosis", "yellow fever",
    ]

    /// Emoji used in quoted posts; several are outside the BMP so that escaped
    /// output needs surrogate pairs.
    static let emoji: [String] = [
        "🙏", "👏", "🔥", "💪", "❤️", "😀", "⚠️", "🌍", "📈", "🇪🇺", "✊", "🎉",
    ]
}
