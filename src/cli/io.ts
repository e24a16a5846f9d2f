/** Where a command writes: injected so tests run commands in-process and read their output. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

/** Exit codes of DESIGN.md §6. */
export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2 } as const;
