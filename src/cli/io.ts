// The only module that touches process.stdout / process.stderr. Tests pass their own Io.
import { visible } from '../report/escape.ts';
import type { Style } from '../report/style.ts';

export type { Style };

/** The environment commands read (GitHub Actions variables for `check`, API keys for `pull`); tests pass their own. */
export type Env = Readonly<Record<string, string | undefined>>;

export type Io = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly style: Style;
  /** True when stderr is a terminal: progress is shown only then. */
  readonly interactive: boolean;
};

const envColumns = Number(process.env.COLUMNS);

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  style: {
    color: process.stdout.isTTY === true && !('NO_COLOR' in process.env),
    columns: Number.isFinite(envColumns) && envColumns > 0 ? envColumns : (process.stdout.columns ?? 100),
  },
  interactive: process.stderr.isTTY === true,
};

const progressPrefix = /^\r\x1b\[2K/;

/**
 * Stderr is talk that quotes input (file names, reasons, models): its control characters are shown, never sent to
 * the terminal. The one escape batchable writes there itself, the progress line's "return and clear", is kept.
 * Stdout is left to the renderers: JSON escapes for itself, tables and text escape their cells.
 */
export function terminalSafe(io: Io): Io {
  return {
    ...io,
    err: (text) => {
      const prefix = progressPrefix.exec(text)?.[0] ?? '';
      io.err(prefix + visible(text.slice(prefix.length)));
    },
  };
}

/** A progress line on stderr that rewrites itself; silent when stderr is not a terminal. */
export function progressLine(io: Io): { update: (text: string) => void; done: () => void } {
  let shown = false;
  return {
    update(text) {
      if (!io.interactive) return;
      io.err(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.err('\r\x1b[2K');
      shown = false;
    },
  };
}
