/// Raw name lists the synthetic world is built from.
///
/// Kept as compact text (parsed once at start-up) so the lists stay easy to
/// read and extend. All names are common given names and surnames, real
/// country/city/region names, well-known public bodies, or invented
/// companies, banks and universities.
enum SampleNameData {
    /// One naming culture per line:
    /// `key|order|feminine|m:given,…|f:given,…|s:surname,…`
    /// `order` is `gs` (given name first) or `sg` (surname first, as English
    /// news writes Chinese and Korean names); `feminine` says how a woman's
    /// surname is derived (`ova`: Ivanov → Ivanova, `ska`: Kowalski → Kowalska).
    static let cultures: [String] = [
        "hispanic|gs|none|m:Juan,Carlos,José,Luis,Miguel,Javier,Alejandro,Diego,Andrés,Fernando,Ricardo,Pablo,Nicolás,Héctor|f:María,Ana,Lucía,Carmen,Sofía,Isabel,Gabriela,Valentina,Elena,Paula,Delcy,Ximena|s:García,Rodríguez,Martínez,López,González,Hernández,Pérez,Sánchez,Ramírez,Torres,Flores,Rivera,Gómez,Díaz,Morales,Ortiz,Castillo,Jiménez,Vargas,Romero,Guaido,Mendoza,Herrera,Medina,Aguilar,Navarro,Cabello,Ruiz,Castro,Suárez,Núñez,Peña",
        "lusophone|gs|none|m:João,Pedro,Paulo,Rafael,Tiago,Gustavo,Marcelo,Rodrigo|f:Beatriz,Fernanda,Mariana,Juliana,Camila,Luísa,Simone|s:Silva,Santos,Oliveira,Souza,Pereira,Costa,Carvalho,Almeida,Ferreira,Araújo,Ribeiro,Gonçalves,Barbosa,Lima,Conceição,Magalhães",
        "anglo|gs|none|m:James,John,Michael,David,Robert,William,Thomas,Daniel,Matthew,Andrew,Mark,Richard,Steven,Patrick,Kevin,Brian|f:Mary,Sarah,Elizabeth,Jennifer,Emily,Rebecca,Laura,Karen,Susan,Rachel,Hannah,Claire,Nancy,Megan|s:Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Moore,Jackson,Thompson,White,Harris,Clark,Lewis,Walker,Hall,Allen,Young,King,Wright,Scott,Green,Baker,Adams,Nelson,Campbell,Mitchell,Roberts,Carter,Phillips,O’Brien,Murphy,Kelly,Sullivan,McCarthy",
        "german|gs|none|m:Hans,Jürgen,Klaus,Wolfgang,Stefan,Matthias,Jörg,Uwe,Olaf,Markus|f:Angelika,Ursula,Katrin,Jutta,Sabine,Annegret,Brigitte,Julia|s:Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Braun,Krüger,Hartmann,Lange,Weiß",
        "french|gs|none|m:Jean,Pierre,François,Emmanuel,Olivier,Nicolas,Jérôme,Benoît,Gérard|f:Marie,Sophie,Élodie,Camille,Ségolène,Hélène,Céline,Anne|s:Bernard,Dubois,Durand,Leroy,Moreau,Laurent,Lefèvre,Michel,Garnier,Rousseau,Faure,Girard,Lemaître,Bonnet,Petit,Fontaine,Chevalier,Lambert",
        "arabic|gs|none|m:Mohammed,Ahmed,Omar,Ali,Hassan,Khalid,Youssef,Tariq,Karim,Walid|f:Fatima,Aisha,Layla,Mariam,Nour,Rania,Samira,Huda|s:Al-Sayed,Haddad,Khalil,Nasser,Mansour,Hamdan,Saleh,Ibrahim,Abdullah,Rahman,Aziz,Farouk,El-Amin,Barakat,Suleiman,Najjar,Hakimi,Bakr,Al-Masri,Darwish",
        "slavic|gs|ova|m:Sergei,Dmitry,Vladimir,Alexei,Nikolai,Andrei,Mikhail,Oleksandr,Yuri|f:Olga,Natalia,Irina,Svetlana,Tatiana,Yulia,Oksana|s:Ivanov,Petrov,Smirnov,Kuznetsov,Popov,Sokolov,Lebedev,Kozlov,Novikov,Morozov,Volkov,Solovyov,Vasiliev,Zaytsev,Pavlov,Orlov,Shevchenko,Kovalenko,Bondarenko",
        "chinese|sg|none|m:Wei,Jun,Hao,Ming,Lei,Qiang,Jian,Zhiwei|f:Xiu,Mei,Ying,Fang,Lan,Xiaoling|s:Wang,Li,Zhang,Liu,Chen,Yang,Huang,Zhao,Wu,Zhou,Xu,Sun,Ma,Zhu,Hu,Guo,He,Lin,Gao,Luo",
        "japanese|gs|none|m:Hiroshi,Takeshi,Kenji,Haruto,Daisuke,Taro|f:Yuki,Akiko,Keiko,Naomi,Haruka,Sachiko|s:Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida,Yamada,Sasaki,Matsumoto",
        "korean|sg|none|m:Min-jun,Ji-hoon,Sung-min,Dong-hyun|f:Seo-yeon,Ji-woo,Hye-jin,Soo-ah|s:Kim,Lee,Park,Choi,Jung,Kang,Cho,Yoon",
        "indian|gs|none|m:Rahul,Amit,Arjun,Vikram,Sanjay,Rajesh,Anil,Suresh|f:Priya,Anjali,Sunita,Kavita,Deepa,Nirmala,Lakshmi|s:Sharma,Patel,Singh,Kumar,Gupta,Reddy,Iyer,Nair,Mehta,Chatterjee,Banerjee,Rao,Joshi,Desai,Kapoor,Menon,Pillai,Verma",
        "turkish|gs|none|m:Mehmet,Mustafa,Emre,Burak,Cem,Ömer|f:Ayşe,Elif,Zeynep,Şule,Gülşen|s:Yılmaz,Kaya,Demir,Şahin,Çelik,Yıldız,Aydın,Öztürk,Arslan,Doğan,Kılıç,Aslan",
        "westafrican|gs|none|m:Oluwaseun,Chinedu,Emeka,Babajide,Kwame,Kofi,Yaw|f:Ngozi,Chiamaka,Adaeze,Funmilayo,Ama,Abena|s:Okafor,Adeyemi,Okonkwo,Balogun,Eze,Nwosu,Obi,Adebayo,Ogunleye,Mensah,Asante,Owusu,Boateng,Danjuma,Bello,Abubakar",
        "nordic|gs|none|m:Lars,Erik,Magnus,Anders,Søren,Bjørn,Jens|f:Ingrid,Astrid,Sigrid,Mette,Åsa,Liv|s:Hansen,Johansson,Andersson,Nilsson,Larsen,Eriksson,Lindqvist,Søndergaard,Bergström,Holm,Sørensen,Ødegaard",
        "polish|gs|ska|m:Piotr,Tomasz,Krzysztof,Paweł,Łukasz,Andrzej|f:Agnieszka,Małgorzata,Katarzyna,Joanna,Ewa|s:Nowak,Kowalski,Wiśniewski,Wójcik,Kamiński,Lewandowski,Zieliński,Szymański,Dąbrowski,Kozłowski,Mazur,Krawczyk",
        "italian|gs|none|m:Giuseppe,Marco,Giovanni,Luca,Matteo,Alessandro,Sergio|f:Giulia,Francesca,Chiara,Alessandra,Giorgia,Laura|s:Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Giordano,Lombardi",
        "persian|gs|none|m:Javad,Reza,Mahmoud,Mohsen,Hossein,Abbas|f:Zahra,Maryam,Shirin,Parisa|s:Tehrani,Karimi,Hosseini,Ahmadi,Mohammadi,Rezaei,Moradi,Jafari,Sadeghi,Rahimi",
        "hebrew|gs|none|m:Yossi,Avi,Moshe,Eitan,Yair,Ehud|f:Noa,Tamar,Yael,Michal|s:Cohen,Levi,Mizrahi,Peretz,Friedman,Katz,Ben-David,Shapiro,Avraham,Biton",
        "eastafrican|gs|none|m:Baraka,Abebe,Tesfaye,Otieno,Mwangi,Dawit|f:Wanjiru,Amina,Makena,Selam,Achieng|s:Kamau,Odhiambo,Wanjiku,Kiplagat,Bekele,Tadesse,Haile,Mutua,Ochieng,Gebre",
    ]

    /// Countries in rough order of how often they make international news:
    /// `name|article|demonym|capital|other cities;…|culture|leader title`.
    /// `article` is 1 when English writes "the" before the name.
    static let countries: [String] = [
        "United States|1|U.S.|Washington|New York;Los Angeles;Chicago;Houston;Miami;San Francisco;Boston;Seattle|anglo|President",
        "China|0|Chinese|Beijing|Shanghai;Shenzhen;Hong Kong;Wuhan;Guangzhou|chinese|President",
        "Russia|0|Russian|Moscow|St. Petersburg;Novosibirsk;Kazan|slavic|President",
        "United Kingdom|1|British|London|Manchester;Birmingham;Edinburgh;Glasgow;Belfast|anglo|Prime Minister",
        "Germany|0|German|Berlin|Munich;Hamburg;Frankfurt;Cologne;Düsseldorf|german|Chancellor",
        "France|0|French|Paris|Marseille;Lyon;Toulouse;Nice|french|President",
        "Venezuela|0|Venezuelan|Caracas|Maracaibo;Valencia;Barquisimeto|hispanic|President",
        "Brazil|0|Brazilian|Brasília|São Paulo;Rio de Janeiro;Belo Horizonte;Porto Alegre|lusophone|President",
        "India|0|Indian|New Delhi|Mumbai;Bengaluru;Kolkata;Chennai;Hyderabad|indian|Prime Minister",
        "Japan|0|Japanese|Tokyo|Osaka;Kyoto;Yokohama;Fukuoka|japanese|Prime Minister",
        "Iran|0|Iranian|Tehran|Isfahan;Mashhad;Tabriz|persian|President",
        "Mexico|0|Mexican|Mexico City|Guadalajara;Monterrey;Tijuana;Cancún|hispanic|President",
        "Turkey|0|Turkish|Ankara|Istanbul;İzmir;Antalya|turkish|President",
        "Ukraine|0|Ukrainian|Kyiv|Kharkiv;Odesa;Lviv;Dnipro|slavic|President",
        "Israel|0|Israeli|Jerusalem|Tel Aviv;Haifa|hebrew|Prime Minister",
        "Saudi Arabia|0|Saudi|Riyadh|Jeddah;Mecca;Dammam|arabic|Crown Prince",
        "Italy|0|Italian|Rome|Milan;Naples;Turin;Florence|italian|Prime Minister",
        "Spain|0|Spanish|Madrid|Barcelona;Seville;Bilbao;Málaga|hispanic|Prime Minister",
        "Canada|0|Canadian|Ottawa|Toronto;Montréal;Vancouver;Calgary|anglo|Prime Minister",
        "South Korea|0|South Korean|Seoul|Busan;Incheon;Daegu|korean|President",
        "Colombia|0|Colombian|Bogotá|Medellín;Cali;Cartagena|hispanic|President",
        "Nigeria|0|Nigerian|Abuja|Lagos;Kano;Ibadan;Port Harcourt|westafrican|President",
        "Australia|0|Australian|Canberra|Sydney;Melbourne;Brisbane;Perth|anglo|Prime Minister",
        "Poland|0|Polish|Warsaw|Kraków;Gdańsk;Łódź;Wrocław|polish|Prime Minister",
        "Egypt|0|Egyptian|Cairo|Alexandria;Giza;Port Said|arabic|President",
        "Argentina|0|Argentine|Buenos Aires|Córdoba;Rosario;Mendoza|hispanic|President",
        "South Africa|0|South African|Pretoria|Johannesburg;Cape Town;Durban|anglo|President",
        "Pakistan|0|Pakistani|Islamabad|Karachi;Lahore;Peshawar|-|Prime Minister",
        "Syria|0|Syrian|Damascus|Aleppo;Idlib;Homs|arabic|President",
        "Iraq|0|Iraqi|Baghdad|Basra;Mosul;Erbil|arabic|Prime Minister",
        "Afghanistan|0|Afghan|Kabul|Kandahar;Herat;Mazar-i-Sharif|-|President",
        "North Korea|0|North Korean|Pyongyang|Kaesong|korean|leader",
        "Kenya|0|Kenyan|Nairobi|Mombasa;Kisumu|eastafrican|President",
        "Ethiopia|0|Ethiopian|Addis Ababa|Mekelle;Gondar|eastafrican|Prime Minister",
        "Switzerland|0|Swiss|Bern|Zürich;Geneva;Basel;Lausanne|german|President",
        "Sweden|0|Swedish|Stockholm|Gothenburg;Malmö;Uppsala|nordic|Prime Minister",
        "Norway|0|Norwegian|Oslo|Bergen;Trondheim;Tromsø|nordic|Prime Minister",
        "Denmark|0|Danish|Copenhagen|Aarhus;Odense|nordic|Prime Minister",
        "Netherlands|1|Dutch|Amsterdam|Rotterdam;The Hague;Utrecht|-|Prime Minister",
        "Belgium|0|Belgian|Brussels|Antwerp;Ghent;Liège|french|Prime Minister",
        "Austria|0|Austrian|Vienna|Salzburg;Graz;Innsbruck|german|Chancellor",
        "Portugal|0|Portuguese|Lisbon|Porto;Braga;Coimbra|lusophone|Prime Minister",
        "Chile|0|Chilean|Santiago|Valparaíso;Concepción;Antofagasta|hispanic|President",
        "Peru|0|Peruvian|Lima|Arequipa;Cusco;Trujillo|hispanic|President",
        "Cuba|0|Cuban|Havana|Santiago de Cuba;Camagüey|hispanic|President",
        "Ecuador|0|Ecuadorian|Quito|Guayaquil;Cuenca|hispanic|President",
        "Bolivia|0|Bolivian|La Paz|Santa Cruz;Cochabamba;Sucre|hispanic|President",
        "Lebanon|0|Lebanese|Beirut|Tripoli;Sidon|arabic|Prime Minister",
        "Jordan|0|Jordanian|Amman|Zarqa;Aqaba|arabic|King",
        "Qatar|0|Qatari|Doha|Al Wakrah|arabic|Emir",
        "United Arab Emirates|1|Emirati|Abu Dhabi|Dubai;Sharjah|arabic|President",
        "Morocco|0|Moroccan|Rabat|Casablanca;Marrakesh;Tangier;Fez|arabic|Prime Minister",
        "Ghana|0|Ghanaian|Accra|Kumasi;Tamale|westafrican|President",
        "Belarus|0|Belarusian|Minsk|Gomel;Brest|slavic|President",
        "Kazakhstan|0|Kazakh|Astana|Almaty;Shymkent|-|President",
        "Indonesia|0|Indonesian|Jakarta|Surabaya;Bandung;Medan|-|President",
        "Philippines|1|Philippine|Manila|Quezon City;Cebu;Davao|-|President",
        "Vietnam|0|Vietnamese|Hanoi|Ho Chi Minh City;Da Nang;Haiphong|-|Prime Minister",
        "Thailand|0|Thai|Bangkok|Chiang Mai;Phuket|-|Prime Minister",
        "Taiwan|0|Taiwanese|Taipei|Kaohsiung;Taichung|chinese|President",
        "Ireland|0|Irish|Dublin|Cork;Galway;Limerick|anglo|Prime Minister",
        "Greece|0|Greek|Athens|Thessaloniki;Patras;Heraklion|-|Prime Minister",
        "New Zealand|0|New Zealand|Wellington|Auckland;Christchurch|anglo|Prime Minister",
        "Haiti|0|Haitian|Port-au-Prince|Cap-Haïtien|-|President",
        "Singapore|0|Singaporean|Singapore||chinese|Prime Minister",
    ]

    /// Regions and geographic areas: `name|article|country` (`-` for none).
    static let regions: [String] = [
        "Middle East|1|-", "Latin America|0|-", "Southeast Asia|0|-", "Balkans|1|-", "Sahel|1|-",
        "Arctic|1|-", "Amazon|1|Brazil", "Gaza Strip|1|-", "West Bank|1|-", "Kashmir|0|-",
        "Crimea|0|Ukraine", "Donbas|1|Ukraine", "Catalonia|0|Spain", "Bavaria|0|Germany", "Patagonia|0|Argentina",
        "Xinjiang|0|China", "Tibet|0|China", "Quebec|0|Canada", "Texas|0|United States", "California|0|United States",
        "Florida|0|United States", "Scotland|0|United Kingdom", "Wales|0|United Kingdom", "Siberia|0|Russia", "Andalusia|0|Spain",
        "Lombardy|0|Italy", "Punjab|0|India", "Hokkaido|0|Japan", "Mindanao|0|Philippines", "Tigray|0|Ethiopia",
        "Darfur|0|-", "Kurdistan Region|1|Iraq", "Zulia|0|Venezuela", "Rio Grande do Sul|0|Brazil", "Mato Grosso|0|Brazil",
        "Île-de-France|0|France", "Baden-Württemberg|0|Germany", "Chiapas|0|Mexico", "Balochistan|0|Pakistan", "Kerala|0|India",
    ]
}
