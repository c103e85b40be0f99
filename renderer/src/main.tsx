import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { createTheme, MantineProvider, PasswordInput } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
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
  components: {
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Показать или скрыть набранные символы' } } }),
  },
});

// Mantine's autosize textarea measures in a hidden textarea it labels in English, once, on first use: name it in Russian.
new MutationObserver((_, observer) => {
  const hidden = document.querySelector('body > textarea[aria-label="autosize measurement"]');
  if (hidden) {
    hidden.setAttribute('aria-label', 'Служебное поле для расчёта высоты');
    observer.disconnect();
  }
}).observe(document.body, { childList: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme}>
        {/* At most two toasts, at the bottom: the header and its user menu stay in sight. */}
        <Notifications position="bottom-right" limit={2} />
        <ErrorBoundary>
          <App />
          <PrintPreviewHost />
        </ErrorBoundary>
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);
