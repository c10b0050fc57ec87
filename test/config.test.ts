import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../bot/config.ts';

describe('configuration', () => {
  it('runs in local mode with the embedded database when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.credentials).toBeUndefined();
    expect(config.database).toMatchObject({ kind: 'embedded' });
    expect((config.database as { dataDir: string }).dataDir).toMatch(/data$/);
  });

  it('selects PostgreSQL for a postgres:// URL and accepts Teams Toolkit and Bot Framework names', () => {
    const secret = { LINK_SECRET: '0123456789abcdef' };
    const a = loadConfig({ DATABASE_URL: 'postgres://u@h/db', BOT_ID: 'id', BOT_PASSWORD: 'pw', ...secret });
    expect(a.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', poolSize: 20 });
    expect(a.credentials).toMatchObject({ appId: 'id', appPassword: 'pw', appType: 'MultiTenant' });
    const b = loadConfig({
      MicrosoftAppId: 'id2',
      MicrosoftAppPassword: 'pw2',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't',
      ...secret,
    });
    expect(b.credentials).toMatchObject({ appId: 'id2', appType: 'SingleTenant', tenantId: 't' });
    expect(b.servedTenants).toEqual(['t']);
  });

  it('listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(() => loadConfig({ HOST: 'everywhere' })).toThrow(/HOST/);
  });

  it('refuses bot credentials without LINK_SECRET (links could be forged), also outside production', () => {
    expect(() => loadConfig({ BOT_ID: 'id', BOT_PASSWORD: 'pw' })).toThrow(/LINK_SECRET/);
    expect(loadConfig({}).linkSecret).toBeUndefined();
  });

  it('refuses production mode without credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID/);
    expect(() => loadConfig({ NODE_ENV: 'production', BOT_ID: 'x', BOT_PASSWORD: 'y' })).toThrow(/PUBLIC_URL/);
    const prod = {
      NODE_ENV: 'production',
      BOT_ID: 'x',
      BOT_PASSWORD: 'y',
      PUBLIC_URL: 'https://bot.example.nl/',
      LINK_SECRET: '0123456789abcdef',
    };
    expect(loadConfig(prod).production).toBe(true);
    expect(loadConfig(prod).publicUrl).toBe('https://bot.example.nl');
  });

  it('names every wrong setting at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', BOT_TYPE: 'Other' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/BOT_TYPE/);
    }
  });
});
