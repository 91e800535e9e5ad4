/** The fixture's `tokenizer.json`, `tokenizer_config.json` and `config.json`, in the Hugging Face layout transformers.js reads. */
import { SPECIAL_TOKENS } from './vocabulary.js';

/** Shape of the fixture network, shared by `config.json` and the ONNX graph. */
export interface FixtureDimensions {
  vocabSize: number;
  hiddenSize: number;
  maxPositions: number;
  typeVocabSize: number;
}

const special = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
const sequence = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });

/** A WordPiece `tokenizer.json` like a lowercasing BERT's, with accents kept (Italian and Kazakh letters matter). */
export function tokenizerJson(vocabulary: Record<string, number>): object {
  const idOf = (token: string) => vocabulary[token]!;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: idOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0)],
      pair: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0), sequence('B', 1), special('[SEP]', 1)],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [idOf(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: vocabulary,
    },
  };
}

/** `tokenizer_config.json`: tells transformers.js the tokenizer class, special tokens and maximum length. */
export function tokenizerConfigJson(dimensions: FixtureDimensions): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: false,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    model_max_length: dimensions.maxPositions,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}

/** `config.json`: `model_type: "bert"` makes transformers.js load it as a BertModel for feature extraction. */
export function modelConfigJson(dimensions: FixtureDimensions): object {
  return {
    _comment: 'Tiny deterministic test model made by scripts/make-fixture-model.ts; its vectors carry no meaning beyond shared tokens.',
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: dimensions.vocabSize,
    hidden_size: dimensions.hiddenSize,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: dimensions.hiddenSize,
    hidden_act: 'tanh',
    max_position_embeddings: dimensions.maxPositions,
    type_vocab_size: dimensions.typeVocabSize,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
  };
}
