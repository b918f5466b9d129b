/** The agency that sends the quote: what its document shows in the header and footer. */
export interface AgencyProfile {
  readonly name: string;
  readonly nameZh?: string;
  /** The logo as a data: URI (embedded, so the document stands alone). */
  readonly logoDataUri?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly website?: string;
  readonly address?: string;
  /** The address in Chinese, for documents in Chinese (`address` when absent). */
  readonly addressZh?: string;
  readonly licence?: string;
  /** The licence line in Chinese, for documents in Chinese (else `licence` under a Chinese label). */
  readonly licenceZh?: string;
  readonly terms?: string;
  readonly termsZh?: string;
  /** How long the quote holds, in days. */
  readonly validDays?: number;
}
