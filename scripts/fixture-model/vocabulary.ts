/** The fixture tokenizer's WordPiece vocabulary: special tokens, single characters of the four corpus scripts, and a few hundred common words and pieces. */

/** Special tokens first, so their ids are 0–4 on every run. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const DIGITS = [...range(0x30, 0x39), ...range(0x660, 0x669)];
const LATIN = [...range(0x61, 0x7a), ...'àáâäçèéêëìíîïñòóôöùúûü'];
const CYRILLIC = [...range(0x430, 0x44f), 'ё', ...'әғқңөұүһі'];
const ARABIC = [...range(0x621, 0x63a), ...range(0x641, 0x64a), ...range(0x64b, 0x652), 'ٰ', 'ٱ', 'پ', 'چ', 'ک', 'گ', 'ی'];
/** Split off as tokens of their own by BertPreTokenizer, so they never need a `##` form. */
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ...'«»—–‘’“”…·', '،', '؛', '؟'];

const ENGLISH = `the of and to in is was for on that with as by it at from this be are which or an have not but
his her their they he she we you what when where who how why did does do can will would about into more than
also one two three first after before over between during under city country year years people language languages
people history world capital river mountain state government century war book school water land law name part
population known called used many most other new old large small great long time day law answer question document`;

const ITALIAN = `il lo la i gli le di del della dei delle da dal dalla in nel nella con su per tra fra un una uno e è
che non si come anche più ma sono era fu ha hanno questo questa quello quella città paese anno anni storia lingua
lingue mondo capitale fiume montagna stato governo secolo guerra libro scuola acqua terra legge nome parte popolazione
chi cosa quando dove perché quale quanti grande piccolo nuovo vecchio primo dopo prima molto tutti essere avere`;

const KAZAKH = `және мен бен пен бұл ол осы сол бір екі үш мен сен біз сіз олар үшін туралы бойынша арқылы дейін кейін
қазақ қазақстан тіл тілі тілдер ел елі қала қаласы астана жыл жылы жылдары адам халық халқы тарих тарихы әлем
өзен тау мемлекет үкімет ғасыр соғыс кітап мектеп су жер заң аты бөлігі саны ең көп үлкен кіші жаңа ескі бірінші
кім не қашан қайда неге қандай қанша болды болып болған еді деп деген бар жоқ өте және де да ма ме ғана`;

const ARABIC_WORDS = `في من على إلى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت يكون قد لا ما لم لن أن إن
أو ثم و ب ل ك ال مدينة دولة بلد سنة عام أعوام تاريخ لغة اللغة العالم عاصمة نهر جبل حكومة قرن حرب كتاب مدرسة ماء
أرض قانون اسم جزء سكان من متى أين لماذا كيف كم أول بعد قبل بين خلال كبير صغير جديد قديم كل بعض عند حيث`;

/** Common suffixes and word-internal pieces, used after a vocabulary prefix match. */
const CONTINUATIONS = `s es ed ing ly er est ion tion ment ness al ity ive ous
a e i o ni zione zioni mente ato ata ati ate ità ico ica ale ali are ere ire
лар лер дар дер тар тер ның нің дың дің тың тің ға ге қа ке на не да де та те нда нде дан ден тан тен ы і сы сі ын ін ды ді ты ті
ة ات ين ون ها هم ية ي ك نا`;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/**
 * The ordered vocabulary: token → id. Order is fixed by the lists above, duplicates keep their first id.
 * @example buildVocabulary()['[UNK]'] // 1
 */
export function buildVocabulary(): Record<string, number> {
  const letters = [...DIGITS, ...LATIN, ...CYRILLIC, ...ARABIC];
  const tokens = [
    ...SPECIAL_TOKENS,
    ...PUNCTUATION,
    ...letters,
    ...letters.map((c) => `##${c}`),
    ...words(ENGLISH),
    ...words(ITALIAN),
    ...words(KAZAKH),
    ...words(ARABIC_WORDS),
    ...words(CONTINUATIONS).map((piece) => `##${piece}`),
    'query',
    'passage',
  ];
  const ids = new Map<string, number>();
  for (const token of tokens) if (!ids.has(token)) ids.set(token, ids.size);
  return Object.fromEntries(ids);
}
