import { ABUSE, BODY, BREAK_BODY, CONDITION, DESPAIR, ENDING, FIRST_PERSON, LIVE, MISS, NOBODY, NOT_WANT, THEIR, DISCLOSE, I_WILL, MENACE, MY, PERSONAL_DATA, RELATION, ROLE, SELF_HARM, STRANGER, TARGET, TARGET_STRONG, VIOLENCE, WEAPON, WHAT_FIRST, WHO_DID, WHO_RELATIVE } from './lexicon-people.js';
import { ACTION_VERB, BENEFIT, BUSINESS_OBJECT, DESIRE, GIVE_VERB, HABITUAL_QUESTION, HOW_TO, REQUEST, words } from './lexicon.js';
import { lazyRegExp, rx, type Rule } from './rules.js';

/**
 * issue 13: hand-off rules by the structure of a sentence, over the word classes of lexicon.ts and
 * lexicon-people.ts (seven languages). Each rule is a combination — who is asked × what is to be done
 * × on what — tested within one sentence, so new wordings of the same request land in the same
 * category. They add to the older phrase rules (category-rules.ts, topic-rules.ts); none contains a
 * fixture's wording (handoff-fixture.test.ts checks).
 */

const any = (...classes: string[]) => rx(classes.map((c) => `(?:${c})`).join('|'));

const request = words(...REQUEST);
/** Politeness words alone ("please", "bitte", "por favor"…): the fallback below needs a real second-person request. */
const POLITENESS = new Set(['please', 'pls', 'plz', 'kindly', 'bitte', 'veuillez', 'svp', "s'il vous plait", "s'il te plait", 'stp', 'merci de', "merci d'", 'por favor', 'porfa', 'porfavor', 'per favore', 'per piacere', 'per cortesia', 'gentilmente', 'alstublieft', 'alsjeblieft', 'aub', 'a.u.b', 'graag']);
const secondPersonRequest = words(...REQUEST.map((group) => group.filter((entry) => !POLITENESS.has(entry))));
const desire = words(...DESIRE);
const howTo = any(words(...HOW_TO), HABITUAL_QUESTION);
const actionVerb = rx(words(...ACTION_VERB));
const giveVerb = words(...GIVE_VERB);
/** A sum of money is something the desk would have to move. */
const MONEY = '\\d+(?:[.,]\\d+)?\\s*(?:€|\\$|£|eur|euros?|usd|dollars?|gbp|pounds?|reais|chf)(?![\\p{L}])|[€$£]\\s*\\d';
const businessObject = any(words(...BUSINESS_OBJECT), MONEY);
const benefit = rx(words(...BENEFIT));
/** Money verbs that need no object after a wish (the wish to be paid back is itself the request). */
const MONEY_VERB = words(['refund*', 'reimburs*', 'money back', 'erstatt*', 'rembours*', 'reembols*', 'rimbors*', 'terugbetal*', 'terugstort*', 'estorn*']);

const INSTEAD = words(['instead of', 'rather than', 'in plaats van', 'anstatt', 'statt', 'au lieu de', 'a la place de', 'en lugar de', 'en vez de', 'em vez de', 'ao inves de', 'invece di', 'al posto di']);

/** Verbs of telling and explaining: a request with one of them asks for information, not an action. */
const INFO_VERB = words([
  'tell', 'explain', 'show', 'know', 'understand', 'find', 'see', 'help', 'look', 'read', 'clarify', 'describe', 'let me know', 'link', 'confirm*', 'bestatig*', 'confirmer', 'confirmez', 'confirmar', 'confirme*', 'conferm*', 'bevestig*',
  'sag*', 'erklar*', 'zeig*', 'wissen', 'helf*', 'hilf', 'versteh*', 'find*', 'dire', 'dites', 'expliqu*', 'montr*', 'savoir', 'aid*', 'comprendre', 'trouv*', 'indiqu*',
  'decir', 'dime', 'diga*', 'explic*', 'mostr*', 'saber', 'ayud*', 'entender', 'encontr*', 'indic*', 'dizer', 'ajud*', 'informar', 'spieg*', 'sapere', 'aiut*', 'capire', 'trov*', 'dimmi',
  'vertel*', 'uitleg*', 'leg … uit', 'weten', 'help', 'helpen', 'begrijp*', 'vind*',
]);

/** Another address as destination. */
const REROUTE = words(['other address', 'another address', 'different address', 'new address', 'ander adres', 'andere adres', 'nieuwe adres', 'nieuw adres', 'andere adresse', 'neue adresse', 'autre adresse', 'nouvelle adresse', 'otra direccion', 'nueva direccion', 'outro endereco', 'novo endereco', 'altro indirizzo', 'nuovo indirizzo']);

/** Words that may open a sentence before an imperative verb: greetings, "please", "just", "so". */
const OPENERS = "(?:(?:hi|hello|hey|ok|okay|so|just|then|now|also|and|hallo|guten tag|bonjour|salut|hola|buenas|ciao|salve|oi|ola|hoi|dag|goedendag|bitte|please|pls|por favor|porfa|svp|per favore|alstublieft|aub|right|simply|einfach|juste|solo|apenas|gewoon)\\W+)*";
const startsWith = (verbClass: string) => rx(`^\\W*${OPENERS}${verbClass}`);

export const STRUCTURE_ACTION_RULES: Rule[] = [
  // request frame, then an action verb, × business object, in one sentence ("… reset email…, can you help?" is not one)
  { signal: 'action_request', pattern: rx(`(?:${request})[^]*?(?:${actionVerb.source})`), all: [businessObject], unless: howTo },
  // a sentence that opens (after greetings or "please") with an action verb, and names a business object
  { signal: 'action_request', pattern: startsWith(words(...ACTION_VERB)), all: [businessObject], unless: howTo },
  // the customer's wish × action verb × business object (unless the message asks how to do it)
  { signal: 'action_request', pattern: rx(`(?:${desire})[^]*?(?:${actionVerb.source})`), all: [businessObject], unless: howTo, unlessText: howTo },
  // a benefit asked for: request or imperative × verb of giving × benefit; or a wish for a benefit
  { signal: 'action_request', pattern: any(request, startsWith(giveVerb).source), all: [rx(giveVerb), benefit], unless: howTo },
  { signal: 'action_request', pattern: rx(desire), all: [any(words(...BENEFIT), MONEY_VERB)], unless: howTo, unlessText: howTo },
  // Fallback for verbs no lexicon lists: request × the customer's own business object ("could you <verb> my subscription…"),
  // unless the request is for information (tell, explain, help…) or a how-to.
  { signal: 'action_request', pattern: rx(`(?:${secondPersonRequest})[^]*?(?:${words(...MY)})\\s+(?:[\\p{L}-]+\\s+)?(?:${words(...BUSINESS_OBJECT)})`), unless: any(howTo.source, INFO_VERB) },
  // request × "instead of" × business object: a change asked for
  { signal: 'action_request', pattern: rx(request), all: [rx(INSTEAD), businessObject], unless: howTo },
  // request × verb of sending × another address: a delivery redirected
  { signal: 'action_request', pattern: any(request, desire, startsWith(giveVerb).source), all: [rx(giveVerb), rx(REROUTE)], unless: howTo },
];

const relation = `(?:${words(...MY)})\\s+(?:[\\p{L}-]+\\s+)?(?:${words(...RELATION)})`;
const disclose = any(words(...DISCLOSE), WHAT_FIRST, request, desire);
const personalData = rx(words(...PERSONAL_DATA));
/** Asking how to do something is not asking for someone's data. */
const howToOnly = rx(words(['how', 'best way', 'can i', 'can we', 'kann ich', 'konnen wir', 'wie kann', 'comment', 'puis-je', 'como puedo', 'como posso', 'come posso', 'hoe kan', 'kan ik', 'is it possible', 'ist es moglich', 'est-il possible', 'es posible', 'e possivel', 'e possibile', 'is het mogelijk']));
/** The customer describing themselves ("I am the one who…") is not someone else. */
const selfReference = rx(words(["i'm the", 'i am the', 'i was the', 'ich bin der', 'ich bin die', 'je suis le', 'je suis la', 'soy el', 'soy la', 'sou o', 'sou a', 'sono il', 'sono la', 'ik ben de']));
/** A capitalised first and last name inside a sentence (not its first word). Case-sensitive. */
const NAME_IN_SENTENCE = /(?<=[\p{Ll},;:]\s+)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?!\s*(?:Inc|Ltd|GmbH|SA|BV|Support|Team)\b)/u;
const ownName = rx(words(['my name is', 'i am', "i'm", 'this is', 'ich heisse', 'mein name ist', "je m'appelle", 'mon nom est', 'me llamo', 'mi nombre es', 'meu nome', 'chamo-me', 'mi chiamo', 'il mio nome', 'ik heet', 'mijn naam is', 'regards', 'thanks', 'gruss', 'cordialement', 'saludos', 'grazie', 'groeten', 'obrigad*']));

export const STRUCTURE_OTHERS_RULES: Rule[] = [
  // my + relation × personal data × a request to be told
  { signal: 'others_data', pattern: rx(relation), all: [personalData, disclose], unless: howToOnly },
  // a stranger (another customer, other users) × personal data or a "which/who" question
  { signal: 'others_data', pattern: rx(words(...STRANGER)), all: [any(personalData.source, words(['which', 'who', 'welche', 'quels', 'quelles', 'que', 'cuales', 'quais', 'quali', 'welke', 'contact*', 'kontakt*']))], unless: any(howToOnly.source, selfReference.source) },
  // role + relative pronoun ("the <role> who…") × personal data × a request to be told
  { signal: 'others_data', pattern: rx(`${words(ROLE)}\\s*,?\\s*${words(WHO_RELATIVE)}`), all: [personalData, disclose], unless: any(howToOnly.source, selfReference.source) },
  { signal: 'others_data', pattern: rx(words(...WHO_DID)), all: [personalData], unless: selfReference },
  // his/her + personal data × a request to be told, when a relation or a stranger is named elsewhere in the message
  { signal: 'others_data', pattern: rx(words(...THEIR)), all: [personalData, disclose], unless: howToOnly, requires: any(relation, words(...STRANGER)) },
  { signal: 'others_data', on: 'visible', pattern: NAME_IN_SENTENCE, all: [personalData, disclose], unless: ownName },
];

export const STRUCTURE_DISTRESS_RULES: Rule[] = [
  { signal: 'self_harm', pattern: rx(words(...SELF_HARM)) },
  { signal: 'threat', pattern: rx(words(...I_WILL)), all: [rx(words(...VIOLENCE)), rx(words(...TARGET))] },
  { signal: 'threat', pattern: rx(words(...CONDITION)), all: [rx(words(...VIOLENCE)), rx(words(...TARGET_STRONG))] },
  { signal: 'threat', pattern: rx(words(...FIRST_PERSON)), all: [rx(words(...VIOLENCE)), rx(words(...TARGET_STRONG))] },
  // point/sense/reason + up to four words + living, with a negation in the sentence
  { signal: 'self_harm', pattern: rx(`${words(['point', 'sense', 'reason', 'sinn', 'grund', 'sens', 'raison', 'sentido', 'razon', 'motivo', 'senso', 'ragione', 'zin', 'reden'])}(?:\\W+[\\p{L}']+){0,4}\\W+${words(['living', 'to live', 'going on', 'zu leben', 'leben', 'vivre', 'vivir', 'viver', 'vivere', 'leven', 'mijn leven', 'my life', 'meinem leben', 'ma vie', 'mi vida', 'minha vida', 'mia vita'])}`), all: [rx(words(['no', 'not', 'never', 'any', 'kein*', 'nicht', 'plus', 'pas', 'aucun*', 'ya', 'ningun*', 'nao', 'nenhum*', 'non', 'nessun*', 'geen', 'niet', 'mais', 'more', 'anymore', 'mehr', 'meer', 'piu']))] },
  { signal: 'self_harm', pattern: rx(`${words(...NOT_WANT)}(?:\\W+[\\p{L}']+){0,2}\\W+${words(...LIVE)}`) },
  { signal: 'self_harm', pattern: rx(words(...DESPAIR)), all: [rx(words(...ENDING))] },
  // nobody × would/will miss (notice) × me, or × if I were gone
  { signal: 'self_harm', pattern: rx(`${words(...NOBODY)}(?:\\W+[\\p{L}']+){0,3}\\W+${words(...MISS)}`), all: [rx(words(['me', 'mich', 'mir', 'moi', 'mi', 'mij', 'minha', 'mia', 'if i', 'wenn ich', 'si je', 'si yo', 'se eu', 'se io', 'als ik', 'gone', 'weg', 'parti', 'desapareciera', 'desaparecesse', 'sparissi', 'verdwenen']))] },
  { signal: 'self_harm', pattern: rx(words(...ENDING)), requires: rx(words(...DESPAIR)) },
  { signal: 'threat', pattern: rx(words(...BREAK_BODY)), all: [rx(words(...BODY)), rx(words(...TARGET_STRONG, ...TARGET))] },
  { signal: 'threat', pattern: rx(words(...WEAPON)), all: [any(words(...I_WILL), words(...MENACE))] },
  { signal: 'threat', pattern: rx(words(...MENACE)) },
  { signal: 'abuse', pattern: rx(words(...ABUSE)) },
];

const OVERRIDE = words(['ignore*', 'disregard*', 'forget', 'override', 'bypass', 'negeer*', 'vergeet', 'ignora*', 'dimentica*', 'ignorier*', 'vergiss', 'vergessen', 'oublie*', 'olvida*', 'esquec*', 'ignorez', 'ignorate']);
const RULE_WORDS = words(['normas', 'normes', 'normen', 'norme', 'policy', 'policies', 'politica*', 'politique*', 'richtlinie*', 'beleid', 'safety policy', 'system message', 'mensaje de sistema', 'mensaje del sistema', 'message systeme', 'message du systeme', 'systemnachricht', 'messaggio di sistema', 'mensagem de sistema', 'mensagem do sistema', 'systeembericht', 'instruction*', 'rules', 'guidelines', 'guardrails', 'directives', 'system prompt', 'prompt', 'instructie*', 'regels', 'richtlijn*', 'istruzion*', 'regole', 'direttive', 'anweisung*', 'regeln', 'vorgaben', 'consigne*', 'regles', 'instruccion*', 'reglas', 'instruc*', 'regras', 'systeemprompt', 'prompt di sistema']);
const REVEAL = words(['show', 'print', 'reveal', 'tell', 'list', 'repeat', 'output', 'mostra*', 'toon', 'laat … zien', 'vertel', 'welke', 'quali', 'zeig*', 'nenn*', 'montre*', 'affiche*', 'muestra*', 'dime', 'mostre*', 'diga', 'ripeti', 'herhaal', 'repite', 'repita', 'repete*', 'repetez', 'wiederhol*', 'dimmi', 'dammi', 'dis-moi', 'dites-moi', 'vertel me', 'sag mir', 'tell me', 'give me', 'dame', 'me diga', 'me diz']);
const HIDDEN = words(['hidden', 'secret', 'internal', 'confidential', 'nascost*', 'segret*', 'intern*', 'riservat*', 'verborgen*', 'versteckt*', 'geheim*', 'vertraulich*', 'cache*', 'confidenti*', 'ocult*', 'escondid*', 'secret*', 'confidencia*', 'sigilos*']);
const UNBOUND = `${words(['without', 'no', 'sans', 'sin', 'sem', 'senza', 'zonder', 'ohne', 'geen'])}\\s+(?:any\\s+)?${words(['filter*', 'rules', 'limits', 'restrictions', 'censorship', 'filtri', 'regole', 'limiti', 'filtres', 'regles', 'limites', 'filtros', 'reglas', 'regras', 'regeln', 'grenzen', 'regels', 'beperkingen', 'einschrankungen', 'restricciones', 'restricoes', 'restrizioni'])}`;
/** Second-person "be", for a new role given to the assistant. */
const YOU_ARE = words(["you are", "you're", 'youre', 'you will be', 'tu es', 'vous etes', 'tu seras', 'eres', 'seras', 'voce e', 'voce sera', 'tu e', 'sei', 'sarai', 'ben je', 'ben jij', 'je bent', 'jij bent', 'bist du', 'du bist', 'sind sie']);
const FROM_NOW = words(['now', 'from now on', 'from here on', 'maintenant', 'desormais', 'a partir de maintenant', 'ahora', 'a partir de ahora', 'agora', 'a partir de agora', 'da ora in poi', "d'ora in poi", 'ora', 'adesso', 'vanaf nu', 'nu', 'voortaan', 'ab jetzt', 'jetzt', 'ab sofort', 'nun']);
const ROLE_OR_UNBOUND = words(['assistant', 'assistent*', 'assistente', 'asistente', 'bot', 'ai', 'agent*', 'admin*', 'administrat*', 'amministratore', 'beheerder', 'manager', 'gerente', 'developer', 'human', 'humain', 'humano', 'umano', 'mensch', 'mens', 'without', 'sans', 'sin', 'sem', 'senza', 'zonder', 'ohne', 'unrestricted', 'unfiltered', 'free']);

export const STRUCTURE_INSTRUCTION_RULES: Rule[] = [
  // "from now on" × "you are" × a role or "without limits": a new role for the assistant
  { signal: 'role_override', pattern: rx(FROM_NOW), all: [rx(YOU_ARE), rx(ROLE_OR_UNBOUND)] },
  // follow/obey × my × rules: the customer's rules replacing the desk's
  { signal: 'override_instructions', pattern: rx(words(['follow', 'obey', 'volg', 'volgt', 'segui', 'seguite', 'sigue', 'siga', 'segue', 'suis', 'suivez', 'befolge', 'folge', 'gehorche'])), all: [rx(words(['my', 'mijn', 'mie', 'miei', 'mis', 'mes', 'minhas', 'meus', 'meine', 'meinen'])), rx(RULE_WORDS)] },
  { signal: 'override_instructions', on: 'deleeted', pattern: rx(OVERRIDE), all: [rx(RULE_WORDS)] },
  { signal: 'prompt_extraction', pattern: rx(REVEAL), all: [rx(RULE_WORDS), rx(words(['your', 'jouw', 'tue', 'tuoi', 'tes', 'ton', 'ta', 'tus', 'tuas', 'teus', 'deine', 'deinen', 'deiner', 'you were given', 'you received', 'you got', 'je hebt gekregen', 'je gekregen hebt', 'hai ricevuto', 'recibiste', 'tu as recu', 'du erhalten hast', 'du bekommen hast', 'system', 'systeme', 'sistema', 'systeem', 'word for word', 'verbatim', 'palabra por palabra', 'mot pour mot', 'wort fur wort', 'parola per parola', 'palavra por palavra', 'woord voor woord']))] },
  { signal: 'prompt_extraction', pattern: rx(HIDDEN), all: [rx(RULE_WORDS)] },
  { signal: 'role_override', pattern: rx(YOU_ARE), all: [rx(UNBOUND)] },
  // Pseudo-markup for the model's own channels: <system>, [INST], </instructions>
  { signal: 'fake_system_message', on: 'visible', pattern: /<\/?\s*(?:system|sys|instructions?|prompt|developer|assistant)\s*>|\[\s*(?:admin|system|developer)(?:\s+override)?\s*\]/i },
  { signal: 'prompt_extraction', pattern: rx(REVEAL), all: [rx(words(['you received', 'you were given', "you've been given", 'you got', 'before my message', 'above my message', 'before this message', 'vor meiner nachricht', 'avant mon message', 'antes de mi mensaje', 'antes da minha mensagem', 'prima del mio messaggio', 'voor mijn bericht']))] },
  // A chat message or tool call pasted as JSON: {"role": "system", …}, {"name": "refund", "arguments": …}
  { signal: 'tool_call', on: 'visible', pattern: /"(?:role|author)"\s*:\s*"(?:system|developer|assistant|tool|admin)"/i },
];

/** Labels of a credential and a value shaped like one (letters with digits or symbols), in seven languages. */
const CREDENTIAL_LABEL = "(?:password|passwort|kennwort|wachtwoord|mot de passe|mdp|contrase[nñ]a|clave|senha|parola d'ordine|pwd|pw|passcode|passphrase|pin|cvv|cvc|otp|(?:verification|recovery|backup|security|2fa|sms|login|one-time|auth\\w*|access)\\s+codes?|codes?\\s+(?:de\\s+)?(?:v[ée]rifica\\w*|s[ée]curit\\w*|seguran\\w*|r[ée]cup[ée]ra\\w*)|c[oó]digo\\s+de\\s+(?:verifica\\w*|seguridad|seguran\\w*|acceso|acesso)|codice\\s+(?:di\\s+)?(?:verifica|sicurezza|accesso)|best[aä]tigungscode|verifizierungscode|sicherheitscode|verificatiecode|beveiligingscode|inlogcode|secret|signing secret|api[ _-]?key|token)";
const SECRET_VALUE = "(?:(?=[^\\s\"'”»,]*\\p{L})(?=[^\\s\"'”»,]*[\\d!@#$%^&*_+=~])[^\\s\"'”»,]{6,}|\\d{4,8}(?!\\d)|[A-Z0-9]{4}(?:[- ][A-Z0-9]{4}){2,})";

export const STRUCTURE_SECRET_RULES: Rule[] = [
  { signal: 'pasted_password', on: 'visible', pattern: lazyRegExp(`(?<![\\p{L}])${CREDENTIAL_LABEL}(?![\\p{L}])(?:\\s+[^\\s:=]+){0,7}?\\s*(?:is|ist|lautet|est|es|é|è|e|era|was|:|=|-)\\s*["'“«]?${SECRET_VALUE}`, 'iu') },
  // The label then the value with nothing between (the value then needs letters, digits and a symbol)
  { signal: 'pasted_password', on: 'visible', pattern: lazyRegExp(`(?<![\\p{L}])${CREDENTIAL_LABEL}\\s+["'“«]?(?=[^\\s"'”»,]*\\p{L})(?=[^\\s"'”»,]*\\d)(?=[^\\s"'”»,]*[!@#$%^&*_+=~.%-])[^\\s"'”»,]{6,}`, 'iu') },
  // A login pair: an e-mail address, a slash or bar, then a value shaped like a secret
  { signal: 'pasted_password', on: 'visible', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[/|]\s*(?=\S*\p{L})(?=\S*\d)\S{6,}/u },
  // Vendor-style secrets: a lower-case prefix, an underscore, then a long mixed-case alphanumeric run (whsec_…, sk_live_…, ghp_…).
  { signal: 'pasted_token', on: 'visible', pattern: /\b[a-z]{2,8}(?:_[a-z]{2,8})?_(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{16,}\b/ },
];

const HUMAN_NOUN = words(['human*', 'person', 'real person', 'agent', 'representative', 'employee', 'operator', 'mensch*', 'mitarbeiter*', 'berater*', 'humain', 'personne', 'conseiller*', 'agent', 'humano', 'persona', 'agente', 'asesor*', 'operador*', 'pessoa', 'atendente', 'umano', 'operatore', 'addetto', 'consulente', 'mens', 'medewerker*', 'persoon']);
const PREFER = words(['prefer*', 'rather', 'lieber', 'bevorzug*', 'prefere*', 'prefiero', 'preferiria', 'prefiro', 'preferia', 'preferisco', 'preferirei', 'liever']);
const SERVE = words(['atienda*', 'atiendan', 'atender*', 'atenda*', 'attend*', 'help*', 'handle', 'deal with', 'serve', 'take care', 'kummer*', 'bearbeit*', "s'occupe", 'occupe*', 'traite', 'occupi*', 'segua', 'seguire', 'helpen', 'behandel*', 'ajud*', 'aiut*']);
const NOT_A_MACHINE = `${words(['not', 'no', 'pas', 'kein*', 'non', 'nao', 'geen', 'niet'])}\\s+(?:\\S+\\s+)?${words(['bot', 'robot*', 'robo', 'machine', 'maschine', 'maquina', 'macchina', 'ai', 'ia', 'ki', 'computer', 'chatbot', 'automate', 'automat'])}`;
const PUT_THROUGH = words(['put me through', 'transfer me', 'connect me', 'verbinden sie mich', 'stellen sie mich durch', 'verbind me', 'doorverbinden', 'passez-moi', 'mettez-moi en relation', 'pasenme', 'pasame', 'paseme', 'comuniqueme', 'comuniquenme', 'transfieranme', 'me passem', 'me transfiram', 'passate*', 'passami', 'passatemi', 'mettetemi in contatto']);

export const STRUCTURE_HUMAN_RULES: Rule[] = [
  { signal: 'asks_for_human', pattern: rx(PREFER), all: [rx(HUMAN_NOUN)] },
  { signal: 'asks_for_human', pattern: rx(HUMAN_NOUN), all: [rx(NOT_A_MACHINE)] },
  { signal: 'asks_for_human', pattern: any(desire, request), all: [rx(SERVE), rx(HUMAN_NOUN)], unless: howTo },
  { signal: 'asks_for_human', pattern: rx(PUT_THROUGH), all: [any(HUMAN_NOUN, words(['someone', 'somebody', 'alguem', 'alguien', "quelqu'un", 'jemand*', 'qualcuno', 'iemand', 'support', 'service', 'assistenza', 'kundendienst', 'klantenservice', 'atencion', 'atendimento']))] },
  { signal: 'asks_for_human', pattern: rx(words(['real person', 'actual person', 'real human', 'actual human', 'human being', 'live agent', 'live person', 'echten menschen', 'echter mensch', 'echte person', 'vraie personne', 'personne reelle', 'vrai humain', 'persona real', 'persona de verdad', 'ser humano', 'pessoa real', 'pessoa de verdade', 'ser humano', 'persona vera', 'persona reale', 'essere umano', 'echt mens', 'echte mens', 'echte persoon'])), unless: rx(words(['not a real', 'kein echter', 'pas une vraie', 'no es una persona', 'nao e uma pessoa', 'non e una persona', 'geen echt'])) },
  // talk/speak (seven languages) × a person, someone, or the team
  {
    signal: 'asks_for_human',
    pattern: rx(words(['talk', 'speak', 'parlare', 'parlo', 'spreken', 'praten', 'bellen', 'pasenme', 'pasame', 'paseme', 'comuniquenme', 'falar', 'hablar', 'parler', 'sprechen', 'reden', 'telefoon', 'telefono', 'lijn'])),
    all: [rx(words(['human*', 'person', 'real person', 'someone', 'somebody', 'agent', 'operator*', 'operatore', 'persona', 'pessoa', 'personne', 'mensch*', 'mens', 'iemand', 'medewerker*', 'mitarbeiter*', 'addetto', 'consulente', 'umano', 'humano', 'humain', 'conseiller*', 'representative', 'supervisor', 'manager', 'responsabile', 'atendente', 'alguem', 'alguien', "quelqu'un", 'jemand*', 'qualcuno', 'team', 'staff', 'equipe', 'equipo', 'personale']))],
  },
];
