/**
 * issue 13: the word classes the hand-off rules combine, from general knowledge of seven languages
 * (English, German, French, Spanish, Portuguese, Italian, Dutch), written for folded text (lower
 * case, accents removed, ß → ss; see normalise.ts). They name kinds of words — who is asked, what is
 * to be done, on what — not phrasings: a rule is a combination of classes within one sentence.
 *
 * Notation of an entry: `stem*` matches any word that begins with the stem (every conjugation and
 * inflection: "annul*" covers annuler, annulez, annulé, annulla…); a word without `*` must be whole;
 * a space is any run of spaces; ` … ` between two words allows up to six words in between
 * (separable verbs: "zeg … op" for "zeg mijn abonnement op", "setzen … aus").
 */

/** A word class compiled to a regex source (no flags): whole-word alternatives. */
export function words(...groups: string[][]): string {
  const alternatives = groups.flat().map((entry) =>
    entry
      .trim()
      .split(' … ')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\p{L}\\p{N}-]*').replace(/ /g, '\\s+'))
      .join('(?:\\s+\\S+){0,6}\\s+'),
  );
  return `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`;
}

// --- who is asked: a request to the desk -----------------------------------------------------------

/** Politeness markers and second-person requests ("could you", "pourriez-vous", "kunt u", "potete"). */
export const REQUEST = [
  ['please', 'pls', 'plz', 'kindly', 'can you', 'can u', 'could you', 'could u', 'would you', 'will you', 'would you mind', 'do you mind', 'any chance', 'think you could', 'you could', 'i need you to', 'i want you to', "i'd like you to", 'i would like you to', 'go ahead and', 'would it be possible', 'could it be possible', "i'd appreciate", 'i would appreciate', "i'd be grateful", 'i would be grateful', 'make sure you', 'you need to', 'you have to', 'you must', 'you should'],
  ['bitte', 'konnen sie', 'konnten sie', 'wurden sie', 'kannst du', 'konntest du', 'wurdest du', 'konnt ihr', 'konntet ihr', 'ich hatte gern*', 'ich mochte, dass', 'ich mochte dass', 'ich will, dass', 'ich will dass', 'ware es moglich', 'ich bitte', 'sie mussen', 'sie sollen', 'ihr musst', 'seien sie so nett'],
  ['pouvez-vous', 'pourriez-vous', 'tu peux', 'tu pourrais', 'peux-tu', 'vous voulez bien', 'voulez-vous', 'pouvez vous', 'pourriez vous', 'peux-tu', 'pourrais-tu', 'veuillez', 'merci de', "merci d'", 'je voudrais que', "j'aimerais que", 'je veux que', 'je souhaite que', 'serait-il possible', 'serait il possible', 'est-ce que vous pouvez', 'est-ce que vous pourriez', 'vous pouvez', 'vous pourriez', 'svp', "s'il vous plait", "s'il te plait", 'stp', 'vous devez'],
  ['por favor', 'porfa', 'porfavor', 'pueden', 'podeis', 'podriais', 'me podeis', 'puedes', 'podrias', 'me puedes', 'me podrias', 'puede usted', 'podria', 'podrian', 'me puede', 'me pueden', 'quiero que', 'necesito que', 'me gustaria que', 'seria posible', 'les pido', 'le pido', 'hagan el favor', 'haga el favor', 'ustedes deben', 'tienen que'],
  ['podem', 'pode', 'podes', 'poderias', 'poderia', 'poderiam', 'voces podem', 'voce pode', 'quero que', 'preciso que', 'gostaria que', 'seria possivel', 'peco que', 'pedimos que'],
  ['per favore', 'per piacere', 'per cortesia', 'potete', 'potreste', 'puo', 'potrebbe', 'puoi', 'potresti', 'vorrei che', 'voglio che', 'sarebbe possibile', 'gentilmente', 'vi chiedo', 'le chiedo', 'dovete'],
  ['alstublieft', 'alsjeblieft', 'aub', 'a.u.b', 'graag', 'kunt u', 'kun je', 'kan je', 'kan u', 'kunnen jullie', 'wilt u', 'wil je', 'willen jullie', 'zou u', 'zou je', 'zouden jullie', 'ik wil dat', 'zou het mogelijk zijn', 'jullie moeten', 'u moet'],
];

/** The customer states what they want to happen ("I want", "je voudrais", "quiero", "ik wil"). */
export const DESIRE = [
  ['i want', 'i wanna', "i'd like", 'i would like', 'i need', 'i wish', 'i demand', 'i expect', 'i request', 'i insist'],
  ['ich will', 'ich mochte', 'ich hatte gern*', 'ich brauche', 'ich verlange', 'ich fordere', 'ich wunsche', 'wir wollen', 'wir mochten'],
  ['je veux', 'je voudrais', "j'aimerais", 'je souhaite', "j'exige", 'je demande', 'nous voulons', 'nous voudrions'],
  ['quiero', 'quisiera', 'necesito', 'me gustaria', 'exijo', 'solicito', 'queremos'],
  ['quero', 'queria', 'gostaria', 'preciso', 'exijo', 'solicito', 'queremos'],
  ['voglio', 'vorrei', 'ho bisogno', 'chiedo', 'pretendo', 'vogliamo', 'vorremmo', 'mi serve', 'mi servirebbe', 'mi servono'],
  ['ik wil', 'ik zou graag', 'ik wil graag', 'ik eis', 'ik verzoek', 'wij willen', 'we willen'],
];

/**
 * The customer asks how to do it, whether it can be done, or about a fact or a policy: a question the
 * AI may answer. Indicative "is it possible" asks; conditional "would it be possible" requests.
 */
export const HOW_TO = [
  ['how', 'where can i', 'where do i', 'where is', 'where are', 'can i', 'could i', 'may i', 'am i able', 'is it possible', 'is there a way', 'is there any way', 'do i need', 'do i have to', 'myself', 'on my own', 'what happens', 'policy', 'policies', 'why', 'explain', 'instructions for', 'steps to'],
  ['wie kann', 'wie konnen', 'wie lange', 'wie geht', 'wie funktioniert', 'wie viel', 'wie mache', 'wie bekomme', 'wo kann ich', 'wo finde', 'kann ich', 'kann man', 'darf ich', 'ist es moglich', 'gibt es', 'selbst', 'selber', 'warum', 'wieso', 'richtlinie*', 'bedingungen', 'erklaren sie', 'was passiert'],
  ['comment', 'puis-je', 'je peux', 'est-ce que je peux', 'est-il possible', 'est il possible', 'y a-t-il', 'ou puis-je', 'ou trouver', 'combien de temps', 'pourquoi', 'moi-meme', 'politique', 'conditions', 'expliquer', 'expliquez'],
  ['como puedo', 'como hago', 'como se', 'como cancelo', 'como cambio', 'como elimino', 'como obtengo', 'puedo', 'se puede', 'donde', 'cuanto tarda', 'cuanto tiempo', 'por que', 'yo mismo', 'yo misma', 'politica', 'es posible', 'explicar', 'expliquen'],
  ['como faco', 'como posso', 'como se', 'como cancelo', 'como altero', 'posso', 'da para', 'onde', 'quanto tempo', 'por que', 'eu mesmo', 'eu mesma', 'politica', 'e possivel', 'explicar', 'expliquem'],
  ['come posso', 'come faccio', 'come si', 'posso', 'si puo', 'dove', 'quanto tempo', 'perche', 'da solo', 'da sola', 'politica', 'e possibile', 'spiegare', 'spiegate'],
  ['hoe', 'kan ik', 'mag ik', 'waar kan', 'waar vind', 'hoe lang', 'waarom', 'zelf', 'is het mogelijk', 'beleid', 'uitleggen', 'leg … uit'],
];

/**
 * A yes/no question about what the desk usually does ("do you refund return shipping?", "est-ce que
 * vous remboursez…?", "erstatten Sie auch…?"): a policy question. Not "do you mind…" nor "can you…".
 */
export const HABITUAL_QUESTION =
  "(?<![\\p{L}])(?:do you(?!\\s+mind)|does your|est-ce que vous(?!\\s+(?:pouv|pourr|voul|voudr))|est-ce que votre|[\\p{L}]+ez-vous(?<!pouvez-vous)(?<!pourriez-vous)(?<!voulez-vous)|[\\p{L}]+en sie (?:auch|generell|grundsatzlich|normalerweise|immer)|doen jullie|doet u|fazem|voces fazem|fate|ustedes (?:hacen|cobran|devuelven|reembolsan))(?![\\p{L}])";

// --- what is to be done: verbs that change state ------------------------------------------------------

/** Verbs that change an account, money, an order, a subscription or a ticket (stems, every form). */
export const ACTION_VERB = [
  ['cancel*', 'refund*', 'reimburs*', 'delet*', 'remov*', 'eras*', 'wipe', 'chang*', 'updat*', 'modif*', 'edit', 'switch*', 'move', 'moving', 'transfer*', 'merg*', 'close', 'closing', 'reset*', 'reactivat*', 'activat*', 'deactivat*', 'disabl*', 'enabl*', 'upgrad*', 'downgrad*', 'unsubscrib*', 'apply', 'applying', 'add', 'adding', 'credit*', 'waive*', 'extend*', 'renew*', 'pause', 'resume', 'reopen*', 'unlock*', 'unblock*', 'block', 'restor*', 'reinstat*', 'resend*', 're-send*', 'reship*', 'replac*', 'exchang*', 'compensat*', 'void', 'revers*', 'process', 'approv*', 'convert*', 'expedit*', 'bump', 'mark', 'assign', 'escalat*', 'lower', 'reduce', 'knock … down', 'take … off', 'put … towards', 'terminat*', 'redeem*', 'swap*', 'adjust*', 'correct', 'fix my', 'stop my', 'stop the', 'turn* … off', 'switch* … off', 'tak* … off', 'shut* … down', 'sign* … up', 'cut* … off', 'hold', 'suspend*', 'freez*'],
  ['andern', 'andert', 'anderung*', 'geandert', 'abandern', 'aktualisier*', 'umstell*', 'umzustell*', 'wechsel*', 'storn*', 'kundig*', 'abbestell*', 'erstatt*', 'zuruckerstatt*', 'zuruckzahl*', 'zuruckbuch*', 'gutschreib*', 'losch*', 'entfern*', 'schliess*', 'sperr*', 'entsperr*', 'aktivier*', 'deaktivier*', 'verlanger*', 'erneuer*', 'zusammenfuhr*', 'ubertrag*', 'einlos*', 'anwend*', 'hinzufug*', 'zurucksetz*', 'reaktivier*', 'pausier*', 'tausch*', 'umtausch*', 'ersetz*', 'verschieb*', 'anpass*', 'herabstuf*', 'hochstuf*', 'upgrad*', 'downgrad*', 'korrigier*', 'streich*', 'aussetz*', 'setzen … aus', 'setz … aus', 'stellen … um', 'stell … um', 'abmeld*', 'melden … ab', 'aufheb*', 'heben … auf', 'buchen … ab', 'buchen … zuruck', 'tragen … ein', 'tragen … aus', 'schalten … ab', 'abschalt*'],
  ['chang*', 'modifi*', 'mettre a jour', 'mettez a jour', 'annul*', 'resili*', 'desabonn*', 'desinscri*', 'rembours*', 'supprim*', 'effac*', 'ferm*', 'bloqu*', 'debloqu*', 'activ*', 'desactiv*', 'prolong*', 'renouvel*', 'fusionn*', 'transfer*', 'appliqu*', 'ajout*', 'reinitialis*', 'reactiv*', 'remplac*', 'echang*', 'deplac*', 'crediter', 'creditez', 'recredit*', 'accord*', 'baiss*', 'renvoy*', 'reexpedi*', 'passer mon', 'passer ma', 'passez mon', 'passez ma', 'corrig*', 'retir*'],
  ['cambi*', 'modific*', 'actualic*', 'actualiz*', 'cancel*', 'anul*', 'dar de baja', 'den de baja', 'de de baja', 'da de baja', 'darme de baja', 'denme de baja', 'reembols*', 'devolv*', 'devuelv*', 'elimin*', 'borr*', 'cerr*', 'cierr*', 'bloque*', 'desbloque*', 'activ*', 'desactiv*', 'renov*', 'renuev*', 'extend*', 'extiend*', 'ampli*', 'fusion*', 'unific*', 'transfer*', 'transfier*', 'aplic*', 'apliqu*', 'agreg*', 'anad*', 'restablec*', 'reactiv*', 'reemplaz*', 'sustitu*', 'reenvi*', 'abon*', 'acredit*', 'bajen*', 'bajar*', 'corrij*', 'correg*', 'quit*'],
  ['mud*', 'alter*', 'atualiz*', 'troc*', 'cancel*', 'anul*', 'reembols*', 'estorn*', 'devolv*', 'exclu*', 'apag*', 'fech*', 'bloque*', 'desbloque*', 'ativ*', 'desativ*', 'renov*', 'prorrog*', 'estend*', 'unific*', 'junt*', 'transfer*', 'aplic*', 'adicion*', 'redefin*', 'reativ*', 'substitu*', 'reenvi*', 'credit*', 'conced*', 'corrij*', 'corrig*', 'tir*'],
  ['cambi*', 'modific*', 'aggiorn*', 'annull*', 'cancell*', 'disdi*', 'disattiv*', 'attiv*', 'rimbors*', 'restitu*', 'elimin*', 'chiud*', 'blocc*', 'sblocc*', 'rinnov*', 'prolung*', 'estend*', 'unific*', 'unisc*', 'trasfer*', 'applic*', 'aggiung*', 'reimpost*', 'riattiv*', 'sostitu*', 'rispedi*', 'reinvi*', 'accredit*', 'storn*', 'corregg*', 'togli*'],
  ['wijzig*', 'verander*', 'aanpass*', 'pas … aan', 'annuleer*', 'annuler*', 'opzeg*', 'zeg … op', 'beeindig*', 'stopzet*', 'zet … stop', 'terugstort*', 'stort … terug', 'terugbetal*', 'betaal … terug', 'verwijder*', 'wis', 'wissen', 'sluit', 'sluiten', 'blokkeer*', 'deblokkeer*', 'activeer*', 'deactiveer*', 'verleng*', 'vernieuw*', 'samenvoeg*', 'voeg … samen', 'overzet*', 'zet … over', 'toepass*', 'pas … toe', 'toevoeg*', 'voeg … toe', 'reset*', 'heractiveer*', 'vervang*', 'ruil*', 'crediteer*', 'upgrade*', 'downgrade*', 'corrigeer*', 'ophef*', 'hef … op', 'afmeld*', 'meld … af', 'uitschrijv*', 'schrijf … uit', 'omzet*', 'zet … om', 'pauzeer*', 'blokkeer*', 'schakel … uit'],
];

/** Verbs of giving: an action only with a benefit as object. */
export const GIVE_VERB = [
  ['give', 'send', 'issue', 'grant', 'offer', 'provide', 'ship', 'get me', 'owe me'],
  ['geb*', 'gib', 'schick*', 'send*', 'gewahr*', 'ausstell*', 'zukommen'],
  ['donn*', 'envoy*', 'offr*', 'fai*', 'accord*'],
  ['dar', 'den', 'denme', 'deme', 'dame', 'envi*', 'mand*', 'otorg*', 'conced*', 'hagan', 'haga'],
  ['dar', 'deem', 'dem', 'de-me', 'envi*', 'mand*', 'conced*', 'facam', 'faca'],
  ['dare', 'date', 'datemi', 'dammi', 'invi*', 'mand*', 'spedi*', 'conced*', 'fate', 'fare'],
  ['geef', 'geven', 'stuur', 'sturen', 'verstuur*', 'verzend*', 'toeken*'],
];

/** What the customer wants given, paid or replaced: money, credit, a benefit. */
export const BENEFIT = [
  ['refund*', 'credit*', 'discount*', 'voucher*', 'coupon*', 'replacement*', 'compensation', 'money back', 'new one', 'free', 'gift card*', 'cashback', 'partial refund', 'reimbursement*'],
  ['erstattung*', 'ruckerstattung*', 'gutschrift*', 'gutschein*', 'rabatt*', 'ersatz*', 'entschadigung*', 'geld zuruck', 'kostenlos*', 'neues gerat'],
  ['remboursement*', 'avoir', 'geste commercial', 'reduction*', 'remise*', 'bon d*', 'remplacement*', 'compensation*', 'dedommagement*', 'gratuit*', 'argent'],
  ['reembolso*', 'descuento*', 'cupon*', 'vale*', 'reemplazo*', 'repuesto*', 'compensacion*', 'dinero', 'gratis', 'indemnizacion*'],
  ['reembolso*', 'desconto*', 'cupom*', 'vale*', 'substituicao', 'compensacao', 'dinheiro', 'gratis', 'indenizacao'],
  ['rimborso*', 'sconto*', 'buono*', 'sostituzione', 'ricambio', 'risarcimento*', 'indennizzo*', 'soldi', 'denaro', 'gratis'],
  ['terugbetaling*', 'korting*', 'tegoed*', 'waardebon*', 'vervanging*', 'compensatie*', 'vergoeding*', 'geld terug', 'gratis'],
];

/** What the AI must not act on: accounts, access, money, orders, subscriptions, tickets, records. */
export const BUSINESS_OBJECT = [
  ['account*', 'profile*', 'e-mail*', 'email*', 'address*', 'login*', 'username*', 'password*', '2fa', 'two-factor', 'authenticat*', 'phone number*', 'billing', 'invoice*', 'fee*', 'charg*', 'payment*', 'refund*', 'credit*', 'coupon*', 'discount*', 'promo*', 'voucher*', 'gift card*', 'price*', 'order*', 'subscription*', 'plan', 'plans', 'membership*', 'tier*', 'trial*', 'shipment*', 'shipping', 'deliver*', 'parcel*', 'package*', 'card*', 'ticket*', 'record*', 'vip', 'priority', 'vat', 'tax*', 'balance', 'points', 'loyalty', 'money', 'amount*', 'deposit*', 'premium', 'add-on*', 'addon*', 'seat*', 'licen*', 'admin*', 'access', 'permission*', 'role', 'workspace*', 'replacement*', 'purchase*', 'booking*', 'reservation*', 'newsletter*', 'mailing*', 'data', 'contract*', 'item*', 'renewal*', 'auto-renew*', 'size', 'colour', 'color', 'quantity'],
  ['konto*', 'kundenkonto*', 'profil*', 'adresse*', 'lieferadresse*', 'passwort*', 'kennwort*', 'telefonnummer*', 'rechnung*', 'gebuhr*', 'zahlung*', 'erstattung*', 'gutschrift*', 'gutschein*', 'rabatt*', 'preis*', 'bestellung*', 'abo', 'abos', 'abonnement*', 'tarif*', 'lieferung*', 'paket*', 'karte*', 'daten', 'vertrag*', 'mitgliedschaft*', 'betrag*', 'geld', 'abbuchung*', 'lastschrift*', 'versand*', 'artikel*', 'zugang*', 'zugriff*', 'euro', 'verlangerung*', 'grosse', 'farbe', 'menge'],
  ['compte*', 'profil*', 'adresse*', 'mot de passe', 'telephone*', 'facture*', 'frais', 'paiement*', 'remboursement*', 'avoir', 'code promo', 'reduction*', 'remise*', 'prix', 'commande*', 'abonnement*', 'forfait*', 'formule*', 'livraison*', 'colis', 'carte*', 'donnees', 'contrat*', 'montant*', 'argent', 'prelevement*', 'achat*', 'article*', 'acces', 'euros', 'renouvellement*', 'taille', 'couleur', 'quantite'],
  ['cuenta*', 'perfil*', 'correo*', 'direccion*', 'contrasena*', 'telefono*', 'factura*', 'cargo*', 'cobro*', 'pago*', 'reembolso*', 'credito*', 'cupon*', 'descuento*', 'codigo*', 'precio*', 'pedido*', 'orden*', 'suscripcion*', 'plan', 'envio*', 'paquete*', 'tarjeta*', 'datos', 'contrato*', 'importe*', 'dinero', 'monto*', 'compra*', 'articulo*', 'acceso*', 'euros', 'renovacion*', 'talla', 'color', 'cantidad'],
  ['conta*', 'perfil*', 'endereco*', 'senha*', 'telefone*', 'fatura*', 'cobranca*', 'pagamento*', 'reembolso*', 'credito*', 'cupom*', 'cupons', 'desconto*', 'codigo*', 'preco*', 'pedido*', 'encomenda*', 'assinatura*', 'plano*', 'entrega*', 'frete*', 'pacote*', 'cartao*', 'dados', 'contrato*', 'valor*', 'dinheiro', 'compra*', 'acesso*', 'renovacao', 'renovacoes', 'tamanho', 'cor', 'quantidade'],
  ['account*', 'conto*', 'profilo*', 'indirizzo*', 'password', 'telefono*', 'fattura*', 'addebit*', 'pagament*', 'rimbors*', 'credito*', 'coupon', 'buono*', 'sconto*', 'codice*', 'prezzo*', 'ordine*', 'abbonament*', 'piano*', 'spedizion*', 'consegna*', 'pacco*', 'carta*', 'dati', 'contratto*', 'importo*', 'soldi', 'denaro', 'acquist*', 'articolo*', 'accesso*', 'rinnovo*', 'taglia', 'colore', 'quantita'],
  ['account*', 'profiel*', 'adres*', 'wachtwoord*', 'telefoonnummer*', 'factu*', 'kosten', 'betaling*', 'terugbetaling*', 'tegoed*', 'korting*', 'kortingscode*', 'waardebon*', 'prijs*', 'bestelling*', 'abonnement*', 'lidmaatschap*', 'levering*', 'verzend*', 'pakket*', 'kaart*', 'gegevens', 'contract*', 'bedrag*', 'geld', 'aankoop*', 'artikel*', 'toegang*', 'verlenging*', 'maat', 'kleur', 'aantal', 'naam'],
];
