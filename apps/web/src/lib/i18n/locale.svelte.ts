// The UI language: read from Paraglide (remembered on the device, else the browser's language),
// exposed as reactive state so the shell can re-render every message when it changes, and
// mirrored onto <html lang>.
import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime.js';

class UiLocale {
  current = $state<Locale>(getLocale());

  /** Switches every visible string without a page reload and remembers the choice. */
  set(next: Locale) {
    setLocale(next, { reload: false });
    this.current = next;
    document.documentElement.lang = next;
  }

  /** The other language, for the one-button switch in the header. */
  get other(): Locale {
    return locales.find((l) => l !== this.current) ?? this.current;
  }
}

export const uiLocale = new UiLocale();
