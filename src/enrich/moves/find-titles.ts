import { TITLE_ABBREVIATIONS } from './normalize-title.js';

/** A job title found in a sentence, with its character range. */
export interface TitleSpan {
  raw: string;
  start: number;
  end: number;
}

// Words that end the "area" of "head of X" / "VP of X" / "director of X".
const AREA_STOP = '(?:at|and|in|on|for|to|who|which|with|from|since|after|before|by|as|will|has|had|was|is|the|a|an|its|his|her|their|when|where|said|says|effective)';
const AREA = `(?:(?!${AREA_STOP}\\b)[\\p{L}\\p{N}&'’-]+)(?:\\s+(?!${AREA_STOP}\\b)[\\p{L}\\p{N}&'’-]+){0,3}`;
const CHIEF_WORD = `(?!and\\b|of\\b|at\\b|the\\b|to\\b|chief\\b)[\\p{L}&-]+`;
const ABBR = [...Object.keys(TITLE_ABBREVIATIONS), 'vp', 'svp', 'evp', 'avp'].join('|');
const MODS = '(?:(?:interim|acting|incoming|outgoing|former|new|deputy|associate|assistant|senior|executive|group|global|corporate|founding|then-|co-)\\s*)*';

const CORE = [
  `chief\\s+of\\s+staff`,
  `chief(?:\\s+${CHIEF_WORD}){0,4}\\s+(?:officer|scientist|economist|executive|architect|strategist|evangelist|counsel|engineer|designer|editor)`,
  `(?:vice[- ]president|(?:${ABBR}))(?:\\s*(?:,|of|for)\\s+${AREA})?`,
  `head\\s+of\\s+${AREA}`,
  `(?:(?:managing|executive|creative|technical|general|research|sporting|design|programme|program|national|regional|marketing|sales|engineering|product|finance|communications|football|artistic|musical)\\s+)?director(?:\\s+of\\s+${AREA})?`,
  `president(?:\\s+of\\s+${AREA})?`,
  `chair(?:man|woman|person)?`,
  `co-?founder|founder`,
  `general\\s+(?:counsel|manager|secretary)`,
  `editor-in-chief`,
  `prime\\s+minister`,
  `(?:(?:foreign|finance|defen[cs]e|health|interior|economy|economic|trade|energy|education|justice|digital|home|transport|labou?r|environment|culture|sports?)\\s+)?minister(?:\\s+(?:of|for)\\s+${AREA})?`,
  `(?:treasury\\s+|state\\s+|home\\s+|press\\s+|foreign\\s+|defen[cs]e\\s+)?secretary(?:-general|\\s+general|\\s+of\\s+${AREA})?`,
  `governor|mayor|senator|chancellor|ambassador|commissioner|speaker`,
  `(?:head\\s+|assistant\\s+)?coach|(?:team\\s+)?manager|captain`,
];

const TITLE_RE = new RegExp(`(?<![\\p{L}-])${MODS}(?:${CORE.join('|')})(?![\\p{L}])(?:\\s*\\((?:${ABBR})\\))?`, 'giu');

// Words that name a function inside a title ("VP of Sales", "Head of AI Research"). A
// capitalised area made of other words is an organisation ("president of Fairway Airlines")
// and is cut off the title so the organisation can be recognised.
const AREA_WORDS = new Set(`sales research engineering operations infrastructure product products marketing policy
  growth partnerships communications finance people design safety security strategy ads advertising
  global affairs public technology data hardware software devices cloud consumer enterprise business
  development talent human resources legal government international content news search retail
  commerce investor relations corporate digital innovation science services customer customers success
  revenue trading risk compliance audit platform platforms applied generative superintelligence
  reality labs models model training inference alignment devices integrity trust staff state
  defence defense health education justice foreign interior economy transport energy environment
  culture sport sports treasury homeland europe asia americas emea apac north south america ai ml
  llm genai ar vr xr it hr r&d ux ui pr us uk eu the and wearables gaming video creators`.split(/\s+/));

function trimArea(raw: string): string {
  const m = /^(.*?\b(?:of|for))\s+(.+)$/i.exec(raw) ?? /^(.*?),\s+(.+)$/.exec(raw);
  if (!m?.[1] || !m[2]) return raw;
  const words = m[2].split(/\s+/);
  const ok = words.every((w) => /^\p{Ll}/u.test(w) || AREA_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')));
  return ok ? raw : m[1].replace(/\s+(?:of|for)$/i, '').replace(/,$/, '');
}

const TITLE_HINT = new RegExp(`\\b(?:chief|vice|president|head|director|chair|founder|counsel|manager|editor|minister|secretary|governor|mayor|senator|chancellor|ambassador|commissioner|speaker|coach|captain|${ABBR})`, 'i');

/**
 * Finds job titles in a sentence ("Chief Revenue Officer (CRO)", "SVP of Ads", "head of
 * AI research", "finance minister", "CEO"). Upper-case abbreviations must be written in
 * capitals ("CEO", not "ceo") so ordinary words are not mistaken for titles.
 */
export function findTitles(sentence: string): TitleSpan[] {
  const out: TitleSpan[] = [];
  // Cheap pre-check: most sentences hold no title word at all.
  if (!TITLE_HINT.test(sentence)) return out;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(sentence); m; m = TITLE_RE.exec(sentence)) {
    let raw = m[0];
    const bare = raw.replace(/^(?:(?:interim|acting|incoming|outgoing|former|new|deputy|associate|assistant|senior|executive|group|global|corporate|founding|then-|co-)\s*)*/i, '');
    const head = /^[A-Za-z]+/.exec(bare)?.[0] ?? '';
    if (head.length <= 4 && (TITLE_ABBREVIATIONS[head.toLowerCase()] || /^[a-z]?vp$/i.test(head)) && head !== head.toUpperCase()) continue;
    // Bare lower-case "manager", "captain", "president"… are titles only in a role frame ("its
    // new president", "sacked manager Erik ten Hag"); otherwise they are ordinary nouns.
    if (/^(?:manager|captain|speaker|chair|founder|president|director|governor|coach)$/i.test(bare) && /^[a-z]/.test(bare)) {
      const left = sentence.slice(Math.max(0, m.index - 16), m.index);
      const right = sentence.slice(m.index + raw.length);
      const framed = /(?:\b(?:as|new|its|the|his|her|their|former|interim|acting|next|first|permanent|club|team|named|appointed|elected|to|becomes|became|become)\s+$)|['’]s\s+$|\p{Lu}[\p{L}.-]*\s+$/u.test(left) || /^\s+\p{Lu}/u.test(right);
      if (!framed) continue;
    }
    raw = trimArea(raw.replace(/\s+$/, ''));
    out.push({ raw, start: m.index, end: m.index + raw.length });
  }
  return out;
}
