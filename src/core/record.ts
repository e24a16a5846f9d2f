import { z } from 'zod';

/**
 * The news record: the YAML front-matter format of `shared/seeds` (DESIGN.md §2).
 *
 * Validation only: readers keep the parsed object as it came (key order, unknown fields) and use
 * this schema to check it, so that a record written back is the record that was read.
 */

/** ISO 8601 date-time that names a real instant (rejects 2023-02-30T…, 2023-13-01…). */
export const IsoDateTimeSchema = z.string().refine(isRealIsoDateTime, {
  message: 'not a real ISO 8601 date-time (YYYY-MM-DDThh:mm[:ss[.sss]](Z|±hh:mm))',
});

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when `value` is an ISO 8601 date or date-time whose fields form a real calendar instant. */
export function isRealIsoDateTime(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 60)) return false;
  return true;
}

export const ImageSchema = z.looseObject({
  url: z.string().min(1),
  width: z.number().int().nonnegative().optional(),
  height: z.number().int().nonnegative().optional(),
  isCached: z.boolean().optional(),
});
export type Image = z.infer<typeof ImageSchema>;

export const ProviderSchema = z.looseObject({
  name: z.string().min(1),
  domain: z.string().optional(),
});
export type Provider = z.infer<typeof ProviderSchema>;

const UrlString = z.string().regex(/^https?:\/\/\S+$/i, 'must be an absolute http(s) URL');

/** Fields Heatwire knows; any other field is kept as it came. */
export interface NewsRecord {
  category?: string;
  title: string;
  excerpt?: string;
  publishedDateTime?: string;
  updatedDateTime?: string;
  originalUrl?: string;
  webUrl?: string;
  ampWebUrl?: string;
  cdnAmpWebUrl?: string;
  type?: string;
  quality?: number;
  heat?: number;
  published?: boolean;
  provider?: Provider;
  topics?: string[];
  images?: Image[];
  related?: NewsRecord[];
  secured?: string;
  [unknown: string]: unknown;
}

export const NewsRecordSchema: z.ZodType<NewsRecord> = z.lazy(() =>
  z.looseObject({
    category: z.string().optional(),
    title: z.string().trim().min(1, 'title is missing or empty'),
    excerpt: z.string().optional(),
    publishedDateTime: IsoDateTimeSchema.optional(),
    updatedDateTime: IsoDateTimeSchema.optional(),
    originalUrl: UrlString.optional(),
    webUrl: UrlString.optional(),
    ampWebUrl: UrlString.optional(),
    cdnAmpWebUrl: UrlString.optional(),
    type: z.string().optional(),
    quality: z.number().min(0).max(100).optional(),
    heat: z.number().min(-1).max(100).optional(),
    published: z.boolean().optional(),
    provider: ProviderSchema.optional(),
    topics: z.array(z.string()).optional(),
    images: z.array(ImageSchema).optional(),
    related: z.array(NewsRecordSchema).optional(),
    secured: z.string().regex(/^[A-Za-z0-9+/=]+;[A-Za-z0-9+/=]+$/, 'secured must be base64;base64').optional(),
  }),
);

/** The `secured` format: base64(ciphertext‖tag);base64(iv). */
export const SECURED_RE = /^[A-Za-z0-9+/=]+;[A-Za-z0-9+/=]+$/;

/** Formats the first zod issue as "field.path: message". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`)
    .join('; ');
}
