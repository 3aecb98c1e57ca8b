import type { Channel, Complaint } from '../complaint/schema';
import { LOCALES, type Locale } from '../i18n/locale';
import { rendererOf } from '../i18n/renderer';
import { DEFAULT_SURVEY_AFTER_DAYS, type Policy } from '../policy/schema';
import { isoInstant } from '../time/format-instant';
import { addDays } from '../time/utc-calendar';
import { onWorkingDay } from '../time/working-days';

/**
 * The one-question satisfaction survey sent after the follow-up: the complaint-handling guides measure
 * satisfaction once the problem is resolved, and many unhappy customers never say so unasked.
 */
export interface SatisfactionSurvey {
  /** When to send it: `policy.surveyAfterDays` after the follow-up, on a working day. */
  readonly at: string;
  /** A private channel: the complaint's own, or email after a public post or review. */
  readonly channel: Channel;
  /** The question, in the recommendation's locale. */
  readonly question: string;
  /** The answer's scale: 1 (not at all satisfied) to 5 (very satisfied). */
  readonly scale: { readonly min: 1; readonly max: 5 };
}

/** When the customer is asked whether all is well, on which channel, and the survey after it. */
export interface FollowUp {
  /**
   * `policy.followUpAfterDays` after the complaint, moved to the next working day where that falls on
   * a weekend or public holiday of the locale's market, in the customer's time zone.
   */
  readonly checkSatisfactionAt: string;
  readonly channel: Channel;
  readonly survey: SatisfactionSurvey;
}

/** The customer's time zone (`customer.timeZone`), else the usual zone of the recommendation's locale. */
export function timeZoneOf(complaint: Complaint, locale: Locale): string {
  return complaint.customer.timeZone ?? LOCALES[locale].timeZone;
}

/** A private channel to survey on: a public post or review is followed by email. */
function privateChannel(channel: Channel): Channel {
  return channel === 'social' || channel === 'review' ? 'email' : channel;
}

/**
 * The follow-up and the survey after it, each on a working day of the locale's market (Friday off in
 * Iran, Saturday and Sunday elsewhere; Nowruz, the bayrams and the other public holidays of Iran and
 * Türkiye) in the customer's time zone. The clock is the complaint's `receivedAt` (`now`).
 */
export function followUpOf(complaint: Complaint, policy: Policy, locale: Locale, now: Date): FollowUp {
  const { market } = LOCALES[locale];
  const zone = timeZoneOf(complaint, locale);
  const check = onWorkingDay(addDays(now.getTime(), policy.followUpAfterDays), market, zone);
  const surveyDays = policy.surveyAfterDays ?? DEFAULT_SURVEY_AFTER_DAYS;
  const surveyAt = onWorkingDay(addDays(check, surveyDays), market, zone);
  return {
    checkSatisfactionAt: isoInstant(check),
    channel: complaint.channel,
    survey: {
      at: isoInstant(surveyAt),
      channel: privateChannel(complaint.channel),
      question: rendererOf(locale, zone).m('survey.question'),
      scale: { min: 1, max: 5 },
    },
  };
}
