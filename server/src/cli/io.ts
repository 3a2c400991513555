/** The streams and folder a command runs with: the process's in bin.ts, captured ones in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}
