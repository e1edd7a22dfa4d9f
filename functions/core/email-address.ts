/**
 * A strict, conservative e-mail address for addresses lapkin did not configure itself (the uploader's, from
 * object metadata anyone with upload rights sets). Exactly one addr-spec: a local part of letters, digits and
 * . _ % + - (no leading, trailing or double dot), "@", a domain of DNS labels (letters, digits, inner hyphens)
 * with a top-level label of letters; at most 254 characters. No quotes, commas, spaces, angle brackets, display
 * names, comments or second addresses — nothing that could add a recipient or a header, or inject markup.
 */
export const EMAIL_MAX = 254;
const LOCAL = /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP = /^[A-Za-z]{2,63}$/;

/** The address in lower-case domain form, or undefined when `value` is not exactly one such address. */
export function parseEmailAddress(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > EMAIL_MAX) return undefined;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TOP.test(labels.at(-1) ?? '')) return undefined;
  return `${local}@${domain.toLowerCase()}`;
}
