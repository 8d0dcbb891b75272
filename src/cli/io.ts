/** What a CLI command may touch besides the file system: its output streams and working folder. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** True when stdout is a terminal (progress bars only then). */
  readonly isTTY: boolean;
  /** True when stderr alone is a terminal (a status line there while stdout goes to a file or a pipe). */
  readonly stderrIsTTY?: boolean;
  /** Standard input, for `-` as a file (absent where there is none). */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
}

/** A command: parses its own arguments, returns the exit code. */
export type Command = (argv: readonly string[], io: CliIO) => Promise<number>;
