/** Language server entry: transport from argv (--stdio, --node-ipc, --socket=N), as vscode-languageserver reads it. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
