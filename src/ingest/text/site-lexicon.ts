/**
 * Word lists that recognise a publisher's name in plain text: brand words that news sites put in
 * their names, and the top-level domains a name may carry ("ShiftDelete.Net Global").
 * Data only: the rules live in `find-head.ts` and `infer-domain.ts`.
 */
import type { LanguageLists } from './boilerplate-lexicon.js';

/** Words that, in a short line, mark it as a site name ("Daily", "Times", "Haber", "Zeitung"). */
// prettier-ignore
export const SITE_BRAND_WORDS: LanguageLists = {
  en: ['news', 'global', 'daily', 'times', 'post', 'herald', 'gazette', 'tribune', 'journal', 'chronicle',
    'observer', 'telegraph', 'express', 'today', 'weekly', 'magazine', 'mag', 'review', 'report', 'wire',
    'press', 'media', 'online', 'digital', 'insider', 'monitor', 'standard', 'guardian', 'mirror',
    'independent', 'dispatch', 'bulletin', 'courier', 'register', 'sentinel', 'tv', 'radio', 'network',
    'agency', 'blog', 'hub', 'central', 'world', 'live', 'newsroom', 'headlines', 'briefing', 'insights'],
  tr: ['haber', 'haberleri', 'haberler', 'gazete', 'gazetesi', 'ajans', 'ajansı', 'gündem', 'medya', 'dünya',
    'bülten', 'manşet'],
  es: ['noticias', 'diario', 'gaceta', 'periódico', 'el país', 'crónica', 'semanario', 'informativo', 'actualidad',
    'prensa', 'revista', 'hoy', 'mundo'],
  de: ['zeitung', 'nachrichten', 'rundschau', 'allgemeine', 'tagblatt', 'kurier', 'anzeiger', 'presse',
    'tagesspiegel', 'spiegel', 'blatt', 'magazin', 'aktuell', 'online'],
  fr: ['quotidien', 'hebdo', 'info', 'infos', 'actu', 'actualités', 'journal', 'le monde', 'matin', 'soir',
    'dépêche', 'magazine', 'presse'],
  ru: ['новости', 'газета', 'вести', 'известия', 'ведомости', 'правда', 'журнал', 'агентство', 'медиа',
    'вестник', 'обозрение', 'онлайн'],
};

/**
 * Top-level domains recognised inside a site name. A fixed list rather than "any two letters
 * after a dot" so that "Mr.Smith" or "St.Louis" are not read as domains.
 */
// prettier-ignore
export const KNOWN_TLDS: readonly string[] = [
  'com', 'net', 'org', 'info', 'biz', 'io', 'co', 'news', 'tv', 'me', 'ai', 'app', 'dev', 'tech', 'media',
  'online', 'site', 'blog', 'press', 'today', 'world', 'global', 'live', 'eu', 'us', 'uk', 'de', 'fr', 'es',
  'it', 'nl', 'be', 'ch', 'at', 'se', 'dk', 'fi', 'pl', 'cz', 'pt', 'gr', 'ro', 'hu', 'tr', 'ru', 'ua', 'by',
  'kz', 'in', 'jp', 'cn', 'kr', 'au', 'nz', 'ca', 'mx', 'ar', 'br', 'cl', 'pe', 've', 'za', 'ng', 'ke', 'il',
  'ae', 'ie', 'su', 'fm', 'gg', 'xyz', 'network', 'agency', 'digital', 'press', 'example',
];

/** Second-level labels of country domains ("com.tr", "co.uk") that belong to the suffix. */
// prettier-ignore
export const SECOND_LEVEL_LABELS: readonly string[] = ['com', 'co', 'org', 'net', 'gov', 'edu', 'ac', 'gen', 'web', 'bel'];

/** Hosts of share links and platforms: a URL to them says nothing about the publisher. */
// prettier-ignore
export const PLATFORM_HOSTS: readonly string[] = [
  'facebook.com', 'twitter.com', 'x.com', 't.co', 'instagram.com', 'linkedin.com', 'youtube.com', 'youtu.be',
  'whatsapp.com', 'wa.me', 't.me', 'telegram.me', 'reddit.com', 'pinterest.com', 'tiktok.com', 'vk.com',
  'ok.ru', 'news.google.com', 'google.com', 'bit.ly', 'flipboard.com', 'threads.net', 'bsky.app',
];
