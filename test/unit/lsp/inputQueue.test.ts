// The input queue and the analysis scheduler alone: what folds, what does not, and when an analysis runs.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InputQueue } from '../../../server/src/lsp/inputQueue';
import { AnalysisScheduler } from '../../../server/src/lsp/scheduler';

class FakeReader extends AbstractMessageReader {
  callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose() {} };
  }
}

const turn = () => new Promise((r) => setImmediate(r));

/** Pushes `messages` into a queue in one go and returns what the connection receives once it drained. */
async function through(messages: Message[]): Promise<{ out: Message[]; queue: InputQueue }> {
  const inner = new FakeReader();
  const queue = new InputQueue(inner);
  const out: Message[] = [];
  queue.listen((m) => out.push(m));
  for (const m of messages) inner.callback!(m);
  while (queue.backlog) await turn();
  return { out, queue };
}

const change = (uri: string, version: number, ...contentChanges: object[]): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } }) as Message;
const at = (line: number, character: number, text: string) => ({ range: { start: { line, character }, end: { line, character } }, text });
const hover = (id: number): Message => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: {} }) as Message;
const versionOf = (m: Message) => (m as unknown as { params: { textDocument: { version: number } } }).params.textDocument.version;
const changesOf = (m: Message) => (m as unknown as { params: { contentChanges: Array<{ text: string; range?: unknown }> } }).params.contentChanges;

describe('InputQueue', () => {
  it('folds consecutive changes of one document into one at the latest version, applying to the same text', async () => {
    const edits = [change('a', 2, at(0, 0, 'x')), change('a', 3, at(0, 1, 'y'), at(0, 0, '>')), change('a', 4, at(0, 3, 'z'))];
    const { out, queue } = await through(edits);
    assert.equal(out.length, 1);
    assert.equal(versionOf(out[0]), 4);
    assert.equal(queue.folded, 2);
    const apply = (ms: Message[]) => {
      let doc = TextDocument.create('a', 'x', 1, 'ab\n');
      for (const m of ms) doc = TextDocument.update(doc, changesOf(m) as never, versionOf(m));
      return doc.getText();
    };
    assert.equal(apply(out), apply(edits));
    assert.equal(apply(out), '>xyzab\n');
    // The messages as read are left as they were.
    assert.equal(changesOf(edits[0]).length, 1);
  });

  it('keeps order: a request or another document between two changes stops the fold', async () => {
    const { out } = await through([change('a', 2, at(0, 0, 'x')), hover(1), change('a', 3, at(0, 0, 'y')), change('b', 2, at(0, 0, 'q')), change('a', 4, at(0, 0, 'z'))]);
    assert.deepEqual(out.map((m) => ('id' in m ? `hover` : `${(m as unknown as { params: { textDocument: { uri: string } } }).params.textDocument.uri}@${versionOf(m)}`)), ['a@2', 'hover', 'a@3', 'b@2', 'a@4']);
  });

  it('a whole-text change drops the changes before it', async () => {
    const { out } = await through([change('a', 2, at(0, 0, 'x')), change('a', 3, { text: 'new' }, at(0, 3, '!')), change('a', 4, at(0, 0, '<'))]);
    assert.deepEqual(changesOf(out[0]).map((c) => c.text), ['new', '!', '<']);
  });

  it('does not fold a version older than the queued one, or a malformed change', async () => {
    const malformed = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'a' } } } as Message;
    const { out } = await through([change('a', 5, at(0, 0, 'x')), change('a', 4, at(0, 0, 'y')), malformed, change('a', 6, at(0, 0, 'z'))]);
    assert.equal(out.length, 4);
  });

  it('10,000 queued changes fold into one message', async () => {
    const many = Array.from({ length: 10000 }, (_, i) => change('a', i + 2, at(0, i, 'x')));
    const { out } = await through(many);
    assert.equal(out.length, 1);
    assert.equal(changesOf(out[0]).length, 10000);
  });
});

describe('AnalysisScheduler', () => {
  it('analyses once after a burst of changes, only when the input is drained, and flush runs it at once', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let runs = 0;
      let backlog = 0;
      const s = new AnalysisScheduler(() => runs++, { quietMs: 10, backlog: () => backlog });
      for (let i = 0; i < 100; i++) {
        s.changed();
        mock.timers.tick(5);
      }
      assert.equal(runs, 0, 'changes keep coming: nothing analysed yet');
      backlog = 3;
      mock.timers.tick(50);
      assert.equal(runs, 0, 'input waiting: still nothing');
      backlog = 0;
      mock.timers.tick(10);
      assert.equal(runs, 1);
      assert.equal(s.pending, false);
      mock.timers.tick(100);
      assert.equal(runs, 1, 'one analysis for the burst');
      s.changed();
      s.flush();
      assert.equal(runs, 2);
      mock.timers.tick(100);
      assert.equal(runs, 2, 'the flushed change is not analysed again');
      s.flush();
      assert.equal(runs, 2, 'nothing waiting, nothing run');
    } finally {
      mock.timers.reset();
    }
  });
});
