/** Renderer entry: strip the token, connect, load state, mount the UI. */
import './cesiumBase';
import '@cesium/engine/Source/Widget/CesiumWidget.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { stripToken } from './app/token';
import { getClient } from './ipc/client';
import { bootstrap } from './state/bootstrap';
import { loadSettings } from './state/settings';

stripToken();
const client = getClient();
bootstrap(client);
void loadSettings(client);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
