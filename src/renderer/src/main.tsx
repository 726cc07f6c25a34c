import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { App } from './components/App';
import { fetchStartingPoint } from './state/starting-point';
import { applyViewSettings, loadViewSettings } from './view-settings';
import './styles.css';
import './theme.css';

// The theme and reading size before the first paint, so a dark desk never flashes white.
applyViewSettings(loadViewSettings());

const root = document.getElementById('root');
if (root) {
  const client = createClient();
  // On its way before the first render: the workspace and the document to open first.
  const start = fetchStartingPoint(client);
  createRoot(root).render(
    <StrictMode>
      <App client={client} start={start} />
    </StrictMode>,
  );
}
