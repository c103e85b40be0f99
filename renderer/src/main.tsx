import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PrintPreviewHost } from './ui/PrintPreview';
import { httpTransport, setUnreachableHandler } from './api';
import { retryConnectionNow } from './data/live';
import { queryClient } from './data/queries';

// Electron's preload has already put the IPC bridge here; in browser mode the page talks HTTP.
if (!window.api) window.api = httpTransport;
// A call that cannot reach the host shows the connection banner at once.
setUnreachableHandler(retryConnectionNow);

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif',
  defaultRadius: 'sm',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <App />
        <PrintPreviewHost />
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);
