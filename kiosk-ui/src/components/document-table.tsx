/**
 * A display-ready table from the bridge (certificate preview, a record on screen), laid out as it
 * is printed: the platform's words, in the platform's language (`lang`).
 */
export function DocumentTable({
  columns,
  rows,
  testId,
  lang,
}: {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  testId?: string;
  lang?: string;
}) {
  return (
    // focusable so a wide table can be scrolled from the keypad
    <div class="document__table" tabIndex={0} data-testid={testId} lang={lang}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
