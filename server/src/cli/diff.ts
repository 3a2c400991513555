/** A unified diff of two texts (Myers-free: line LCS over the changed middle), enough for --fix --dry-run. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aMid = a.slice(head, a.length - tail);
  const bMid = b.slice(head, b.length - tail);
  const ops = lcsOps(aMid, bMid);
  const start = Math.max(0, head - context);
  const lines: string[] = [];
  for (let i = start; i < head; i++) lines.push(' ' + a[i]);
  for (const op of ops) lines.push(op);
  const endContext = Math.min(tail, context);
  for (let i = a.length - tail; i < a.length - tail + endContext; i++) lines.push(' ' + a[i]);
  const aCount = head - start + aMid.length + endContext;
  const bCount = head - start + bMid.length + endContext;
  return `--- a/${name}\n+++ b/${name}\n@@ -${start + 1},${aCount} +${start + 1},${bCount} @@\n${lines.join('\n')}\n`;
}

function lcsOps(a: string[], b: string[]): string[] {
  // Changed regions of config fixes are a few lines; cap the table so a huge rewrite stays cheap.
  if (a.length * b.length > 4_000_000) return [...a.map((l) => '-' + l), ...b.map((l) => '+' + l)];
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(' ' + a[i++]);
      j++;
    } else if (j < b.length && (i >= a.length || dp[i][j + 1] >= dp[i + 1][j])) out.push('+' + b[j++]);
    else out.push('-' + a[i++]);
  }
  return out;
}
