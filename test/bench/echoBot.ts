// The floor for the benchmarks: the smallest bot on the same stack as the SOT bot (restify 11,
// teams-ai Application + TeamsAdapter, botbuilder 4.23, local mode without authentication). It
// answers a message with one text reply (through the Bot Connector, like the SOT bot's replies) and an
// Action.Execute with a tiny card (in the invoke response). No database, no logging.
//   PORT=0 node --import tsx test/bench/echoBot.ts      (prints {"port":…} on stdout, or sends it over IPC)
import restify from 'restify';
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';

const adapter = new TeamsAdapter({
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '',
} as ConfigurationBotFrameworkAuthenticationOptions);

const app = new Application({ adapter, botAppId: '', removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
app.activity(ActivityTypes.Message, async (context) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
});
app.adaptiveCards.actionExecute(/.*/, async () => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'OK', wrap: true }],
}));

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.post(
  '/api/messages',
  ...restify.plugins.jsonBodyParser({ mapParams: false }),
  async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  },
);
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  if (process.send) process.send({ ready: true, port });
  else console.log(JSON.stringify({ port }));
});

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('message', (m: { cmd?: string }) => {
  if (m?.cmd === 'stop') stop();
});
