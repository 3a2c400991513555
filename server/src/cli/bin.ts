/** The mqtt-harden executable: runs main() with the process's arguments and streams. */
import { main, EXIT_ERROR } from './main';
import type { Io } from './io';
import { PRODUCT_NAME } from '../core/product';
import { printable } from '../core/printable';

// Nothing on stderr is coloured: every control character there came from input (a file name, a message).
const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(printable(t)), cwd: process.cwd() };
let code: number;
try {
  code = main(process.argv.slice(2), io);
} catch (err) {
  // Never a stack trace for the user: the message names the failure and asks for a report.
  io.err(`${PRODUCT_NAME}: internal error: ${err instanceof Error ? err.message : String(err)}\nPlease report this with the command you ran.\n`);
  code = EXIT_ERROR;
}
// exitCode rather than exit(): large output through a pipe drains first.
process.exitCode = code;
