import type { Rule } from '../types';
import { docsPath } from '../types';
import { defaultNote, shownValue } from '../messages';
import { isExposedAddress, parseBind } from '../../model/extract/listeners';
import { flatSetting } from '../../model/flatSettings';

const id = 'dashboard/exposed-http';

function message(setting: string, shown: string, note: string): string {
  return `${setting} is ${shown}${note}, every interface, over plain HTTP: the admin login and API tokens cross the network unencrypted and the login page is open to brute force.`;
}

export const rule: Rule = {
  id,
  severity: 'warning',
  fixable: true,
  docs: { title: 'The dashboard is served over HTTP on every interface', path: docsPath(id) },
  check({ model, report }) {
    const view = model.emqx;
    if (!view) return;
    if (view.format === 'emqx4') {
      const bind = flatSetting(model, 'dashboard.listener.http');
      if (!bind) return;
      const { address, port } = parseBind(bind.value);
      if (!isExposedAddress(address) || !port) return;
      report({
        file: bind.origin.file,
        span: bind.origin.span,
        message: message('dashboard.listener.http', bind.value, ''),
        fixes: [{ title: `Bind the dashboard to 127.0.0.1:${port}`, edits: model.edits.replaceValue(bind, `127.0.0.1:${port}`), preferred: true, safe: true }],
      });
      return;
    }
    for (const l of model.listeners) {
      if (l.kind !== 'dashboard' || l.type !== 'http' || !l.enabled.value || !l.exposed || !l.port) continue;
      report({
        file: l.bind.origin.file,
        span: l.bind.origin.span,
        message: message('dashboard.listeners.http.bind', shownValue(l.bind.value), defaultNote(model, l.bind)),
        fixes: [{ title: `Bind the dashboard to 127.0.0.1:${l.port}`, edits: model.edits.setSetting([...l.path, 'bind'], `127.0.0.1:${l.port}`), preferred: true, safe: true }],
      });
    }
  },
};
