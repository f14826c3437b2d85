// The page frame every workspace page shares: DSFR styles served by Relais itself, skip links, the header, one
// <main> with the page's title, the footer.
import type { Child } from 'hono/jsx';
import type { WorkspaceUser } from '../auth/roles.js';
import { Header } from './header.js';

export const ASSETS = '/espace/dsfr';

export interface LayoutProps {
  title: string;
  user?: WorkspaceUser | undefined;
  /** The current page's path, marked in the menu. */
  current?: string;
  csrf?: string;
  /** A notice shown above the content (saved, sent…), read out by screen readers. */
  notice?: { type: 'success' | 'error' | 'info'; text: string } | undefined;
  children?: Child;
}

export function Layout({ title, user, current, csrf, notice, children }: LayoutProps) {
  return (
    <html lang="fr" data-fr-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Relais, espace du département`}</title>
        <link rel="stylesheet" href={`${ASSETS}/dsfr.min.css`} />
        <link rel="stylesheet" href={`${ASSETS}/utility/icons/icons.min.css`} />
        <script type="module" src={`${ASSETS}/dsfr.module.min.js`}></script>
      </head>
      <body>
        <div class="fr-skiplinks">
          <nav class="fr-container" role="navigation" aria-label="Accès rapide">
            <ul class="fr-skiplinks__list">
              <li>
                <a class="fr-link" href="#contenu">
                  Contenu
                </a>
              </li>
              {user ? (
                <li>
                  <a class="fr-link" href="#navigation">
                    Menu
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        </div>
        <Header user={user} current={current} csrf={csrf} />
        <main id="contenu" class="fr-container fr-py-5w" tabindex={-1}>
          <h1>{title}</h1>
          {notice ? (
            <div class={`fr-alert fr-alert--${notice.type} fr-alert--sm fr-mb-3w`} role={notice.type === 'error' ? 'alert' : 'status'}>
              <p>{notice.text}</p>
            </div>
          ) : null}
          {children}
        </main>
        <footer class="fr-footer" role="contentinfo" id="pied">
          <div class="fr-container">
            <div class="fr-footer__body">
              <div class="fr-footer__content">
                <p class="fr-footer__content-desc">
                  Relais aide les personnes âgées dans leurs démarches numériques, par SMS, téléphone et WhatsApp. Cet espace sert aux équipes du
                  département.
                </p>
              </div>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}
