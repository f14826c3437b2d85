// A short page for refusals and missing things: what happened, in plain words, and where to go.
import { Layout } from '../components/layout.js';

export function errorPage(title: string, text: string) {
  return (
    <Layout title={title}>
      <p>{text}</p>
      <p>
        <a class="fr-link" href="/espace/rappels">
          Revenir à l'espace
        </a>
      </p>
    </Layout>
  );
}
