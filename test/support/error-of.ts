import { HeatwireError } from '../../src/core/errors.js';

/** The HeatwireError `fn` throws; any other throw is rethrown, and no throw fails the test. */
export function errorOf(fn: () => unknown): HeatwireError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HeatwireError) return err;
    throw err;
  }
  throw new Error('expected a HeatwireError');
}
