// The words of figures in Arabic, Persian and Hebrew, for the figure reader (figures.ts):
// units, multipliers, qualifiers, month names and the words that end a counted noun. Arabic
// glues its conjunction and prepositions to the next word ("بنحو" = "by about", "وأكثر" =
// "and more"), so the first word of each Arabic phrase is also listed with them.

/** Arabic-Indic and Persian digits, and the Arabic decimal and thousands separators. */
export const RTL_DIGITS = '٠-٩۰-۹';
const DIGIT_OFFSETS: [number, number][] = [
  [0x0660, 0x0669],
  [0x06f0, 0x06f9],
];

/** A number token in ASCII ("٣٫٥" → "3.5", "۱۲۰" → "120", "١٬٢٠٠" → "1,200"); same length. */
export function asciiNumber(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const range = DIGIT_OFFSETS.find(([lo, hi]) => code >= lo && code <= hi);
    if (range) out += String(code - range[0]);
    else if (ch === '٫') out += '.';
    else if (ch === '٬') out += ',';
    else out += ch;
  }
  return out;
}

/** Arabic script (Persian and Urdu letters included). */
const ARABIC = /[\u0600-\u06ff]/u;

/**
 * An Arabic-script word as the reader compares it: without short vowels, tanween and tatweel,
 * with every alef as a bare alef and final yeh as dotless ("أكثرُ" and "اكثر" match, "حوالي" and
 * "حوالى"). Other scripts are left as they are.
 */
export function rtlKey(word: string): string {
  if (!ARABIC.test(word)) return word;
  return word
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ي(?=$|\s)/gu, 'ى');
}

const keyed = <T>(entries: [string, T][]): [string, T][] =>
  entries.map(([phrase, value]) => [phrase.split(' ').map(rtlKey).join(' '), value]);

/** The Arabic clitics a phrase's first word may carry: "and", "by/with", "and by", "for". */
const CLITICS = ['و', 'ب', 'وب', 'ل', 'ف'];

/** Each phrase, and each phrase with a clitic on its first Arabic word. */
export function withClitics<T>(entries: [string, T][]): [string, T][] {
  const out: [string, T][] = [];
  for (const [phrase, value] of entries) {
    out.push([phrase, value]);
    if (ARABIC.test(phrase)) for (const c of CLITICS) out.push([c + phrase, value]);
  }
  return keyed(out);
}

/** Units after the number. */
export const RTL_UNITS: [string, string][] = keyed([
  // Arabic
  ['كيلومتر مربع', 'km²'],
  ['كيلومترا مربعا', 'km²'],
  ['كيلومترات مربعة', 'km²'],
  ['كم مربع', 'km²'],
  ['كيلومتر', 'km'],
  ['كيلومترا', 'km'],
  ['كيلومترات', 'km'],
  ['كلم', 'km'],
  ['كم', 'km'],
  ['متر مربع', 'm²'],
  ['مترا مربعا', 'm²'],
  ['متر', 'm'],
  ['مترا', 'm'],
  ['أمتار', 'm'],
  ['ميل', 'mi'],
  ['ميلا', 'mi'],
  ['أميال', 'mi'],
  ['هكتار', 'ha'],
  ['هكتارا', 'ha'],
  ['هكتارات', 'ha'],
  ['دونم', 'dunams'],
  ['دونما', 'dunams'],
  ['دونمات', 'dunams'],
  ['طن', 't'],
  ['طنا', 't'],
  ['أطنان', 't'],
  ['كيلوغرام', 'kg'],
  ['كيلوغراما', 'kg'],
  ['كيلوجرام', 'kg'],
  ['كغ', 'kg'],
  ['لتر', 'L'],
  ['لترا', 'L'],
  ['في المئة', '%'],
  ['في المائة', '%'],
  ['بالمئة', '%'],
  ['بالمائة', '%'],
  ['٪', '%'],
  ['دولار أمريكي', 'USD'],
  ['دولار أميركي', 'USD'],
  ['دولار', 'USD'],
  ['دولارا', 'USD'],
  ['دولارات', 'USD'],
  ['يورو', 'EUR'],
  ['جنيه إسترليني', 'GBP'],
  ['جنيه استرليني', 'GBP'],
  ['جنيه مصري', 'EGP'],
  ['جنيه سوداني', 'SDG'],
  ['دينار عراقي', 'IQD'],
  ['دينار أردني', 'JOD'],
  ['دينار كويتي', 'KWD'],
  ['دينار ليبي', 'LYD'],
  ['دينار جزائري', 'DZD'],
  ['دينار تونسي', 'TND'],
  ['ليرة سورية', 'SYP'],
  ['ليرة لبنانية', 'LBP'],
  ['ليرة تركية', 'TRY'],
  ['ريال سعودي', 'SAR'],
  ['ريال قطري', 'QAR'],
  ['ريال يمني', 'YER'],
  ['ريال إيراني', 'IRR'],
  ['درهم إماراتي', 'AED'],
  ['درهم مغربي', 'MAD'],
  ['ثانية', 'seconds'],
  ['ثوان', 'seconds'],
  ['دقيقة', 'minutes'],
  ['دقائق', 'minutes'],
  ['ساعة', 'hours'],
  ['ساعات', 'hours'],
  ['يوم', 'days'],
  ['يوما', 'days'],
  ['أيام', 'days'],
  ['أسبوع', 'weeks'],
  ['أسبوعا', 'weeks'],
  ['أسابيع', 'weeks'],
  ['شهر', 'months'],
  ['شهرا', 'months'],
  ['أشهر', 'months'],
  ['شهور', 'months'],
  ['سنة', 'years'],
  ['سنوات', 'years'],
  ['عام', 'years'],
  ['عاما', 'years'],
  ['أعوام', 'years'],
  // Persian
  ['کیلومتر مربع', 'km²'],
  ['کیلومتر', 'km'],
  ['متر مربع', 'm²'],
  ['هکتار', 'ha'],
  ['تن', 't'],
  ['کیلوگرم', 'kg'],
  ['درصد', '%'],
  ['دلار', 'USD'],
  ['یورو', 'EUR'],
  ['ریال', 'IRR'],
  ['تومان', 'IRT'],
  ['ساعت', 'hours'],
  ['روز', 'days'],
  ['هفته', 'weeks'],
  ['ماه', 'months'],
  ['سال', 'years'],
  // Hebrew
  ['קילומטרים', 'km'],
  ['קילומטר', 'km'],
  ['מטרים', 'm'],
  ['מטר', 'm'],
  ['דונם', 'dunams'],
  ['טון', 't'],
  ['אחוזים', '%'],
  ['אחוז', '%'],
  ['דולר', 'USD'],
  ['דולרים', 'USD'],
  ['שקלים', 'ILS'],
  ['שקל', 'ILS'],
  ['יורו', 'EUR'],
  ['ימים', 'days'],
  ['שבועות', 'weeks'],
  ['חודשים', 'months'],
  ['שנים', 'years'],
]);

/** Multipliers after the number: "3.5 مليون", "۲۰ میلیارد", "5 מיליון". */
export const RTL_SCALES: Record<string, number> = Object.fromEntries(
  keyed(
    Object.entries({
      ألف: 3,
      ألفا: 3,
      آلاف: 3,
      مئة: 2,
      مائة: 2,
      مليون: 6,
      مليونا: 6,
      ملايين: 6,
      مليار: 9,
      مليارا: 9,
      مليارات: 9,
      بليون: 9,
      هزار: 3,
      میلیون: 6,
      میلیارد: 9,
      אלף: 3,
      מיליון: 6,
      מיליארד: 9,
    }),
  ),
);

/** Qualifiers before the number. */
export const RTL_QUALIFIERS: [string, string][] = withClitics([
  ['أكثر من', 'over'],
  ['اكثر من', 'over'],
  ['ما يزيد على', 'over'],
  ['ما يزيد عن', 'over'],
  ['يزيد على', 'over'],
  ['يزيد عن', 'over'],
  ['نحو', 'about'],
  ['حوالي', 'about'],
  ['حوالى', 'about'],
  ['ما يقارب', 'about'],
  ['ما يقرب من', 'about'],
  ['زهاء', 'about'],
  ['قرابة', 'nearly'],
  ['ما يناهز', 'nearly'],
  ['أقل من', 'under'],
  ['اقل من', 'under'],
  ['ما لا يقل عن', 'at least'],
  ['لا يقل عن', 'at least'],
  ['ما لا يزيد على', 'at most'],
  ['ما لا يزيد عن', 'at most'],
  ['ما يصل إلى', 'up to'],
  ['بیش از', 'over'],
  ['حدود', 'about'],
  ['حدودا', 'about'],
  ['تقریبا', 'about'],
  ['کمتر از', 'under'],
  ['نزدیک به', 'nearly'],
  ['دست کم', 'at least'],
  ['حداقل', 'at least'],
]);

/** Month names before or after a number make it a date ("12 مارس", "آذار 2027"). */
export const RTL_MONTHS: string[] = ([
  ...'يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر'.split(' '),
  ...'كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين'.split(' '),
  ...'ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر'.split(' '),
  ...'فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند'.split(' '),
  ...'ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר'.split(' '),
]).map(rtlKey); // prettier-ignore

/** Words that end a counted noun phrase (particles, prepositions, common verbs of saying). */
export const RTL_STOP: string[] = ([
  ...'من في على إلى الى عن مع أن إن أو أم ثم حتى منذ خلال بين عند لدى بعد قبل هذا هذه ذلك تلك الذي التي الذين كما لكن بل قد لم لن لا ما هو هي هم وقال قال قالت وقالت يقول وفق حسب'.split(' '),
  ...'از در به با که را و یا این آن برای تا بر بین پس پیش گفت'.split(' '),
  ...'של את על עם או כי אשר גם לא זה זו אמר'.split(' '),
]).map(rtlKey); // prettier-ignore

/** After a number, words that make it a time of day ("5 مساء"). */
export const RTL_TIME_AFTER: string[] = ['مساء', 'صباحا', 'ظهرا', 'فجرا', 'عصرا', 'ليلا', 'بعدازظهر', 'صبح', 'عصر', 'שעה'].map(rtlKey); // prettier-ignore

/** "3.5 كيلومتر من الجدران": the word that opens what a measure counts, as "of" does. */
export const RTL_OF = ['من', 'از', 'של'];

/** A word of Arabic, Persian or Hebrew script. */
export function isRtlWord(word: string): boolean {
  return /^[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]/u.test(word);
}
