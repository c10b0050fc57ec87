// The trust boundary after authentication: which tenant is served, and (local mode) which service URLs
// the bot may call back. Runs before any lookup of people or requests.
import { isIP } from 'node:net';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { noticeCard } from '../../cards/notice.ts';
import { nl } from '../domain/wording/register.ts';

export type Refusal = 'tenant' | 'noTenantConfigured' | 'serviceUrl';
export type Verdict = { ok: true; tenantId?: string } | { ok: false; reason: Refusal; tenantId?: string };

/** The activity's tenant; `null` when its two places name different tenants. */
export function tenantOf(activity: Partial<Activity>): string | undefined | null {
  const fromConversation = activity.conversation?.tenantId?.trim();
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const channelTenant = typeof fromChannelData === 'string' ? fromChannelData.trim() : undefined;
  if (fromConversation && channelTenant && fromConversation.toLowerCase() !== channelTenant.toLowerCase()) return null;
  return (fromConversation || channelTenant)?.toLowerCase() || undefined;
}

/** localhost, 127.0.0.0/8 and ::1 only. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

const CACHE_MS = 30_000;

export class TenantGate {
  private cached?: { at: number; tenants: Set<string> };

  constructor(
    /** The tenants of the SWVs in the directory (`swv.tenantId` from the organisation file). */
    private readonly organisationTenants: () => Promise<string[]>,
    private readonly options: { localMode: boolean; servedTenants: string[] },
  ) {}

  /** BOT_TENANT_ID plus the tenants of the SWVs in the organisation file (re-read every 30 s: imports run elsewhere). */
  async servedTenants(now = Date.now()): Promise<Set<string>> {
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.tenants;
    const tenants = new Set([...this.options.servedTenants, ...(await this.organisationTenants())].map((t) => t.trim().toLowerCase()));
    this.cached = { at: now, tenants };
    return tenants;
  }

  async check(activity: Partial<Activity>): Promise<Verdict> {
    // Local mode has no authentication: only a client on this machine may be answered (no calls to
    // whatever host a caller names).
    if (this.options.localMode && !isLoopbackUrl(activity.serviceUrl)) return { ok: false, reason: 'serviceUrl' };
    const tenantId = tenantOf(activity);
    if (tenantId === null) return { ok: false, reason: 'tenant' };
    const served = await this.servedTenants();
    if (served.size === 0) {
      // Local mode before a tenant is known (tests, a first demo): any tenant. Teams mode: none at all.
      return this.options.localMode ? { ok: true, tenantId } : { ok: false, reason: 'noTenantConfigured', tenantId };
    }
    if (!tenantId || !served.has(tenantId)) return { ok: false, reason: 'tenant', tenantId };
    return { ok: true, tenantId };
  }
}

export const OTHER_TENANT_TEXT = nl`Deze SOT-bot werkt alleen voor de organisatie van het samenwerkingsverband. Uw Teams-account hoort bij een andere organisatie, daarom kan de bot u niet helpen.`;

/**
 * Answers a refused activity without touching any data: a short Dutch message in a personal chat, a
 * refusal card for a card action, nothing elsewhere. Returns the HTTP status for the request (403),
 * or undefined when the card answer must go out as a normal invoke response (Teams shows only those).
 */
export async function answerRefusal(context: TurnContext, verdict: Verdict & { ok: false }): Promise<number | undefined> {
  const a = context.activity;
  // Never call back a service URL that is not trusted.
  if (verdict.reason === 'serviceUrl') return 403;
  if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
    const card = noticeCard({ title: 'Geen toegang', tone: 'attention', paragraphs: [OTHER_TENANT_TEXT] });
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
    });
    return undefined;
  }
  if (a.type === ActivityTypes.Message && a.conversation?.conversationType === 'personal') {
    await context.sendActivity(OTHER_TENANT_TEXT).catch(() => undefined);
  }
  return 403;
}
