// The orientation sheet (fiche d'orientation): one printable A4 page in large type for the person, from what the
// orientation recorded (the place as it was found) and the procedure's documents (data/procedures). No personal data.
import { raw } from 'hono/html';
import type { Orientation } from '../../db/orientation-repository.js';
import { formatPhoneFr } from '../../directory/format.js';
import { hoursInFrench } from '../../orientations/hours-fr.js';
import { ASSETS } from '../components/layout.js';

// A4 with 15 mm margins; type large enough for failing eyes; DSFR's own print rules hide nothing here.
const PRINT_STYLE = `
@page { size: A4; margin: 15mm; }
body { font-size: 20px; line-height: 1.45; }
.fiche { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
.fiche h1 { font-size: 34px; line-height: 1.2; margin-bottom: 6mm; }
.fiche h2 { font-size: 24px; margin: 5mm 0 2mm; }
.fiche p, .fiche li { font-size: 20px; margin-bottom: 1mm; }
.fiche .fiche__phone { font-size: 28px; font-weight: 700; }
@media print { .fiche__actions { display: none; } .fiche { padding: 0; } }
`;

export function SheetPage({ orientation, documents }: { orientation: Orientation; documents: string[] }) {
  const hours = hoursInFrench(orientation.placeHours);
  const phone = orientation.placePhone ? (formatPhoneFr(orientation.placePhone) ?? orientation.placePhone) : undefined;
  return (
    <html lang="fr" data-fr-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Fiche d'orientation · ${orientation.placeName}`}</title>
        <link rel="stylesheet" href={`${ASSETS}/dsfr.min.css`} />
        <style>{raw(PRINT_STYLE)}</style>
      </head>
      <body>
        <main class="fiche" id="contenu">
          <h1>Votre rendez-vous d'aide</h1>
          <h2>Où aller</h2>
          <p class="fr-text--bold">{orientation.placeName}</p>
          <p>{orientation.placeAddress}</p>
          {phone ? <p class="fiche__phone">{`Téléphone : ${phone}`}</p> : null}
          <h2>Quand</h2>
          <p>{orientation.appointment ? `Rendez-vous : ${orientation.appointment}` : 'Le lieu vous dira quand venir. Vous pouvez aussi appeler.'}</p>
          {hours.length > 0 ? (
            <>
              <h2>Heures d'ouverture</h2>
              <ul>
                {hours.map((h) => (
                  <li>{h}</li>
                ))}
              </ul>
            </>
          ) : null}
          {orientation.procedureTitle ? (
            <>
              <h2>Pour quoi</h2>
              <p>{orientation.procedureTitle}</p>
            </>
          ) : null}
          {documents.length > 0 ? (
            <>
              <h2>À apporter</h2>
              <ul>
                {documents.map((d) => (
                  <li>{d}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>Qui vous oriente</h2>
          <p>{orientation.senderLabel}</p>
          <p class="fiche__actions fr-mt-3w">
            <a class="fr-link" href="javascript:window.print()">
              Imprimer cette fiche
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
