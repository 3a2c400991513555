// Preloaded (node --require) into a process under measurement: when it exits, writes its own resource
// usage (peak RSS, user and system CPU time) as JSON to the file named by BENCH_RUSAGE_FILE. A parent
// cannot read a child's peak RSS from Node, so the child reports it itself.
const fs = require('node:fs');

const target = process.env.BENCH_RUSAGE_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ maxRssMB: u.maxRSS / 1024, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
