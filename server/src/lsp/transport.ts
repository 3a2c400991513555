/**
 * The connection's reader and writer, chosen from the command line as vscode-languageserver does
 * (--stdio, --node-ipc, --socket=N, --pipe=NAME), with what it lacks: byte streams resynchronise after a
 * bad frame (framing.ts), queued input is visible and queued edits fold (inputQueue.ts), and after
 * `shutdown` every request is refused as the protocol asks.
 */
import * as net from 'node:net';
import { Console } from 'node:console';
import {
  ErrorCodes, IPCMessageReader, IPCMessageWriter, Message, StreamMessageWriter,
  type DataCallback, type Disposable, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { ResyncingStreamReader } from './framing';
import { InputQueue } from './inputQueue';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** The messages read and not yet handled: the analysis waits while there are any. */
  input: InputQueue;
}

/**
 * Passes messages through until a `shutdown` request; from then on answers every request with
 * InvalidRequest and drops every notification but `exit` (LSP: "Shutdown Request").
 */
export class ShutdownGuard implements MessageReader {
  private shutdown = false;
  readonly onError: MessageReader['onError'];
  readonly onClose: MessageReader['onClose'];
  readonly onPartialMessage: MessageReader['onPartialMessage'];

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    this.onError = inner.onError;
    this.onClose = inner.onClose;
    this.onPartialMessage = inner.onPartialMessage;
  }

  get shutdownReceived(): boolean {
    return this.shutdown;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.shutdown && Message.isRequest(message)) {
        const error = { code: ErrorCodes.InvalidRequest, message: `the server is shutting down: ${String(message.method).slice(0, 100)} is refused, only exit is accepted` };
        void this.writer.write({ jsonrpc: '2.0', id: message.id, error } as Message);
        return;
      }
      if (this.shutdown && Message.isNotification(message) && message.method !== 'exit') return;
      if (Message.isRequest(message) && message.method === 'shutdown') this.shutdown = true;
      callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}

const USAGE = "start the server with --stdio, --node-ipc, --socket=PORT or --pipe=NAME";

/** The transport named by `argv` (process.argv without node and the script), guarded. */
export function createTransport(argv: string[], log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Transport {
  const framingProblem = (p: string) => log(`mqtt-harden language server: the message stream had ${p}`);
  const arg = (name: string) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(name.length + 1) : (argv[i + 1] ?? '');
  };
  let reader: MessageReader;
  let writer: MessageWriter;
  let stdio = false;
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (argv.includes('--stdio')) {
    stdio = true;
    reader = new ResyncingStreamReader(process.stdin, framingProblem);
    writer = new StreamMessageWriter(process.stdout);
  } else if (arg('--socket') !== undefined || arg('--pipe') !== undefined) {
    const port = Number(arg('--socket'));
    const socket = arg('--socket') !== undefined ? net.createConnection(port, '127.0.0.1') : net.createConnection(arg('--pipe')!);
    reader = new ResyncingStreamReader(socket, framingProblem);
    writer = new StreamMessageWriter(socket);
  } else {
    throw new Error(`no transport given: ${USAGE}`);
  }
  const input = new InputQueue(reader);
  const guard = new ShutdownGuard(input, writer);
  if (stdio) {
    // stdout carries the protocol: anything logged through console goes to stderr instead.
    globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
    // The client closed our input: it is gone, and the protocol says how to exit.
    process.stdin.on('close', () => process.exit(guard.shutdownReceived ? 0 : 1));
  }
  return { reader: guard, writer, input };
}
