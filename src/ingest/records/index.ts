/** News-record readers and writers: YAML front-matter documents, JSON and JSONL (docs/formats.md). */
export { parseRecordDocument } from './parse-record-document.js';
export { writeRecordDocument } from './write-record-document.js';
export {
  jsonlLineError,
  parseJsonlLine,
  parseJsonlRecords,
  writeJsonlRecord,
  type ParsedRecords,
} from './parse-jsonl-records.js';
export { parseJsonRecords, collectJsonRecords } from './parse-json-records.js';
export { validateRecord } from './validate-record.js';
