/**
 * ISO 639-3 → ISO 639-1 for 82 widely spoken languages (a declared `deu` or `tur` hint becomes
 * `de`, `tr`; the list was first franc-min's, whose answers were 639-3). Individual languages of a macrolanguage map to the macrolanguage's 639-1
 * code (arb → ar, cmn → zh, pes → fa, zlm → ms…), as BCP 47 (RFC 5646 §2.2.1) prefers the
 * shortest code. Languages without a 639-1 code (Cebuano, Maithili…) keep their 639-3 code, which
 * is also what BCP 47 uses for them.
 */
export const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  fuv: 'ff',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  qug: 'qu',
  nya: 'ny',
  zyb: 'za',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  cmn: 'zh',
  ben: 'bn',
  jpn: 'ja',
  kor: 'ko',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
  // Languages franc knows in other packages; kept so a 639-3 hint maps too.
  heb: 'he',
  dan: 'da',
  nor: 'no',
  nob: 'nb',
  nno: 'nn',
  fin: 'fi',
  est: 'et',
  lav: 'lv',
  lit: 'lt',
  slk: 'sk',
  slv: 'sl',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  gle: 'ga',
  cym: 'cy',
  isl: 'is',
  mkd: 'mk',
  kat: 'ka',
  hye: 'hy',
  afr: 'af',
  msa: 'ms',
  zho: 'zh',
  ara: 'ar',
  fas: 'fa',
  khm: 'km',
  lao: 'lo',
};

/**
 * Normalises a declared language (an HTML `lang`, a feed's `<language>`, a `Content-Language`)
 * to ISO 639-1 when it can: "en-US" → "en", "pt_BR" → "pt", "deu" → "de", "zh-Hant" → "zh".
 * Returns undefined for an empty, malformed or unknown tag, and for "und"/"mul"/"zxx"/"x-…".
 */
export function normaliseLanguageTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  // BCP 47 (RFC 5646 §2.1): the primary subtag comes first; '_' is a common non-standard separator.
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (!/^[a-z]{2,3}$/.test(primary)) return undefined;
  if (primary === 'und' || primary === 'mul' || primary === 'zxx' || primary === 'mis') return undefined;
  // Any two-letter primary subtag is already ISO 639-1 (the registry assigns no other 2-letter codes).
  if (primary.length === 2) return primary;
  return ISO_639_3_TO_1[primary] ?? primary;
}
