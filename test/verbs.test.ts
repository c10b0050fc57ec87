import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../bot/teams/adapter.ts';
import { createApp } from '../bot/teams/app.ts';
import { registeredVerbs } from '../bot/teams/routes.ts';
import type { Services } from '../bot/services.ts';
import { isVerb, VERBS } from '../cards/verbs.ts';

const TEMPLATES = path.resolve(import.meta.dirname, '../cards/templates');

/** Every fixed "verb" in the card templates (templated ones, "${…}", come from the typed card functions). */
function templateVerbs(): { file: string; verb: string }[] {
  const found: { file: string; verb: string }[] = [];
  const walk = (node: unknown, file: string) => {
    if (Array.isArray(node)) for (const n of node) walk(n, file);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'verb' && typeof v === 'string' && !v.includes('${')) found.push({ file, verb: v });
        else walk(v, file);
      }
    }
  };
  for (const file of fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')), file);
  }
  return found;
}

describe('card verbs', () => {
  it('every verb in the verb module has a route, and no route has a verb outside it', () => {
    // Registering routes touches no service; an empty object stands in for them.
    const app = createApp(createTeamsAdapter(), '', {} as Services);
    expect([...registeredVerbs(app)].sort()).toEqual([...VERBS].sort());
  });

  it('the templates name only known verbs', () => {
    const verbs = templateVerbs();
    expect(verbs.length).toBeGreaterThan(5);
    expect(verbs.filter((v) => !isVerb(v.verb))).toEqual([]);
  });

  it('isVerb refuses what is not a verb', () => {
    expect(isVerb('menu.open')).toBe(true);
    expect(isVerb('request.delete')).toBe(false);
    expect(isVerb('toString')).toBe(false);
    expect(isVerb(42)).toBe(false);
  });
});
