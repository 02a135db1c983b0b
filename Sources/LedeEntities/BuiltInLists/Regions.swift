extension BuiltInLists {
    /// Continents, world regions, states and provinces, seas and other named
    /// places that are not cities: `Name|aliases`.
    static let regions = """
    Africa
    Asia
    Europe
    North America
    South America
    Latin America
    Central America
    Antarctica
    Arctic
    Oceania
    Australasia
    Eurasia
    Middle East|Mideast
    Near East
    Far East
    Gulf
    Persian Gulf
    Arabian Peninsula
    Maghreb
    Sahel
    Sahara
    Horn of Africa
    West Africa
    East Africa
    North Africa
    Southern Africa
    Central Africa
    Sub-Saharan Africa
    Western Europe
    Eastern Europe
    Central Europe
    Southern Europe
    Northern Europe
    Scandinavia
    Baltics
    Balkans
    Caucasus
    North Caucasus
    Central Asia
    South Asia
    Southeast Asia|South-East Asia
    East Asia
    Asia-Pacific|Asia Pacific
    Pacific
    Atlantic
    Caribbean
    Mediterranean
    Siberia
    Patagonia
    Andes
    Alps
    Himalayas
    Kashmir
    Punjab
    Bengal
    Tamil Nadu
    Kerala
    Gujarat
    Maharashtra
    Uttar Pradesh
    Bihar
    Karnataka
    Rajasthan
    Assam
    Balochistan|Baluchistan
    Sindh
    Khyber Pakhtunkhwa
    Waziristan
    Xinjiang
    Guangdong
    Sichuan
    Yunnan
    Hubei
    Hunan
    Henan
    Hebei
    Shandong
    Jiangsu
    Zhejiang
    Fujian
    Inner Mongolia
    Manchuria
    Mindanao
    Luzon
    Java
    Sumatra
    Borneo
    Papua
    Sulawesi
    Kurdistan
    Anatolia
    Galilee
    Golan Heights|Golan
    Sinai
    Negev
    Donbas|Donbass
    Transnistria
    Abkhazia
    South Ossetia
    Nagorno-Karabakh
    Dagestan
    Ingushetia
    Tatarstan
    Kosovo
    Vojvodina
    Transylvania
    Silesia
    Tyrol
    Lombardy
    Tuscany
    Piedmont
    Veneto
    Calabria
    Andalusia
    Galicia
    Castile
    Normandy
    Brittany
    Provence
    Alsace
    Burgundy
    Saxony
    Bavaria
    Hesse
    Lower Saxony
    North Rhine-Westphalia
    Baden-Wuerttemberg
    Wallonia
    Yorkshire
    Lancashire
    Kent
    Essex
    Surrey
    Sussex
    Cornwall
    Devon
    Somerset
    Hampshire
    Cheshire
    Midlands
    West Midlands
    East Anglia
    Ulster
    Ontario
    British Columbia
    Alberta
    Manitoba
    Saskatchewan
    Nova Scotia
    New Brunswick
    Newfoundland
    Labrador
    Yukon
    Nunavut
    Queensland
    New South Wales
    Tasmania
    Western Australia
    South Australia
    Northern Territory
    Alabama
    Alaska
    Arizona
    Arkansas
    California
    Colorado
    Connecticut
    Delaware
    Florida
    Georgia
    Hawaii
    Idaho
    Illinois
    Indiana
    Iowa
    Kansas
    Kentucky
    Louisiana
    Maine
    Maryland
    Massachusetts
    Michigan
    Minnesota
    Mississippi
    Missouri
    Montana
    Nebraska
    Nevada
    New Hampshire
    New Jersey
    New Mexico
    New York State
    North Carolina
    North Dakota
    Ohio
    Oklahoma
    Oregon
    Pennsylvania
    Rhode Island
    South Carolina
    South Dakota
    Tennessee
    Texas
    Utah
    Vermont
    Virginia
    Washington State
    West Virginia
    Wisconsin
    Wyoming
    District of Columbia
    New England
    Midwest
    Manhattan
    Brooklyn
    Queens
    Bronx
    Staten Island
    Long Island
    Hollywood
    Wall Street
    Capitol Hill
    Downing Street
    Whitehall
    Westminster
    Fleet Street
    City of London
    Canary Wharf
    Bay Area
    Gulf Coast
    East Coast
    West Coast
    Sun Belt
    Rust Belt
    Great Lakes
    Great Plains
    Rocky Mountains|Rockies
    Appalachia
    Pacific Northwest
    Atlantic Ocean
    Pacific Ocean
    Indian Ocean
    Arctic Ocean
    Southern Ocean
    Mediterranean Sea
    Black Sea
    Caspian Sea
    Red Sea
    Dead Sea
    North Sea
    Baltic Sea
    Aegean Sea|Aegean
    Adriatic Sea|Adriatic
    Caribbean Sea
    South China Sea
    East China Sea
    Sea of Japan
    Yellow Sea
    Arabian Sea
    Gulf of Mexico
    Gulf of Aden
    Gulf of Oman
    Strait of Hormuz
    Strait of Gibraltar
    Taiwan Strait
    Suez Canal
    Panama Canal
    English Channel
    Bosphorus
    Dardanelles
    Nile
    Danube
    Rhine
    Volga
    Thames
    Mississippi River
    Yangtze
    Mekong
    Ganges
    Indus
    Euphrates
    Tigris
    Jordan River
    Orinoco
    Everest|Mount Everest
    Kilimanjaro
    Gaza Strip
    Hokkaido
    Honshu
    Okinawa
    Crimea
    Siberia
    Greenland
    Iberia
    Cyrenaica
    Tigray
    Oromia
    Ogaden
    Kordofan
    Cabinda
    Katanga
    Kivu|North Kivu,South Kivu
    Casamance
    Zulia
    Tachira
    Merida
    Anzoategui
    Apure
    Amazonas
    Sao Paulo State
    Minas Gerais
    Bahia
    Chiapas
    Sinaloa
    Michoacan
    Tamaulipas
    Baja California
    Yucatan
    Jalisco
    Antioquia
    Catalonia
    Basque Country
    Flanders
    Scottish Highlands
    Lake District
    Costa del Sol
    Riviera
    French Riviera
    Cote d'Azur
    """
}
