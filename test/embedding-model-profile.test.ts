/** Query/passage prefixes come from the model's family or its folder's declaration, never from guesses elsewhere. */
import { describe, expect, it } from 'vitest';
import { NO_PREFIXES, parseDeclaredProfile, profileForModel } from '../src/embedding/model-profile.js';

const E5 = { queryPrefix: 'query: ', passagePrefix: 'passage: ' };

describe('profileForModel', () => {
  it.each([
    'Xenova/multilingual-e5-small',
    'Xenova/multilingual-e5-base',
    'intfloat/multilingual-e5-large',
    'intfloat/e5-base-v2',
    'Xenova/e5-small-v2',
    '/srv/models/Xenova/multilingual-e5-small',
    './models/multilingual-e5-small/',
  ])('gives the e5 prefixes to %s', (model) => {
    expect(profileForModel(model)).toEqual(E5);
  });

  it('gives e5-instruct an instruction on queries and nothing on passages', () => {
    const profile = profileForModel('intfloat/multilingual-e5-large-instruct');
    expect(profile.queryPrefix).toMatch(/^Instruct: .*\nQuery: $/s);
    expect(profile.passagePrefix).toBe('');
  });

  it.each(['Xenova/all-MiniLM-L6-v2', 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', 'acme/e5x-model', 'some/three5-model', '/tmp/tiny-model'])(
    'gives no prefixes to %s',
    (model) => {
      expect(profileForModel(model)).toEqual(NO_PREFIXES);
    },
  );

  it('lets a folder declaration win over the name', () => {
    const declared = { queryPrefix: 'Q: ', passagePrefix: '' };
    expect(profileForModel('Xenova/multilingual-e5-small', declared)).toEqual(declared);
    expect(profileForModel('/tmp/tiny-model', E5)).toEqual(E5);
  });
});

describe('parseDeclaredProfile', () => {
  it('reads both prefixes, a missing one meaning none', () => {
    expect(parseDeclaredProfile('{"queryPrefix":"query: ","passagePrefix":"passage: "}', 'f.json')).toEqual(E5);
    expect(parseDeclaredProfile('{"queryPrefix":"q: "}', 'f.json')).toEqual({ queryPrefix: 'q: ', passagePrefix: '' });
  });

  it('names the file and the expected keys when the declaration is wrong', () => {
    expect(() => parseDeclaredProfile('{not json', '/m/embedding-profile.json')).toThrow(/\/m\/embedding-profile\.json is not valid JSON.*queryPrefix/);
    expect(() => parseDeclaredProfile('{"query_prefix":"q"}', '/m/embedding-profile.json')).toThrow(/not a model profile.*passagePrefix/);
    expect(() => parseDeclaredProfile('{"queryPrefix":3}', 'p.json')).toThrow(/queryPrefix/);
  });
});
