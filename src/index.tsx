import { render } from 'solid-js/web';
import { Router } from '@solidjs/router';
import { Layout } from './app/Layout';
import { AppRoutes } from './app/routes';
import './app/app.css';

render(() => <Router root={Layout}><AppRoutes /></Router>, document.getElementById('root')!);
