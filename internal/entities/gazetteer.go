package entities

import (
	"slices"
	"strings"

	cldr "golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/storyline/storyline/internal/fold"
)

// The gazetteer: countries, regions, capitals and major cities,
// organisations and a few people in the news, each with its names in
// English, French, German, Spanish, Italian, Portuguese, Dutch and Russian
// (and the local spelling where it differs). A known entry gives a mention
// its kind and its key, the English name in lower case, so that every
// spelling of it meets: Biélorussie, Bélarus, Weißrussland and Беларусь
// all have the key "belarus".
//
// Names are separated by "|". Names of three letters or fewer written in
// capitals (US, UN, UE) match only words written in capitals, so the
// pronoun "us" and the article "un" stay what they are. A name may start
// with a lower-case word ("mer Noire"); it is then looked for at that word.
//
// The entries below are written by hand; every country's name in 21
// languages is then added from CLDR (see addCountries).
//
// For people, the first name is the canonical one, and the surname of every
// name is also entered alone: "Poutine" is Putin, and a surname the phonetic
// key would not fold (Selenskyj) takes the canonical surname's key inside
// any full name.
type entry struct {
	kind  Kind
	key   string
	names string
}

var entries = []entry{
	// Countries.
	{Place, "afghanistan", "Afghanistan|Afganistán|Afeganistão|Afganistan|Афганистан"},
	{Place, "albania", "Albania|Albanie|Albanien|Albânia|Albanië|Албания"},
	{Place, "algeria", "Algeria|Algérie|Algerien|Argelia|Argélia|Algerije|Алжир"},
	{Place, "argentina", "Argentina|Argentine|Argentinien|Argentinië|Аргентина"},
	{Place, "armenia", "Armenia|Arménie|Armenien|Armênia|Arménia|Armenië|Армения"},
	{Place, "australia", "Australia|Australie|Australien|Austrália|Australië|Австралия"},
	{Place, "austria", "Austria|Autriche|Österreich|Áustria|Oostenrijk|Австрия"},
	{Place, "azerbaijan", "Azerbaijan|Azerbaïdjan|Aserbaidschan|Azerbaiyán|Azerbaigian|Azerbaijão|Azerbeidzjan|Азербайджан"},
	{Place, "bangladesh", "Bangladesh|Bangladesch|Бангладеш"},
	{Place, "belarus", "Belarus|Bélarus|Belarús|Biélorussie|Bielorussie|Weißrussland|Weissrussland|Bielorrusia|Bielorussia|Bielorrússia|Wit-Rusland|Byelorussia|Belorussia|Republic of Belarus|République du Bélarus|République de Biélorussie|République de Belarus|Republik Belarus|Беларусь|Белоруссия|Республика Беларусь|Рэспубліка Беларусь"},
	{Place, "belgium", "Belgium|Belgique|Belgien|Bélgica|Belgio|België|Бельгия"},
	{Place, "bolivia", "Bolivia|Bolivie|Bolivien|Bolívia|Боливия"},
	{Place, "bosnia and herzegovina", "Bosnia and Herzegovina|Bosnia|Bosnie-Herzégovine|Bosnie|Bosnien und Herzegowina|Bosnien|Bosnia y Herzegovina|Bosnia ed Erzegovina|Bósnia|Bosnië|Босния и Герцеговина|Босния"},
	{Place, "brazil", "Brazil|Brésil|Brasilien|Brasil|Brasile|Brazilië|Бразилия"},
	{Place, "bulgaria", "Bulgaria|Bulgarie|Bulgarien|Bulgária|Bulgarije|Болгария"},
	{Place, "cameroon", "Cameroon|Cameroun|Kamerun|Camerún|Camarões|Kameroen|Камерун"},
	{Place, "canada", "Canada|Kanada|Canadá|Канада"},
	{Place, "chile", "Chile|Chili|Cile|Чили"},
	{Place, "china", "China|Chine|Cina|Китай|République populaire de Chine|Volksrepublik China|República Popular China|Repubblica Popolare Cinese"},
	{Place, "colombia", "Colombia|Colombie|Kolumbien|Colômbia|Колумбия"},
	{Place, "croatia", "Croatia|Croatie|Kroatien|Croacia|Croazia|Croácia|Kroatië|Хорватия"},
	{Place, "cuba", "Cuba|Kuba|Куба"},
	{Place, "cyprus", "Cyprus|Chypre|Zypern|Chipre|Cipro|Кипр"},
	{Place, "czech republic", "Czech Republic|Czechia|République tchèque|Tchéquie|Tschechien|Tschechische Republik|República Checa|Chequia|Repubblica Ceca|Cechia|República Tcheca|Tchéquia|Tsjechië|Чехия"},
	{Place, "democratic republic of the congo", "Democratic Republic of the Congo|DR Congo|DRC|RDC|RD Congo|République démocratique du Congo|Demokratische Republik Kongo|República Democrática del Congo|Repubblica Democratica del Congo|República Democrática do Congo|Democratische Republiek Congo|ДР Конго"},
	{Place, "congo", "Congo|Kongo|Конго"},
	{Place, "denmark", "Denmark|Danemark|Dänemark|Dinamarca|Danimarca|Denemarken|Дания"},
	{Place, "ecuador", "Ecuador|Équateur|Equador|Эквадор"},
	{Place, "egypt", "Egypt|Égypte|Ägypten|Egipto|Egitto|Egito|Egypte|Египет"},
	{Place, "estonia", "Estonia|Estonie|Estland|Estônia|Estónia|Эстония"},
	{Place, "ethiopia", "Ethiopia|Éthiopie|Äthiopien|Etiopía|Etiopia|Etiópia|Ethiopië|Эфиопия"},
	{Place, "finland", "Finland|Finlande|Finnland|Finlandia|Finlândia|Финляндия"},
	{Place, "france", "France|Frankreich|Francia|França|Frankrijk|Франция"},
	{Place, "georgia", "Georgia|Géorgie|Georgien|Geórgia|Georgië|Грузия"},
	{Place, "germany", "Germany|Allemagne|Deutschland|Alemania|Germania|Alemanha|Duitsland|Германия|Federal Republic of Germany|République fédérale d'Allemagne|Bundesrepublik Deutschland|Bundesrepublik"},
	{Place, "ghana", "Ghana|Gana|Гана"},
	{Place, "greece", "Greece|Grèce|Griechenland|Grecia|Grécia|Griekenland|Греция|Ελλάδα|Ελλάς"},
	{Place, "haiti", "Haiti|Haïti|Haití|Гаити"},
	{Place, "hungary", "Hungary|Hongrie|Ungarn|Hungría|Ungheria|Hungria|Hongarije|Венгрия"},
	{Place, "iceland", "Iceland|Islande|Islandia|Islanda|Islândia|IJsland|Исландия"},
	{Place, "india", "India|Inde|Indien|Índia|Индия"},
	{Place, "indonesia", "Indonesia|Indonésie|Indonesien|Indonésia|Indonesië|Индонезия"},
	{Place, "iran", "Iran|Irán|Irã|Irão|Иран"},
	{Place, "iraq", "Iraq|Irak|Iraque|Ирак"},
	{Place, "ireland", "Ireland|Irlande|Irland|Irlanda|Ierland|Ирландия"},
	{Place, "israel", "Israel|Israël|Israele|Израиль"},
	{Place, "italy", "Italy|Italie|Italien|Italia|Itália|Italië|Италия"},
	{Place, "ivory coast", "Ivory Coast|Côte d'Ivoire|Elfenbeinküste|Costa de Marfil|Costa d'Avorio|Costa do Marfim|Ivoorkust|Кот-д'Ивуар"},
	{Place, "japan", "Japan|Japon|Japón|Giappone|Japão|Япония"},
	{Place, "jordan", "Jordan|Jordanie|Jordanien|Jordania|Giordania|Jordânia|Jordanië|Иордания"},
	{Place, "kazakhstan", "Kazakhstan|Kasachstan|Kazajistán|Kazakistan|Cazaquistão|Kazachstan|Казахстан"},
	{Place, "kenya", "Kenya|Kenia|Quênia|Quénia|Кения"},
	{Place, "kosovo", "Kosovo|Kosova|Kósovo|Косово"},
	{Place, "kuwait", "Kuwait|Koweït|Kuwait|Kuveit|Koeweit|Кувейт"},
	{Place, "kyrgyzstan", "Kyrgyzstan|Kirghizistan|Kirgisistan|Kirguistán|Kirghizistan|Quirguistão|Kirgizië|Киргизия|Кыргызстан"},
	{Place, "latvia", "Latvia|Lettonie|Lettland|Letonia|Lettonia|Letônia|Letónia|Letland|Латвия"},
	{Place, "lebanon", "Lebanon|Liban|Libanon|Líbano|Libano|Ливан"},
	{Place, "libya", "Libya|Libye|Libyen|Libia|Líbia|Libië|Ливия"},
	{Place, "lithuania", "Lithuania|Lituanie|Litauen|Lituania|Lituânia|Litouwen|Литва"},
	{Place, "luxembourg", "Luxembourg|Luxemburg|Luxemburgo|Lussemburgo|Люксембург"},
	{Place, "malaysia", "Malaysia|Malaisie|Malasia|Malesia|Malásia|Maleisië|Малайзия"},
	{Place, "mali", "Mali|Мали"},
	{Place, "malta", "Malta|Malte|Мальта"},
	{Place, "mexico", "Mexico|Mexique|Mexiko|México|Messico|Мексика"},
	{Place, "moldova", "Moldova|Moldavie|Moldau|Moldawien|Moldavia|Moldávia|Moldavië|Молдавия|Молдова"},
	{Place, "mongolia", "Mongolia|Mongolie|Mongolei|Mongólia|Mongolië|Монголия"},
	{Place, "montenegro", "Montenegro|Monténégro|Черногория"},
	{Place, "morocco", "Morocco|Maroc|Marokko|Marruecos|Marocco|Marrocos|Марокко"},
	{Place, "mozambique", "Mozambique|Mosambik|Mozambico|Moçambique|Мозамбик"},
	{Place, "myanmar", "Myanmar|Birmanie|Burma|Birma|Birmania|Birmânia|Мьянма"},
	{Place, "nepal", "Nepal|Népal|Непал"},
	{Place, "netherlands", "Netherlands|Pays-Bas|Niederlande|Países Bajos|Paesi Bassi|Países Baixos|Nederland|Holland|Hollande|Holanda|Olanda|Нидерланды"},
	{Place, "new zealand", "New Zealand|Nouvelle-Zélande|Neuseeland|Nueva Zelanda|Nuova Zelanda|Nova Zelândia|Nieuw-Zeeland|Новая Зеландия"},
	{Place, "nigeria", "Nigeria|Nigéria|Нигерия"},
	{Place, "north korea", "North Korea|Corée du Nord|Nordkorea|Corea del Norte|Corea del Nord|Coreia do Norte|Noord-Korea|DPRK|КНДР|Северная Корея"},
	{Place, "north macedonia", "North Macedonia|Macédoine du Nord|Nordmazedonien|Macedonia del Norte|Macedonia del Nord|Macedônia do Norte|Noord-Macedonië|Macedonia|Macédoine|Mazedonien|Северная Македония|Македония"},
	{Place, "norway", "Norway|Norvège|Norwegen|Noruega|Norvegia|Noorwegen|Норвегия"},
	{Place, "oman", "Oman|Omã|Оман"},
	{Place, "pakistan", "Pakistan|Paquistán|Paquistão|Пакистан"},
	{Place, "palestine", "Palestine|Palästina|Palestina|Палестина"},
	{Place, "peru", "Peru|Pérou|Perú|Перу"},
	{Place, "philippines", "Philippines|Philippinen|Filipinas|Filippine|Filipijnen|Филиппины"},
	{Place, "poland", "Poland|Pologne|Polen|Polonia|Polônia|Polónia|Polska|Польша"},
	{Place, "portugal", "Portugal|Portogallo|Португалия"},
	{Place, "puerto rico", "Puerto Rico|Porto Rico|Пуэрто-Рико"},
	{Place, "qatar", "Qatar|Katar|Catar|Катар"},
	{Place, "romania", "Romania|Roumanie|Rumänien|Rumania|Romênia|Roménia|Roemenië|Румыния"},
	{Place, "russia", "Russia|Russie|Russland|Rusia|Rússia|Rusland|Россия|Russian Federation|Fédération de Russie|Russische Föderation|Federación de Rusia|Federazione Russa|Federação Russa|Russische Federatie|Российская Федерация"},
	{Place, "rwanda", "Rwanda|Ruanda|Руанда"},
	{Place, "saudi arabia", "Saudi Arabia|Arabie saoudite|Saudi-Arabien|Arabia Saudita|Arabia Saudí|Arábia Saudita|Saoedi-Arabië|Саудовская Аравия"},
	{Place, "senegal", "Senegal|Sénégal|Сенегал"},
	{Place, "serbia", "Serbia|Serbie|Serbien|Sérvia|Servië|Сербия"},
	{Place, "singapore", "Singapore|Singapour|Singapur|Singapura|Singapore|Сингапур"},
	{Place, "slovakia", "Slovakia|Slovaquie|Slowakei|Eslovaquia|Slovacchia|Eslováquia|Slowakije|Словакия"},
	{Place, "slovenia", "Slovenia|Slovénie|Slowenien|Eslovenia|Eslovénia|Eslovênia|Slovenië|Словения"},
	{Place, "somalia", "Somalia|Somalie|Somália|Somalië|Сомали"},
	{Place, "south africa", "South Africa|Afrique du Sud|Südafrika|Sudáfrica|Sudafrica|África do Sul|Zuid-Afrika|ЮАР|Южная Африка"},
	{Place, "south korea", "South Korea|Corée du Sud|Südkorea|Corea del Sur|Corea del Sud|Coreia do Sul|Zuid-Korea|Южная Корея"},
	{Place, "korea", "Korea|Corée|Corea|Coreia|Корея"},
	{Place, "spain", "Spain|Espagne|Spanien|España|Spagna|Espanha|Spanje|Испания"},
	{Place, "sri lanka", "Sri Lanka|Шри-Ланка"},
	{Place, "sudan", "Sudan|Soudan|Sudán|Sudão|Soedan|Судан"},
	{Place, "sweden", "Sweden|Suède|Schweden|Suecia|Svezia|Suécia|Zweden|Швеция"},
	{Place, "switzerland", "Switzerland|Suisse|Schweiz|Suiza|Svizzera|Suíça|Zwitserland|Швейцария"},
	{Place, "syria", "Syria|Syrie|Syrien|Siria|Síria|Syrië|Сирия"},
	{Place, "taiwan", "Taiwan|Taïwan|Taiwán|Тайвань"},
	{Place, "tajikistan", "Tajikistan|Tadjikistan|Tadschikistan|Tayikistán|Tagikistan|Tajiquistão|Tadzjikistan|Таджикистан"},
	{Place, "tanzania", "Tanzania|Tanzanie|Tansania|Tanzânia|Танзания"},
	{Place, "thailand", "Thailand|Thaïlande|Tailandia|Thailandia|Tailândia|Таиланд"},
	{Place, "tunisia", "Tunisia|Tunisie|Tunesien|Túnez|Tunísia|Tunesië"},
	{Place, "turkey", "Turkey|Turquie|Türkei|Turquía|Turchia|Turquia|Turkije|Türkiye|Турция"},
	{Place, "turkmenistan", "Turkmenistan|Turkménistan|Turkmenistán|Turcomenistão|Туркменистан|Туркмения"},
	{Place, "uganda", "Uganda|Ouganda|Уганда"},
	{Place, "ukraine", "Ukraine|Ucrania|Ucraina|Ucrânia|Oekraïne|Украина|Україна"},
	{Place, "united arab emirates", "United Arab Emirates|UAE|Émirats arabes unis|Vereinigte Arabische Emirate|Emiratos Árabes Unidos|Emirati Arabi Uniti|Emirados Árabes Unidos|Verenigde Arabische Emiraten|ОАЭ"},
	{Place, "united kingdom", "United Kingdom|UK|U.K.|Great Britain|Britain|Royaume-Uni|Grande-Bretagne|Vereinigtes Königreich|Großbritannien|Reino Unido|Gran Bretaña|Regno Unito|Gran Bretagna|Grã-Bretanha|Verenigd Koninkrijk|Groot-Brittannië|Великобритания|Британия"},
	{Place, "united states", "United States|United States of America|USA|US|U.S.|U.S.A.|America|États-Unis|Etats-Unis|Vereinigte Staaten|Estados Unidos|EEUU|Stati Uniti|EUA|Verenigde Staten|США|Соединённые Штаты|Соединенные Штаты"},
	{Place, "uzbekistan", "Uzbekistan|Ouzbékistan|Usbekistan|Uzbekistán|Uzbequistão|Oezbekistan|Узбекистан"},
	{Place, "venezuela", "Venezuela|Венесуэла"},
	{Place, "vietnam", "Vietnam|Viêt Nam|Viet Nam|Vietnã|Vietname|Вьетнам"},
	{Place, "yemen", "Yemen|Yémen|Jemen|Iémen|Йемен"},
	{Place, "zimbabwe", "Zimbabwe|Simbabwe|Zimbabue|Зимбабве"},

	// Regions, seas, continents.
	{Place, "europe", "Europe|Europa|Европа"},
	{Place, "africa", "Africa|Afrique|Afrika|África|Африка"},
	{Place, "asia", "Asia|Asie|Asien|Ásia|Azië|Азия"},
	{Place, "middle east", "Middle East|Moyen-Orient|Proche-Orient|Naher Osten|Nahost|Oriente Medio|Oriente Próximo|Médio Oriente|Oriente Médio|Midden-Oosten|Ближний Восток"},
	{Place, "balkans", "Balkans|Balkan|Balcanes|Balcani|Bálcãs|Балканы"},
	{Place, "caucasus", "Caucasus|Caucase|Kaukasus|Cáucaso|Caucaso|Kaukasus|Кавказ"},
	{Place, "siberia", "Siberia|Sibérie|Sibirien|Sibéria|Siberië|Сибирь"},
	{Place, "crimea", "Crimea|Crimée|Krim|Crimeia|Крым"},
	{Place, "donbas", "Donbas|Donbass|Донбасс|Донбас"},
	{Place, "chechnya", "Chechnya|Tchétchénie|Tschetschenien|Chechenia|Cecenia|Chechênia|Tchetchénia|Tsjetsjenië|Чечня"},
	{Place, "gaza strip", "Gaza|Gaza Strip|bande de Gaza|Gazastreifen|Franja de Gaza|Striscia di Gaza|Faixa de Gaza|Gazastrook|Сектор Газа|Газа"},
	{Place, "west bank", "West Bank|Cisjordanie|Westjordanland|Cisjordania|Cisgiordania|Cisjordânia|Westelijke Jordaanoever|Западный берег"},
	{Place, "catalonia", "Catalonia|Catalogne|Katalonien|Cataluña|Catalunya|Catalogna|Catalunha|Catalonië|Каталония"},
	{Place, "scotland", "Scotland|Écosse|Schottland|Escocia|Scozia|Escócia|Schotland|Шотландия"},
	{Place, "england", "England|Angleterre|Inglaterra|Inghilterra|Engeland|Англия"},
	{Place, "wales", "Wales|Pays de Galles|Gales|Galles|País de Gales|Уэльс"},
	{Place, "northern ireland", "Northern Ireland|Irlande du Nord|Nordirland|Irlanda del Norte|Irlanda del Nord|Irlanda do Norte|Noord-Ierland|Северная Ирландия"},
	{Place, "florida", "Florida|Floride|Флорида"},
	{Place, "california", "California|Californie|Kalifornien|Califórnia|Californië|Калифорния"},
	{Place, "texas", "Texas|Tejas|Техас"},
	{Place, "mediterranean sea", "Mediterranean|Mediterranean Sea|Méditerranée|mer Méditerranée|Mittelmeer|Mediterráneo|mar Mediterráneo|Mediterraneo|mar Mediterraneo|Mediterrâneo|Middellandse Zee|Средиземное море"},
	{Place, "black sea", "Black Sea|mer Noire|Schwarzes Meer|Schwarze Meer|mar Negro|mar Nero|Zwarte Zee|Чёрное море|Черное море"},
	{Place, "baltic sea", "Baltic Sea|mer Baltique|Ostsee|mar Báltico|mar Baltico|Oostzee|Балтийское море"},
	{Place, "arctic", "Arctic|Arctique|Arktis|Ártico|Artico|Арктика"},
	{Place, "antarctica", "Antarctica|Antarctique|Antarktis|Antártida|Antartide|Antártica|Антарктида|Антарктика"},
	{Place, "atlantic ocean", "Atlantic|Atlantic Ocean|Atlantique|océan Atlantique|Atlantik|Atlantischer Ozean|Atlántico|océano Atlántico|Atlantico|oceano Atlantico|Atlântico|oceano Atlântico|Atlantische Oceaan|Атлантический океан|Атлантика"},
	{Place, "pacific ocean", "Pacific|Pacific Ocean|Pacifique|océan Pacifique|Pazifik|Pazifischer Ozean|Pacífico|océano Pacífico|Pacifico|oceano Pacifico|oceano Pacífico|Stille Oceaan|Тихий океан"},
	{Place, "indian ocean", "Indian Ocean|océan Indien|Indischer Ozean|océano Índico|oceano Indiano|oceano Índico|Indische Oceaan|Индийский океан"},
	{Place, "caribbean", "Caribbean|Caribbean Sea|Caraïbes|mer des Caraïbes|Karibik|Karibisches Meer|Caribe|mar Caribe|Caraibi|mar dei Caraibi|Caraíbas|Caraïben|Caribisch gebied|Карибы|Карибское море|Карибский бассейн"},
	{Place, "antilles", "Antilles|Antillen|Antillas|Antille|Antilhas|Антильские острова"},
	{Place, "gulf of mexico", "Gulf of Mexico|golfe du Mexique|Golf von Mexiko|golfo de México|golfo del Messico|golfo do México|Golf van Mexico|Мексиканский залив"},
	{Place, "persian gulf", "Persian Gulf|golfe Persique|Persischer Golf|golfo Pérsico|golfo Persico|Perzische Golf|Персидский залив"},
	{Place, "red sea", "Red Sea|mer Rouge|Rotes Meer|Roten Meer|mar Rojo|mar Rosso|mar Vermelho|Rode Zee|Красное море"},
	{Place, "north sea", "North Sea|mer du Nord|Nordsee|mar del Norte|mare del Nord|mar do Norte|Noordzee|Северное море"},
	{Place, "north america", "North America|Amérique du Nord|Nordamerika|América del Norte|Norteamérica|America del Nord|Nordamerica|América do Norte|Noord-Amerika|Северная Америка"},
	{Place, "south america", "South America|Amérique du Sud|Südamerika|América del Sur|Sudamérica|America del Sud|Sudamerica|América do Sul|Zuid-Amerika|Южная Америка"},
	{Place, "latin america", "Latin America|Amérique latine|Lateinamerika|América Latina|America Latina|Latijns-Amerika|Латинская Америка"},
	{Place, "central america", "Central America|Amérique centrale|Mittelamerika|Zentralamerika|América Central|Centroamérica|America centrale|Centraal-Amerika|Центральная Америка"},
	{Place, "scandinavia", "Scandinavia|Scandinavie|Skandinavien|Escandinavia|Escandinávia|Scandinavië|Скандинавия"},
	{Place, "southeast asia", "Southeast Asia|South-East Asia|Asie du Sud-Est|Südostasien|Sudeste Asiático|Sureste Asiático|Sud-est asiatico|Zuidoost-Azië|Юго-Восточная Азия"},
	{Place, "sahel", "Sahel|Сахель"},

	// Cities.
	{Place, "moscow", "Moscow|Moscou|Moskau|Moscú|Mosca|Moscovo|Moskou|Москва|Масква"},
	{Place, "minsk", "Minsk|Минск|Мінск"},
	{Place, "sochi", "Sochi|Sotchi|Sotschi|Soči|Sochi|Сочи"},
	{Place, "saint petersburg", "Saint Petersburg|St. Petersburg|St Petersburg|Saint-Pétersbourg|Sankt Petersburg|San Petersburgo|San Pietroburgo|São Petersburgo|Sint-Petersburg|Санкт-Петербург"},
	{Place, "kyiv", "Kyiv|Kiev|Kiew|Kíev|Kijów|Kyjiw|Kijev|Kiëv|Киев|Київ"},
	{Place, "kharkiv", "Kharkiv|Kharkov|Kharkiv|Charkiw|Járkov|Charkow|Charkov|Харьков|Харків"},
	{Place, "odesa", "Odesa|Odessa|Одесса|Одеса"},
	{Place, "mariupol", "Mariupol|Marioupol|Мариуполь|Маріуполь"},
	{Place, "donetsk", "Donetsk|Donezk|Donetsk|Донецк|Донецьк"},
	{Place, "luhansk", "Luhansk|Lugansk|Louhansk|Lougansk|Луганск|Луганськ"},
	{Place, "grodno", "Grodno|Hrodna|Гродно|Гродна"},
	{Place, "gomel", "Gomel|Homiel|Homel|Гомель"},
	{Place, "vitebsk", "Vitebsk|Viciebsk|Witebsk|Витебск"},
	{Place, "vilnius", "Vilnius|Wilna|Vilna|Вильнюс"},
	{Place, "riga", "Riga|Рига"},
	{Place, "tallinn", "Tallinn|Tallin|Таллин"},
	{Place, "warsaw", "Warsaw|Varsovie|Warschau|Varsovia|Varsavia|Varsóvia|Warszawa|Варшава"},
	{Place, "chisinau", "Chisinau|Chișinău|Kichinev|Kischinau|Chisináu|Кишинёв|Кишинев"},
	{Place, "tbilisi", "Tbilisi|Tbilissi|Tiflis|Тбилиси"},
	{Place, "yerevan", "Yerevan|Erevan|Eriwan|Ereván|Ierevan|Jerevan|Ереван"},
	{Place, "baku", "Baku|Bakou|Bakú|Баку"},
	{Place, "paris", "Paris|Parigi|París|Париж"},
	{Place, "london", "London|Londres|Londra|Londen|Лондон"},
	{Place, "berlin", "Berlin|Berlino|Berlim|Берлин"},
	{Place, "brussels", "Brussels|Bruxelles|Brüssel|Bruselas|Bruxelas|Brussel|Брюссель"},
	{Place, "washington", "Washington|Washington D.C.|Вашингтон"},
	{Place, "new york", "New York|New York City|NYC|Nueva York|Nova Iorque|Nova York|Нью-Йорк"},
	{Place, "los angeles", "Los Angeles|Лос-Анджелес"},
	{Place, "san francisco", "San Francisco|Сан-Франциско"},
	{Place, "chicago", "Chicago|Чикаго"},
	{Place, "houston", "Houston|Хьюстон"},
	{Place, "miami", "Miami|Майами"},
	{Place, "philadelphia", "Philadelphia|Philadelphie|Filadelfia|Filadélfia|Филадельфия"},
	{Place, "toronto", "Toronto|Торонто"},
	{Place, "montreal", "Montreal|Montréal|Монреаль"},
	{Place, "mexico city", "Mexico City|Ciudad de México|Mexico-Stadt|Città del Messico|Cidade do México|Мехико"},
	{Place, "rio de janeiro", "Rio de Janeiro|Рио-де-Жанейро"},
	{Place, "sao paulo", "São Paulo|Sao Paulo|Сан-Паулу"},
	{Place, "buenos aires", "Buenos Aires|Буэнос-Айрес"},
	{Place, "havana", "Havana|La Havane|Havanna|La Habana|L'Avana|Гавана"},
	{Place, "caracas", "Caracas|Каракас"},
	{Place, "bogota", "Bogota|Bogotá|Богота"},
	{Place, "beijing", "Beijing|Pékin|Peking|Pequim|Pechino|Pekín|Пекин"},
	{Place, "shanghai", "Shanghai|Shanghaï|Schanghai|Xangai|Шанхай"},
	{Place, "hong kong", "Hong Kong|Hongkong|Гонконг"},
	{Place, "tokyo", "Tokyo|Tokio|Tóquio|Токио"},
	{Place, "seoul", "Seoul|Séoul|Seúl|Сеул"},
	{Place, "pyongyang", "Pyongyang|Pjöngjang|Pionyang|Pyongyang|Пхеньян"},
	{Place, "taipei", "Taipei|Taipeh|Taïpei|Тайбэй"},
	{Place, "new delhi", "New Delhi|Delhi|New Delhi|Nouvelle-Delhi|Neu-Delhi|Nueva Delhi|Nuova Delhi|Nova Délhi|Нью-Дели|Дели"},
	{Place, "mumbai", "Mumbai|Bombay|Bombaim|Мумбаи"},
	{Place, "islamabad", "Islamabad|Исламабад"},
	{Place, "kabul", "Kabul|Kaboul|Cabul|Кабул"},
	{Place, "tehran", "Tehran|Téhéran|Teheran|Teherán|Teerã|Teerão|Тегеран"},
	{Place, "baghdad", "Baghdad|Bagdad|Bagdá|Bagdade|Багдад"},
	{Place, "damascus", "Damascus|Damas|Damaskus|Damasco|Дамаск"},
	{Place, "aleppo", "Aleppo|Alep|Halab|Alepo|Алеппо|Халеб"},
	{Place, "beirut", "Beirut|Beyrouth|Beirute|Бейрут"},
	{Place, "amman", "Amman|Amã|Амман"},
	{Place, "jerusalem", "Jerusalem|Jérusalem|Jerusalén|Gerusalemme|Jerusalém|Иерусалим"},
	{Place, "tel aviv", "Tel Aviv|Tel-Aviv|Тель-Авив"},
	{Place, "cairo", "Cairo|Le Caire|Kairo|El Cairo|Il Cairo|Каир"},
	{Place, "riyadh", "Riyadh|Riyad|Riad|Riade|Эр-Рияд"},
	{Place, "doha", "Doha|Доха"},
	{Place, "dubai", "Dubai|Dubaï|Дубай"},
	{Place, "abu dhabi", "Abu Dhabi|Abou Dhabi|Абу-Даби"},
	{Place, "istanbul", "Istanbul|Stamboul|Estambul|Istambul|Стамбул"},
	{Place, "ankara", "Ankara|Анкара"},
	{Place, "athens", "Athens|Athènes|Athen|Atenas|Atene|Athene|Афины"},
	{Place, "rome", "Rome|Rom|Roma|Рим"},
	{Place, "milan", "Milan|Milano|Mailand|Milán|Milão|Милан"},
	{Place, "naples", "Naples|Napoli|Neapel|Nápoles|Napels|Неаполь"},
	{Place, "venice", "Venice|Venise|Venedig|Venecia|Venezia|Veneza|Venetië|Венеция"},
	{Place, "florence", "Florence|Florenz|Florencia|Firenze|Florença|Флоренция"},
	{Place, "madrid", "Madrid|Мадрид"},
	{Place, "barcelona", "Barcelona|Barcelone|Барселона"},
	{Place, "lisbon", "Lisbon|Lisbonne|Lissabon|Lisboa|Lisbona|Лиссабон"},
	{Place, "vienna", "Vienna|Vienne|Wien|Viena|Wenen|Вена"},
	{Place, "prague", "Prague|Prag|Praga|Praag|Прага"},
	{Place, "budapest", "Budapest|Budapeste|Будапешт"},
	{Place, "bucharest", "Bucharest|Bucarest|Bukarest|Bucareste|Boekarest|Бухарест"},
	{Place, "sofia", "Sofia|Sofía|София"},
	{Place, "belgrade", "Belgrade|Belgrad|Belgrado|Белград"},
	{Place, "zagreb", "Zagreb|Загреб"},
	{Place, "munich", "Munich|München|Múnich|Monaco di Baviera|Munique|Мюнхен"},
	{Place, "frankfurt", "Frankfurt|Francfort|Fráncfort|Francoforte|Франкфурт"},
	{Place, "hamburg", "Hamburg|Hambourg|Hamburgo|Amburgo|Гамбург"},
	{Place, "amsterdam", "Amsterdam|Ámsterdam|Амстердам"},
	{Place, "the hague", "The Hague|La Haye|Den Haag|La Haya|L'Aia|Haia|Гаага"},
	{Place, "geneva", "Geneva|Genève|Genf|Ginebra|Ginevra|Genebra|Genève|Женева"},
	{Place, "zurich", "Zurich|Zürich|Zúrich|Zurigo|Цюрих"},
	{Place, "strasbourg", "Strasbourg|Straßburg|Strasburgo|Estrasburgo|Straatsburg|Страсбург"},
	{Place, "marseille", "Marseille|Marseilles|Marsella|Marsiglia|Marselha|Марсель"},
	{Place, "lyon", "Lyon|Lyons|Lione|Лион"},
	{Place, "nice", "Nice|Nizza|Niza|Ницца"},
	{Place, "stockholm", "Stockholm|Estocolmo|Stoccolma|Стокгольм"},
	{Place, "oslo", "Oslo|Осло"},
	{Place, "copenhagen", "Copenhagen|Copenhague|Kopenhagen|Copenaghen|Copenhaga|Копенгаген"},
	{Place, "helsinki", "Helsinki|Helsingfors|Хельсинки"},
	{Place, "dublin", "Dublin|Dublino|Dublim|Дублин"},
	{Place, "edinburgh", "Edinburgh|Édimbourg|Edimburgo|Эдинбург"},
	{Place, "sydney", "Sydney|Sídney|Сидней"},
	{Place, "melbourne", "Melbourne|Мельбурн"},
	{Place, "wellington", "Wellington|Веллингтон"},
	{Place, "auckland", "Auckland|Окленд"},
	{Place, "nairobi", "Nairobi|Найроби"},
	{Place, "lagos", "Lagos|Лагос"},
	{Place, "johannesburg", "Johannesburg|Johannesbourg|Joanesburgo|Йоханнесбург"},
	{Place, "cape town", "Cape Town|Le Cap|Kapstadt|Ciudad del Cabo|Città del Capo|Cidade do Cabo|Kaapstad|Кейптаун"},
	{Place, "algiers", "Algiers|Alger|Algier|Argel|Algeri|Algiers"},
	{Place, "tunis", "Tunis"},
	{Place, "tripoli", "Tripoli|Trípoli|Триполи"},
	{Place, "rabat", "Rabat|Рабат"},
	{Place, "dakar", "Dakar|Дакар"},
	{Place, "bangkok", "Bangkok|Bangkoc|Бангкок"},
	{Place, "jakarta", "Jakarta|Djakarta|Yakarta|Giacarta|Джакарта"},
	{Place, "manila", "Manila|Manille|Манила"},
	// More capitals, with the names news in our languages gives them (the
	// exonyms of the Wikipedia article on each city in those languages).
	{Place, "ottawa", "Ottawa|Оттава"},
	{Place, "canberra", "Canberra|Канберра"},
	{Place, "brasilia", "Brasília|Brasilia|Бразилиа"},
	{Place, "lima", "Lima|Лима"},
	{Place, "santiago", "Santiago|Santiago de Chile|Santiago du Chili|Сантьяго"},
	{Place, "quito", "Quito|Кито"},
	{Place, "montevideo", "Montevideo|Montevidéu|Монтевидео"},
	{Place, "la paz", "La Paz|Ла-Пас"},
	{Place, "addis ababa", "Addis Ababa|Addis-Abeba|Addis Abeba|Adís Abeba|Adis Abeba|Аддис-Абеба"},
	{Place, "khartoum", "Khartoum|Khartum|Jartum|Cartum|Хартум"},
	{Place, "kinshasa", "Kinshasa|Киншаса"},
	{Place, "pretoria", "Pretoria|Претория"},
	{Place, "abuja", "Abuja|Абуджа"},
	{Place, "accra", "Accra|Acra|Аккра"},
	{Place, "kigali", "Kigali|Кигали"},
	{Place, "kampala", "Kampala|Кампала"},
	{Place, "bamako", "Bamako|Бамако"},
	{Place, "niamey", "Niamey|Ниамей"},
	{Place, "mogadishu", "Mogadishu|Mogadiscio|Mogadischu|Mogadíscio|Могадишо"},
	{Place, "bern", "Bern|Berne|Berna|Берн"},
	{Place, "ljubljana", "Ljubljana|Liubliana|Любляна"},
	{Place, "bratislava", "Bratislava|Pressburg|Братислава"},
	{Place, "sarajevo", "Sarajevo|Сараево"},
	{Place, "skopje", "Skopje|Skopie|Скопье"},
	{Place, "tirana", "Tirana|Tirane|Тирана"},
	{Place, "podgorica", "Podgorica|Подгорица"},
	{Place, "pristina", "Pristina|Priština|Prishtina|Приштина"},
	{Place, "nicosia", "Nicosia|Nicosie|Nikosia|Nicósia|Никосия"},
	{Place, "valletta", "Valletta|La Valette|La Valeta|La Valletta|Валлетта"},
	{Place, "reykjavik", "Reykjavik|Reykjavík|Reikiavik|Рейкьявик"},
	{Place, "astana", "Astana|Nur-Sultan|Астана"},
	{Place, "almaty", "Almaty|Alma-Ata|Алматы"},
	{Place, "tashkent", "Tashkent|Tachkent|Taschkent|Taskent|Ташкент"},
	{Place, "bishkek", "Bishkek|Bichkek|Bischkek|Biskek|Бишкек"},
	{Place, "dushanbe", "Dushanbe|Douchanbé|Duschanbe|Dusambé|Душанбе"},
	{Place, "ashgabat", "Ashgabat|Achgabat|Aşgabat|Asjchabad|Ашхабад"},
	{Place, "ulaanbaatar", "Ulaanbaatar|Oulan-Bator|Ulan Bator|Ulán Bator|Ulan-Bator|Улан-Батор"},
	{Place, "kathmandu", "Kathmandu|Katmandou|Katmandu|Katmandú|Катманду"},
	{Place, "dhaka", "Dhaka|Dacca|Dakka|Daca|Дакка"},
	{Place, "kuala lumpur", "Kuala Lumpur|Куала-Лумпур"},
	{Place, "hanoi", "Hanoi|Hanoï|Hanói|Ханой"},
	{Place, "sanaa", "Sanaa|Sana'a|Saná|Sanaá|Сана"},
	{Place, "muscat", "Muscat|Mascate|Maskat|Маскат"},
	{Place, "jeddah", "Jeddah|Djeddah|Dschidda|Yeda|Gedda|Jidá|Джидда"},
	{Place, "gaza city", "Gaza City|Gaza-Stadt|Ciudad de Gaza|Città di Gaza"},

	// Organisations and institutions.
	{Org, "european union", "European Union|EU|UE|Union européenne|Europäische Union|Unión Europea|Unione europea|União Europeia|Europese Unie|Евросоюз|Европейский союз|ЕС"},
	{Org, "united nations", "United Nations|UN|U.N.|ONU|UNO|VN|Nations unies|Organisation des Nations unies|Vereinte Nationen|Naciones Unidas|Nazioni Unite|Nações Unidas|Verenigde Naties|ООН"},
	{Org, "nato", "NATO|OTAN|Nato|Otan|North Atlantic Treaty Organization|Organisation du traité de l'Atlantique nord|НАТО"},
	{Org, "european commission", "European Commission|Commission européenne|Europäische Kommission|EU-Kommission|Comisión Europea|Commissione europea|Comissão Europeia|Europese Commissie|Еврокомиссия"},
	{Org, "european parliament", "European Parliament|Parlement européen|Europäisches Parlament|Europaparlament|Parlamento Europeo|Parlamento Europeu|Europees Parlement|Европарламент"},
	{Org, "european central bank", "European Central Bank|ECB|BCE|EZB|Banque centrale européenne|Europäische Zentralbank|Banco Central Europeo|Banca centrale europea|Banco Central Europeu|Europese Centrale Bank|ЕЦБ"},
	{Org, "eurasian economic union", "Eurasian Economic Union|Union eurasiatique|Union économique eurasiatique|Eurasische Wirtschaftsunion|Unión Económica Euroasiática|Unione economica eurasiatica|União Económica Euroasiática|Евразийский экономический союз|ЕАЭС"},
	{Org, "union state", "Union State|État de l'Union|Unionsstaat|Estado de la Unión|Союзное государство"},
	{Org, "csto", "CSTO|OTSC|ОДКБ|Collective Security Treaty Organization|Organisation du traité de sécurité collective"},
	{Org, "cis", "CIS|CEI|GUS|СНГ|Commonwealth of Independent States|Communauté des États indépendants"},
	{Org, "osce", "OSCE|OSZE|ОБСЕ"},
	{Org, "imf", "IMF|FMI|IWF|МВФ|International Monetary Fund|Fonds monétaire international|Internationaler Währungsfonds|Fondo Monetario Internacional|Fondo monetario internazionale|Fundo Monetário Internacional|Internationaal Monetair Fonds"},
	{Org, "world bank", "World Bank|Banque mondiale|Weltbank|Banco Mundial|Banca mondiale|Wereldbank|Всемирный банк"},
	{Org, "who", "WHO|OMS|ВОЗ|World Health Organization|Organisation mondiale de la santé|Weltgesundheitsorganisation|Organización Mundial de la Salud|Organizzazione mondiale della sanità|Organização Mundial da Saúde|Wereldgezondheidsorganisatie"},
	{Org, "wto", "WTO|OMC|ВТО|World Trade Organization|Organisation mondiale du commerce|Welthandelsorganisation|Organización Mundial del Comercio"},
	{Org, "unesco", "UNESCO|Unesco|ЮНЕСКО"},
	{Org, "unicef", "UNICEF|Unicef|ЮНИСЕФ"},
	{Org, "red cross", "Red Cross|Croix-Rouge|Rotes Kreuz|Cruz Roja|Croce Rossa|Cruz Vermelha|Rode Kruis|ICRC|CICR|IKRK|Красный Крест"},
	{Org, "amnesty international", "Amnesty International|Amnesty"},
	{Org, "human rights watch", "Human Rights Watch|HRW"},
	{Org, "g7", "G7|G-7|Г7"},
	{Org, "g8", "G8|G-8"},
	{Org, "g20", "G20|G-20|Г20"},
	{Org, "opec", "OPEC|OPEP|Opec|ОПЕК"},
	{Org, "fbi", "FBI|ФБР"},
	{Org, "cia", "CIA|ЦРУ"},
	{Org, "kgb", "KGB|КГБ"},
	{Org, "fsb", "FSB|ФСБ"},
	{Org, "interpol", "Interpol|Интерпол"},
	{Org, "europol", "Europol|Европол"},
	{Org, "pentagon", "Pentagon|Pentagone|Pentágono|Pentagono|Пентагон"},
	{Org, "white house", "White House|Maison Blanche|Maison-Blanche|Weißes Haus|Weisses Haus|Casa Blanca|Casa Bianca|Casa Branca|Witte Huis|Белый дом"},
	{Org, "kremlin", "Kremlin|Kreml|Cremlino|Kremlim|Кремль"},
	{Org, "elysee", "Élysée|Elysée|Elysee|palais de l'Élysée|Élysée Palace|Elysée-Palast|Елисейский дворец"},
	{Org, "downing street", "Downing Street"},
	{Org, "bundestag", "Bundestag|Бундестаг"},
	{Org, "state duma", "State Duma|Duma|Douma|Staatsduma|Госдума|Государственная дума"},
	{Org, "gazprom", "Gazprom|Газпром"},
	{Org, "rosneft", "Rosneft|Роснефть"},
	{Org, "hamas", "Hamas|Hamás|Хамас"},
	{Org, "hezbollah", "Hezbollah|Hizbollah|Hisbollah|Hezbolá|Hizbullah|Хезболла"},
	{Org, "taliban", "Taliban|Talibans|Talibã|Талибан"},
	{Org, "al-qaeda", "Al-Qaeda|Al Qaeda|al-Qaida|Al-Qaïda|Al Qaïda|Al-Kaida|Al Kaida|Al Qaida|Аль-Каида"},
	{Org, "islamic state", "Islamic State|ISIS|ISIL|Daech|Daesh|État islamique|Etat islamique|Islamischer Staat|Estado Islámico|Stato islamico|Estado Islâmico|Islamitische Staat|ИГИЛ"},
	{Org, "apple", "Apple"},
	{Org, "google", "Google"},
	{Org, "microsoft", "Microsoft"},
	{Org, "amazon", "Amazon"},
	{Org, "facebook", "Facebook"},
	{Org, "twitter", "Twitter"},
	{Org, "telegram", "Telegram"},
	{Org, "bloomberg", "Bloomberg"},
	{Org, "reuters", "Reuters|Рейтер"},
	{Org, "afp", "AFP|Agence France-Presse|Agence France Presse"},
	{Org, "associated press", "Associated Press|AP"},
	{Org, "bbc", "BBC|Би-би-си"},
	{Org, "cnn", "CNN"},
	{Org, "tass", "TASS|Tass|ТАСС"},
	{Org, "ria novosti", "RIA Novosti|RIA|РИА Новости"},
	{Org, "interfax", "Interfax|Интерфакс"},
	{Org, "bayer", "Bayer"},
	{Org, "monsanto", "Monsanto"},
	{Org, "fifa", "FIFA|Fifa"},
	{Org, "uefa", "UEFA|Uefa"},
	{Org, "ioc", "IOC|CIO|IOK|International Olympic Committee|Comité international olympique|Internationales Olympisches Komitee"},
	{Org, "nba", "NBA"},
	{Org, "nfl", "NFL"},
	{Org, "nasa", "NASA|Nasa|НАСА"},
	{Org, "esa", "ESA|European Space Agency|Agence spatiale européenne"},
	{Org, "general motors", "General Motors|GM"},
	{Org, "general electric", "General Electric|GE"},
	{Org, "champions league", "Champions League|Ligue des champions|Champions-League|Liga de Campeones|Liga dos Campeões|Лига чемпионов"},
	{Org, "premier league", "Premier League"},
	{Other, "nobel prize", "Nobel Prize|Nobel Peace Prize|prix Nobel|prix Nobel de la paix|Nobelpreis|Friedensnobelpreis|premio Nobel|premio Nobel de la Paz|premio Nobel per la pace|Prémio Nobel|Nobelprijs"},
	{Other, "covid-19", "Covid-19|COVID-19|Covid|COVID|Covid 19"},

	// People.
	{Person, "", "Vladimir Putin|Vladimir Poutine|Wladimir Putin|Vladímir Putin|Vladimir Poetin|Владимир Путин"},
	{Person, "", "Alexander Lukashenko|Alexandre Loukachenko|Alexander Lukaschenko|Alexander Lukashenka|Aliaksandr Lukashenka|Alexandr Lukashenko|Aleksandr Lukashenko|Aleksandr Łukaszenka|Aleksandr Lukašenko|Aleksandr Loekasjenko|Alexandre Lukashenko|Alexander Lukaschenka|Александр Лукашенко|Аляксандр Лукашэнка"},
	{Person, "", "Sergei Shoigu|Sergueï Choïgou|Sergej Schoigu|Serguéi Shoigú|Sergej Sjojgoe|Sergey Shoygu|Сергей Шойгу"},
	{Person, "", "Sergei Lavrov|Sergueï Lavrov|Sergej Lawrow|Serguéi Lavrov|Sergey Lavrov|Сергей Лавров"},
	{Person, "", "Dmitry Peskov|Dmitri Peskov|Dmitri Peskow|Dmitrij Peskow|Дмитрий Песков"},
	{Person, "", "Dmitry Medvedev|Dmitri Medvedev|Dmitri Medwedew|Dmitrij Medwedew|Дмитрий Медведев"},
	{Person, "", "Mikhail Mishustin|Mikhaïl Michoustine|Michail Mischustin|Mijaíl Mishustin|Михаил Мишустин"},
	{Person, "", "Alexei Navalny|Alexeï Navalny|Alexej Nawalny|Alekséi Navalni|Alexei Navalni|Aleksej Navalnyj|Алексей Навальный"},
	{Person, "", "Svetlana Tikhanovskaya|Sviatlana Tsikhanouskaya|Svetlana Tikhanovskaïa|Swetlana Tichanowskaja|Svetlana Tijanóvskaya|Svetlana Tichanovskaja|Svetlana Tikhanovskaja|Светлана Тихановская|Святлана Ціханоўская"},
	{Person, "", "Volodymyr Zelensky|Volodymyr Zelenskyy|Volodymyr Zelenskiy|Volodymyr Zelenskyj|Wolodymyr Selenskyj|Volodímir Zelenski|Volodymyr Zelenski|Wolodymyr Zelensky|Volodymyr Zelensky|Володимир Зеленський|Владимир Зеленский"},
	{Person, "", "Emmanuel Macron|Эммануэль Макрон"},
	{Person, "", "Angela Merkel|Ангела Меркель"},
	{Person, "", "Olaf Scholz|Олаф Шольц"},
	{Person, "", "Joe Biden|Джо Байден"},
	{Person, "", "Donald Trump|Дональд Трамп"},
	{Person, "", "Barack Obama|Барак Обама"},
	{Person, "", "Recep Tayyip Erdoğan|Recep Tayyip Erdogan|Реджеп Тайип Эрдоган"},
	{Person, "", "Benjamin Netanyahu|Benyamin Netanyahou|Benjamin Netanjahu|Benjamín Netanyahu|Биньямин Нетаньяху"},
	{Person, "", "Bashar al-Assad|Bachar al-Assad|Baschar al-Assad|Bashar al-Asad|Башар Асад"},
	{Person, "", "Jens Stoltenberg|Йенс Столтенберг"},
	{Person, "", "António Guterres|Antonio Guterres|Антониу Гутерреш"},
	{Person, "", "Ursula von der Leyen|Урсула фон дер Ляйен"},
}

// moreCities and usStates are entered one name each, their key the name in
// lower case; names the entries above already hold are skipped.
const (
	usStates = `Alabama|Alaska|Arizona|Arkansas|Colorado|Connecticut|Delaware|Hawaii|Idaho|Illinois|Indiana|Iowa|
		Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|
		Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|
		Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Utah|Vermont|Virginia|West Virginia|
		Wisconsin|Wyoming`
	moreCities = `Atlanta|Baltimore|Boston|Dallas|Denver|Detroit|Las Vegas|Memphis|Nashville|New Orleans|Oakland|
		Phoenix|Pittsburgh|Portland|Sacramento|San Antonio|San Diego|Seattle|St. Louis|Vancouver|Calgary|Quebec|
		Manchester|Liverpool|Birmingham|Glasgow|Belfast|Cardiff|Cologne|Köln|Düsseldorf|Stuttgart|Dresden|Leipzig|
		Bordeaux|Toulouse|Lille|Nantes|Turin|Torino|Genoa|Genova|Bologna|Palermo|Seville|Sevilla|Valencia|Porto|
		Rotterdam|Antwerp|Anvers|Antwerpen|Krakow|Kraków|Gdansk|Gdańsk|Novosibirsk|Yekaterinburg|Kazan|Kaliningrad|
		Volgograd|Vladivostok|Murmansk|Kherson|Zaporizhzhia|Dnipro|Lviv|Lvov|Bakhmut|Mogilev|Brest|Karachi|Lahore|
		Kolkata|Chennai|Bangalore|Bengaluru|Hyderabad|Dhaka|Osaka|Kyoto|Hiroshima|Fukushima|Busan|Guangzhou|
		Shenzhen|Wuhan|Lhasa|Hanoi|Kuala Lumpur|Perth|Brisbane|Adelaide|Christchurch|Lima|Santiago|Montevideo|
		Quito|La Paz|Kinshasa|Khartoum|Addis Ababa|Mogadishu|Accra|Abuja|Casablanca|Marrakech|Benghazi|Mosul|
		Basra|Kandahar|Ramallah|Haifa|Eilat|Medina|Mecca|Aden|Sanaa`
)

var (
	// gazIndex maps the phrase hash of an alias to its entry, and the hash
	// of every proper prefix of a longer alias to -1, so a look-up can stop
	// as soon as no alias goes on.
	gazIndex = map[uint64]int32{}
	// acrIndex holds short aliases written in capitals.
	acrIndex = map[uint64]int32{}
	// surnames maps the hash of a known person's surname, in any of its
	// spellings, to the key of the canonical surname.
	surnames = map[uint64]string{}
	// lowerStarts is a bit set of the first-word hashes of aliases that
	// start with a lower-case word.
	lowerStarts [16]uint64
	// maxGaz is the longest alias in tokens.
	maxGaz = 1
)

func init() {
	var d doc
	// People first: their surname spellings shape their keys.
	for e := range entries {
		if entries[e].kind != Person {
			continue
		}
		names := strings.Split(entries[e].names, "|")
		d.reset("")
		d.scan(names[0])
		last := len(d.toks) - 1
		surname := string(d.appendKey(nil, last, last+1, true))
		for _, n := range names {
			d.reset("")
			d.scan(n)
			surnames[d.toks[len(d.toks)-1].hash] = surname
		}
		d.reset("")
		d.scan(names[0])
		entries[e].key = string(d.appendKey(nil, 0, len(d.toks), true))
		// The surname alone is a person too.
		entries = append(entries, entry{kind: Person, key: surname})
		s := int32(len(entries) - 1)
		for _, n := range names {
			d.reset("")
			d.scan(n)
			indexAlias(&d, len(d.toks)-1, len(d.toks), s)
		}
	}
	for _, n := range strings.Split(usStates+"|"+moreCities, "|") {
		n = strings.TrimSpace(n)
		d.reset("")
		d.scan(n)
		if _, ok := gazetteerPhrase(d.toks); ok || len(d.toks) == 0 {
			continue
		}
		entries = append(entries, entry{kind: Place, key: fold.String(n), names: n})
		indexAlias(&d, 0, len(d.toks), int32(len(entries)-1))
	}
	for e := range entries {
		if entries[e].names == "" {
			continue
		}
		for _, n := range strings.Split(entries[e].names, "|") {
			d.reset("")
			d.scan(n)
			indexAlias(&d, 0, len(d.toks), int32(e))
		}
	}
	addCountries(&d)
}

// countryLanguages are the languages whose names for every country the
// gazetteer takes from CLDR: the languages storyline reads and their
// neighbours in Latin, Cyrillic and Greek script, where a name is
// capitalised, and Arabic, where only the gazetteer tells a name. (Chinese
// and Japanese, written without spaces, would need a word splitter first.)
var countryLanguages = []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "be", "pl", "cs", "el", "tr", "ro", "sv", "da", "nb", "fi", "hu", "ar"}

// addCountries enters the names of every country in countryLanguages, as
// CLDR (the Unicode Common Locale Data Repository, in golang.org/x/text)
// gives them: a well-kept table of some 250 countries in a hundred
// languages, where the hand-written entries above hold the countries news
// in our languages names most and their other spellings. A country the
// entries above hold gets the names they lack under its key; another
// country gets a new entry, keyed by its English name. A qualifier is
// dropped ("Saint-Martin (partie néerlandaise)"), so that a country whose
// name is then another's joins it: Sint Maarten and Saint-Martin are one
// island. A name that another entry already claims is left out, and so is
// a name of one word that is short or a word of the lexicon in some
// language ("Man", "Maurice", German "Island" for Iceland).
func addCountries(d *doc) {
	names := make([]display.Namer, len(countryLanguages))
	for i, l := range countryLanguages {
		names[i] = display.Regions(cldr.MustParse(l))
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			region, err := cldr.ParseRegion(string([]rune{a, b}))
			if err != nil || !region.IsCountry() || region.Canonicalize() != region {
				continue
			}
			var aliases []string
			for _, n := range names {
				name := n.Name(region)
				if i := strings.Index(name, " ("); i > 0 {
					name = name[:i]
				}
				if name != "" && name != region.String() && !slices.Contains(aliases, name) {
					aliases = append(aliases, name)
				}
			}
			if len(aliases) == 0 {
				continue
			}
			e := int32(-1)
			for _, n := range aliases {
				d.reset("")
				d.scan(n)
				if got, ok := gazetteerPhrase(d.toks); ok && entries[got].kind == Place {
					e = got
					break
				}
			}
			if e < 0 {
				d.reset("")
				d.scan(aliases[0])
				entries = append(entries, entry{kind: Place, key: normalised(d)})
				e = int32(len(entries) - 1)
			}
			for _, n := range aliases {
				d.reset("")
				d.scan(n)
				if len(d.toks) == 0 || len(d.toks) == 1 && (d.toks[0].letters <= 3 || lexicon[d.toks[0].hash] != lex{}) {
					continue // "Man", "Maurice", German "Island": words as much as countries
				}
				if _, ok := gazetteerPhrase(d.toks); ok {
					continue // its own (already entered) or another's
				}
				indexAlias(d, 0, len(d.toks), e)
			}
		}
	}
}

// normalised is the normalised words of d, joined by spaces.
func normalised(d *doc) string {
	var b []byte
	for _, t := range d.toks {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, d.norm[t.ns:t.ne]...)
	}
	return string(b)
}

// indexAlias enters the alias d.toks[i:j] for entry e.
func indexAlias(d *doc, i, j int, e int32) {
	if j <= i {
		return
	}
	t := &d.toks[i]
	if j-i == 1 && t.letters <= 3 && t.flags&tDigit == 0 && t.flags&(tAllCaps|tDotted) != 0 {
		acrIndex[t.hash] = e
		return
	}
	if t.flags&(tCap|tAllCaps) == 0 {
		lowerStarts[t.hash>>58&15] |= 1 << (t.hash & 63)
	}
	h := t.hash
	for k := i; k < j; k++ {
		if k > i {
			h = mix(h, d.toks[k].hash)
		}
		if k == j-1 {
			if old, ok := gazIndex[h]; !ok || old < 0 {
				gazIndex[h] = e
			}
		} else if _, ok := gazIndex[h]; !ok {
			gazIndex[h] = -1
		}
	}
	maxGaz = max(maxGaz, j-i)
}

// mayStartLower reports whether an alias may start with the lower-case
// word of hash h.
func mayStartLower(h uint64) bool {
	return lowerStarts[h>>58&15]&(1<<(h&63)) != 0
}

// gazetteerPhrase returns the entry whose alias is exactly toks.
func gazetteerPhrase(toks []token) (int32, bool) {
	if len(toks) == 0 {
		return 0, false
	}
	if len(toks) == 1 && toks[0].flags&(tAllCaps|tDotted) != 0 {
		if e, ok := acrIndex[toks[0].hash]; ok {
			return e, true
		}
	}
	h := toks[0].hash
	for k := 1; k < len(toks); k++ {
		h = mix(h, toks[k].hash)
	}
	e, ok := gazIndex[h]
	return e, ok && e >= 0
}

// gazMatch returns the length in tokens of the longest alias that starts at
// token i, within the line, and its entry.
func (d *doc) gazMatch(i, end int) (int, int32) {
	t := &d.toks[i]
	best, be := 0, int32(-1)
	if t.flags&(tAllCaps|tDotted) != 0 {
		if e, ok := acrIndex[t.hash]; ok {
			best, be = 1, e
		}
	}
	h := t.hash
	for k := i; k < end && k-i < maxGaz; k++ {
		if k > i {
			if d.toks[k].flags&tBreak != 0 {
				break
			}
			h = mix(h, d.toks[k].hash)
		}
		e, ok := gazIndex[h]
		if !ok {
			break
		}
		if e >= 0 {
			best, be = k-i+1, e
		}
	}
	if best == 0 && d.nounCase && t.ne-t.ns > 4 && d.norm[t.ne-1] == 's' {
		// German genitive: "Barcelonas", "Russlands".
		if e, ok := gazIndex[hashWord(d.norm[t.ns:t.ne-1])]; ok && e >= 0 {
			best, be = 1, e
		}
	}
	return best, be
}
