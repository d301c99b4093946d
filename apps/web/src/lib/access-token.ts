/**
 * The server's access token, needed when it listens beyond loopback. The address the server
 * prints carries it as `?token=`; it is kept for the tab's session and taken out of the visible
 * address, so it does not end up in bookmarks, screenshots or shared links.
 */
const STORAGE_KEY = 'sluice.accessToken';

function readSessionToken(): string | undefined {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    // Storage can be disabled; the token then lives only as long as the page.
    return undefined;
  }
}

function keepSessionToken(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // See readSessionToken: without storage a reload needs the tokened address again.
  }
}

function takeTokenFromAddress(): string | undefined {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token')?.trim();
  if (!url.searchParams.has('token')) return undefined;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token === '' ? undefined : token;
}

function startupToken(): string | undefined {
  const fromAddress = takeTokenFromAddress();
  if (fromAddress !== undefined) {
    keepSessionToken(fromAddress);
    return fromAddress;
  }
  return readSessionToken();
}

/** Read once when the app starts. */
export const accessToken: string | undefined = startupToken();
