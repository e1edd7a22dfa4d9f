/**
 * Which unit a mail is about, and whether it reached anyone outside that unit: the check behind
 * `lapkin demo --units`. A mail about a report ends its subject with the report's unit ("[Perlu verifikasi] Laporan
 * Kinerja <periode> <tahun> — <unit name>", reportTitle in functions/i18n/labels.ts); the unit's people are the
 * directory's answer.
 */

export interface UnitPeople {
  unitCode: string;
  /** The organization's name, as the mails' report title carries it. */
  name: string;
  /** Every address of the unit's people (the directory), lower-case. */
  emails: string[];
}

export interface SentMail {
  id: string;
  subject: string;
  /** Every recipient (to, cc, bcc), lower-case. */
  recipients: string[];
}

export interface IsolationProblem {
  mail: SentMail;
  /** The unit the mail is about, if any. */
  unit?: string;
  /** Why the mail breaks isolation, in one sentence naming the mail. */
  message: string;
}

export interface IsolationCheck {
  /** The mails about each unit's reports, by unit code, in the order given. */
  byUnit: Record<string, SentMail[]>;
  problems: IsolationProblem[];
}

/** The unit whose report the subject names: the whole name after the last dash ("… Karawaci Baru" is not "… Karawaci"). */
export function unitOfMail(mail: SentMail, units: readonly UnitPeople[]): UnitPeople | undefined {
  if (!/^\[[^\]]+\] (Laporan Kinerja|Performance Report) /.test(mail.subject)) return undefined;
  return units.find((u) => mail.subject.endsWith(` — ${u.name}`));
}

/**
 * Every mail must be about one unit's report and go only to that unit's people. A mail about no unit's report
 * is a problem too: in the demo every mail is about a report, so one that is not cannot be vouched for.
 */
export function checkMailIsolation(mails: readonly SentMail[], units: readonly UnitPeople[]): IsolationCheck {
  const byUnit: Record<string, SentMail[]> = Object.fromEntries(units.map((u) => [u.unitCode, []]));
  const problems: IsolationProblem[] = [];
  for (const mail of mails) {
    const unit = unitOfMail(mail, units);
    if (!unit) {
      problems.push({
        mail,
        message: `mail "${mail.subject}" (to ${mail.recipients.join(', ')}) names no configured unit's report`,
      });
      continue;
    }
    byUnit[unit.unitCode]?.push(mail);
    const own = new Set(unit.emails.map((e) => e.toLowerCase()));
    const strangers = mail.recipients.filter((r) => !own.has(r.toLowerCase()));
    if (strangers.length === 0) continue;
    const whose = strangers.map((s) => {
      const other = units.find((u) => u.emails.some((e) => e.toLowerCase() === s.toLowerCase()));
      return other ? `${s} (of ${other.unitCode})` : s;
    });
    problems.push({
      mail,
      unit: unit.unitCode,
      message: `mail "${mail.subject}" about ${unit.unitCode} went to ${whose.join(', ')}, not one of ${unit.unitCode}'s people`,
    });
  }
  return { byUnit, problems };
}
