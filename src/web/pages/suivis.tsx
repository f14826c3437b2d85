// « Suivis »: what Relais wrote or will write first for the department (reminders, 7-day checks, cold evaluations):
// scheduled, sent, failed and answered, with why one did not go. Read-only; numbers shown as the platform writes them.
import type { Hono } from 'hono';
import { followUpLabels } from '../../../data/followups.fr.js';
import type { FollowUpItem } from '../../db/followup-scope.js';
import { formatPhoneFr } from '../../directory/format.js';
import { allow } from '../auth/allow.js';
import { Layout } from '../components/layout.js';
import { Table } from '../components/table.js';
import type { WorkspaceEnv } from '../context.js';
import { formatDateTime } from '../format.js';

const SUMMARY: [string, string][] = [
  ['pending', 'prévus'],
  ['sent', 'envoyés, sans réponse'],
  ['answered', 'répondus'],
  ['failed', 'en échec'],
];

function State({ item }: { item: FollowUpItem }) {
  const label = followUpLabels.statuses[item.status] ?? item.status;
  const when = item.status === 'answered' && item.answeredAt ? item.answeredAt : item.status === 'sent' && item.sentAt ? item.sentAt : undefined;
  return (
    <>
      <strong>{label}</strong>
      {when ? <p class="fr-text--sm fr-mb-0">{`le ${formatDateTime(when)}`}</p> : null}
      {item.lastError && item.status !== 'sent' && item.status !== 'answered' ? <p class="fr-text--sm fr-mb-0">{item.lastError}</p> : null}
    </>
  );
}

export function SuivisPage(props: { items: FollowUpItem[]; counts: Record<string, number>; csrf: string; user: WorkspaceEnv['Variables']['user'] }) {
  const { items, counts } = props;
  return (
    <Layout title="Suivis" user={props.user} current="/espace/suivis" csrf={props.csrf}>
      <p>Ce que Relais écrit de lui-même aux personnes : le rappel la veille d'un atelier, la question une semaine après une orientation, l'évaluation deux mois après.</p>
      <ul>
        {SUMMARY.map(([status, label]) => (
          <li>{`${counts[status] ?? 0} ${label}`}</li>
        ))}
      </ul>
      <Table
        caption="Suivis du département, les plus récents en premier"
        empty="Aucun suivi pour le moment."
        headers={['Prévu le', 'Suivi', 'Personne', 'Canal', 'État']}
        rows={items.map((item) => [
          formatDateTime(item.dueAt),
          <>
            {followUpLabels.kinds[item.kind] ?? item.kind}
            {item.title ? <p class="fr-text--sm fr-mb-0">{item.title}</p> : null}
          </>,
          formatPhoneFr(item.contactAddress.replace(/^whatsapp:/, '')) ?? item.contactAddress,
          followUpLabels.channels[item.channel] ?? item.channel,
          <State item={item} />,
        ])}
      />
    </Layout>
  );
}

export function suivisRoutes(app: Hono<WorkspaceEnv>) {
  app.get('/suivis', allow('followups'), async (c) => {
    const scoped = c.var.scoped.followUps;
    return c.html(<SuivisPage items={await scoped.list()} counts={await scoped.counts()} csrf={c.var.csrf} user={c.var.user} />);
  });
}
