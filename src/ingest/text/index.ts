/** Plain-text articles: raw page text → IncomingItem (title, provider, article paragraphs). */
export { parsePlainText, isBodyParagraph, type PlainTextOptions } from './parse-plain-text.js';
export { classifyLine, normaliseKey, isBreadcrumb, type LineKind } from './classify-line.js';
export { findHead, scoreSite, scoreTitle, splitTitleSite, type Head, type HeadContext } from './find-head.js';
export { findPromoParagraphs, scorePromos, type PromoSignal } from './find-promos.js';
export { inferDomain, findHosts, hostMatchesSite } from './infer-domain.js';
