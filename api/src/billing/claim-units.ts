/**
 * The claim lines' units per rendering peer, in SQL, for the caseload report: `buildClaimLines`
 * (libs/contracts/src/lib/billing.ts) holds the rules and their payer citations; this is the same
 * arithmetic over the same rows, so the report does not load every signed contact of a period
 * into the app. `api/test/billing.spec.ts` checks both give the same units.
 */

/**
 * `unitsForMinutes` (CMS 8-minute rule, Medicare Claims Processing Manual ch. 5 §20.2): under 8
 * minutes no unit, else floor((m + 7) / 15). `minutes` is a positive integer expression.
 */
export const unitsForMinutesSql = (minutes: string) =>
  `(CASE WHEN ${minutes} < 8 THEN 0 ELSE (${minutes} + 7) / 15 END)`;

/**
 * `contacts` selects id, client_id, peer_id, occurred_at, minutes of the contacts that bill;
 * `attendance` selects session_id, service_date, client_id, peer_id, minutes of the attendance that
 * bills (both with TypeORM named parameters; `:claimTimeZone` and `:claimDailyCap` are added).
 *
 * - Individual lines: one per client, rendering peer and the clinic's local date, minutes summed
 *   before rounding; ordered by their first contact (time, then id), as `buildClaimLines` adds them.
 * - Group (HQ) lines: one per attending client and session, before every individual line, in
 *   session id order.
 * - Daily cap per client and date: in that order each line keeps what is left of the cap, i.e.
 *   least(cap, running total) - least(cap, running total before it).
 */
export function claimUnitsByPeer(contacts: string, attendance: string): string {
  return `
    WITH billed_contacts AS (${contacts}),
    billed_attendance AS (${attendance}),
    individual AS (
      SELECT k.client_id, k.peer_id, (k.occurred_at AT TIME ZONE :claimTimeZone)::date AS service_date,
             sum(k.minutes)::int AS minutes, min(k.occurred_at) AS first_at,
             (array_agg(k.id ORDER BY k.occurred_at, k.id))[1] AS first_id
        FROM billed_contacts k
       GROUP BY 1, 2, 3
    ),
    lines AS (
      SELECT client_id, peer_id, service_date, false AS grp, ${unitsForMinutesSql('minutes')} AS units,
             1 AS pass, first_at, first_id AS tie
        FROM individual
      UNION ALL
      SELECT client_id, peer_id, service_date::date, true, ${unitsForMinutesSql('minutes')},
             0, NULL::timestamptz, session_id
        FROM billed_attendance
    ),
    running AS (
      SELECT peer_id, grp, units,
             sum(units) OVER (PARTITION BY client_id, service_date ORDER BY pass, first_at, tie
                              ROWS UNBOUNDED PRECEDING) AS total
        FROM lines
    )
    SELECT peer_id,
           coalesce(sum(least(:claimDailyCap, total) - least(:claimDailyCap, total - units)) FILTER (WHERE NOT grp), 0)::int AS individual,
           coalesce(sum(least(:claimDailyCap, total) - least(:claimDailyCap, total - units)) FILTER (WHERE grp), 0)::int AS "group"
      FROM running
     GROUP BY peer_id`;
}
