/** The `?token=` the operator opened the page with: the server has set the auth cookie by now, so drop it from the URL bar and history. */
export const stripToken = (): void => {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
};
