// npm run dev — the SOT bot and the Microsoft 365 Agents Playground together, on this machine, offline.
//
//   1. imports scripts/demo/org.playground.json into the embedded database (DATA_DIR, default ./data)
//   2. starts the bot (tsx bot/index.ts) on PORT (default 3978) and waits for GET /healthz = 200
//   3. starts the Playground on PLAYGROUND_PORT (default 56150) and waits until it answers
//   4. says which address to open and who you are in the Playground
//   5. Ctrl+C / SIGTERM stops both; if one of them dies, the other is stopped and this exits non-zero
//
// npm run dev:consultant (`--consultant`) does the same and opens a second Playground next to it, as the demo
// consultant Anouk Bos (CONSULTANT_PORT, default PLAYGROUND_PORT + 1), on the same bot and database: Sanne files
// a request in one tab, Anouk picks it up in the other, Sanne gets the notice. A small relay in this process
// (scripts/dev/relay.ts) takes each of the bot's messages to the Playground of the person it is for.
//
// The parts live in scripts/dev/ (paths, processes, the Playground config, the stack); the end-to-end tests
// use the same functions, so a test starts the bot and the Playground exactly the way a developer does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BOT_ENTRY,
  DEMO_CONSULTANT,
  DEMO_CONSULTANT_ROLE,
  DEMO_ORG_FILE,
  DEMO_ROLE,
  ORG_IMPORT_SCRIPT,
  PLAYGROUND_CLI,
  PLAYGROUND_CONFIG,
  REPO_ROOT,
  TSX_CLI,
} from './dev/paths.ts';
import { readPlaygroundConfig, type PlaygroundConfig } from './dev/playgroundConfig.ts';
import { describeExit, isPortFree, tail, type ManagedProcess } from './dev/processes.ts';
import {
  localBotEnv,
  runOrgImport,
  startBothPlaygrounds,
  startBotProcess,
  startPlaygroundProcess,
  type StartedBothSides,
  type StartedBot,
  type StartedPlayground,
} from './dev/stack.ts';

// ---------------------------------------------------------------------------------------------------------------
// npm run dev

const prefixer = (label: string) => (line: string) => {
  if (line.trim() !== '') console.log(`${label} ${line}`);
};

async function main(): Promise<number> {
  const botPort = Number(process.env.PORT || 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
  const dataDir = process.env.DATA_DIR || './data';
  const withConsultant = process.argv.includes('--consultant');
  const consultantPort = Number(process.env.CONSULTANT_PORT || playgroundPort + 1);

  for (const [file, hint] of [
    [TSX_CLI, 'tsx'],
    [PLAYGROUND_CLI, '@microsoft/m365agentsplayground'],
  ] as const) {
    if (!fs.existsSync(file)) {
      console.error(`✖ ${hint} ontbreekt in node_modules. Voer eerst "npm install" uit.`);
      return 1;
    }
  }
  if (!fs.existsSync(BOT_ENTRY)) {
    console.error('✖ bot/index.ts bestaat (nog) niet; er is geen bot om te starten.');
    return 1;
  }
  let config: PlaygroundConfig;
  try {
    config = readPlaygroundConfig();
  } catch (err) {
    console.error(`✖ ${path.relative(REPO_ROOT, PLAYGROUND_CONFIG)} kan niet worden gelezen: ${(err as Error).message}`);
    return 1;
  }
  if (!(await isPortFree(botPort))) {
    console.error(
      `✖ Poort ${botPort} is al in gebruik. Draait de bot al (npm start of een andere npm run dev)? Stop die eerst, of kies een andere poort met PORT=…`,
    );
    return 1;
  }
  if (!(await isPortFree(playgroundPort))) {
    console.error(
      `✖ Poort ${playgroundPort} is al in gebruik. Draait de Playground al? Stop die eerst, of kies een andere poort met PLAYGROUND_PORT=…`,
    );
    return 1;
  }

  if (withConsultant && !(await isPortFree(consultantPort))) {
    console.error(
      `✖ Poort ${consultantPort} (de Playground van de consulent) is al in gebruik. Stop wat daar draait, of kies een andere poort met CONSULTANT_PORT=…`,
    );
    return 1;
  }

  const children: ManagedProcess[] = [];
  const track = (proc: ManagedProcess) => children.push(proc);
  let shuttingDown = false;
  // Once a signal has arrived, its handler finishes the job and exits; main() just waits.
  const handedOver = () => new Promise<number>(() => {});
  const stopAll = () => Promise.all(children.map((child) => child.stop()));
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      // Ctrl+C reaches this process twice (from the terminal and relayed by tsx): ignore the echo.
      if (Date.now() - firstSignalAt < 2_000) return;
      // A second Ctrl+C later on: do not wait any longer.
      for (const child of children) {
        try {
          if (child.child.pid && !child.exitInfo) process.kill(-child.child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      process.exit(130);
    }
    shuttingDown = true;
    firstSignalAt = Date.now();
    console.log(`\n${signal} ontvangen: de Playground en de bot worden gestopt…`);
    void stopAll().then(() => {
      console.log('Gestopt.');
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  const env = localBotEnv({ DATA_DIR: dataDir });
  const database = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `de ingebouwde database in ${dataDir}`;

  // (a) organisation
  if (fs.existsSync(ORG_IMPORT_SCRIPT)) {
    console.log(`▶ Demo-organisatie laden (${path.relative(REPO_ROOT, DEMO_ORG_FILE)}) in ${database}…`);
    const result = await runOrgImport(DEMO_ORG_FILE, { env, onLine: prefixer('  [org:import]'), track });
    if (shuttingDown) return handedOver();
    if (result.code !== 0) {
      console.error(`✖ Het laden van de demo-organisatie is mislukt (exitcode ${result.code}); zie de meldingen hierboven.`);
      return 1;
    }
  } else {
    console.warn(
      '⚠ scripts/org-import.ts bestaat nog niet: de demo-organisatie is NIET geladen. De bot kent de Playground-gebruikers dus niet.',
    );
  }

  // (b) the bot
  console.log(`▶ De bot starten op poort ${botPort}…`);
  let bot: StartedBot;
  try {
    bot = await startBotProcess({ port: botPort, env, onLine: prefixer('  [bot]'), track });
  } catch (err) {
    if (shuttingDown) return handedOver();
    console.error(`✖ ${(err as Error).message}`);
    return 1;
  }
  if (shuttingDown) return handedOver();

  // (c) the Playground(s)
  console.log(
    withConsultant
      ? `▶ Twee Agents Playgrounds starten: ${config.currentUser.name} op poort ${playgroundPort}, de consulent op poort ${consultantPort}…`
      : `▶ De Agents Playground starten op poort ${playgroundPort}…`,
  );
  let playground: StartedPlayground;
  let both: StartedBothSides | undefined;
  try {
    if (withConsultant) {
      both = await startBothPlaygrounds({
        botEndpoint: bot.endpoint,
        coordinatorPort: playgroundPort,
        consultantPort,
        consultantConfigFile: path.join(REPO_ROOT, 'devTools', 'consulent', '.m365agentsplayground.yml'),
        onLine: (side) => prefixer(side === 'coordinator' ? '  [playground]' : '  [playground consulent]'),
        track,
      });
      playground = both.coordinator;
    } else {
      playground = await startPlaygroundProcess({
        port: playgroundPort,
        botEndpoint: bot.endpoint,
        onLine: prefixer('  [playground]'),
        track,
      });
    }
  } catch (err) {
    if (shuttingDown) return handedOver();
    shuttingDown = true;
    console.error(`✖ ${(err as Error).message}`);
    await stopAll();
    return 1;
  }
  if (shuttingDown) return handedOver();

  // (d) where to go
  const me = config.currentUser;
  const channels = ['General', ...config.team.channels.map((c) => c.name)].map((n) => `"${n}"`).join(' en ');
  console.log(
    [
      '',
      '────────────────────────────────────────────────────────────────────────',
      '  De SOT-bot en de Microsoft 365 Agents Playground draaien.',
      '',
      `  Open in je browser:  ${playground.url}`,
      '',
      `  Je bent ${me.name} (${me.email}), ${DEMO_ROLE}.`,
      '  Begin in "Personal Chat" en typ bijvoorbeeld "hallo".',
      `  In het team "${config.team.name}" zijn de kanalen ${channels};`,
      '  noem daar eerst de bot (@SOT bot) en klik op "Post".',
      ...(both
        ? [
            '',
            `  De consulent, in een tweede tabblad:  ${both.consultant.url}`,
            `  Daar ben je ${DEMO_CONSULTANT}, ${DEMO_CONSULTANT_ROLE}.`,
            '  Typ daar eerst "hallo" in "Personal Chat". Vraag dan als Sanne een spreekuur aan: het verschijnt in het',
            '  kanaal "Spreekuur Anouk Bos" van de consulent; druk daar op de knop voor je eigen acties en dan op "Oppakken".',
          ]
        : []),
      '',
      `  Bot: ${bot.endpoint}   Database: ${database}`,
      `  Playground-log: ${path.relative(REPO_ROOT, playground.logFile)}`,
      '  Stoppen: Ctrl+C',
      '────────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
  if (playground.port !== playgroundPort)
    console.warn(`⚠ Poort ${playgroundPort} was bezet; de Playground gebruikt poort ${playground.port}.`);

  // (e) wait until one of them stops
  const running = [bot.process, playground.process, ...(both ? [both.consultant.process] : [])];
  const first = await Promise.race(running.map((child) => child.exited.then((info) => ({ child, info }))));
  if (shuttingDown) return handedOver();
  shuttingDown = true;
  console.error(`\n✖ ${first.child.name} is onverwacht gestopt (${describeExit(first.info)}). Het andere proces wordt ook gestopt.`);
  const output = tail(first.child.output(), 25);
  if (output.trim()) console.error(`--- laatste uitvoer van ${first.child.name.toLowerCase()} ---\n${output}`);
  await stopAll();
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
