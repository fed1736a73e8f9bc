/**
 * The server's log: one line per event on stdout/stderr. Callers pass plain facts; nothing that
 * could hold a secret (passwords, tokens, cookies) is ever given to it.
 */
type Fields = Record<string, string | number | boolean | undefined>;

function line(level: string, message: string, fields?: Fields): string {
  const extra = fields
    ? Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`)
        .join(' ')
    : '';
  return `${new Date().toISOString()} ${level} ${message}${extra ? ' ' + extra : ''}`;
}

export const log = {
  info(message: string, fields?: Fields) {
    if (process.env.ATELIER_QUIET) return;
    console.log(line('info', message, fields));
  },
  warn(message: string, fields?: Fields) {
    console.warn(line('warn', message, fields));
  },
  error(message: string, fields?: Fields) {
    console.error(line('error', message, fields));
  }
};
