import type { HElement } from './dom.js';

/** Extra boilerplate rules applied to the extracted article (filled in below). */
export function removeBoilerplate(_article: HElement): void {}
