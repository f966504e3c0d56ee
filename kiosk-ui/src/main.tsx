import { render } from 'preact';
import { App } from './app.tsx';
import { startKioskRuntime } from './app/kiosk-runtime.ts';
import { startUiHeartbeat } from './app/ui-heartbeat.ts';
import { createBridgeClient } from './bridge/client.ts';
import './styles.css';

// Same origin as the bridge in production: no base URL, no CORS.
const client = createBridgeClient();
const runtime = startKioskRuntime(client);
// monitoring's "UI alive" signal, every 15 s while the page is shown
startUiHeartbeat(client);
const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks #app');
render(<App runtime={runtime} client={client} />, root);

// The kiosk ships its own Chinese font (Noto Sans SC), so a kiosk image without CJK fonts still
// shows every character. Its @font-face rules load after first paint, in their own stylesheet.
void import('./fonts.css');
