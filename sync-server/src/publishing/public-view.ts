/**
 * What a reader without an account may see of the Resource Centre, decided once for every public
 * route and export: the published work and where it comes from — titles, summaries, text, version
 * numbers, dates, change summaries, the COP's name and area — and no people. Authors and the
 * publisher (their ids and names) are for the programme's signed-in people only: a public page or
 * file never carries a user id, a name or an e-mail address. Public exports credit the COP.
 */
import type { ResourceVersion } from './resource-centre';

/** A version as the public sees it. */
export type PublicVersion = Omit<ResourceVersion, 'authors' | 'publishedBy'>;

export function publicVersion(version: ResourceVersion): PublicVersion {
  const { authors: _authors, publishedBy: _publishedBy, ...rest } = version;
  return rest;
}

/** One line of an item's version history, as the public sees it. */
export function publicVersionEntry(version: { version: number; publishedAt: number; changeSummary: string }) {
  return { version: version.version, publishedAt: version.publishedAt, changeSummary: version.changeSummary };
}

/** Who is credited in an exported file's byline: the authors inside the programme, the COP outside. */
export type Credit = { audience: 'programme' } | { audience: 'public'; copName: string };

export function byline(version: ResourceVersion, credit: Credit): string {
  const stamp = new Date(version.publishedAt).toISOString().slice(0, 10);
  const who = credit.audience === 'public' ? credit.copName : version.authors.map((a) => a.name).join(', ');
  return [`v${version.version}`, stamp, who].filter(Boolean).join(' · ');
}
