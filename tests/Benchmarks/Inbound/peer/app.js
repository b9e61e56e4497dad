// The peer for tests/Benchmarks/inbound.sh: a minimal Bolt app that verifies the signature and acks /coach with an
// ephemeral reply, and acks Events API deliveries (message.im) on /slack/events. authorize is a stub so Bolt makes no outbound call (no auth.test, no token lookups).
const { App, ExpressReceiver, LogLevel } = require('@slack/bolt');

const port = Number(process.env.PEER_PORT || 5301);
const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: ['/slack/commands', '/slack/events'] });
const app = new App({
  receiver,
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
  authorize: async () => ({ botToken: 'xoxb-peer', botId: 'BPEER', botUserId: 'UPEER' }),
});

app.command('/coach', async ({ command, ack }) => {
  await ack({ response_type: 'ephemeral', text: `Hi <@${command.user_id}>, here is what I can do: /coach help, /coach status, /coach pause.` });
});

// Events are acked by Bolt on receipt; the listener only has to exist.
app.message(async () => {});

receiver.app.get('/healthz', (_req, res) => res.send('ok'));

(async () => {
  await receiver.start({ port, host: '127.0.0.1' });
  console.log(`peer listening on 127.0.0.1:${port}`);
})();
