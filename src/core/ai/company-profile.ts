import type { NexusConfig } from '../config/schema.js';

/** What the desk publishes about itself: the AI may name these, and the redactor keeps them. */
export interface CompanyProfile {
  /** The company's name; the prompt says "our company" when none is set. */
  name: string | null;
  emails: string[];
  phones: string[];
  urls: string[];
  /** Hosts of `emails` and `urls`: the output guard lets the reply link to them. */
  domains: string[];
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
};

export function companyProfile(config: Pick<NexusConfig, 'companyName' | 'companyEmails' | 'companyPhones' | 'companyUrls'>): CompanyProfile {
  const emailDomains = config.companyEmails.map((e) => e.split('@')[1]?.toLowerCase() ?? '').filter(Boolean);
  const urlHosts = config.companyUrls.map(hostOf).filter((h): h is string => h !== null);
  return {
    name: config.companyName ?? null,
    emails: config.companyEmails,
    phones: config.companyPhones,
    urls: config.companyUrls,
    domains: [...new Set([...emailDomains, ...urlHosts])],
  };
}

/** Every published contact, for the prompt's "you may mention these". */
export const publishedContacts = (profile: CompanyProfile): string[] => [...profile.emails, ...profile.phones, ...profile.urls];
