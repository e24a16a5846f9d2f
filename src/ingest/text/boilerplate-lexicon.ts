/**
 * The multi-language word lists that recognise page boilerplate in plain text: breadcrumbs,
 * share and comment footers, "related" headers, ads, subscribe calls, tag lists, photo credits,
 * copyright lines and bylines. Data only: the matching rules live in `classify-line.ts`.
 *
 * Every entry is written in its normalised form (see `normaliseKey`): lower case, no
 * surrounding punctuation, single spaces. Add a language by adding a key to each table.
 */

/** Per-language lists; flattened with `flattenLexicon` for matching. */
export type LanguageLists = Readonly<Record<string, readonly string[]>>;

/** First segment of a breadcrumb trail ("Home / News / Tech"). */
// prettier-ignore
export const BREADCRUMB_HOME_WORDS: LanguageLists = {
  en: ['home', 'homepage', 'home page', 'front page', 'start'],
  tr: ['ana sayfa', 'anasayfa'],
  es: ['inicio', 'portada', 'página principal'],
  de: ['startseite', 'start', 'home'],
  fr: ['accueil', 'page d’accueil', "page d'accueil"],
  ru: ['главная', 'главная страница', 'на главную'],
};

/** A whole line that is a share bar or a single social button. */
// prettier-ignore
export const SHARE_LINES: LanguageLists = {
  en: ['share', 'share this', 'share this article', 'share this story', 'share article', 'share on facebook',
    'share on twitter', 'share on x', 'share via email', 'tweet', 'email', 'print', 'copy link', 'share this post'],
  tr: ['paylaş', 'bu haberi paylaş', 'haberi paylaş', 'paylaşın', 'bu yazıyı paylaş'],
  es: ['compartir', 'compartir en facebook', 'compartir en twitter', 'comparte esta noticia', 'compartir artículo'],
  de: ['teilen', 'artikel teilen', 'diesen artikel teilen', 'auf facebook teilen', 'jetzt teilen'],
  fr: ['partager', 'partager cet article', 'partager sur facebook', 'partagez cet article'],
  ru: ['поделиться', 'поделиться в соцсетях', 'поделитесь новостью'],
};

/** Social network names: a line made only of these is a share bar. */
// prettier-ignore
export const SOCIAL_NAMES: readonly string[] = [
  'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'reddit', 'pinterest', 'email', 'e-mail',
  'messenger', 'vk', 'вконтакте', 'одноклассники', 'flipboard', 'threads', 'bluesky', 'mastodon', 'print', 'copy link',
];

/** A whole line that opens the comment section: everything after it is dropped. */
// prettier-ignore
export const COMMENT_LINES: LanguageLists = {
  en: ['comments', 'comment', 'leave a comment', 'leave a reply', 'add a comment', 'post a comment', 'add comment',
    'join the conversation', 'join the discussion', 'show comments', 'view comments', 'responses', 'reader comments'],
  tr: ['yorum ekleyin', 'yorum ekle', 'yorumlar', 'yorum yap', 'yorum yazın', 'yorumlar kapalı', 'yorum', 'yorumunuzu yazın'],
  es: ['comentarios', 'comentario', 'deja un comentario', 'añadir comentario', 'escribe un comentario', 'dejar un comentario'],
  de: ['kommentare', 'kommentar', 'kommentar schreiben', 'kommentieren', 'diskutieren sie mit', 'leserkommentare'],
  fr: ['commentaires', 'commentaire', 'laisser un commentaire', 'ajouter un commentaire', 'réagir', 'réactions'],
  ru: ['комментарии', 'комментарий', 'оставить комментарий', 'добавить комментарий', 'обсуждение'],
};

/**
 * Headers of a "related articles" block. Alone on a line they open a list of headlines; followed
 * by ":" and text ("Read more: …") they are one promoted link.
 */
// prettier-ignore
export const RELATED_HEADERS: LanguageLists = {
  en: ['related', 'related articles', 'related stories', 'related news', 'related content', 'read more', 'read also',
    'also read', 'see also', 'you may also like', 'you might also like', 'recommended', 'recommended for you',
    'more stories', 'more news', 'more from this section', 'trending', 'most read', 'popular', 'read next',
    'continue reading', 'further reading', 'more on this story'],
  tr: ['ilgili haberler', 'ilgili haber', 'devamını oku', 'devamı', 'bunlar da ilginizi çekebilir', 'benzer haberler',
    'ayrıca okuyun', 'önerilen', 'en çok okunanlar', 'sıradaki haber', 'ilginizi çekebilir', 'okumaya devam et'],
  es: ['leer más', 'lee también', 'lea también', 'te puede interesar', 'noticias relacionadas', 'relacionado',
    'relacionados', 'más noticias', 'también te puede interesar', 'lo más leído', 'seguir leyendo', 'ver también'],
  de: ['lesen sie auch', 'mehr zum thema', 'das könnte sie auch interessieren', 'weiterlesen', 'auch interessant',
    'verwandte artikel', 'ähnliche artikel', 'meistgelesen', 'mehr dazu', 'siehe auch', 'weitere artikel'],
  fr: ['lire aussi', 'à lire aussi', 'a lire aussi', 'lire la suite', 'sur le même sujet', 'voir aussi',
    'articles similaires', 'à lire également', 'les plus lus', 'articles liés', 'ces articles peuvent vous intéresser'],
  ru: ['читайте также', 'читать далее', 'похожие новости', 'по теме', 'смотрите также', 'популярное', 'читать ещё',
    'читать еще', 'другие новости', 'самое читаемое', 'ещё по теме', 'еще по теме'],
};

/** A whole line that marks an ad slot. */
// prettier-ignore
export const AD_LINES: LanguageLists = {
  en: ['advertisement', 'advertisment', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'promoted',
    'scroll to continue', 'scroll to continue with content', 'continue reading below', 'story continues below',
    'article continues below', 'partner content'],
  tr: ['reklam', 'sponsorlu', 'sponsorlu içerik', 'reklamlar'],
  es: ['publicidad', 'anuncio', 'contenido patrocinado', 'patrocinado'],
  de: ['anzeige', 'werbung', 'gesponsert', 'sponsored'],
  fr: ['publicité', 'pub', 'contenu sponsorisé', 'sponsorisé'],
  ru: ['реклама', 'на правах рекламы', 'партнёрский материал', 'партнерский материал'],
};

/** A whole line that is site navigation or a page control ("Skip to main content", "Menu"). */
// prettier-ignore
export const NAV_LINES: LanguageLists = {
  en: ['skip to main content', 'skip to content', 'skip to navigation', 'menu', 'main menu', 'search', 'close',
    'sign in', 'log in', 'login', 'sign out', 'log out', 'account', 'my account', 'profile', 'dismiss',
    'accept cookies', 'accept all cookies', 'back to top', 'go to top', 'toggle navigation', 'open menu'],
  tr: ['menü', 'ara', 'arama', 'giriş yap', 'üye ol', 'kapat', 'çerezleri kabul et', 'içeriğe geç', 'başa dön'],
  es: ['menú', 'buscar', 'iniciar sesión', 'cerrar', 'aceptar cookies', 'ir al contenido', 'volver arriba'],
  de: ['menü', 'suche', 'suchen', 'anmelden', 'abmelden', 'schließen', 'zum inhalt springen', 'nach oben',
    'cookies akzeptieren'],
  fr: ['menu', 'rechercher', 'recherche', 'se connecter', 'connexion', 'fermer', 'aller au contenu',
    'accepter les cookies', 'retour en haut'],
  ru: ['меню', 'поиск', 'войти', 'выйти', 'закрыть', 'перейти к содержимому', 'наверх', 'принять cookies'],
};

/** Line openings of a newsletter or subscription call. */
// prettier-ignore
export const SUBSCRIBE_PREFIXES: LanguageLists = {
  en: ['subscribe', 'sign up', 'join our newsletter', 'get our newsletter', 'newsletter', 'follow us on',
    'follow us', 'get the latest', 'download our app'],
  tr: ['abone ol', 'abone olun', 'bültenimize', 'e-bültene', 'bizi takip edin', 'bizi takip et'],
  es: ['suscríbete', 'suscribirse', 'suscríbase', 'síguenos', 'recibe nuestro boletín', 'boletín'],
  de: ['abonnieren', 'newsletter abonnieren', 'jetzt abonnieren', 'folgen sie uns', 'melden sie sich'],
  fr: ['abonnez-vous', "s'abonner", 's’abonner', 'inscrivez-vous', 'suivez-nous', 'recevez notre newsletter'],
  ru: ['подпишитесь', 'подписаться', 'подписывайтесь', 'следите за нами'],
};

/** Line openings of a tag or topic list ("Tags: ai, meta"). Must be followed by ":". */
// prettier-ignore
export const TAG_PREFIXES: LanguageLists = {
  en: ['tags', 'tag', 'topics', 'filed under', 'keywords', 'categories', 'category'],
  tr: ['etiketler', 'etiket', 'konular', 'anahtar kelimeler'],
  es: ['etiquetas', 'temas', 'palabras clave', 'archivado en'],
  de: ['schlagwörter', 'themen', 'stichwörter', 'tags'],
  fr: ['mots-clés', 'mots clés', 'sujets', 'thèmes', 'étiquettes'],
  ru: ['теги', 'метки', 'темы', 'ключевые слова', 'рубрики'],
};

/** Line openings of a photo or image credit ("Photo: Reuters"). */
// prettier-ignore
export const PHOTO_PREFIXES: LanguageLists = {
  en: ['photo', 'photo by', 'photos', 'photograph', 'image', 'image credit', 'image by', 'picture', 'credit',
    'pictured', 'illustration', 'cover image', 'featured image', 'source image'],
  tr: ['fotoğraf', 'foto', 'görsel', 'kapak görseli', 'fotoğraflar'],
  es: ['foto', 'fotografía', 'imagen', 'crédito', 'fotos'],
  de: ['foto', 'bild', 'bildquelle', 'fotos', 'bildnachweis'],
  fr: ['photo', 'crédit photo', 'crédits photo', 'illustration', 'image'],
  ru: ['фото', 'фотография', 'изображение', 'иллюстрация', 'источник фото'],
};

/** Phrases that make a short line a copyright notice. */
// prettier-ignore
export const COPYRIGHT_MARKERS: LanguageLists = {
  en: ['all rights reserved', 'copyright'],
  tr: ['tüm hakları saklıdır', 'her hakkı saklıdır'],
  es: ['todos los derechos reservados'],
  de: ['alle rechte vorbehalten'],
  fr: ['tous droits réservés'],
  ru: ['все права защищены'],
};

/** Openings of a byline ("By Jane Roe", "Yazar: …"). */
// prettier-ignore
export const BYLINE_PREFIXES: LanguageLists = {
  en: ['by', 'written by', 'author', 'reporting by', 'words by'],
  tr: ['yazar', 'yazan', 'muhabir'],
  es: ['por', 'autor', 'escrito por', 'redacción'],
  de: ['von', 'autor', 'autorin'],
  fr: ['par', 'auteur', 'rédigé par'],
  ru: ['автор', 'текст'],
};

/** Line openings that carry a date stamp rather than prose. */
// prettier-ignore
export const DATELINE_PREFIXES: LanguageLists = {
  en: ['published', 'updated', 'last updated', 'posted', 'posted on', 'published on', 'modified'],
  tr: ['yayınlanma', 'yayın tarihi', 'güncelleme', 'güncellenme', 'son güncelleme', 'oluşturulma'],
  es: ['publicado', 'actualizado', 'fecha'],
  de: ['veröffentlicht', 'aktualisiert', 'stand', 'erstellt'],
  fr: ['publié', 'publié le', 'mis à jour', 'mis à jour le', 'modifié'],
  ru: ['опубликовано', 'обновлено', 'дата публикации'],
};

/** Month names (full and short) used to recognise a date line. */
// prettier-ignore
export const MONTH_WORDS: LanguageLists = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  tr: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre',
    'octubre', 'noviembre', 'diciembre'],
  de: ['januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
    'november', 'dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября',
    'ноября', 'декабря', 'январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь',
    'октябрь', 'ноябрь', 'декабрь'],
};

/** Flattens per-language lists into one set of normalised entries. */
export function flattenLexicon(lists: LanguageLists): ReadonlySet<string> {
  const out = new Set<string>();
  for (const words of Object.values(lists)) for (const w of words) out.add(w);
  return out;
}
