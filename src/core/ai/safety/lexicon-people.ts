/**
 * issue 13: word classes about people (other people's data; distress and threats), in the seven
 * languages of lexicon.ts and with its notation (`stem*`, whole words, ` … ` for up to three words).
 */

// --- (b) other people ---------------------------------------------------------------------------------

/** Relatives, partners, friends and people around the customer. */
export const RELATION = [
  ['sister*', 'brother*', 'mother*', 'mom', 'mum', 'father*', 'dad', 'wife', 'husband', 'partner', 'business partner', 'girlfriend', 'boyfriend', 'fiance*', 'ex', 'ex-*', 'son', 'daughter', 'child', 'kid', 'kids', 'friend', 'friends', 'colleague*', 'coworker*', 'co-worker*', 'boss', 'employee*', 'neighbo*', 'flatmate*', 'roommate*', 'housemate*', 'tenant*', 'landlord*', 'cousin*', 'aunt', 'uncle', 'grandm*', 'grandf*', 'grandparent*', 'parents', 'in-laws', 'stepm*', 'stepf*'],
  ['schwester*', 'bruder*', 'bruders', 'mutter*', 'mama', 'vater*', 'papa', 'frau', 'mann', 'mannes', 'ehefrau', 'ehemann*', 'partner*', 'freund*', 'ex', 'ex-*', 'exfreund*', 'exfrau', 'exmann', 'sohn*', 'tochter*', 'kind', 'kinder', 'kindes', 'kolleg*', 'chef*', 'nachbar*', 'mitbewohner*', 'vermieter*', 'mieter*', 'cousin*', 'tante', 'onkel*', 'oma', 'opa', 'eltern', 'schwieger*', 'geschaftspartner*', 'angestellte*', 'mitarbeiter*'],
  ['soeur*', 'frere*', 'mere', 'maman', 'pere', 'papa', 'femme', 'mari', 'conjoint*', 'compagnon', 'compagne', 'copain', 'copine', 'ex', 'fils', 'fille', 'ami', 'amie', 'amis', 'collegue*', 'patron*', 'voisin*', 'coloc*', 'colocataire*', 'proprietaire', 'proprio', 'locataire*', 'cousin*', 'tante', 'oncle', 'grand-mere', 'grand-pere', 'parents', 'belle-*', 'beau-*', 'associe*', 'employe*', 'enfant*'],
  ['hermano*', 'hermana*', 'madre', 'mama', 'padre', 'papa', 'esposa', 'esposo', 'mujer', 'marido', 'pareja', 'novio', 'novia', 'ex', 'exnovi*', 'exmarido', 'exmujer', 'hijo*', 'hija*', 'amig*', 'companer*', 'jefe', 'jefa', 'vecin*', 'casero', 'casera', 'inquilin*', 'primo', 'prima', 'primos', 'primas', 'tia', 'tio', 'abuel*', 'padres', 'suegr*', 'socio', 'socia', 'emplead*'],
  ['irmao', 'irma', 'mae', 'pai', 'esposa', 'esposo', 'mulher', 'marido', 'parceir*', 'namorad*', 'ex', 'ex-*', 'filho*', 'filha*', 'amig*', 'colega*', 'chefe', 'vizinh*', 'senhorio', 'inquilin*', 'primo', 'prima', 'tia', 'tio', 'avo', 'pais', 'sogr*', 'socio', 'socia', 'funcionari*'],
  ['fratello', 'sorella', 'madre', 'mamma', 'padre', 'papa', 'moglie', 'marito', 'compagno', 'compagna', 'ragazz*', 'fidanzat*', 'ex', 'figlio', 'figlia', 'amic*', 'collega', 'colleghi', 'capo', 'vicin*', 'coinquilin*', 'padrone di casa', 'inquilin*', 'cugin*', 'zia', 'zio', 'nonn*', 'genitori', 'suocer*', 'socio', 'socia', 'soci', 'dipendent*'],
  ['zus', 'zusje', 'broer*', 'moeder', 'mama', 'vader', 'papa', 'vrouw', 'man', 'partner', 'vriend*', 'ex', 'zoon', 'dochter', 'collega*', 'baas', 'buurman', 'buurvrouw', 'buren', 'huisgeno*', 'verhuurder', 'huurder', 'neef', 'nicht', 'tante', 'oom', 'opa', 'oma', 'ouders', 'schoonmoeder', 'schoonvader', 'schoonzus', 'schoonbroer', 'schoonouders', 'compagnon', 'werknemer*'],
];

/** Possessives that make a relation someone else: "my", "mein*", "mon/ma/mes", "mi/mis", "meu/minha", "mio/mia", "mijn". */
export const MY = [['my', 'our'], ['mein*', 'unser*'], ['mon', 'ma', 'mes', 'notre', 'nos'], ['mi', 'mis', 'nuestr*'], ['meu', 'meus', 'minha', 'minhas', 'nosso', 'nossa'], ['mio', 'mia', 'miei', 'mie', 'nostro', 'nostra'], ['mijn', 'onze', 'ons']];

/** Strangers: another customer, other users, "the person who…", "someone else". */
export const STRANGER = [
  ['another customer', 'another user', 'another person', 'another buyer', 'another client', 'other customers', 'other users', 'other people', 'other buyers', 'other clients', 'someone else', 'somebody else', 'a different customer', 'the customer who', 'the customer that', 'the person who', 'the person that', 'the buyer who', 'the seller who', 'the user who', 'the guy who', 'the lady who', 'the man who', 'the woman who', 'whoever', 'which customers', 'which other customers', 'who else'],
  ['anderen kunden', 'andere kunden', 'ein anderer kunde', 'einer anderen kundin', 'eines anderen kunden', 'andere nutzer', 'anderen nutzer', 'andere person', 'anderen person', 'jemand anderes', 'jemand anders', 'der kunde, der', 'der kunde der', 'die person, die', 'die person die', 'des kunden, der', 'welche kunden'],
  ['un autre client', 'une autre cliente', "d'un autre client", "d'une autre cliente", "d'autres clients", 'autres clients', 'autres utilisateurs', 'une autre personne', "quelqu'un d'autre", 'le client qui', 'la cliente qui', 'du client qui', 'de la personne qui', 'la personne qui', "l'acheteur qui", 'quels clients'],
  ['otro cliente', 'otra clienta', 'otros clientes', 'otros usuarios', 'otra persona', 'alguien mas', 'el cliente que', 'del cliente que', 'la persona que', 'de la persona que', 'el comprador que', 'que clientes'],
  ['outro cliente', 'outra cliente', 'outros clientes', 'outros usuarios', 'outra pessoa', 'o cliente que', 'do cliente que', 'a pessoa que', 'da pessoa que', 'quais clientes'],
  ['un altro cliente', "un'altra cliente", 'altri clienti', 'altri utenti', "un'altra persona", 'qualcun altro', 'il cliente che', 'del cliente che', 'la persona che', 'della persona che', 'quali clienti'],
  ['een andere klant', 'andere klanten', 'andere gebruikers', 'iemand anders', 'de klant die', 'van de klant die', 'de persoon die', 'van de persoon die', 'welke klanten'],
];

/** Unambiguous third-person possessives ("his", "seine", "sa", "dele", "haar"); not those that also mean a formal "your". */
export const THEIR = [['his', 'her', 'hers', 'their', 'theirs', 'seine', 'seinen', 'seiner', 'seines', 'son', 'sa', 'ses', 'leur', 'leurs', 'de el', 'de ella', 'dele', 'dela', 'deles', 'delas', 'haar', 'hun']];

/** Roles a third party plays, for "the <role> who…" in each language. */
export const ROLE = ['customer', 'client', 'cliente', 'clienta', 'kunde', 'kundin', 'klant', 'person', 'personne', 'persona', 'pessoa', 'persoon', 'user', 'utilisateur', 'usuario', 'utente', 'nutzer', 'gebruiker', 'buyer', 'acheteur', 'comprador', 'acquirente', 'kaufer', 'koper', 'seller', 'vendeur', 'vendedor', 'venditore', 'verkaufer', 'verkoper', 'sender', 'expediteur', 'remitente', 'remetente', 'mittente', 'absender', 'afzender', 'recipient', 'destinataire', 'destinatario', 'empfanger', 'ontvanger', 'guy', 'lady', 'man', 'woman', 'homme', 'femme', 'hombre', 'mujer', 'signora', 'signore', 'mann', 'frau', 'meneer', 'mevrouw'];
export const WHO_RELATIVE = ['who', 'that', 'qui', 'que', 'che', 'die', 'der', 'welche', 'welcher'];

/** Asking who someone is from what they did (who bought, who sent…). */
export const WHO_DID = [
  ['who bought', 'who ordered', 'who purchased', 'who sent', 'who received', 'who returned', 'who else bought', 'who else ordered'],
  ['wer hat'],
  ['qui a achete', 'qui a commande', 'qui a envoye', 'qui a recu'],
  ['quien compro', 'quien pidio', 'quien envio', 'quien recibio', 'quienes compraron'],
  ['quem comprou', 'quem pediu', 'quem enviou', 'quem recebeu'],
  ['chi ha comprato', 'chi ha ordinato', 'chi ha inviato', 'chi ha ricevuto'],
  ['wie heeft', 'wie hebben'],
];

/** Asking to be told or given something, or asking what/which/when/where about it. */
export const DISCLOSE = [
  ['tell', 'give', 'send', 'forward', 'show', 'look up', 'look into', 'check', 'find out', 'let me know', 'what', 'which', 'when', 'where', 'who', 'whose', 'list'],
  ['sag*', 'nenn*', 'geb*', 'gib', 'schick*', 'zeig*', 'weiterleit*', 'mitteil*', 'welche*', 'was', 'wann', 'wo', 'wer', 'wessen', 'lautet'],
  ['dire', 'dites', 'dis-moi', 'donn*', 'envoy*', 'montr*', 'transmet*', 'communiqu*', 'quel', 'quelle', 'quels', 'quelles', 'quand', 'ou est', 'ou se trouve', 'ce que', 'ce qu'],
  ['decir', 'decirme', 'dime', 'diga*', 'digan*', 'dicen', 'dice', 'informar*', 'informen*', 'dar', 'denme', 'dame', 'pasar', 'pasarme', 'pasen', 'pasenme', 'envi*', 'mand*', 'mostr*', 'ensen*', 'cual', 'cuales', 'cuando', 'donde', 'quien*'],
  ['dizer', 'diga*', 'dizem', 'informar*', 'informem*', 'dar', 'passar', 'passem', 'passe', 'envi*', 'mand*', 'mostr*', 'qual', 'quais', 'o que', 'quando', 'onde', 'quem'],
  ['dire', 'dirmi', 'dite', 'ditemi', 'dica', 'dammi', 'datemi', 'passare', 'passatemi', 'invi*', 'mand*', 'mostr*', 'qual', 'quale', 'quali', 'cosa', 'che cosa', 'quando', 'dove', 'chi'],
  ['vertel*', 'zeg', 'zeggen', 'geef', 'geven', 'stuur', 'sturen', 'toon', 'tonen', 'laat … zien', 'doorsturen', 'wat', 'welk', 'welke', 'wanneer', 'waar', 'wie'],
];

/** A question that opens with "what" in the languages where the word also means "that" or "who". */
export const WHAT_FIRST = '^\\W*(que|qui|wat|cosa|che cosa)(?![\\p{L}\\p{N}])';

/** Personal data and what a person did with the desk: address, phone, order, what they bought. */
export const PERSONAL_DATA = [
  ['address*', 'e-mail*', 'email*', 'phone*', 'number', 'name', 'details', 'contact*', 'data', 'info', 'information', 'order*', 'purchase*', 'bought', 'account*', 'invoice*', 'ticket*', 'message*', 'status', 'tracking', 'deliver*', 'arriving', 'location', 'card', 'password', 'sign up', 'signed up', 'registered'],
  ['adresse*', 'anschrift', 'e-mail*', 'telefon*', 'nummer', 'bestellnummer*', 'kundennummer*', 'handynummer*', 'name*', 'daten', 'kontakt*', 'bestellung*', 'bestellt', 'gekauft', 'konto', 'rechnung*', 'status', 'sendung*', 'hinterlegt', 'lieferung*', 'nachricht*'],
  ['adresse*', 'courriel', 'e-mail', 'mail', 'telephone', 'numero*', 'nom', 'coordonnees', 'donnees', 'informations', 'commande*', 'commande', 'achete', 'compte', 'facture*', 'statut', 'livraison', 'messages'],
  ['direccion*', 'correo*', 'email', 'telefono*', 'numero*', 'nombre', 'datos', 'informacion', 'pedido*', 'pidio', 'pidieron', 'encargo', 'compro', 'compraron', 'compras', 'cuenta', 'factura*', 'estado', 'envio', 'mensajes'],
  ['endereco*', 'e-mail', 'email', 'telefone*', 'numero*', 'nome', 'dados', 'informacoes', 'pedido*', 'pediu', 'encomendou', 'comprou', 'compras', 'conta', 'fatura*', 'status', 'cadastrad*', 'entrega', 'mensagens'],
  ['indirizzo*', 'email', 'e-mail', 'telefono*', 'numero*', 'nome', 'dati', 'informazioni', 'ordine*', 'ordinato', 'comprato', 'acquist*', 'conto', 'account', 'fattura*', 'stato', 'spedizione', 'consegna', 'messaggi'],
  ['adres*', 'e-mail*', 'telefoon*', 'nummer*', 'naam', 'gegevens', 'bestelling*', 'besteld', 'gekocht', 'account', 'factu*', 'status', 'levering', 'pakket*', 'berichten'],
];

// --- (c) distress and threats -------------------------------------------------------------------------

/** Wanting to die or to hurt oneself, despair about living (never "this bug is killing me"). */
export const SELF_HARM = [
  ['kill* myself', 'hurt* myself', 'harm* myself', 'cut* myself', 'suicid*', 'end* my life', 'end* it all', 'tak* my own life', 'tak* my life', "don't want to live", 'do not want to live', "don't want to be alive", "don't want to be here anymore", 'want to die', 'wanna die', 'better off dead', 'better off without me', 'nobody would notice', 'no one would notice', 'nobody would miss me', 'no one would miss me', 'if i was gone', 'if i were gone', 'no point in living', 'no reason to live', 'no point going on', "won't be around", 'not be around much longer', 'saving pills', 'saving up pills', 'collecting pills', 'take all the pills', 'overdose', 'nobody would care', "can't go on anymore", "can't go on living", 'cannot go on living', "i'm done with everything", 'done with everything', 'done with life', 'give up on life', 'not worth living', 'disappear forever', 'never wake up'],
  ['mich umbringen', 'mich umzubringen', 'mir das leben nehmen', 'mir das leben zu nehmen', 'mir etwas antun', 'mir was antun', 'selbstmord*', 'suizid*', 'nicht mehr leben', 'keinen sinn mehr zu leben', 'leben hat keinen sinn', 'will sterben', 'mochte sterben', 'lebensmude', 'tabletten sammeln', 'nicht mehr aufwachen', 'nicht mehr da sein'],
  ['suicid*', 'me tuer', 'fin a mes jours', 'fin a ma vie', "envie d'en finir", 'veux en finir', 'en finir avec la vie', 'en finir avec tout', 'plus envie de vivre', 'envie de mourir', 'veux mourir', 'me faire du mal', 'force de continuer', 'force de vivre', 'disparaitre pour toujours', 'ne plus me reveiller', 'personne ne remarquerait', 'personne ne verrait'],
  ['suicid*', 'matarme', 'quitarme la vida', 'acabar con mi vida', 'no quiero seguir viviendo', 'no quiero vivir', 'quiero morir*', 'acabar con todo', 'acabar con mi vida', 'hacerme dano', 'desaparecer para siempre', 'no vale la pena vivir', 'nadie lo notaria'],
  ['suicid*', 'me matar', 'tirar minha vida', 'tirar a minha vida', 'tirar a minha propria vida', 'nao quero mais viver', 'nao quero viver', 'quero morrer', 'acabar com tudo', 'me machucar', 'sumir para sempre', 'nao aguento mais viver', 'ninguem ia notar'],
  ['suicid*', 'uccidermi', 'ammazzarmi', 'togliermi la vita', 'togliersi la vita', 'farla finita', 'non voglio piu vivere', 'non voglio vivere', 'voglio morire', 'farmi del male', 'sparire per sempre', 'nessuno se ne accorgerebbe'],
  ['zelfmoord*', 'suicid*', 'mezelf iets aandoen', 'mezelf van het leven beroven', 'een einde aan maken', 'er een einde aan',  'mezelf van kant maken', 'mezelf doden', 'mezelf pijn doen', 'niet meer leven', 'wil dood', 'dood willen', 'er een eind aan maken', 'mijn leven beeindigen'],
];

/** Not wanting (or being better off not) to live or exist: NOT_WANT + up to two words + LIVE. */
export const NOT_WANT = [['no more', 'no longer have the', 'keine', 'keinen', 'plus', "plus d'", 'ya no tengo', 'sin', 'nao tenho mais', 'sem', 'non ho piu', 'geen', "don't want to", 'do not want to', 'no longer want to', "don't wanna", 'will nicht mehr', 'will nicht', 'mochte nicht mehr', 'mochte nicht', 'ne veux plus', 'ne veux pas', "n'ai plus envie de", 'no quiero', 'ya no quiero', 'nao quero', 'nao quero mais', 'non voglio', 'non voglio piu', 'wil niet', 'wil niet meer', 'better off not', 'besser nicht', 'mieux ne pas', 'mejor no', 'melhor nao', 'meglio non', 'beter niet']];
export const LIVE = [['will to live', 'lebenswille*', 'lust zu leben', 'envie de vivre', 'ganas de vivir', 'vontade de viver', 'voglia di vivere', 'zin in het leven', 'live', 'be alive', 'exist', 'be here', 'leben', 'existieren', 'da sein', 'vivre', 'exister', 'etre la', 'vivir', 'existir', 'estar aqui', 'viver', 'vivere', 'esistere', 'esserci', 'leven', 'bestaan', 'er zijn']];
/** Despair, and words about ending or disappearing: together they are a risk of self-harm. */
export const DESPAIR = [['falling apart', "can't take it anymore", "can't take this anymore", 'cannot take it anymore', 'at the end of my rope', 'hopeless', 'ich kann nicht mehr', 'hoffnungslos', 'je suis a bout', "je n'en peux plus", 'sans espoir', 'no puedo mas', 'sin esperanza', 'nao aguento mais', 'sem esperanca', 'ce la faccio piu', 'senza speranza', 'ik kan niet meer', 'hopeloos']];
export const ENDING = [['end it', 'ending it', 'disappear', 'not wake up', 'give up on everything', 'sleep forever', 'schluss machen', 'verschwinden', 'disparaitre', 'desaparecer', 'sumir', 'sparire', 'verdwijnen', 'er een eind aan']];
/** Breaking a body part, aimed at someone: a threat. */
export const BREAK_BODY = [['break*', 'smash*', 'brech*', 'einschlag*', 'cass*', 'defonc*', 'romp*', 'partir*', 'quebr*', 'spacc*', 'breek*', 'breken', 'sla … in']];
export const BODY = [['nose', 'face', 'jaw', 'teeth', 'legs', 'arm', 'neck', 'skull', 'nase', 'gesicht', 'kiefer', 'zahne', 'beine', 'nez', 'visage', 'gueule', 'machoire', 'dents', 'jambes', 'nariz', 'cara', 'mandibula', 'dientes', 'piernas', 'cabeza', 'naso', 'faccia', 'denti', 'gambe', 'testa', 'neus', 'gezicht', 'kaak', 'tanden', 'benen', 'kop', 'rosto', 'dentes', 'pernas', 'cabeca']];

/** Violent verbs, against people or premises. */
export const VIOLENCE = [
  ['kill', 'hurt', 'shoot', 'stab', 'beat … up', 'punch', 'smash', 'burn', 'torch', 'blow up', 'wreck', 'attack', 'strangle', 'make … pay'],
  ['umbringen', 'toten', 'verprugel*', 'schlagen', 'schlage', 'abfackeln', 'anzunden', 'zund* … an', 'fackel* … ab', 'abbrennen', 'in die luft', 'kaputt*', 'zusammenschlagen', 'zusammen', 'verletzen', 'fertigmachen'],
  ['tuer', 'frapper', 'bruler', 'casser', 'defoncer', 'faire sauter', 'mettre le feu', 'faire du mal', 'cogner', 'taper'],
  ['matar', 'golpear', 'pegar', 'quemar', 'romper', 'destrozar', 'hacer dano', 'hacerles dano', 'reventar', 'incendiar'],
  ['matar', 'bater', 'queimar', 'quebrar', 'machucar', 'explodir', 'agredir', 'incendiar'],
  ['ammazz*', 'uccid*', 'picchi*', 'bruci*', 'spacc*', 'far saltare', 'incendi*'],
  ['vermoorden', 'doodmaken', 'slaan', 'in brand', 'steek … in brand', 'sla … in elkaar', 'kapot', 'afmaken', 'opblazen', 'pijn doen'],
];

/** Weapons. */
export const WEAPON = [['knife', 'gun', 'rifle', 'bomb', 'weapon', 'messer', 'waffe', 'pistole', 'bombe', 'couteau', 'arme', 'fusil', 'cuchillo', 'pistola', 'arma', 'bomba', 'faca', 'coltello', 'mes', 'wapen', 'pistool', 'bom']];

/** Who or what a threat is aimed at: the desk's people and premises, or anyone. */
export const TARGET = [
  ['you', 'your', 'someone', 'somebody', 'anyone', 'everyone', 'them', 'him', 'her', 'staff', 'office', 'store', 'shop', 'warehouse', 'people'],
  ['sie', 'dich', 'euch', 'ihr*', 'jemand*', 'alle', 'buro', 'laden', 'lager', 'mitarbeiter*', 'filiale'],
  ['vous', 'te', 'votre', 'vos', "quelqu'un", 'tout le monde', 'bureau*', 'magasin', 'entrepot', 'boutique', 'employe*'],
  ['les', 'te', 'lo', 'la', 'su', 'sus', 'alguien', 'todos', 'oficina', 'tienda', 'almacen', 'local', 'emplead*'],
  ['voces', 'te', 'alguem', 'todos', 'escritorio', 'loja', 'armazem', 'funcionari*'],
  ['ti', 'vi', 'qualcuno', 'tutti', 'ufficio', 'negozio', 'magazzino', 'dipendent*', 'vostr*'],
  ['jullie', 'je', 'u', 'iemand', 'iedereen', 'kantoor', 'winkel', 'magazijn', 'medewerker*'],
];

/** People and premises a threat aims at, and faces: never the bare "you", which is also the subject of a how-to. */
export const TARGET_STRONG = [
  ['someone', 'somebody', 'anyone', 'everyone', 'staff', 'office', 'store', 'shop', 'warehouse', 'people', 'employee*', 'boss', 'manager', 'face', 'head'],
  ['jemand*', 'euch', 'buro', 'laden', 'lager', 'filiale', 'mitarbeiter*', 'chef', 'gesicht', 'fresse', 'kopf'],
  ["quelqu'un", 'vous', 'bureau*', 'magasin', 'entrepot', 'boutique', 'employe*', 'patron', 'gueule', 'visage', 'tete'],
  ['alguien', 'les', 'oficina', 'tienda', 'almacen', 'local', 'emplead*', 'jefe', 'cara', 'cabeza'],
  ['alguem', 'voces', 'escritorio', 'loja', 'armazem', 'funcionari*', 'chefe', 'cara', 'cabeca'],
  ['qualcuno', 'vi', 'ufficio', 'negozio', 'magazzino', 'dipendent*', 'capo', 'faccia', 'testa'],
  ['iemand', 'jullie', 'kantoor', 'winkel', 'magazijn', 'medewerker*', 'baas', 'gezicht', 'kop', 'hoofd'],
];

/** A condition put to the desk ("if you don't…, I will…"). */
export const CONDITION = [['if', 'unless', 'als', 'tenzij', 'wenn', 'falls', 'sonst', 'si', 'sinon', 'se', 'senao', 'como no', 'caso', 'altrimenti', 'o si no', 'otherwise']];

/** First-person intent ("I'll", "je vais", "voy a", "ich werde", "vou", "vado a", "ik ga"). */
export const I_WILL = [
  ["i'll", 'i will', "i'm going to", 'i am going to', 'gonna', "i'm coming", 'i am coming', 'i have a', "i've got a", 'i carry a', 'i bring a', "i'll bring a"],
  ['ich werde', 'ich komme', 'ich habe ein', 'wir werden', 'ich bringe', 'ich schlage', 'ich verprugle'],
  ['je vais', "j'vais", 'on va', 'je viens', "j'ai un", "j'ai une"],
  ['voy a', 'vamos a', 'les voy', 'te voy', 'tengo un', 'tengo una', 'llevo un'],
  ['vou', 'vamos', 'tenho uma', 'tenho um'],
  ['vado a', 'vengo a', 'verro', 'ho un', 'ho una', 'ti ammazzo', 'vi ammazzo'],
  ['ik ga', 'ik kom', 'ik zal', 'ik heb een'],
];

/** "Nobody" and "to miss / to notice": nobody would miss the customer (with the first person in between or after). */
export const NOBODY = [['nobody', 'no one', 'niemand', 'personne', 'nadie', 'ninguem', 'nessuno']];
export const MISS = [['miss*', 'notice*', 'care', 'vermiss*', 'merk*', 'regrett*', 'manqu*', 'remarqu*', 'echar* de menos', 'extran*', 'notar*', 'sentir* falta', 'sentiria* a minha falta', 'mancanza', 'accorg*', 'missen', 'opmerken']];

/** First-person pronouns, for verb-first threats ("… zünde ich Ihren Laden an", "… steek ik de winkel in brand"). */
export const FIRST_PERSON = [['i', 'ich', 'ik', 'je', "j'", 'yo', 'eu', 'io']];

/** Menace that needs no verb of violence: "I know where you live", "see what happens", "you'll regret it". */
export const MENACE = [
  ['i know where you', 'i know where your', 'see what happens', 'get* hurt', 'get* killed', 'be hurt', 'gonna pay', 'going to pay', 'will pay for this', "you'll regret", 'you will regret', "you'll be sorry", 'watch your back'],
  ['ich weiss, wo', 'ich weiss wo', 'passiert was', 'passiert etwas', 'werdet ihr bereuen', 'werden sie bereuen'],
  ['je sais ou', 'vous allez le regretter', 'tu vas le regretter', 'vous allez voir ce qui'],
  ['se donde', 'se van a arrepentir', 'van a ver lo que'],
  ['sei onde', 'vao se arrepender', 'vao ver o que'],
  ['so dove', 've ne pentirete', 'vedrete cosa'],
  ['ik weet waar', 'gaan er klappen', 'jullie gaan spijt', 'krijgen jullie spijt'],
];

/** Someone harming, threatening or tracking the customer (abuse, stalking): a person must answer. */
export const ABUSE = [
  ['hits me', 'beats me', 'abuses me', 'threatens me', 'is stalking me', 'stalks me', 'tracks me', 'track where i am', 'tracking me', 'hurts me', 'controls me'],
  ['schlagt mich', 'bedroht mich', 'verfolgt mich', 'uberwacht mich', 'misshandelt mich'],
  ['me frappe', 'me bat', 'me menace', 'me suit', 'me surveille'],
  ['me pega', 'me golpea', 'me amenaza', 'me sigue', 'me vigila', 'me maltrata'],
  ['me bate', 'me agride', 'me ameaca', 'me persegue', 'me vigia'],
  ['mi picchia', 'mi minaccia', 'mi segue', 'mi controlla', 'mi maltratta'],
  ['slaat mij', 'slaat me', 'bedreigt mij', 'bedreigt me', 'volgt mij', 'volgt me', 'mishandelt'],
];
