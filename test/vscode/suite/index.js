// extensionTestsPath entry, the @vscode/test-electron contract: the extension host calls run() and
// treats a rejected promise as failure. Mocha (tdd) runs the suites below in this order, because
// later ones change the workspace (settings, fixes) that earlier ones read.
const path = require('path');
const Mocha = require('mocha');

const FILES = ['activation.test.js', 'diagnostics.test.js', 'features.test.js', 'quickfix.test.js', 'commands.test.js'];

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  for (const file of FILES) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
};
