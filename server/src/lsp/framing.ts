/**
 * Reads `Content-Length` framed JSON-RPC from a byte stream and finds its way back after a bad frame.
 *
 * vscode-jsonrpc's StreamMessageReader trusts every header: a length too long makes it wait for bytes that
 * never come (the following messages become the rest of the body), a length too short or a broken header
 * makes it read bodies as headers from then on. Either way the server never answers again. This reader
 * checks each frame and, when one is wrong, resumes at the next `Content-Length` header. That header cannot
 * occur inside a JSON body: raw CR/LF are not allowed in JSON strings, and the bare name not outside them.
 */
import { TextDecoder } from 'node:util';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

/** Longest header block accepted; real ones are under 100 bytes. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Largest body accepted: a 64 MiB file (the largest read) as a JSON string, with room for escapes. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A `Content-Length` header line, complete: the name, a number and the line end. */
const HEADER_LINE = /Content-Length[ \t]*:[ \t]*\d+[ \t]*\r\n/i;
/** The start of a header, to resume at; an incomplete one is waited for. */
const HEADER_NAME = /Content-Length[ \t]*:/i;
/** Enough bytes to hold the start of a header split across two chunks. */
const OVERLAP = 64;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CRLF2 = Buffer.from('\r\n\r\n', 'latin1');

export interface Deframed {
  messages: Message[];
  /** What went wrong, in words (no byte of the input is quoted: it may be a secret or a control sequence). */
  problems: string[];
}

/** Bytes in, messages out. Pure: no stream, no timers, so every path is unit-tested. */
export class Deframer {
  private buf = Buffer.alloc(0);
  private head = 0;
  private tail = 0;
  /** Length of the body being read, or -1 while reading a header. */
  private bodyLength = -1;
  /** How far into the body a header has been looked for. */
  private scanned = 0;
  /** The body did not parse at its declared length: it is read on up to the next header. */
  private overrun = false;
  /** Bytes skipped since the last good message; the problem is reported once per stretch. */
  private skipping = false;
  private decoder = new TextDecoder('utf-8');

  push(chunk: Uint8Array): Deframed {
    this.append(chunk);
    const out: Deframed = { messages: [], problems: [] };
    while (this.bodyLength === -1 ? this.readHeader(out) : this.readBody(out));
    return out;
  }

  private get size(): number {
    return this.tail - this.head;
  }

  private view(from = 0, to = this.size): Buffer {
    return this.buf.subarray(this.head + from, this.head + Math.min(to, this.size));
  }

  private append(chunk: Uint8Array): void {
    if (this.tail + chunk.length > this.buf.length) {
      const needed = this.size + chunk.length;
      // Compact in place when that makes room for at least as much again; otherwise grow by doubling.
      const next = needed * 2 <= this.buf.length ? this.buf : Buffer.allocUnsafe(Math.max(needed * 2, 4096));
      this.buf.copy(next, 0, this.head, this.tail);
      this.buf = next;
      this.tail = this.size;
      this.head = 0;
    }
    this.buf.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  private consume(n: number): void {
    this.head += n;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  /** Returns true when it made progress and the loop should go on. */
  private readHeader(out: Deframed): boolean {
    // Blank lines between messages are tolerated without a word.
    let blank = 0;
    while (blank < this.size && (this.buf[this.head + blank] === 0x0d || this.buf[this.head + blank] === 0x0a)) blank++;
    if (blank) this.consume(blank);
    if (this.size === 0) return false;
    const end = this.view(0, MAX_HEADER_BYTES + CRLF2.length).indexOf(CRLF2);
    if (end < 0) {
      if (this.size > MAX_HEADER_BYTES) return this.resync(out, 'a message header longer than 8 KiB');
      // A first line that is already complete and no header cannot become one.
      const firstLine = this.view(0, MAX_HEADER_BYTES).indexOf('\r\n');
      if (firstLine >= 0 && !isHeaderLine(this.view(0, firstLine).toString('latin1'))) return this.resync(out, 'bytes that are not a message header');
      return false;
    }
    let length = -1;
    for (const line of this.view(0, end).toString('latin1').split('\r\n')) {
      if (!isHeaderLine(line)) return this.resync(out, 'bytes that are not a message header');
      const [name, value] = splitHeader(line);
      if (name.toLowerCase() !== 'content-length') continue;
      if (!/^\d+$/.test(value)) return this.resync(out, 'a Content-Length that is not a number');
      length = Number(value);
      if (length > MAX_MESSAGE_BYTES) return this.resync(out, `a Content-Length above ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB`);
    }
    if (length < 0) return this.resync(out, 'a message header without Content-Length');
    this.consume(end + CRLF2.length);
    this.bodyLength = length;
    this.scanned = 0;
    return true;
  }

  private readBody(out: Deframed): boolean {
    const length = this.bodyLength;
    if (!this.overrun) {
      // A header inside the declared body means the length was too long: the next message starts there.
      const inside = this.findHeader(Math.max(0, this.scanned - OVERLAP), Math.min(this.size, length + OVERLAP), length);
      this.scanned = Math.min(this.size, length);
      if (inside >= 0) {
        this.finishBody(out, inside, `a Content-Length of ${length} longer than its message`);
        return true;
      }
      if (this.size < length) return false;
      const message = parseMessage(this.decoder, this.view(0, length));
      if (message) {
        this.deliver(out, message, length);
        return true;
      }
      // Not JSON: most likely the length was too short, and the body goes on up to the next header.
      this.overrun = true;
    }
    const next = this.findHeader(Math.max(length, this.scanned - OVERLAP), this.size, this.size);
    this.scanned = this.size;
    const problem = `a Content-Length of ${length} that does not frame a JSON message`;
    if (next >= 0 || this.size > MAX_MESSAGE_BYTES) {
      this.finishBody(out, next >= 0 ? next : this.size, problem);
      return true;
    }
    return false;
  }

  /** Ends a body that its length did not frame: the bytes up to `end` are the message if they parse as one. */
  private finishBody(out: Deframed, end: number, problem: string): void {
    const message = parseMessage(this.decoder, this.view(0, end));
    if (message) {
      out.problems.push(`${problem}: read it up to the next header`);
      this.deliver(out, message, end);
      return;
    }
    this.report(out, `${problem}: skipped ${end} bytes to the next header`);
    this.consume(end);
    this.bodyLength = -1;
    this.overrun = false;
  }

  private deliver(out: Deframed, message: Message, bytes: number): void {
    out.messages.push(message);
    this.consume(bytes);
    this.bodyLength = -1;
    this.overrun = false;
    this.skipping = false;
  }

  /** Skips to the next `Content-Length` after the current position (or keeps a tail that may start one). */
  private resync(out: Deframed, problem: string): boolean {
    this.report(out, `${problem}: skipping to the next Content-Length header`);
    const text = this.view(1).toString('latin1');
    const m = HEADER_NAME.exec(text);
    if (m) {
      this.consume(1 + m.index);
      return true;
    }
    this.consume(Math.max(1, this.size - OVERLAP));
    return false;
  }

  private report(out: Deframed, problem: string): void {
    if (!this.skipping) out.problems.push(problem);
    this.skipping = true;
  }

  /** Offset of the first complete header line starting in [from, before) and found before `to`, or -1. */
  private findHeader(from: number, to: number, before: number): number {
    if (to <= from) return -1;
    const m = HEADER_LINE.exec(this.view(from, to).toString('latin1'));
    return m && from + m.index < before ? from + m.index : -1;
  }
}

function isHeaderLine(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && TOKEN.test(line.slice(0, colon).trimEnd()) && /^[\t\x20-\x7e]*$/.test(line.slice(colon + 1));
}

function splitHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

function parseMessage(decoder: TextDecoder, bytes: Uint8Array): Message | undefined {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Message) : undefined;
  } catch {
    return undefined;
  }
}

/** A MessageReader over a byte stream (stdin, a socket) that resynchronises after a bad frame. */
export class ResyncingStreamReader extends AbstractMessageReader implements MessageReader {
  private readonly deframer = new Deframer();

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly log: (problem: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) => {
      const { messages, problems } = this.deframer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      for (const p of problems) this.log(p);
      for (const m of messages) callback(m);
    };
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('close', onClose);
      },
    };
  }
}
