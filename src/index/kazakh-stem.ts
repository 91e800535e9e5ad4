/** Suffix-stripping stemmer for Kazakh (Cyrillic): removes stacked inflectional endings. */

// Inflectional endings in their vowel-harmony / consonant-assimilation variants. Derivational
// suffixes (-лық, -шы, …) are kept: they change meaning, not just grammatical role.
const ENDINGS = [
  // locative-attributive, instrumental
  'ндағы', 'ндегі', 'дағы', 'дегі', 'тағы', 'тегі', 'менен', 'бенен', 'пенен',
  // possessive + plural
  'ларың', 'лерің', 'дарың', 'дерің', 'тарың', 'терің', 'ымыз', 'іміз', 'ыңыз', 'іңіз',
  'лары', 'лері', 'дары', 'дері', 'тары', 'тері',
  // participles and verb forms
  'атын', 'етін', 'йтын', 'йтін', 'ғанда', 'генде', 'қанда', 'кенде', 'маған', 'меген',
  'ған', 'ген', 'қан', 'кен', 'ады', 'еді', 'йды', 'йді', 'мақ', 'мек', 'пақ', 'пек', 'бақ', 'бек',
  // plural
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
  // cases
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен',
  'мен', 'бен', 'пен', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті',
  'да', 'де', 'та', 'те',
  // possessive
  'мыз', 'міз', 'ңыз', 'ңіз', 'сы', 'сі', 'ым', 'ім', 'ың', 'ің',
  // converb, verbal noun, 3rd-person possessive
  'ып', 'іп', 'у', 'ы', 'і', 'н', 'ң',
].sort((a, b) => b.length - a.length);

/** Shortest stem the stripper may leave: Kazakh roots are rarely shorter. */
const MIN_STEM = 3;

// Final к/қ/п voice to г/ғ/б before a vowel-initial ending (құқық → құқығын): fold them back.
const DEVOICED: Record<string, string> = { г: 'к', ғ: 'қ', б: 'п' };

/**
 * Strips inflectional endings from a lower-cased Kazakh word, longest first, repeatedly,
 * while at least {@link MIN_STEM} letters remain, then devoices the final consonant.
 * @example stemKazakh('заңдарды') // 'заң'
 * @example stemKazakh('құқығын') // 'құқық'
 */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const ending of ENDINGS) {
      if (stem.endsWith(ending) && stem.length - ending.length >= MIN_STEM) {
        stem = stem.slice(0, -ending.length);
        changed = true;
        break;
      }
    }
  }
  const last = stem.at(-1) ?? '';
  return last in DEVOICED ? stem.slice(0, -1) + DEVOICED[last] : stem;
}
