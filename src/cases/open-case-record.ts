/** A case a batch has open: who owns it and what it gave so far. */
export interface OpenCaseRecord {
  /** The id of its first complaint (in input order). */
  readonly id: string;
  /** `receivedAt` of that complaint, epoch ms. */
  readonly openedAt: number;
  readonly owner: string;
  /**
   * Restitution types given in the case, in the order they were first given: a frozen list shared by
   * every case that gave the same (see `case-record.ts`), replaced, never changed, as the case gives more.
   */
  restitution: readonly string[];
  /** Goodwill given in the case, in minor units of its currency. */
  goodwillMinor: number;
}
