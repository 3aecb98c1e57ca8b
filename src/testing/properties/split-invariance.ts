import * as fc from 'fast-check';
import { CHANNELS, type Channel, type ComplaintInput, TONES, type Tone } from '../../complaint/schema';
import { toMinor } from '../../money';
import { DEFAULT_CASE_WINDOW_DAYS } from '../../policy/schema';
import type { Recommendation } from '../../recommend/recommendation';
import { parseTimestamp } from '../../time/timestamp';
import { DAY_MS } from '../../time/utc-calendar';
import { complaintArbitrary } from '../complaint-arbitrary';
import { complaintsFor, type FairnessOptions, type FairnessSubject, resolveSubject } from '../subject';
import { FairnessViolation } from '../violation';

/**
 * A later report of the same problem: on which channel, how far into the window (0 to 1), and how it
 * may be severer — posted in public before an audience, in an angrier tone, with a legal threat.
 */
interface Report {
  readonly channel: Channel;
  readonly into: number;
  readonly reach: number | null;
  readonly tone: Tone | null;
  readonly legalThreat: boolean;
}

/** The same complaint, reported again on `channel`, `into` of the window later, as `report` says. */
function reportAgain(complaint: ComplaintInput, report: Report, n: number, windowMs: number): ComplaintInput {
  const at = parseTimestamp(complaint.receivedAt).getTime() + Math.floor(report.into * windowMs);
  return {
    ...complaint,
    id: `${complaint.id}-${n}`,
    channel: report.channel,
    receivedAt: new Date(at).toISOString(),
    ...(report.reach === null
      ? {}
      : { exposure: { public: true, platform: report.channel, reach: report.reach } }),
    ...(report.tone === null ? {} : { tone: report.tone }),
    ...(report.legalThreat ? { legalThreat: true } : {}),
  };
}

/** What the case gave so far, as a helpdesk passes it back in `customer.openCases`. */
function openCase(first: ComplaintInput, owner: string, given: readonly Recommendation[]) {
  return {
    id: first.id,
    openedAt: first.receivedAt,
    category: first.category,
    ...(first.order ? { orderId: first.order.id } : {}),
    owner,
    remedies: given.flatMap((rec) =>
      rec.remedies
        .filter((r) => r.kind !== 'care' && r.estimatedCost > 0)
        .map((r) => ({
          type: r.type,
          kind: r.kind as 'restitution' | 'goodwill',
          amount: r.estimatedCost,
          currency: rec.currency,
        })),
    ),
  };
}

const minorTotal = (recs: readonly Recommendation[], pick: (r: Recommendation) => number) =>
  recs.reduce((sum, r) => sum + toMinor(pick(r), r.currency), 0);

/**
 * Split invariance: one problem reported on k channels (later reports possibly severer: public, angrier,
 * with a legal threat) within the case window (`policy.caseWindowDays`)
 * never costs more, and never gets less, than reporting it once. The first report is recommended for
 * alone; each later one with the case so far in `customer.openCases`, as a helpdesk passes it. Over the
 * case there is one owner, the restitution given covers every restitution type any one report gets
 * alone, and the case's total is exactly what the most generous single report gets alone: not more
 * (nothing is paid twice), not less (a later, severer report tops the case up).
 */
export function splitInvariance(
  subject: FairnessSubject,
  options: FairnessOptions = {},
): fc.IAsyncPropertyWithHooks<[ComplaintInput, Report[]]> {
  const target = resolveSubject(subject, options);
  const windowDays = target.ruleSet.policy.caseWindowDays ?? DEFAULT_CASE_WINDOW_DAYS;
  const channels = options.complaints?.channels ?? CHANNELS;
  const reports = fc.array(
    fc.record({
      channel: fc.constantFrom(...channels),
      into: fc.double({ min: 0, max: 1, noNaN: true }),
      reach: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null }),
      tone: fc.option(fc.constantFrom(...TONES), { nil: null }),
      legalThreat: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  );
  return fc.asyncProperty(
    complaintArbitrary(complaintsFor(target, options)),
    reports,
    async (complaint, later) => {
      const all = [complaint, ...later.map((r, i) => reportAgain(complaint, r, i + 2, windowDays * DAY_MS))];
      const alone = await Promise.all(all.map((c) => target.recommend(c)));
      const first = alone[0] as Recommendation;
      const linked: Recommendation[] = [first];
      for (const report of all.slice(1)) {
        const open = openCase(complaint, first.handling.owner, linked);
        linked.push(
          await target.recommend({ ...report, customer: { ...report.customer, openCases: [open] } }),
        );
      }
      const caseTotal = minorTotal(linked, (r) => r.totalCost);
      const most = Math.max(...alone.map((r) => toMinor(r.totalCost, r.currency)));
      const given = new Set(
        linked.flatMap((r) => r.remedies.filter((x) => x.kind === 'restitution').map((x) => x.type)),
      );
      const missing = alone.flatMap((r) =>
        r.remedies.filter((x) => x.kind === 'restitution' && !given.has(x.type)),
      );
      const owners = new Set(linked.map((r) => r.handling.owner));
      if (owners.size > 1) {
        throw new FairnessViolation(
          `one problem reported ${all.length} times got ${owners.size} owners: ${[...owners].join(', ')}`,
        );
      }
      if (missing.length > 0) {
        throw new FairnessViolation(
          `reported ${all.length} times, the case never gave the ${missing[0]?.type} that one report gets alone`,
        );
      }
      if (caseTotal > most) {
        throw new FairnessViolation(
          `reported ${all.length} times, the case costs ${caseTotal} minor units, more than the ${most} the most generous report gets alone`,
        );
      }
      if (caseTotal < most) {
        throw new FairnessViolation(
          `reported ${all.length} times, the case gets ${caseTotal} minor units, less than the ${most} the most generous report gets alone`,
        );
      }
    },
  );
}
