import type { SimReceiptsResponse } from '@tongban/device-bridge/api';
import { useEffect, useState } from 'preact/hooks';
import type { BridgeClient } from '../bridge/client.ts';

type Receipt = SimReceiptsResponse['receipts'][number];

/** how many of the newest slips the panel shows */
const shown = 3;

/**
 * What the simulated thermal printer printed, as the paper would look (newest first): a tester sees
 * the queue ticket or application receipt a citizen would take. The picture is the bridge's own SVG
 * (render-image.ts), which XML-escapes every printed character, inlined so the page's Chinese font
 * draws it. Refreshed when the panel opens and on demand.
 */
export function DevPanelReceipts({ client }: { client: BridgeClient }) {
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  const [problem, setProblem] = useState('');

  const refresh = () => {
    client.simReceipts().then(
      (response) => {
        setReceipts(response.receipts.slice(-shown).reverse());
        setProblem('');
      },
      (error: unknown) => setProblem(`receipts: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  useEffect(refresh, [client]);

  return (
    <fieldset data-testid="dev-panel-receipts">
      <legend>receipt-printer output</legend>
      <button type="button" data-action="sim-receipts-refresh" onClick={refresh}>
        refresh
      </button>
      {problem ? <p>{problem}</p> : null}
      {receipts.length === 0 && !problem ? <p>(nothing printed yet)</p> : null}
      {receipts.map((receipt, index) => (
        <figure class="dev-panel__receipt" key={`${receipts.length}-${index}`} data-receipt={index}>
          <div class="dev-panel__receipt-paper" dangerouslySetInnerHTML={{ __html: receipt.svg }} />
          <figcaption>
            {receipt.incomplete ? 'incomplete: the printer stopped before the cut' : index === 0 ? 'newest' : `${index} before`}
          </figcaption>
        </figure>
      ))}
    </fieldset>
  );
}
