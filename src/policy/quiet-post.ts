import type { Complaint } from '../complaint/schema';

/**
 * A public post known to have reached fewer people than `threshold` (`policy.publicReachThreshold`):
 * it is acknowledged in public, but paid as if it were private. A post whose reach is not known counts
 * as public: nothing shows it was seen by few.
 */
export function isQuietPost(complaint: Complaint, threshold: number): boolean {
  const exposure = complaint.exposure;
  return exposure?.public === true && exposure.reach !== undefined && exposure.reach < threshold;
}

/**
 * The complaint as its facts and scores are judged: without its exposure when it is a quiet post, so
 * that its remedies are exactly those of the same complaint in private. Handling still reads the
 * complaint itself, to acknowledge the post where it was made; the analyser judges its example
 * complaints the same way.
 */
export function asJudged(complaint: Complaint, threshold: number): Complaint {
  if (!isQuietPost(complaint, threshold)) return complaint;
  const { exposure: _public, ...judged } = complaint;
  return judged;
}
