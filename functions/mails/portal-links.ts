/**
 * Where a mail sends its reader in the portal. The paths are the portal's routes (functions/web/routes); the
 * base is the deployment's public URL (Deps.publicBaseUrl), the same one the signed decision links use.
 */

/** The upload page for one report: the portal fixes the unit, year and period from it (and from the session). */
export function uploadPageUrl(portal: string, reportId: string): string {
  return `${trim(portal)}/unggah?laporan=${encodeURIComponent(reportId)}`;
}

/** The upload page with nothing chosen yet. */
export function uploadStartUrl(portal: string): string {
  return `${trim(portal)}/unggah`;
}

/** One pending decision in "Tugas saya" (after sign-in). */
export function taskUrl(portal: string, decisionId: string): string {
  return `${trim(portal)}/tugas/${encodeURIComponent(decisionId)}`;
}

function trim(base: string): string {
  return base.replace(/\/+$/, '');
}
