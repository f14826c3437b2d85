// A bar chart drawn on the server as SVG, with the numbers written as text, and the same figures in a table beside it
// (DSFR's table), so that nothing is an image of text and a screen reader reads the table. Counts under five are
// masked: written « < 5 » and drawn without a bar (a bar's length would tell the number).
import { shown, SMALL_COUNT, type Share } from '../../activity/figures.js';

const BAR_HEIGHT = 22;
const GAP = 8;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 70;

let chartIds = 0;

/** A chart and its table; `empty` is said instead when there is nothing. */
export function BarChart({ title, shares, empty, unit = 'Nombre' }: { title: string; shares: Share[]; empty: string; unit?: string }) {
  if (shares.length === 0 || shares.every((s) => s.n === 0)) {
    return (
      <section class="fr-mb-4w">
        <h3 class="fr-h5">{title}</h3>
        <p>{empty}</p>
      </section>
    );
  }
  const id = `graphique-${++chartIds}`;
  const max = Math.max(...shares.map((s) => (s.n >= SMALL_COUNT ? s.n : 0)), 1);
  const height = shares.length * (BAR_HEIGHT + GAP);
  return (
    <section class="fr-mb-4w">
      <h3 class="fr-h5">{title}</h3>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-7">
          <svg
            role="img"
            aria-labelledby={`${id}-titre`}
            viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH} ${height}`}
            width="100%"
            style="max-width: 600px; font-family: inherit"
          >
            <title id={`${id}-titre`}>{`${title} : ${shares.map((s) => `${s.label}, ${shown(s.n)}`).join(' ; ')}`}</title>
            {shares.map((s, i) => {
              const y = i * (BAR_HEIGHT + GAP);
              const width = s.n >= SMALL_COUNT ? Math.max(2, Math.round((s.n / max) * BAR_WIDTH)) : 0;
              return (
                <g>
                  <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.7} text-anchor="end" font-size="13" fill="#161616">
                    {s.label.length > 34 ? `${s.label.slice(0, 33)}…` : s.label}
                  </text>
                  <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} fill="#000091" />
                  <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT * 0.7} font-size="13" fill="#161616">
                    {shown(s.n)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
        <div class="fr-col-12 fr-col-lg-5">
          <FigureTable caption={title} headers={['', unit]} rows={shares.map((s) => [s.label, shown(s.n)])} />
        </div>
      </div>
    </section>
  );
}

/** A small DSFR table of figures (already masked). */
export function FigureTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <div class="fr-table fr-table--no-caption fr-table--bordered fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (i === 0 && !h ? <th scope="col">Libellé</th> : <th scope="col">{h}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([head, ...cells]) => (
            <tr>
              <th scope="row">{head}</th>
              {cells.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
