import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';
import { normaliseLanguageTag } from './iso-codes.js';

// Our own sentences, long enough (≥ 200 letters) for a trusted answer.
const samples: Array<[string, string]> = [
  [
    'en',
    'The startup said on Tuesday that its new language model would be offered to hospitals first, after a year of trials in which doctors compared its summaries with their own notes and found fewer errors than expected.',
  ],
  [
    'de',
    'Das Unternehmen kündigte am Dienstag an, sein neues Sprachmodell zuerst Krankenhäusern anzubieten, nachdem Ärzte ein Jahr lang die Zusammenfassungen mit ihren eigenen Notizen verglichen und weniger Fehler als erwartet gefunden hatten.',
  ],
  [
    'fr',
    "L'entreprise a annoncé mardi que son nouveau modèle de langage serait d'abord proposé aux hôpitaux, après une année d'essais pendant laquelle les médecins ont comparé ses résumés avec leurs propres notes.",
  ],
  [
    'es',
    'La empresa anunció el martes que su nuevo modelo de lenguaje se ofrecerá primero a los hospitales, después de un año de pruebas en el que los médicos compararon sus resúmenes con sus propias notas.',
  ],
  [
    'tr',
    'Şirket salı günü yaptığı açıklamada yeni dil modelinin önce hastanelere sunulacağını söyledi; doktorlar bir yıl boyunca modelin özetlerini kendi notlarıyla karşılaştırdı ve beklenenden az hata buldu.',
  ],
  [
    'ru',
    'Компания заявила во вторник, что её новая языковая модель сначала будет предложена больницам, после года испытаний, в ходе которых врачи сравнивали её выводы со своими записями и нашли меньше ошибок.',
  ],
  [
    'ja',
    '同社は火曜日、新しい言語モデルをまず病院に提供すると発表した。医師たちは一年間にわたり、そのモデルの要約を自分のメモと比較し、予想よりも誤りが少ないことを確認したという。今後は対象を広げる予定だ。',
  ],
  [
    'el',
    'Η εταιρεία ανακοίνωσε την Τρίτη ότι το νέο γλωσσικό της μοντέλο θα προσφερθεί πρώτα σε νοσοκομεία, μετά από έναν χρόνο δοκιμών κατά τον οποίο οι γιατροί σύγκριναν τις περιλήψεις του με τις δικές τους σημειώσεις.',
  ],
];

describe('detectLanguage', () => {
  it.each(samples)('detects %s', (code, text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.reason).toBeUndefined();
  });

  it.each([
    ['empty', '', undefined, 'und', /no letters/],
    ['whitespace and digits', '  2024 — 17 / 42  ', undefined, 'und', /no letters/],
    ['too short without hint', 'Hello there', undefined, 'und', /too short/],
    ['too short with hint', 'Hallo zusammen', 'de-DE', 'de', /declared language used/],
    ['too short with 639-3 hint', 'Merhaba', 'tur', 'tr', /declared/],
    ['emoji only', '🚀🚀🔥', 'en', 'en', /too short/],
  ])('%s → honest answer with a reason', (_name, text, hint, code, reason) => {
    const result = detectLanguage(text, hint);
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(reason);
  });

  it('reports a declared language that disagrees with a long text', () => {
    const [, english] = samples[0]!;
    const result = detectLanguage(english, 'fr');
    expect(result.code).toBe('en');
    expect(result.reason).toMatch(/declared language fr differs/);
  });

  it('reads a 2 MB text by its sample (speed is in bench:enrich, not here)', () => {
    const big = samples[1]![1].repeat(Math.ceil(2_000_000 / samples[1]![1].length));
    expect(detectLanguage(big)).toMatchObject({ code: 'de' });
  });

  it('scales confidence down for short texts', () => {
    const short = detectLanguage('The company said its new model would reach hospitals first.');
    const long = detectLanguage(samples[0]![1]);
    expect(short.confidence).toBeLessThan(long.confidence);
  });
});

describe('normaliseLanguageTag', () => {
  it.each([
    ['en-US', 'en'],
    ['pt_BR', 'pt'],
    ['DEU', 'de'],
    ['zh-Hant-TW', 'zh'],
    ['und', undefined],
    ['', undefined],
    ['x-klingon', undefined],
    ['english', undefined],
  ])('%s → %s', (tag, expected) => {
    expect(normaliseLanguageTag(tag)).toBe(expected);
  });
});
