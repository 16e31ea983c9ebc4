import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { browserLock, createApi } from './api/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

const api = createApi({
  channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('salesflow.session'),
  lock: browserLock(),
});

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App api={api} />
    </BrowserRouter>
  </StrictMode>,
);
