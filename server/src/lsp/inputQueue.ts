/**
 * Holds the messages read but not yet handed to the connection, so the server knows how much input is
 * waiting (the analysis waits for it, scheduler.ts), and folds consecutive `didChange` notifications of one
 * document into one: their content changes applied in order give the same text, at the latest version, for
 * one round of bookkeeping instead of thousands. Order is kept: only changes with nothing between them fold.
 */
import { Message, type DataCallback, type Disposable, type MessageReader, type NotificationMessage } from 'vscode-languageserver/node';

const DID_CHANGE = 'textDocument/didChange';

interface DidChangeParams {
  textDocument: { uri: string; version: number };
  contentChanges: unknown[];
}

function asDidChange(message: Message): (NotificationMessage & { params: DidChangeParams }) | undefined {
  if (!Message.isNotification(message) || message.method !== DID_CHANGE) return undefined;
  const p = message.params as Partial<DidChangeParams> | undefined;
  if (!p || typeof p.textDocument?.uri !== 'string' || typeof p.textDocument.version !== 'number' || !Array.isArray(p.contentChanges)) return undefined;
  return message as NotificationMessage & { params: DidChangeParams };
}

const isRangeChange = (c: unknown) => !!c && typeof c === 'object' && 'range' in c;

export class InputQueue implements MessageReader {
  private readonly queue: Message[] = [];
  private releasing = false;
  private readonly owned = new WeakSet<Message>();
  /** Notifications folded into an earlier one since the start (for tests and traces). */
  folded = 0;
  readonly onError: MessageReader['onError'];
  readonly onClose: MessageReader['onClose'];
  readonly onPartialMessage: MessageReader['onPartialMessage'];

  constructor(private readonly inner: MessageReader) {
    this.onError = inner.onError;
    this.onClose = inner.onClose;
    this.onPartialMessage = inner.onPartialMessage;
  }

  /** Messages read and not yet handed on. */
  get backlog(): number {
    return this.queue.length;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (!this.fold(message)) this.queue.push(message);
      if (this.releasing) return;
      this.releasing = true;
      // One message per turn, as the connection itself handles them: the queue stays here, where it is seen.
      const release = () => {
        const next = this.queue.shift();
        if (next) callback(next);
        if (this.queue.length) setImmediate(release);
        else this.releasing = false;
      };
      setImmediate(release);
    });
  }

  /** Appends a didChange's content changes to the queued one just before it, when that is the same document's. */
  private fold(message: Message): boolean {
    const change = asDidChange(message);
    const last = this.queue.length ? asDidChange(this.queue[this.queue.length - 1]) : undefined;
    if (!change || !last || last.params.textDocument.uri !== change.params.textDocument.uri) return false;
    if (change.params.textDocument.version < last.params.textDocument.version) return false;
    let merged = last;
    if (!this.owned.has(last)) {
      // The first fold makes a message of our own, so the later ones append in place (linear, not quadratic).
      merged = { ...last, params: { textDocument: last.params.textDocument, contentChanges: [...last.params.contentChanges] } };
      this.owned.add(merged);
      this.queue[this.queue.length - 1] = merged;
    }
    const changes = merged.params.contentChanges;
    // A change without a range replaces the whole text: what came before it no longer matters.
    const incoming = change.params.contentChanges;
    let whole = incoming.length - 1;
    while (whole >= 0 && isRangeChange(incoming[whole])) whole--;
    if (whole >= 0) changes.length = 0;
    for (let i = Math.max(0, whole); i < incoming.length; i++) changes.push(incoming[i]);
    merged.params.textDocument = change.params.textDocument;
    this.folded++;
    return true;
  }

  dispose(): void {
    this.inner.dispose();
  }
}
