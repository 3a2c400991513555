/** Language server entry: transport from argv (--stdio, --node-ipc, --socket=N, --pipe=NAME), see transport.ts. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { createTransport } from './transport';

const { reader, writer, input } = createTransport(process.argv.slice(2));
startServer(createConnection(ProposedFeatures.all, reader, writer), { inputBacklog: () => input.backlog });
