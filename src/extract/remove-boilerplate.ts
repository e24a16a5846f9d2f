import { type HElement, walk } from './dom.js';
import { collapseWhitespace, innerText, linkDensity } from './signals.js';

/**
 * Boilerplate that survives the scorer because it sits inside the article container: newsletter
 * and app boxes, "read also" teasers, related-link lists, author boxes, copyright and paywall
 * lines, date/category lines. Two kinds of general signal, never a site's markup:
 * - class/id names that publishers and CMS themes use for such boxes (newsletter, promo, cta,
 *   related, share, author-box, copyright, paywall…), removed when the box is a small part
 *   of the article;
 * - the text of short blocks: a label ("Read also:", "À lire aussi", "Lea también:"), a copyright
 *   line, a call to subscribe/sign up/follow/download (only near the end, where such calls sit),
 *   a login-to-comment prompt, a "Posted:/Category:" line, a "Photo:" credit.
 * A block's share of the article text is capped, so the article itself is never removed.
 */

const LONG_HINTS = /newsletter|subscri(be|ption)|signup|sign-up|copyright|paywall|disclaimer|about-?the-?author|author-?(bio|box|info|card)|abh_box|app-(promo|section|download|banner)|more-stories|recommended|read-?more|follow-?us/i;
const SHORT_HINTS = /(^|[-_\s])(promo|cta|related|share|sharing|social|tags|tag-list|breadcrumbs?|ads?|advert|sponsored|rss)([-_\s]|$)/i;
const BLOCKS = new Set(['p', 'div', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'aside', 'figcaption', 'dd', 'dt', 'blockquote', 'header', 'footer']);
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol']);
const PROTECTED = new Set(['pre', 'code', 'table']);

// Labels that introduce a link to another article, in the languages the desk reads most.
const READ_ALSO =
  /^(read (also|more|next)|also read|see also|related( (stories|articles|coverage|content|posts|news))?|more (on this|from|stories)|recommended( for you)?|you (may|might) also like|lea (también|más)|lee también|lea|leia (também|mais)|à lire (aussi|également)|lire aussi|voir aussi|lesen sie (auch|mehr)|mehr zum thema|auch interessant|leggi anche)\b\s*(:|»|>|\||-|–|—|$)/i;
const COPYRIGHT =
  /^\s*(©|\(c\)\s|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|copyrighted property|written permission must be obtained|without (the )?(express |prior )?written permission/i;
const CALL_TO_ACTION =
  /\b(sign(ing)? up|subscribe|subscription|subscribers?|newsletters?|download (the|our) [\p{L}\d ]{0,30}apps?|get the [\p{L}\d ]{0,20}app|follow (us|[\p{L}\d ]{1,40}) on (twitter|facebook|instagram|linkedin|youtube|whatsapp|x)|like us on facebook|join (our|the) (newsletter|mailing list|community)|never miss|straight to your (inbox|phone)|letter to the editor|advertise with|support (our|independent) journalism|become a (member|subscriber|patron))\b/iu;
const LOGIN_TO_COMMENT = /(log ?in|sign ?in|eingeloggt|registriert|anmelden|connecte|registrado).{0,60}(comment|kommentar|commenta)|(comment|kommentar|commenta).{0,60}(log ?in|sign ?in|eingeloggt|registriert|anmelden|connecté|registrado)/i;
const META_LINE = /^(posted|published|updated|last updated|release date|news date|date|category|categories|filed under|tags?|veröffentlicht|aktualisiert|publicado|actualizado|publié|mis à jour)( (on|in|at))?\s*:/i;
const CREDIT = /^(photo|photos|image|images|picture|bild|foto|fotos|credit|photo credit|crédit photo)\s*:/i;

const SHORT = 250;
const TAIL_BLOCKS = 5;
const MAX_SHARE = 0.25;

/**
 * Class, plus the id when it is a name rather than a slug: ids made from headings
 * ("sharing-with-a-single-developer", "related-work") say what a section is about, not what it is.
 */
const hints = (el: HElement): string => `${el.className} ${el.id.split(/[-_]/).length <= 3 ? el.id : ''}`;

/** Removes boilerplate blocks from the extracted article in place. */
export function removeBoilerplate(article: HElement): void {
  const total = innerText(article).length;
  if (!total) return;
  const small = (text: string): boolean => text.length < total * MAX_SHARE;

  // 1. Boxes named like boilerplate, and lists made only of links (related/more lists).
  const boxes: HElement[] = [];
  walk(article, (n) => {
    if (!n.isElement || n === article) return true;
    if (PROTECTED.has(n.tag)) return false;
    const name = hints(n);
    const named = name.trim() !== '' && (LONG_HINTS.test(name) || SHORT_HINTS.test(name));
    if (named || (LISTS.has(n.tag) && isLinkList(n))) {
      const text = innerText(n);
      if (small(text)) {
        boxes.push(n);
        return false;
      }
    }
    return true;
  });
  for (const box of boxes) box.remove();

  // 2. Short blocks whose text is boilerplate. A leaf block has no block below it: found in one
  // pass by marking the ancestors of every block (each ancestor is marked once).
  const all: HElement[] = [];
  const hasBlockBelow = new Set<HElement>();
  walk(article, (n) => {
    if (!n.isElement || n === article) return true;
    if (PROTECTED.has(n.tag)) return false;
    if (BLOCKS.has(n.tag)) {
      all.push(n);
      for (let p = n.parent; p && p !== article && !hasBlockBelow.has(p); p = p.parent) hasBlockBelow.add(p);
    }
    return true;
  });
  const blocks: Array<{ el: HElement; text: string }> = [];
  for (const el of all) {
    if (hasBlockBelow.has(el)) continue;
    const text = collapseWhitespace(innerText(el)); // no-break spaces too
    if (text) blocks.push({ el, text });
  }
  blocks.forEach(({ el, text }, i) => {
    if (text.length > SHORT) return;
    const tail = i >= blocks.length - TAIL_BLOCKS;
    const remove =
      READ_ALSO.test(text) ||
      COPYRIGHT.test(text) ||
      LOGIN_TO_COMMENT.test(text) ||
      (text.length < 120 && (META_LINE.test(text) || CREDIT.test(text))) ||
      (tail && CALL_TO_ACTION.test(text)) ||
      (HEADINGS.has(el.tag) && /^(related|more|recommended|popular|trending|latest)\b.{0,30}$/i.test(text));
    if (remove) el.remove();
  });
}

/** A list whose items are each (almost) one link: navigation, "related", "more" lists. */
function isLinkList(list: HElement): boolean {
  const items = list.children.filter((c) => c.tag === 'li');
  if (items.length < 2) return false;
  const text = innerText(list);
  if (!text || text.length / items.length > 120) return false;
  return linkDensity(list) >= 0.8 && items.every((li) => li.findFirst('a') !== null);
}
