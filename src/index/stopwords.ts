/** Short function-word lists per language, in the analyzer's normalised spelling (Arabic: ة→ه, ى→ي, bare alef). */
import type { Language } from '../corpus/types.js';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Words too common to tell passages apart; matched against the normalised surface form. */
export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  ar: words(`
    في من الي علي عن مع ان انه انها الا اذا او ام ثم بل قد لقد لا لم لن ما ماذا لماذا هل كيف متي اين اي
    هذا هذه ذلك تلك هناك هنا التي الذي الذين اللذين اللتين هو هي هم هما نحن انا انت كان كانت يكون تكون
    كل بعض غير بين حتي عند منذ قبل بعد حيث كما ايضا به بها له لها لهم فيه فيها منها منه عليه عليها
    وهو وهي وفي ومن وقد وكان ولا فقد فان وان وما ولم نحو ذات
  `),
  it: words(`
    il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle al allo alla ai
    agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle
    e ed o ma che chi cosa come quando dove perché quale quali quanto quanta quanti quante non si ci ne è
    sono era erano essere ha hanno ho abbiamo stato stata stati questo questa questi queste quello quella
    quelli suo sua suoi sue loro anche più già l d dell all dall nell sull c s
  `),
  en: words(`
    the a an of to in on at by for with from and or but is are was were be been being do does did what which
    who whom whose when where why how this that these those it its as into about than then there their
    they them he she his her we our you your i not no has have had s will would can could
  `),
  kk: words(`
    және мен бен пен да де та те бұл ол осы сол не қандай қалай қай кім неге неше қашан қайда ма ме ба бе па
    пе үшін деп бір еді екен болып болды бар жоқ емес ғана тек туралы арқылы сияқты бірақ немесе яғни я
    ал әр барлық өз оның олар оларға біз сіз
  `),
};
