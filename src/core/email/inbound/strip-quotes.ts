/**
 * Removes quoted history and the signature from a plain-text mail body where they can be recognised:
 * the RFC 3676 signature separator "-- ", reply headers as Gmail, Apple Mail, Thunderbird and Outlook
 * write them in several languages, Outlook's "Original Message" and underscore separators, and a
 * trailing block of ">"-quoted lines. The raw message is kept, so nothing is lost. When stripping
 * would leave nothing, the text is returned whole.
 */
const QUOTE_HEADER = [
  /^On\b.{0,200}\bwrote:\s*$/i,
  /^Am\b.{0,200}\bschrieb.{0,80}:\s*$/i,
  /^Le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^El\b.{0,200}\bescribió:\s*$/i,
  /^Em\b.{0,200}\bescreveu:\s*$/i,
  /^Il giorno\b.{0,200}\bha scritto:\s*$/i,
  /^Op\b.{0,200}\bschreef.{0,80}:\s*$/i,
  /^Den\b.{0,200}\bskrev.{0,80}:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Forwarded message)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/,
];

const FROM_LINE = /^\*?(From|Von|De|Van|Da|Från|Fra|Od)\s*:\*?\s/i;
const SENT_LINE = /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden|Skickat|Sendt|Wysłano)\s*:\*?\s/i;

export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (line === '-- ' || line === '--') {
      cut = i;
      break;
    }
    if (QUOTE_HEADER.some((re) => re.test(trimmed))) {
      cut = i;
      break;
    }
    // Gmail wraps long "On … wrote:" lines in two.
    if (/^On\b/i.test(trimmed) && i + 1 < lines.length && /\bwrote:\s*$/i.test(lines[i + 1]!.trim()) && trimmed.length < 200) {
      cut = i;
      break;
    }
    if (FROM_LINE.test(trimmed) && lines.slice(i + 1, i + 4).some((next) => SENT_LINE.test(next.trim()))) {
      cut = i;
      break;
    }
  }
  let kept = lines.slice(0, cut);
  // A trailing run of quoted lines (bottom-quoting without a header).
  let end = kept.length;
  while (end > 0 && (kept[end - 1]!.trim() === '' || kept[end - 1]!.startsWith('>'))) end -= 1;
  if (kept.slice(end).some((line) => line.startsWith('>'))) kept = kept.slice(0, end);
  const result = kept.join('\n').trim();
  return result || text.trim();
}
