import { describe, expect, it } from 'vitest';
import { findPromoParagraphs, scorePromos } from './find-promos.js';

const title = 'Port authority delays the harbour dredging project';
const article = [
  'The port authority has postponed the dredging of the inner harbour until next spring, citing a shortage of ' +
    'specialised vessels and a dispute over where the removed silt should be dumped.',
  'Fishing crews had hoped the work would start this autumn, since the shallow channel already forces larger boats ' +
    'to wait for high tide before they can unload their catch at the quay.',
  'Environmental groups want the silt tested for heavy metals before any of it is spread on farmland, a demand the ' +
    'authority says it will meet even though it adds weeks to the schedule.',
  'Harbour businesses say each month of delay costs them trade, and the chamber of commerce has asked the council ' +
    'to help cover the cost of temporary pontoons for the summer season.',
];
const withPromo = (promo: string): string[] => [...article.slice(0, 2), promo, ...article.slice(2)];

describe('findPromoParagraphs', () => {
  it.each([
    [
      'English product plug',
      'Grab the new Aurora buds: 30-hour battery life, hands-free calls and free shipping — now available.',
    ],
    [
      'English offer',
      'Limited-time offer: save up to 40% on smartwatches this week only, with free shipping on every order.',
    ],
    ['Turkish plug', 'Yeni nesil kablosuz kulaklıklar şimdi indirimle satışta: 40 saat pil ömrü.'],
    ['Spanish plug', 'Aprovecha la oferta: auriculares inalámbricos con 30 horas de batería por solo 49 €.'],
    ['German plug', 'Jetzt erhältlich: kabellose Kopfhörer mit 30 Stunden Akkulaufzeit, versandkostenfrei.'],
    [
      'French plug',
      'Profitez de la livraison gratuite : écouteurs sans fil avec 30 heures d’autonomie, code promo ÉTÉ.',
    ],
    ['Russian plug', 'Не пропустите: беспроводные наушники со скидкой и бесплатная доставка по всей стране.'],
  ])('drops an inline %s', (_name, promo) => {
    const paragraphs = withPromo(promo);
    expect([...findPromoParagraphs(paragraphs, title)]).toEqual([2]);
  });

  it('keeps every paragraph of an article without a plug', () => {
    expect(findPromoParagraphs(article, title).size).toBe(0);
  });

  it('keeps reported product news (attribution, quotation)', () => {
    const reported = [
      'The port authority said the new survey drones, priced at $900 each with a 40-minute battery life, would be available in May.',
      '“These drones offer hands-free mapping with a discount for public bodies,” the harbour master told reporters.',
    ];
    for (const paragraph of reported) expect(findPromoParagraphs(withPromo(paragraph), title).size).toBe(0);
  });

  it('never drops the lead paragraph', () => {
    const promo =
      'Grab the new Aurora buds: 30-hour battery life, hands-free calls and free shipping — now available.';
    expect(findPromoParagraphs([promo, ...article], title).has(0)).toBe(false);
  });

  it('counts no cue the article itself is about (a product review)', () => {
    const review = [
      'The Aurora buds are the first earbuds from the small Oslo company, and their battery life is the whole pitch.',
      'In our tests the earbuds lasted thirty hours with the case, and hands-free calls sounded clear outdoors.',
      'At a price of 89 euros the earbuds undercut most rivals with similar battery life and come with free shipping.',
      'The fit is the weak point: the earbuds slipped during runs, and the case is bulky in a jeans pocket.',
    ];
    const signals = scorePromos(
      review,
      'Aurora buds review: earbuds with a battery life to match their pitch',
    );
    expect(signals.filter((s) => s.promo)).toEqual([]);
    expect(signals[2]?.cues).not.toContain('battery life');
  });

  it('drops nothing when more than a third of the paragraphs look like promos', () => {
    const promos = [
      'Grab the new Aurora buds: 30-hour battery life and free shipping — now available.',
      'Limited-time offer: save up to 40% on smartwatches with free shipping.',
    ];
    const paragraphs = [article[0] ?? '', promos[0] ?? '', article[1] ?? '', promos[1] ?? ''];
    expect(scorePromos(paragraphs, title).filter((s) => s.promo)).toHaveLength(2);
    expect(findPromoParagraphs(paragraphs, title).size).toBe(0);
  });

  it('needs three paragraphs to compare against', () => {
    expect(
      findPromoParagraphs(
        [article[0] ?? '', 'Limited-time offer: earbuds with free shipping, now available.'],
        title,
      ).size,
    ).toBe(0);
  });
});
