/** Language detection: text (+ declared language) → ISO 639-1 code with confidence. */
export { detectLanguage, MIN_LETTERS, TRUSTED_LETTERS, type LanguageResult } from './detect-language.js';
export { normaliseLanguageTag, ISO_639_3_TO_1 } from './iso-codes.js';
