import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

describe('describing a device from its user agent', () => {
  it('recognizes Chrome on Android', () => {
    const ua = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
    expect(describeUserAgent(ua)).toEqual({ browser: 'Chrome', system: 'Android' });
  });

  it('recognizes Safari on an iPhone', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    expect(describeUserAgent(ua)).toEqual({ browser: 'Safari', system: 'iPhone' });
  });

  it('tells Edge from the Chrome it is built on', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';
    expect(describeUserAgent(ua)).toEqual({ browser: 'Edge', system: 'Windows' });
  });

  it('recognizes Firefox on macOS', () => {
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0';
    expect(describeUserAgent(ua)).toEqual({ browser: 'Firefox', system: 'macOS' });
  });

  it('says nothing it does not know (scripts, missing header)', () => {
    expect(describeUserAgent('curl/8.5.0')).toEqual({ browser: null, system: null });
    expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
  });
});
