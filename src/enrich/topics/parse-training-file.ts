import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';

/**
 * One labeled example. `topics` are topic names; an entry "+Name" / "-Name" is an editor
 * correction (add / remove relative to what Heatwire assigned). Unknown fields (ids, notes) are kept.
 */
export const TrainingExampleSchema = z.looseObject({
  title: z.string().optional(),
  text: z.string(),
  topics: z.array(z.string().trim().min(1, 'a topic name is empty')),
});
export type TrainingExample = z.infer<typeof TrainingExampleSchema>;

/**
 * Parses a JSONL training file: one example per line; blank lines are skipped. Throws
 * JSON_SYNTAX or RECORD_INVALID naming `origin` and the 1-based line.
 */
export function parseTrainingFile(text: string, origin: string): TrainingExample[] {
  const examples: TrainingExample[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      throw new HeatwireError('JSON_SYNTAX', `training example: ${(err as Error).message}`, {
        input: origin,
        line: i + 1,
        cause: err,
      });
    }
    const parsed = TrainingExampleSchema.safeParse(data);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(example)'}: ${issue.message}`)
        .join('; ');
      throw new HeatwireError('RECORD_INVALID', `training example ${detail}`, { input: origin, line: i + 1 });
    }
    examples.push(parsed.data);
  }
  return examples;
}
