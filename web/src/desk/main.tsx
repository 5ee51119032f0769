import { render } from 'preact';
import { App } from './app';
import '../styles.css';
import './desk.css';

render(<App />, document.getElementById('app')!);
