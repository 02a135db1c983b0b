extension BuiltInLists {
    /// Capitals and large cities: `Name|aliases`.
    static let cities = """
    Kabul
    Tirana
    Algiers
    Luanda
    Buenos Aires
    Yerevan
    Canberra
    Sydney
    Melbourne
    Brisbane
    Perth
    Adelaide
    Vienna
    Baku
    Nassau
    Manama
    Dhaka|Dacca
    Chittagong
    Minsk
    Brussels
    Antwerp
    Ghent
    La Paz
    Sarajevo
    Gaborone
    Brasilia
    Sao Paulo
    Rio de Janeiro|Rio
    Belo Horizonte
    Recife
    Porto Alegre
    Sofia
    Ouagadougou
    Phnom Penh
    Yaounde
    Douala
    Ottawa
    Toronto
    Montreal
    Vancouver
    Calgary
    Edmonton
    Winnipeg
    Halifax
    N'Djamena
    Santiago
    Valparaiso
    Beijing|Peking
    Shanghai
    Guangzhou|Canton
    Shenzhen
    Tianjin
    Chongqing
    Wuhan
    Chengdu
    Nanjing
    Hangzhou
    Xian|Xi'an
    Harbin
    Shenyang
    Dalian
    Qingdao
    Xiamen
    Urumqi
    Lhasa
    Bogota
    Medellin
    Cali
    Cartagena
    Kinshasa
    Brazzaville
    San Jose
    Zagreb
    Havana
    Nicosia
    Prague
    Brno
    Copenhagen
    Santo Domingo
    Quito
    Guayaquil
    Cairo
    Alexandria
    Giza
    San Salvador
    Asmara
    Tallinn
    Addis Ababa
    Helsinki
    Paris
    Marseille|Marseilles
    Lyon|Lyons
    Toulouse
    Nice
    Nantes
    Strasbourg
    Bordeaux
    Lille
    Tbilisi
    Berlin
    Hamburg
    Munich
    Cologne
    Frankfurt
    Stuttgart
    Duesseldorf|Dusseldorf
    Dortmund
    Essen
    Leipzig
    Dresden
    Hanover|Hannover
    Nuremberg
    Bremen
    Bonn
    Accra
    Athens
    Thessaloniki
    Guatemala City
    Conakry
    Georgetown
    Port-au-Prince
    Tegucigalpa
    Budapest
    Reykjavik
    New Delhi
    Delhi
    Mumbai|Bombay
    Kolkata|Calcutta
    Chennai|Madras
    Bangalore|Bengaluru
    Hyderabad
    Ahmedabad
    Pune
    Jaipur
    Lucknow
    Kanpur
    Srinagar
    Amritsar
    Jakarta
    Surabaya
    Bandung
    Medan
    Bali
    Tehran|Teheran
    Isfahan
    Mashhad
    Tabriz
    Baghdad
    Basra
    Mosul
    Kirkuk
    Erbil|Arbil
    Fallujah
    Dublin
    Cork
    Jerusalem
    Tel Aviv
    Haifa
    Rome
    Milan
    Naples
    Turin
    Florence
    Venice
    Genoa
    Bologna
    Palermo
    Kingston
    Tokyo
    Osaka
    Yokohama
    Kyoto
    Kobe
    Nagoya
    Sapporo
    Fukuoka
    Hiroshima
    Nagasaki
    Amman
    Astana|Nur-Sultan
    Almaty|Alma-Ata
    Nairobi
    Mombasa
    Pristina
    Kuwait City
    Bishkek
    Vientiane
    Riga
    Beirut
    Maseru
    Monrovia
    Tripoli
    Benghazi
    Vilnius
    Antananarivo
    Lilongwe
    Kuala Lumpur
    Bamako
    Timbuktu
    Valletta
    Nouakchott
    Mexico City
    Guadalajara
    Monterrey
    Tijuana
    Cancun
    Acapulco
    Chisinau
    Ulan Bator|Ulaanbaatar
    Podgorica
    Rabat
    Casablanca
    Marrakesh|Marrakech
    Tangier
    Maputo
    Yangon|Rangoon
    Naypyidaw
    Mandalay
    Windhoek
    Kathmandu
    Amsterdam
    Rotterdam
    The Hague
    Utrecht
    Eindhoven
    Wellington
    Auckland
    Christchurch
    Managua
    Niamey
    Abuja
    Lagos
    Kano
    Ibadan
    Pyongyang
    Skopje
    Oslo
    Bergen
    Muscat
    Islamabad
    Karachi
    Lahore
    Peshawar
    Rawalpindi
    Quetta
    Ramallah
    Panama City
    Port Moresby
    Asuncion
    Lima
    Manila
    Cebu
    Davao
    Warsaw
    Krakow
    Gdansk
    Wroclaw
    Lodz
    Poznan
    Lisbon
    Porto|Oporto
    Doha
    Bucharest
    Cluj
    Moscow
    St. Petersburg|Saint Petersburg,Leningrad
    Novosibirsk
    Yekaterinburg
    Nizhny Novgorod
    Kazan
    Samara
    Omsk
    Rostov
    Volgograd
    Vladivostok
    Murmansk
    Grozny
    Sochi
    Kaliningrad
    Kigali
    Riyadh
    Jeddah
    Mecca
    Medina
    Dakar
    Belgrade
    Novi Sad
    Freetown
    Bratislava
    Ljubljana
    Mogadishu
    Pretoria
    Johannesburg
    Cape Town
    Durban
    Soweto
    Port Elizabeth
    Seoul
    Busan|Pusan
    Incheon
    Juba
    Madrid
    Barcelona
    Valencia
    Seville
    Bilbao
    Malaga
    Zaragoza
    Colombo
    Khartoum
    Paramaribo
    Stockholm
    Gothenburg
    Malmo
    Bern|Berne
    Zurich
    Geneva
    Basel
    Lausanne
    Davos
    Damascus
    Aleppo
    Homs
    Raqqa
    Idlib
    Taipei
    Kaohsiung
    Dushanbe
    Dodoma
    Dar es Salaam
    Zanzibar
    Bangkok
    Chiang Mai
    Phuket
    Lome
    Tunis
    Ankara
    Istanbul
    Izmir
    Antalya
    Diyarbakir
    Ashgabat
    Kampala
    Kiev|Kyiv
    Kharkiv|Kharkov
    Odessa|Odesa
    Donetsk
    Luhansk|Lugansk
    Lviv
    Sevastopol
    Abu Dhabi
    Dubai
    Sharjah
    London
    Manchester
    Birmingham
    Liverpool
    Leeds
    Glasgow
    Edinburgh
    Cardiff
    Belfast
    Bristol
    Sheffield
    Newcastle
    Nottingham
    Leicester
    Southampton
    Oxford
    Cambridge
    Aberdeen
    Coventry
    Brighton
    Washington|Washington D.C.,Washington DC
    New York|New York City,NYC
    Los Angeles|L.A.
    Chicago
    Houston
    Phoenix
    Philadelphia
    San Antonio
    San Diego
    Dallas
    Austin
    Jacksonville
    Fort Worth
    Columbus
    Charlotte
    San Francisco
    Indianapolis
    Seattle
    Denver
    Boston
    El Paso
    Nashville
    Detroit
    Oklahoma City
    Portland
    Las Vegas
    Memphis
    Louisville
    Baltimore
    Milwaukee
    Albuquerque
    Tucson
    Fresno
    Sacramento
    Kansas City
    Atlanta
    Miami
    Raleigh
    Omaha
    Minneapolis
    St. Paul
    Cleveland
    Tulsa
    Oakland
    Tampa
    New Orleans
    Honolulu
    Anchorage
    Pittsburgh
    Cincinnati
    St. Louis
    Orlando
    Buffalo
    Salt Lake City
    Richmond
    Hartford
    Newark
    Palo Alto
    Silicon Valley
    Cupertino
    Redmond
    Mountain View
    Menlo Park
    Greenwich
    Stamford
    Princeton
    Annapolis
    Albany
    Boise
    Des Moines
    Little Rock
    Tallahassee
    Springfield
    Lansing
    Harrisburg
    Trenton
    Dover
    Montpelier
    Augusta
    Columbia
    Charleston
    Frankfort
    Topeka
    Cheyenne
    Carson City
    Olympia
    Salem
    Santa Fe
    Juneau
    Havana
    Caracas
    Maracaibo
    Valencia
    Maracay
    Barquisimeto
    Montevideo
    Tashkent
    Samarkand
    Hanoi
    Ho Chi Minh City|Saigon
    Da Nang
    Sanaa|Sana'a
    Aden
    Lusaka
    Harare
    Bulawayo
    Hong Kong
    Macau
    Singapore
    Monaco
    Luxembourg
    Andorra la Vella
    San Marino
    Vaduz
    Gaza City
    Hebron
    Nablus
    Bethlehem
    Jenin
    Nazareth
    Sderot
    Kandahar
    Herat
    Mazar-i-Sharif
    Jalalabad
    Kunduz
    Kashgar
    Benghazi
    Misrata
    Sirte
    Port Said
    Suez
    Luxor
    Aswan
    Sharm el-Sheikh
    Agadez
    Timbuktu
    Goma
    Lubumbashi
    Kisangani
    Bujumbura
    Bangui
    Libreville
    Malabo
    Banjul
    Bissau
    Praia
    Abidjan
    Yamoussoukro
    Porto-Novo
    Cotonou
    Mbabane
    Victoria
    Port Louis
    Moroni
    Djibouti
    Hargeisa
    Kismayo
    Mogadishu
    Omdurman
    Darfur
    Belmopan
    Bridgetown
    Castries
    Roseau
    Basseterre
    St. John's
    Port of Spain
    San Juan
    Nuuk
    Suva
    Apia
    Nuku'alofa
    Port Vila
    Honiara
    Majuro
    Tarawa
    Funafuti
    Dili
    Bandar Seri Begawan
    Thimphu
    Rangoon
    Cannes
    Monte Carlo
    Salzburg
    Innsbruck
    Graz
    Linz
    Rotterdam
    Bruges
    Liege
    Charleroi
    Lausanne
    Lugano
    Seville
    Granada
    Cordoba
    Pamplona
    San Sebastian
    Santander
    Tarragona
    Palma
    Ibiza
    Oviedo
    Valladolid
    Coimbra
    Braga
    Faro
    Turin
    Verona
    Pisa
    Bari
    Catania
    Trieste
    Parma
    Modena
    Siena
    Perugia
    Dubrovnik
    Mostar
    Banja Luka
    Tuzla
    Srebrenica
    Kosice
    Plovdiv
    Varna
    Constanta
    Timisoara
    Iasi
    Brasov
    Debrecen
    Szeged
    Tartu
    Kaunas
    Klaipeda
    Gomel
    Brest
    Minsk
    Tomsk
    Irkutsk
    Krasnoyarsk
    Chelyabinsk
    Ufa
    Saratov
    Voronezh
    Magadan
    Yakutsk
    Khabarovsk
    Nalchik
    Makhachkala
    Vladikavkaz
    Tskhinvali
    Sukhumi
    Batumi
    Gyumri
    Ganja
    Stepanakert
    Osh
    Khujand
    Nukus
    Bukhara
    Karaganda
    Shymkent
    Aktau
    Uralsk
    Kabul
    Haifa
    Eilat
    Ashdod
    Beersheba
    Tyre
    Sidon
    Tripoli
    Latakia
    Deir ez-Zor
    Hama
    Daraa
    Kobani
    Najaf
    Karbala
    Tikrit
    Ramadi
    Samarra
    Sulaimaniya
    Qom
    Shiraz
    Ahvaz
    Bushehr
    Natanz
    Abadan
    Kerman
    Yazd
    Dammam
    Dhahran
    Taif
    Tabuk
    Salalah
    Fujairah
    Ras al-Khaimah
    Multan
    Faisalabad
    Hyderabad
    Sialkot
    Abbottabad
    Gwadar
    Kolkata
    Patna
    Varanasi
    Agra
    Bhopal
    Indore
    Nagpur
    Surat
    Kochi
    Thiruvananthapuram
    Goa
    Chandigarh
    Guwahati
    Mysore
    Kandy
    Jaffna
    Galle
    Sylhet
    Khulna
    Pokhara
    Lhasa
    Chittagong
    Yogyakarta
    Semarang
    Makassar
    Palembang
    Aceh
    Penang
    Johor Bahru
    Ipoh
    Kuching
    Kota Kinabalu
    Pattaya
    Haiphong
    Siem Reap
    Luang Prabang
    Quezon City
    Makati
    Zamboanga
    Incheon
    Daegu
    Gwangju
    Daejeon
    Ulsan
    Kaesong
    Sendai
    Kawasaki
    Okinawa
    Naha
    Nara
    Kumamoto
    Niigata
    Kagoshima
    Kyushu
    Suzhou
    Ningbo
    Zhengzhou
    Changsha
    Kunming
    Nanning
    Hefei
    Jinan
    Fuzhou
    Lanzhou
    Taiyuan
    Shijiazhuang
    Changchun
    Guiyang
    Hohhot
    Yinchuan
    Xining
    Haikou
    Sanya
    Dongguan
    Foshan
    Wenzhou
    Zhuhai
    Taichung
    Tainan
    Hsinchu
    Darwin
    Hobart
    Cairns
    Gold Coast
    Newcastle
    Canberra
    Dunedin
    Quebec City
    Victoria
    Saskatoon
    Mississauga
    Puebla
    Juarez|Ciudad Juarez
    Culiacan
    Veracruz
    Merida
    Oaxaca
    Chihuahua
    Morelia
    Guadalajara
    Managua
    San Pedro Sula
    Panama City
    Barranquilla
    Cucuta
    Bucaramanga
    Cuenca
    Arequipa
    Cusco|Cuzco
    Trujillo
    Iquitos
    Santa Cruz
    Cochabamba
    Sucre
    Rosario
    Cordoba
    Mendoza
    Mar del Plata
    La Plata
    Bahia Blanca
    Punta Arenas
    Concepcion
    Antofagasta
    Fortaleza
    Manaus
    Belem
    Curitiba
    Campinas
    Goiania
    Florianopolis
    Maceio
    Vitoria
    Ciudad Guayana
    Maturin
    Barinas
    Valencia
    Ciudad Bolivar
    San Cristobal
    Punto Fijo
    """
}
