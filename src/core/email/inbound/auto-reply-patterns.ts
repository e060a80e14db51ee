/**
 * The words responders and other helpdesks write, for mail that carries no RFC 3834 header. They come
 * from what the clients send, not from any corpus: the subject prefixes Outlook/Exchange put in front of
 * an out-of-office reply in each UI language ("Automatic reply:", "Automatische Antwort:", "自动答复:",
 * …), the custom subjects people give their absence notes, the opening sentences of absence notes, and
 * the acknowledgements of ticket systems (Zendesk, Freshdesk, Jira Service Management, osTicket, OTRS).
 */

/** Responder subject prefixes, matched at the start of the subject and followed by a word boundary. */
const AUTO_REPLY_PHRASES = [
  // English (Outlook, Exchange, Gmail "Auto:", Sieve vacation "Auto:", Zimbra "Out of Office")
  'auto(?:matic)?[ -]?(?:reply|response|responder|answer)',
  'auto:',
  'autoreply',
  'autorespon(?:se|der)',
  'ooo',
  'out of (?:the )?office',
  'away from (?:the )?office',
  'vacation (?:reply|notice|message|response)',
  // German
  'abwesenheit(?:snotiz|smeldung|sbenachrichtigung|sassistent)',
  'automatische antwort',
  'automatische r[üu]ckantwort',
  'nicht im b[üu]ro',
  // French
  'r[ée]ponse automatique',
  'absent(?:e)? du bureau',
  "message d'absence",
  "avis d'absence",
  // Spanish, Catalan
  'respuesta autom[áa]tica',
  'fuera de (?:la )?oficina',
  'resposta autom[àa]tica',
  // Portuguese
  'resposta autom[áa]tica',
  'aus[êe]ncia tempor[áa]ria',
  'ausente do escrit[óo]rio',
  'fora do escrit[óo]rio',
  // Italian
  'risposta automatica',
  'risposta non al computer',
  'fuori sede',
  'fuori ufficio',
  "assente dall'ufficio",
  // Dutch
  'automatisch antwoord',
  'afwezigheid(?:sbericht|smelding)',
  'niet op kantoor',
  'buiten kantoor',
  // Scandinavian, Finnish
  'autosvar',
  'automatisk svar',
  'automatiskt svar',
  'fr[åa]nvaromeddelande',
  'frav[æe]rsmelding',
  'ikke p[åa] kontoret',
  'automaattinen vastaus',
  'poissa toimistolta',
  // Central and Eastern Europe
  'poza biurem',
  'odpowied[źz] automatyczna',
  'automatick[áa] odpov[ěe][ďd]',
  'automatick[áa] odpove[ďd]',
  'mimo kancel[áa][řr]',
  'automatikus v[áa]lasz',
  'r[ăa]spuns automat',
  'automatski odgovor',
  'samodejni odgovor',
  'otomatik (?:yan[ıi]t|cevap)',
  'ofis d[ıi][şs][ıi]nda',
  'автоматический ответ',
  'автоответ',
  'автоматична відповідь',
  'автоматичен отговор',
  'нет на месте',
  'αυτόματη απάντηση',
  // Asia
  '自动回复',
  '自动答复',
  '自動回覆',
  '自動回复',
  '自動応答',
  '自動返信',
  '不在(?:のお知らせ|通知|連絡|のご連絡)?',
  '休暇のお知らせ',
  '자동 (?:응답|회신)',
  '부재(?:중)?',
  'tr[ảa] l[ờo]i t[ựu] đ[ộo]ng',
  'balasan otomatis',
];

// Some responders wrap the phrase in brackets: "[Auto-Reply] …", "(Out of Office) …".
export const AUTO_REPLY_SUBJECT = new RegExp(`^\\s*[[(（【]?\\s*(?:${AUTO_REPLY_PHRASES.join('|')})(?=$|[\\s:：\\-–—\\]()（）】])`, 'iu');

/** Single absence words that are an out-of-office subject only when a colon follows ("Abwesend: …"). */
export const ABSENCE_WORD_SUBJECT = /^\s*(?:abwesend|abwesenheit|absente?|absence|ausente|aus[êe]ncia|assente|afwezig(?:heid)?|nieobecno[śs][ćc]|nieobecn[ya]|fr[åa]nvaro|frav[æe]r|cong[ée]s?|vacances|vacaciones|f[ée]rias|ferie|vakantie)\s*[:：]/iu;

/**
 * People give their absence notes subjects of their own ("Absence du 23 au 27 novembre", "Urlaub bis
 * 1.12.", "Travelling until 4 December"); they open with an absence word. Only together with an
 * absence sentence at the top of the text does such a subject mark a responder.
 */
export const ABSENCE_SUBJECT_START =
  /^\s*(?:absen[ct]|abwesen|ausen[ct]|assen[tz]|afwezig|nieobecn|fr[åa]nvar|frav[æe]r|poissa|out of (?:the )?office|away|on (?:vacation|holiday|leave)|travell?ing|vacation|holiday|urlaub|vacances|cong[ée]|vacaciones|f[ée]rias|ferie|vakantie|urlop|dovolen|отпуск|отсутств|不在|休暇|부재)/iu;

/** Subjects of other ticket systems' acknowledgements. */
export const ACK_SUBJECT =
  /\b(?:(?:request|ticket|case|message|enquiry|inquiry) (?:received|created|opened|logged|acknowledged)|we(?:'ve| have) received your|your (?:request|ticket|case|message)\b.{0,60}\b(?:has been|was) (?:received|created|opened|logged)|automatic acknowledge?ment|empfangsbest[äa]tigung|eingangsbest[äa]tigung|accus[ée] de r[ée]ception|acuse de recibo|confirma[çc][ãa]o de recebimento|conferma di ricezione|ontvangstbevestiging)\b/iu;

/** The opening sentence of an absence note, in the languages responders are set up in. */
const ABSENCE_SENTENCES = [
  // English
  "(?:i am|i'm|i will be|i'll be) (?:currently |now )?(?:out of (?:the )?office|away(?: from (?:the office|my desk|work))?|on (?:annual |parental |sick |maternity |paternity )?leave|on (?:vacation|holiday)|not in the office)",
  'limited (?:access to (?:my )?e-?mail|e-?mail access)',
  '(?:will|shall) (?:reply|respond|get back to you|answer your (?:e-?mail|message)) (?:when|as soon as|upon|on) (?:i|my) return',
  'this is an? (?:automated|automatic|auto-generated|automatically generated) (?:message|reply|response|e-?mail|notification|acknowledge?ment)',
  // German
  'ich bin (?:derzeit |zurzeit |momentan |aktuell )?(?:bis |vom |ab |von )?.{0,40}?(?:nicht im (?:b[üu]ro|haus)|abwesend|im urlaub|nicht erreichbar|au[ßs]er haus)',
  // French
  'je (?:suis|serai) (?:actuellement )?(?:absente?|en cong[ée]s?|en vacances|en d[ée]placement|hors du bureau)',
  // Spanish, Portuguese
  '(?:estoy|estar[ée]) (?:fuera de la oficina|ausente|de vacaciones|fuera)',
  '(?:estou|estarei) (?:ausente|fora do escrit[óo]rio|de f[ée]rias|fora)',
  // Italian
  '(?:sono|sar[òo]) (?:attualmente )?(?:assente|fuori (?:ufficio|sede)|in ferie)',
  // Dutch
  'ik ben (?:momenteel |tot en met .{1,30}? |tot .{1,30}? )?(?:afwezig|niet op kantoor|met vakantie|niet aanwezig)',
  // Polish, Czech
  '(?:jestem|przebywam) (?:obecnie )?(?:na urlopie|poza biurem|nieobecn[ya])',
  'jsem (?:mimo kancel[áa][řr]|na dovolen[ée]|nep[řr][íi]tomn[ýa])',
  // Scandinavian
  'jag [äa]r (?:p[åa] semester|ledig|inte p[åa] kontoret|borta)',
  'jeg er (?:p[åa] ferie|ikke p[åa] kontoret|fraværende)',
  // Japanese, Chinese, Korean
  '不在にしております',
  '不在のため',
  '休暇(?:を|で)(?:いただいて|取って)',
  '我(?:目前|现在)?(?:正在休假|不在办公室|外出)',
  '부재 ?중',
];

/** The opening sentences of ticket-system acknowledgements. */
const ACK_SENTENCES = [
  '(?:we|we have|we\'ve) (?:would like to acknowledge that we have )?(?:received|got) your (?:request|message|e-?mail|enquiry|inquiry|ticket)',
  'your (?:request|ticket|case|message|enquiry|inquiry)\\b.{0,60}\\b(?:has been|was) (?:received|created|opened|logged)',
  'a (?:new )?(?:ticket|case|request) has been (?:created|opened|logged)',
  'thank you for contacting .{1,60}\\. (?:this is an automat|we (?:have )?received)',
  'wir haben ihre (?:anfrage|nachricht|e-?mail) erhalten',
  'ihre (?:anfrage|nachricht) (?:wurde|ist) (?:erfasst|registriert|eingegangen)',
  'nous avons (?:bien )?re[çc]u votre (?:demande|message|e-?mail|courriel)',
  'hemos recibido su (?:solicitud|mensaje|correo|consulta)',
  'recebemos (?:a )?sua (?:solicita[çc][ãa]o|mensagem)',
  'abbiamo ricevuto la (?:sua|tua) (?:richiesta|e-?mail|segnalazione)',
  '(?:wij hebben|we hebben) (?:uw|je) (?:verzoek|bericht|e-?mail|vraag) (?:in goede orde )?ontvangen',
];

/** The "thank you for your message" that responders put before the absence sentence. */
export const THANKS_LEAD =
  /^(?:(?:many )?thanks?(?: you)? (?:very much )?for your (?:e-?mail|message|mail|note)|vielen dank für ihre (?:nachricht|e-?mail|mail)|danke für ihre (?:nachricht|e-?mail)|merci (?:pour|de) votre (?:message|e-?mail|courriel)|gracias por su (?:mensaje|correo|e-?mail)|obrigad[oa] (?:pela sua|pelo seu) (?:mensagem|e-?mail|contato)|grazie per (?:il (?:suo |tuo )?messaggio|la (?:sua |tua )?e-?mail)|bedankt voor (?:uw|je) (?:bericht|e-?mail|mail)|dzi[ęe]kuj[ęe] za (?:wiadomo[śs][ćc]|e-?mail)|tak for din (?:mail|e-?mail|besked)|tack f[öo]r (?:ditt|din) (?:mejl|meddelande|e-?post)|takk for (?:din|e-?posten)(?: e-?post)?|d[ěe]kuji za (?:va[šs]i |v[áa][šs] )?(?:zpr[áa]vu|e-?mail)|спасибо за (?:ваше )?письмо|メール(?:を)?(?:いただき)?ありがとうございます)[\s\S]{0,20}?[.!。！]/iu;

/** Read only at the start of the text (the first ~600 characters), so a quoted note never counts. */
export const ABSENCE_BODY = new RegExp(`^[\\s\\S]{0,600}?(?<!\\p{Script=Latin})(?:${ABSENCE_SENTENCES.join('|')})`, 'iu');
export const ACK_BODY = new RegExp(`^[\\s\\S]{0,600}?(?<!\\p{Script=Latin})(?:${ACK_SENTENCES.join('|')})`, 'iu');

/**
 * A customer may well write "we have received your request"; an acknowledgement also says it is
 * automatic, names a reference, or promises an answer later. One of these must come with ACK_BODY.
 */
export const ACK_CUE =
  /automat|do(?: not|n't) reply|ne pas r[ée]pondre|nicht (?:auf diese|direkt)|no responda|(?:will|shall|'ll) (?:get back to you|respond|reply|be in touch|contact you|send you)|as soon as possible|within \d+ (?:business |working )?(?:hours|days)|(?:reference|ticket|request|case) (?:number|id|no\.?|#)|#\s?\d{3,}|\([A-Z0-9-]*\d{3,}\)|\b[A-Z][A-Z0-9]{1,9}-\d+\b|so schnell wie m[öo]glich|d[èe]s que possible|lo antes posible|o mais breve poss[íi]vel|il prima possibile|zo snel mogelijk/iu;
