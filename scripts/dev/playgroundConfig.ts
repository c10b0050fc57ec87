// The Agents Playground's config file (.m365agentsplayground.yml): read, written and re-cast for another
// current user. YAML by a library, not by hand.
import fs from 'node:fs';
import YAML from 'yaml';
import { PLAYGROUND_CONFIG } from './paths.ts';

export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  /** The team id is also the conversation id of its General channel. */
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

/** Reads the Playground config file. */
export function readPlaygroundConfig(file = PLAYGROUND_CONFIG): PlaygroundConfig {
  return YAML.parse(fs.readFileSync(file, 'utf8')) as PlaygroundConfig;
}

/** The Playground config as YAML, readable by the Playground and by readPlaygroundConfig. */
export function formatPlaygroundConfig(config: PlaygroundConfig): string {
  return `# Written by scripts/dev/playgroundConfig.ts (formatPlaygroundConfig).\n${YAML.stringify(config, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
}

/**
 * The Playground config with someone else as the current user (matched by name, user id or e-mail): that
 * person leaves `users` and the current user takes their place there, so it stays 5 users + the current
 * user with the same ids. `personalChatId` gives the new current user's 1:1 chat with the bot its own id
 * (the personal chat is always the current user's).
 */
export function playgroundConfigAs(who: string, options: { base?: PlaygroundConfig; personalChatId?: string } = {}): PlaygroundConfig {
  const base = options.base ?? readPlaygroundConfig();
  const wanted = who.toLowerCase();
  const index = base.users.findIndex((u) => [u.name, u.id, u.email].some((v) => v.toLowerCase() === wanted));
  if (index < 0) throw new Error(`"${who}" is not one of the Playground users: ${base.users.map((u) => u.name).join(', ')}`);
  const users = [...base.users];
  const [next] = users.splice(index, 1, base.currentUser);
  return {
    ...base,
    currentUser: next!,
    users,
    personalChat: { id: options.personalChatId ?? base.personalChat.id },
  };
}

/** The demo consultant's Playground: Anouk Bos as the current user, with her own 1:1 chat with the bot. */
export function consultantPlaygroundConfig(base: PlaygroundConfig = readPlaygroundConfig(), who = 'Anouk Bos'): PlaygroundConfig {
  const slug = who.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return playgroundConfigAs(who, { base, personalChatId: `a:1sot-bot-persoonlijk-${slug}` });
}
