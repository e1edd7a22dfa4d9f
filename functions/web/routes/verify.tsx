import { Hono } from 'hono';
import { formatVerificationCode, normalizeVerificationCode } from '../../core/verification-code.ts';
import { findPublicVerification } from '../../usecases/public-verification.ts';
import { AskCodePage, UnknownCodePage, VerificationPage } from '../pages/verify.tsx';
import type { PortalEnv, PortalOptions } from '../portal-env.ts';

/**
 * GET /verifikasi/:code — the public page a printed verification code and its QR code point to; no sign-in.
 * Every code that does not resolve gets the same 404 page (malformed or unknown alike), and nothing on either
 * page echoes what was typed. GET /verifikasi is the form to type a code from paper.
 */
export function verificationRoutes(opts: PortalOptions) {
  const app = new Hono<PortalEnv>();

  app.get('/verifikasi', (c) => {
    const lang = c.get('lang');
    const typed = c.req.query('kode');
    const page = { lang, person: c.get('person'), csrf: c.get('session')?.csrf };
    if (typed === undefined || typed.trim() === '') return c.html(<AskCodePage {...page} />);
    const code = normalizeVerificationCode(typed);
    if (!code) return c.html(<UnknownCodePage {...page} />, 404);
    const query = c.req.query('lang') === 'en' ? '?lang=en' : '';
    return c.redirect(`/verifikasi/${formatVerificationCode(code)}${query}`, 303);
  });

  app.get('/verifikasi/:code', async (c) => {
    const lang = c.get('lang');
    const page = { lang, person: c.get('person'), csrf: c.get('session')?.csrf };
    const found = await findPublicVerification(opts.deps(), c.req.param('code'), lang);
    if (!found) return c.html(<UnknownCodePage {...page} />, 404);
    return c.html(<VerificationPage {...page} v={found} script={c.get('asset')('verify-drop')} />);
  });

  return app;
}
