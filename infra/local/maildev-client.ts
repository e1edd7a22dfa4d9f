/** Reads the local mailbox through MailDev's REST API, as a person would read their inbox. */
export interface LocalMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  attachments?: { fileName?: string; generatedFileName?: string; contentType: string }[];
  time: string;
}

export class MailboxClient {
  private readonly seen = new Set<string>();

  constructor(private readonly mailUrl: string) {}

  async all(): Promise<LocalMail[]> {
    const res = await fetch(`${this.mailUrl}/api/email`);
    if (!res.ok) throw new Error(`MailDev answered ${res.status}`);
    return (await res.json()) as LocalMail[];
  }

  /** Waits for the next not-yet-seen mail to `to` whose subject contains `subject` (or matches it). */
  async next(to: string, subject: string | RegExp, timeoutMs = 30_000): Promise<LocalMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = (await this.all()).find(
        (m) =>
          !this.seen.has(m.id) &&
          (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)) &&
          m.to.some((t) => t.address.toLowerCase() === to.toLowerCase()),
      );
      if (found) {
        this.seen.add(found.id);
        return found;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${to} with subject containing "${subject}" within ${timeoutMs} ms`);
  }
}

/** The decision link in a mail's plain-text part. */
export function decisionLinkIn(mail: LocalMail): string {
  const m = /(https?:\/\/\S+\/keputusan\/[a-z0-9]+\?e=\d+&s=[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m?.[1]) throw new Error(`mail "${mail.subject}" has no decision link`);
  return m[1];
}
