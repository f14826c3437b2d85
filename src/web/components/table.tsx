// A DSFR table with its caption (read first by screen readers) and column headers.
import type { Child } from 'hono/jsx';

export function Table({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: Child[][]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <div class="fr-table fr-table--bordered">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells) => (
            <tr>
              {cells.map((cell) => (
                <td>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
