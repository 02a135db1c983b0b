/// Raw organisation lists: well-known public bodies written out in full, plus
/// the parts that generated names (ministries, parties, companies, banks,
/// universities) are assembled from. Company, bank and university names are
/// invented.
enum SampleOrganizationData {
    /// Fixed organisations in rough order of prominence:
    /// `kind|name|acronym|article|acronym article|country|nominal`.
    /// `article`/`acronym article` are 1 when English writes "the" before the
    /// full name / the acronym ("the IMF" but "NATO"); `country` is `-` for none;
    /// `nominal` is how later sentences may refer to it without naming it.
    static let fixed: [String] = [
        "igo|United Nations|UN|1|1|-|the organization",
        "igo|European Union|EU|1|1|-|the bloc",
        "igo|World Health Organization|WHO|1|0|-|the agency",
        "igo|North Atlantic Treaty Organization|NATO|1|0|-|the alliance",
        "igo|International Monetary Fund|IMF|1|1|-|the fund",
        "cbank|Federal Reserve|Fed|1|1|United States|the central bank",
        "igo|World Bank||1|0|-|the lender",
        "agency|European Commission||1|0|-|the commission",
        "agency|U.S. State Department||1|0|United States|the department",
        "igo|United Nations Security Council||1|0|-|the council",
        "cbank|European Central Bank|ECB|1|1|-|the central bank",
        "agency|Pentagon||1|0|United States|the department",
        "military|U.S. Southern Command|SOUTHCOM|0|0|United States|the command",
        "igo|Organization of American States|OAS|1|1|-|the organization",
        "igo|World Trade Organization|WTO|1|1|-|the organization",
        "igo|Organization of the Petroleum Exporting Countries|OPEC|1|0|-|the group",
        "agency|Centers for Disease Control and Prevention|CDC|1|1|United States|the agency",
        "ngo|Amnesty International||0|0|-|the rights group",
        "ngo|Human Rights Watch||0|0|-|the rights group",
        "igo|African Union|AU|1|1|-|the bloc",
        "cbank|Bank of England||1|0|United Kingdom|the central bank",
        "ngo|International Committee of the Red Cross|ICRC|1|1|-|the organization",
        "igo|United Nations Children’s Fund|UNICEF|1|0|-|the agency",
        "igo|World Food Programme|WFP|1|1|-|the agency",
        "agency|Federal Bureau of Investigation|FBI|1|1|United States|the bureau",
        "cbank|Bank of Japan|BOJ|1|1|Japan|the central bank",
        "igo|International Atomic Energy Agency|IAEA|1|1|-|the agency",
        "ngo|Médecins Sans Frontières|MSF|0|0|-|the medical charity",
        "cbank|People’s Bank of China|PBOC|1|1|China|the central bank",
        "agency|Securities and Exchange Commission|SEC|1|1|United States|the regulator",
        "igo|United Nations High Commissioner for Refugees|UNHCR|1|0|-|the agency",
        "military|U.S. Central Command|CENTCOM|0|0|United States|the command",
        "igo|Association of Southeast Asian Nations|ASEAN|1|0|-|the bloc",
        "igo|Arab League||1|0|-|the league",
        "agency|Food and Drug Administration|FDA|1|1|United States|the agency",
        "cbank|Reserve Bank of India|RBI|1|1|India|the central bank",
        "ngo|Greenpeace||0|0|-|the environmental group",
        "ngo|Oxfam||0|0|-|the charity",
        "igo|Interpol||0|0|-|the agency",
        "agency|Federal Emergency Management Agency|FEMA|1|0|United States|the agency",
        "ngo|Transparency International||0|0|-|the watchdog",
        "igo|European Parliament||1|0|-|the parliament",
        "ngo|Committee to Protect Journalists|CPJ|1|1|-|the group",
        "agency|National Weather Service||1|0|United States|the agency",
        "ngo|Save the Children||0|0|-|the charity",
        "agency|Met Office||1|0|United Kingdom|the forecaster",
        "igo|Council of Europe||1|0|-|the council",
        "ngo|Norwegian Refugee Council|NRC|1|1|Norway|the aid group",
        "agency|Environmental Protection Agency|EPA|1|1|United States|the agency",
        "agency|Japan Meteorological Agency|JMA|1|1|Japan|the agency",
        "igo|Lima Group||1|0|-|the group",
        "agency|National Electoral Council|CNE|1|1|Venezuela|the council",
        "ngo|Open Society Watch||0|0|-|the group",
        "ngo|Global Health Alliance|GHA|1|1|-|the alliance",
        "ngo|Coastal Relief Network||1|0|-|the charity",
    ]

    /// Ministry portfolios: `org suffix|minister title|topic`.
    /// Topics: politics, economy, business, diplomacy, health, disaster.
    static let portfolios: [String] = [
        "Ministry of Finance|Finance Minister|economy",
        "Ministry of Foreign Affairs|Foreign Minister|diplomacy",
        "Ministry of Defence|Defence Minister|diplomacy",
        "Ministry of Health|Health Minister|health",
        "Ministry of the Interior|Interior Minister|politics",
        "Ministry of Economy|Economy Minister|business",
        "Ministry of Energy|Energy Minister|economy",
    ]

    /// Political parties: `name|acronym` (acronym may be empty).
    static let parties: [String] = [
        "Liberal Party|", "Conservative Party|", "Labour Party|", "Social Democratic Party|SDP",
        "Green Party|", "National Unity Party|NUP", "Popular Party|", "Democratic Alliance|DA",
        "Workers’ Party|", "Freedom Party|", "Progress Party|", "Reform Party|",
        "Centre Party|", "Socialist Party|", "People’s Movement|", "Civic Platform|",
        "New Democratic Front|NDF", "Justice Party|", "Unity Party|", "Christian Democratic Union|CDU",
        "Popular Will|", "Movement for Change|MFC", "Republican Party|", "Democratic Party|",
        "National Renewal|", "Citizens’ Alliance|",
    ]

    /// Invented stems for company names.
    static let companyStems: [String] = [
        "Norlith", "Quantara", "Veridian", "Zephyra", "Corvane", "Altamira", "Brightwater", "Stellant",
        "Orvex", "Kaltmann", "Solvane", "Tessaro", "Mirabel", "Helion", "Ardent", "Calloway",
        "Greystone", "Bluehaven", "Ironbridge", "Luminar", "Everfield", "Montclair", "Oakridge", "Pelican",
        "Redwood", "Silverline", "Trident", "Valemont", "Westmark", "Yarrow", "Zenith", "Auden",
        "Brisa", "Castell", "Dalmore", "Elmwood", "Fjordvik", "Hölzer", "Lumière", "Årdal",
        "Navarra", "Kōsei", "Tamarind", "Sable", "Umbra", "Vantor", "Quill", "Marisol",
    ]

    /// Company name suffixes and the noun news uses for such a company:
    /// `suffix|nominal`.
    static let companySuffixes: [String] = [
        "Inc|the company", "Corp|the company", "Group|the group", "Holdings|the group",
        "AG|the company", "SA|the company", "Motors|the carmaker", "Energy|the energy company",
        "Pharmaceuticals|the drugmaker", "Airlines|the airline", "Telecom|the telecoms operator",
        "Systems|the technology company", "Mining|the miner", "Steel|the steelmaker", "Foods|the food company",
    ]

    /// Invented bank names; rendered as `<stem> Bank`, `<stem> Capital`, `<stem> Securities`.
    static let bankStems: [String] = [
        "Meridian", "Harborline", "Norvik", "Castellan", "Eastbridge", "Aurelia", "Pinecrest", "Solenne",
        "Tavira", "Kestrel", "Highmoor", "Lindenhof", "Sterling Cross", "Crestmont", "Banco Austral", "Rheinau",
        "Albion", "Pacifica", "Sundara", "Torvald",
    ]

    /// Invented university names; rendered as `<stem> University`.
    static let universityStems: [String] = [
        "Harlow", "Westbrook", "Ashcombe", "Kingsley", "Linwood", "Marlowe", "Northfield", "Redcliffe",
        "Thornbury", "Easton", "Whitmore", "Fairhaven",
    ]

    /// Cities that get a `University of <city>`.
    static let universityCities: [String] = [
        "Zürich", "São Paulo", "Lagos", "Tokyo", "Toronto", "Cape Town", "Melbourne", "Bogotá",
        "Warsaw", "Vienna", "Edinburgh", "Oslo", "Nairobi", "Geneva", "Buenos Aires", "Seoul",
    ]

    /// Countries whose armed forces appear as an organisation.
    static let armedForces: [String] = [
        "Russia", "China", "Venezuela", "Israel", "Ukraine", "Turkey", "Iran", "India", "Pakistan", "Colombia",
    ]

    /// Countries whose central bank is written `Central Bank of <country>`.
    static let centralBankCountries: [String] = [
        "Brazil", "Venezuela", "Turkey", "Russia", "Nigeria", "Mexico", "Argentina", "Egypt", "Colombia", "Chile",
    ]
}
