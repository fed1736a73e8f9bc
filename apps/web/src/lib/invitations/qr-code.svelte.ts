/**
 * A QR code for a link, drawn on the device (the link holds a secret token: it never goes to a
 * third-party QR service). SVG, so it stays sharp at any size on a projector or a phone.
 */
import QRCode from 'qrcode';

export class QrCode {
  src = $state<string | null>(null);
  error = $state(false);

  constructor(text: string) {
    // Error correction "M" survives a smudged screen or a glare at a venue and keeps modules large.
    QRCode.toString(text, { type: 'svg', width: 640, errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => (this.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => (this.error = true));
  }
}
