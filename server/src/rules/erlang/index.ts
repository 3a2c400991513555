import type { Rule } from '../types';
import { rule as weakCookie } from './weak-cookie';
import { rule as cookieMismatch } from './cookie-mismatch';
import { rule as distInterfaceUnbound } from './dist-interface-unbound';
import { rule as distInterfaceSyntax } from './dist-interface-syntax';
import { rule as distCleartext } from './dist-cleartext';
import { rule as rpcCleartext } from './rpc-cleartext';
import { rule as rpcSslIncomplete } from './rpc-ssl-incomplete';
import { rule as rpcListenAll } from './rpc-listen-all';

/** Erlang distribution and cluster rules. */
export const ERLANG_RULES: Rule[] = [
  weakCookie, cookieMismatch, distInterfaceUnbound, distInterfaceSyntax, distCleartext, rpcCleartext, rpcSslIncomplete, rpcListenAll,
];
