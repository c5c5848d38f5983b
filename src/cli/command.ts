// What every `teammark` sub-command looks like. Commands get their streams and
// environment injected so tests can run them without spawning a process.
export type CliIO = {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Record<string, string | undefined>;
};

export type Command = {
  /** One line shown by `teammark --help`. */
  summary: string;
  /** Usage text shown by `teammark <command> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
};
