import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { decide } from '../scripts/ensure-chromium.mjs';

describe('npm test on a fresh machine: Chromium', () => {
  it('does nothing when Chromium is there', () => {
    expect(decide({ chromiumPath: process.execPath, isRoot: false, hasApt: false })).toEqual({ action: 'ok' });
  });
  it('installs it as root where apt-get exists', () => {
    expect(decide({ chromiumPath: '/nonexistent/chromium', isRoot: true, hasApt: true })).toEqual({ action: 'install' });
  });
  it('otherwise stops with the one command to run', () => {
    const verdict = decide({ chromiumPath: '/nonexistent/chromium', isRoot: false, hasApt: true });
    expect(verdict.action).toBe('stop');
    expect(verdict.message).toContain('apt-get install -y --no-install-recommends chromium');
  });
});
