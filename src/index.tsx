import { render } from 'solid-js/web';
import { Router } from '@solidjs/router';
import { Layout } from './app/Layout';
import { AppRoutes } from './app/routes';
import { startOpening } from './db/open';
import './app/app.css';

// IndexedDB opens the database while the shell renders. Dexie asks for it a few promise steps
// after `open()`, so the render waits one task: otherwise the opening would only begin once the
// whole first render is done.
startOpening();
setTimeout(() => render(() => <Router root={Layout}><AppRoutes /></Router>, document.getElementById('root')!));
