/**
 * Query parameters that only track a visit (campaign, click id, share source) and never select
 * content. Kept as data so that adding one is a one-line change with a test case beside it.
 * Names are compared case-insensitively after percent-decoding.
 */
// prettier-ignore
export const TRACKING_PARAMS: readonly string[] = [
  // Ad-network click ids.
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'igsh', 'rb_clickid', 's_kwcid', 'ef_id', 'vgo_ee',
  // Google Analytics cross-domain linker.
  '_ga', '_gl',
  // Mailing tools (Mailchimp, Marketo, HubSpot, Eloqua, Branch).
  'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', 'hsctatracking', 'elqtrackid', 'elqtrack', 'elqaid',
  'elqat', 'elqcampaignid', '_branch_match_id', '_branch_referrer',
  // Publisher and social share markers.
  'ref_src', 'ref_url', 'cmpid', 'cmp', 'ncid', 'ocid', 'sr_share', '__s', 's_cid', 'smid', 'smtyp',
  'soc_src', 'soc_trk', 'xtor', 'at_medium', 'at_campaign', 'wt.mc_id', 'wt_mc_id', 'trk', 'trkcampaign',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', '_openstat', '__twitter_impression',
  'fb_action_ids', 'fb_action_types', 'fb_ref', 'fb_source', 'action_object_map', 'action_type_map',
  'action_ref_map',
  // AMP viewer and cache noise (https://amp.dev/documentation/guides-and-tutorials/learn/amp-caches-and-cors/).
  'amp_js_v', 'amp_gsa', 'amp_ct', 'amp_r', '_js_v', 'usqp', '__amp_source_origin', 'ampshare',
];

/** Parameter-name prefixes that mark whole tracking families (utm_source, vero_conv, pk_campaign…). */
export const TRACKING_PARAM_PREFIXES: readonly string[] = [
  'utm_',
  'vero_',
  'oly_',
  'pk_',
  'mtm_',
  'hsa_',
  'ns_',
  'itm_',
];

const exact = new Set(TRACKING_PARAMS.map((name) => name.toLowerCase()));

/** True when the (decoded) query parameter name is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return exact.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
