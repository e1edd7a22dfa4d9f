/** Clicks through a decision link like a browser: GET the confirm page, then POST the form. */
export async function openDecisionPage(link: string): Promise<{ status: number; html: string }> {
  const res = await fetch(link);
  return { status: res.status, html: await res.text() };
}

export async function postDecision(
  link: string,
  decision: 'APPROVE' | 'REVISE',
  note = '',
): Promise<{ status: number; html: string }> {
  const res = await fetch(link, {
    method: 'POST',
    // A browser's form post from the confirm page names its origin; the portal refuses POSTs from other sites.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(link).origin },
    body: new URLSearchParams({ keputusan: decision, catatan: note }).toString(),
  });
  return { status: res.status, html: await res.text() };
}
