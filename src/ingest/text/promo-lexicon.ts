/**
 * Word lists for spotting an inline promo paragraph (a product plug or offer dropped into an
 * article) and the stop words ignored when measuring how much a paragraph shares with the rest.
 * Data only: the rule lives in `find-promos.ts`. Entries are lower case; phrases match on word
 * boundaries.
 */
import type { LanguageLists } from './boilerplate-lexicon.js';

/**
 * Sales and product-feature phrases that rarely occur in reporting: each distinct one found
 * counts 1. A trailing "*" matches any word ending (Turkish and Russian inflect heavily).
 */
// prettier-ignore
export const PROMO_STRONG_CUES: LanguageLists = {
  en: ['now available', 'available now', 'buy now', 'order now', 'pre-order', 'preorder', 'priced at', 'starting at',
    'starting from', 'discount*', 'coupon*', 'promo code', 'free shipping', 'limited time', 'limited-time',
    'battery life', 'hands-free', 'megapixel*', 'waterproof', 'bluetooth', 'shop now', 'click here', "don't miss",
    'sponsored', 'smart glasses', 'smartwatch*', 'headphones', 'earbuds', 'free trial', 'save up to',
    'best-selling', 'bestselling', 'in stock', 'get yours', 'order yours'],
  tr: ['kampanya*', 'indirim*', 'satın al*', 'satışta', 'satışa sunul*', 'ön sipariş*', 'pil ömrü', 'ücretsiz kargo',
    'akıllı gözlük*', 'akıllı saat*', 'kulaklık*', 'tıklayın', 'kaçırmayın'],
  es: ['descuento*', 'rebaja*', 'compra ya', 'ya disponible*', 'disponible ya', 'envío gratis', 'tiempo limitado',
    'gafas inteligentes', 'reloj inteligente', 'auricular*', 'código promocional', 'haz clic', 'no te pierdas',
    'aprovecha*'],
  de: ['jetzt kaufen', 'rabatt*', 'gutschein*', 'jetzt erhältlich', 'versandkostenfrei', 'nur für kurze zeit',
    'akkulaufzeit', 'smarte brille', 'smartwatch', 'kopfhörer*', 'jetzt bestellen', 'vorbestellen', 'klicken sie',
    'verpassen sie nicht'],
  fr: ['code promo', 'réduction*', 'soldes', 'disponible dès', 'livraison gratuite', 'durée limitée',
    'lunettes connectées', 'montre connectée', 'écouteurs', 'précommande*', 'cliquez', 'ne manquez pas', 'profitez'],
  ru: ['купить', 'купите', 'скидк*', 'распродаж*', 'бесплатная доставка', 'ограниченное время', 'умные очки',
    'умные часы', 'наушник*', 'промокод*', 'предзаказ*', 'не пропустите', 'закажите'],
};

/** Phrases that also occur in reporting but lean promotional: each distinct one counts ½. */
// prettier-ignore
export const PROMO_WEAK_CUES: LanguageLists = {
  en: ['offer', 'offers', 'offering', 'available in', 'buy', 'price', 'deal', 'deals', 'sale', 'battery',
    'features', 'equipped with', 'comes with', 'designed for', 'in collaboration with', 'wireless', 'shop',
    'check out', 'learn more', 'exclusive', 'new-generation', 'next-generation', 'subscription'],
  tr: ['fırsat*', 'fiyat*', 'sipariş*', 'özellik*', 'sunuyor', 'kablosuz', 'yeni nesil', 'abonelik', 'stokta'],
  es: ['oferta*', 'ofrece*', 'comprar', 'precio*', 'disponible*', 'batería', 'autonomía', 'inalámbric*',
    'nueva generación', 'suscripción', 'reserva'],
  de: ['angebot*', 'bietet', 'kaufen', 'preis', 'preise', 'erhältlich', 'akku', 'kabellos*', 'neue generation', 'abo',
    'im handel'],
  fr: ['offre', 'offres', 'offrent', 'propose', 'acheter', 'prix', 'promotion', 'disponible*', 'batterie',
    'autonomie', 'sans fil', 'nouvelle génération', 'abonnement', 'en magasin'],
  ru: ['предложени*', 'предлагает', 'цена', 'цены', 'доступен', 'доступна', 'в продаже', 'аккумулятор*',
    'автономност*', 'беспроводн*', 'нового поколения', 'подписк*'],
};

/**
 * Words of reported speech. Reporting attributes ("said", "according to"); an inline plug speaks
 * in the seller's voice. A paragraph that attributes is never taken for a promo.
 */
// prettier-ignore
export const ATTRIBUTION_WORDS: LanguageLists = {
  en: ['said', 'says', 'told', 'according to', 'announced', 'stated', 'reported', 'added', 'explained', 'noted'],
  tr: ['dedi', 'söyledi', 'açıkladı', 'belirtti', 'ifade etti', 'kaydetti', 'aktardı', 'bildirdi', 'göre'],
  es: ['dijo', 'afirmó', 'según', 'explicó', 'señaló', 'anunció', 'aseguró', 'declaró', 'informó'],
  de: ['sagte', 'sagt', 'erklärte', 'laut', 'teilte mit', 'so der', 'so die', 'berichtete', 'kündigte an'],
  fr: ['a déclaré', 'selon', 'a indiqué', 'a expliqué', 'a annoncé', 'affirme', 'a affirmé', 'estime', 'explique'],
  ru: ['сказал', 'сказала', 'заявил', 'заявила', 'сообщил', 'сообщила', 'по словам', 'по данным', 'отметил', 'отметила'],
};

/** Units after a number that describe a product spec ("4-hour", "128 GB", "6.7-inch", "120 Hz"). */
// prettier-ignore
export const SPEC_UNITS: readonly string[] = [
  'hour', 'hours', 'hr', 'hrs', 'mah', 'wh', 'gb', 'tb', 'mb', 'mp', 'megapixel', 'inch', 'inches', 'in', 'hz',
  'ghz', 'mhz', 'w', 'watt', 'watts', 'mm', 'gram', 'grams', 'g', 'k', 'nits', 'fps', 'core', 'cores',
  'saat', 'saatlik', 'inç', 'gün', 'horas', 'pulgadas', 'stunden', 'stunde', 'zoll', 'heures', 'pouces',
  'часов', 'часа', 'дюймов', 'мач', 'гб',
];

/** Function words ignored when comparing paragraphs. Small on purpose: only the most frequent. */
// prettier-ignore
export const STOPWORDS: LanguageLists = {
  en: ['the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as',
    'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'it', 'its',
    'this', 'that', 'these', 'those', 'he', 'she', 'they', 'we', 'you', 'i', 'his', 'her', 'their', 'our',
    'your', 'my', 'not', 'no', 'so', 'if', 'than', 'then', 'also', 'will', 'would', 'can', 'could', 'should',
    'may', 'might', 'about', 'into', 'over', 'after', 'before', 'more', 'most', 'other', 'some', 'such',
    'which', 'who', 'whom', 'what', 'when', 'where', 'how', 'all', 'any', 'both', 'each', 'said', 'says',
    'there', 'here', 'just', 'only', 'very', 'while', 'up', 'out', 'new', 'one', 'two', 'year', 'years'],
  tr: ['ve', 'ile', 'bir', 'bu', 'şu', 'o', 'da', 'de', 'ki', 'mi', 'için', 'gibi', 'daha', 'çok', 'en', 'ama',
    'fakat', 'ancak', 'veya', 'ya', 'olarak', 'olan', 'oldu', 'olduğu', 'ise', 'kadar', 'sonra', 'önce', 'her',
    'hem', 'ne', 'değil', 'var', 'yok', 'diye', 'göre', 'üzerinde', 'yeni', 'yıl', 'yılında', 'şekilde'],
  es: ['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'y', 'o', 'de', 'del', 'al', 'en', 'por', 'para',
    'con', 'sin', 'que', 'se', 'su', 'sus', 'es', 'son', 'fue', 'ha', 'han', 'como', 'más', 'pero', 'lo', 'le',
    'les', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'ya', 'muy', 'también', 'sobre', 'entre', 'tras',
    'desde', 'hasta', 'cuando', 'donde', 'nuevo', 'nueva', 'año', 'años'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'und', 'oder', 'aber',
    'in', 'im', 'an', 'am', 'auf', 'aus', 'bei', 'mit', 'nach', 'von', 'vom', 'zu', 'zum', 'zur', 'für', 'über',
    'ist', 'sind', 'war', 'waren', 'hat', 'haben', 'wird', 'werden', 'wurde', 'sich', 'nicht', 'auch', 'als',
    'wie', 'noch', 'nur', 'sie', 'er', 'es', 'wir', 'ihr', 'sein', 'seine', 'dass', 'so', 'neue', 'neuen', 'jahr'],
  fr: ['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'mais', 'en', 'dans', 'sur', 'par', 'pour',
    'avec', 'sans', 'que', 'qui', 'ce', 'cet', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'est', 'sont',
    'était', 'a', 'ont', 'été', 'se', 'sa', 'son', 'ses', 'leur', 'leurs', 'au', 'aux', 'ne', 'pas', 'plus',
    'aussi', 'comme', 'entre', 'après', 'avant', 'nouveau', 'nouvelle', 'an', 'ans', 'année'],
  ru: ['и', 'в', 'во', 'на', 'с', 'со', 'по', 'к', 'ко', 'о', 'об', 'от', 'до', 'из', 'за', 'для', 'не', 'но',
    'а', 'или', 'что', 'как', 'это', 'этот', 'эта', 'эти', 'его', 'её', 'ее', 'их', 'он', 'она', 'они', 'мы',
    'вы', 'был', 'была', 'были', 'быть', 'есть', 'также', 'уже', 'еще', 'ещё', 'при', 'же', 'бы', 'так',
    'после', 'перед', 'новый', 'новая', 'год', 'года', 'лет'],
};
