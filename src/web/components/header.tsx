// The DSFR header: the service's name, who is signed in with a sign-out button, and the menu of pages the user's
// role opens. (No « République française » block: a department is not a State service.)
import type { WorkspaceUser } from '../auth/roles.js';
import { can, type Permission } from '../auth/roles.js';
import { Csrf } from './field.js';

const MENU: { href: string; label: string; permission: Permission }[] = [
  { href: '/espace/rappels', label: 'Rappels à faire', permission: 'callbacks' },
  { href: '/espace/lieux', label: 'Chercher un lieu', permission: 'places' },
  { href: '/espace/transfert', label: 'Transférer un appel', permission: 'handoffs' },
  { href: '/espace/orientations', label: 'Orientations', permission: 'orientations' },
  { href: '/espace/suivis', label: 'Suivis', permission: 'followups' },
  { href: '/espace/reglages', label: 'Réglages', permission: 'settings' },
  { href: '/espace/activite', label: 'Activité', permission: 'activity' },
];

export function Header({ user, current, csrf }: { user?: WorkspaceUser | undefined; current?: string | undefined; csrf?: string | undefined }) {
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand">
              <div class="fr-header__service">
                <a href={user ? '/espace' : '/espace/connexion'} title="Accueil de l'espace Relais">
                  <p class="fr-header__service-title">Relais</p>
                </a>
                <p class="fr-header__service-tagline">Espace du département{user ? ` ${user.departement}` : ''}</p>
              </div>
            </div>
            {user && csrf ? (
              <div class="fr-header__tools">
                <div class="fr-header__tools-links">
                  <p class="fr-mb-1w">{user.email}</p>
                  <form method="post" action="/espace/deconnexion">
                    <Csrf token={csrf} />
                    <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">
                      Se déconnecter
                    </button>
                  </form>
                </div>
              </div>
            ) : null}
          </div>
        </div>
      </div>
      {user ? (
        <div class="fr-header__menu">
          <div class="fr-container">
            <nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
              <ul class="fr-nav__list">
                {MENU.filter((item) => can(user.role, item.permission)).map((item) => (
                  <li class="fr-nav__item">
                    <a class="fr-nav__link" href={item.href} aria-current={current === item.href ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      ) : null}
    </header>
  );
}
