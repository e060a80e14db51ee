import { HABITUAL_QUESTION } from './lexicon.js';
import { lazyRegExp, near, rx, type Rule } from './rules.js';

/**
 * Hand-off rules written around the categories of what the AI must not do (issue 13), not around
 * phrasings: each is a combination of word classes — who is asked (a request to the desk), what is to
 * be done (verbs of action), on what (objects) — tested within one sentence, in English, Spanish,
 * French, German and Portuguese (on folded text: lower case, accents removed). Categories:
 *   action       (a) the AI performs no action on accounts, money, orders or other tickets;
 *   others_data  (b) nobody else's data;
 *   distress     (c) self-harm, despair, threats of violence: always a person;
 *   instructions (d) text that instructs the assistant itself;
 *   secret       (e) credentials pasted by the customer (never echoed; a person takes over).
 */

const w = (words: string) => `\\b(${words})\\b`;

// --- (a) actions ---------------------------------------------------------------------------------

/** The desk is asked to do something ("could you", "bitte", "pourriez-vous", "podrían", "vocês podem"). */
const REQUEST = w(
  [
    "please|pls|kindly|can you|could you|would you|will you|can u|i need you to|i want you to|i'?d like you to|i would like you to|go ahead and|make sure you|you (need|have|must) to|(would|is) it (be )?possible (for you )?to|for you to|i'?d appreciate (it )?if you|i would appreciate (it )?if you|i (ask|expect) you to",
    'por favor|pueden?|podrian?|podria usted|quiero que|necesito que|les pido que|me gustaria que|ustedes pueden|me pueden|me podrian|seria posible',
    "pouvez-vous|pourriez-vous|peux-tu|pourrais-tu|veuillez|merci d(e|')|je veux que vous|j'aimerais que vous|je voudrais que vous|vous pouvez|vous pourriez|tu peux|est-ce que vous pouvez|serait-il possible",
    'bitte|konnen sie|konnten sie|wurden sie|kannst du|konntest du|ich mochte,? dass sie|ich will,? dass sie|sie konnen|ware es moglich|ich bitte sie',
    'podem|pode|poderia|poderiam|voces podem|quero que|preciso que|gostaria que|seria possivel|voce pode',
  ].join('|'),
);

/** Verbs of action, in the forms a request uses (base form, infinitive, imperative, subjunctive). */
const ACTION_VERB = w(
  [
    'change|update|modify|edit|set|switch|apply|add|give|grant|issue|process|waive|credit|cancel|refund|delete|remove|transfer|move|merge|unlock|disable|enable|upgrade|downgrade|extend|run|execute|invoke|trigger|approve|override|adjust|reverse|void|reactivate|redeem|compensate|pause|close|mark|flag|extend|renew|restore|reinstate|resend|reship|swap|convert|expedite|prioriti[sz]e|bump|put back|credit back|pay back|top up',
    'cambiar|cambie|cambien|cambia|actualizar|actualice|actualicen|modificar|modifique|modifiquen|aplicar|aplique|apliquen|aplica|cancelar|cancele|cancelen|cancela|anular|anule|anulen|reembolsar|reembolse|reembolsen|devolver|devuelvan|eliminar|elimine|eliminen|borrar|borre|borren|ejecutar|ejecute|ejecuten|transferir|transfieran|activar|desactivar|agregar|anadir|canjear|dar de baja|den de baja|pasar(me|nos)? a|pasen(me)?|abonar|abonen|acreditar|acrediten|renovar|renueven|extender|extiendan|ampliar|amplien|marcar|marquen|dar(me)?|denme',
    "changer|changez|modifier|modifiez|mettre a jour|mettez a jour|appliquer|appliquez|annuler|annulez|rembourser|remboursez|supprimer|supprimez|executer|executez|lancer|lancez|ajouter|ajoutez|transferer|transferez|fusionner|activer|desactiver|resilier|resiliez|accorder|offrir|prolonger|prolongez|renouveler|renouvelez|marquer|marquez|crediter|creditez|recrediter|passer|passez|basculer|basculez",
    'andern|andere|aktualisieren|anwenden|einlosen|losen|stornieren|storniere|kundigen|erstatten|loschen|losche|ausfuhren|fuhre|hinzufugen|ubertragen|zusammenfuhren|gutschreiben|gewahren|aktivieren|deaktivieren|sperren|entsperren|verlangern|verlangere|erneuern|markieren|umstellen|tauschen|umtauschen|zuruckbuchen|zuruckzahlen',
    'mudar|mude|mudem|alterar|altere|alterem|atualizar|atualize|atualizem|aplicar|aplique|apliquem|cancelar|cancele|cancelem|reembolsar|reembolse|estornar|estorne|excluir|exclua|apagar|apague|executar|execute|rodar|rode|transferir|transfira|ativar|desativar|conceder|dar um desconto|trocar|troque|troquem|renovar|renove|estender|estenda|prorrogar|prorrogue|marcar|marque|creditar|credite|devolver|devolvam|passar|passem',
  ].join('|'),
);

/** Imperatives that are requests on their own: at the start of a sentence (EN, DE "Stornieren Sie") or distinct forms. */
const IMPERATIVE = `(^\\W*(please |now |just |then )?(change|update|modify|set|switch|apply|add|give|issue|waive|credit|cancel|refund|delete|remove|transfer|merge|unlock|upgrade|downgrade|run|execute|approve|reverse|void|redeem)\\b|${w(
  'cambien|actualicen|modifiquen|apliquen|cancelen|anulen|reembolsen|devuelvan|eliminen|borren|ejecuten|transfieran|changez|modifiez|mettez a jour|appliquez|annulez|remboursez|supprimez|executez|lancez|ajoutez|transferez|resiliez|mudem|alterem|atualizem|apliquem|cancelem|reembolsem|estornem|excluam|apaguem|executem',
)}|^\\W*(andern|stornieren|kundigen|erstatten|loschen|losen|fuhren|ubertragen|aktivieren|deaktivieren|sperren|entsperren|schreiben|stellen|buchen|tragen|zahlen|verlangern|markieren|tauschen) sie\\b|\\b(schreiben|stellen|losen|fuhren|buchen|tragen|zahlen) (sie|du)\\b[^.?!\\n]{0,60}\\b(gut|um|ein|aus|zuruck|ab|an)\\b|^\\W*(please |now |just |then )?(mark|flag|extend|renew|restore|reinstate|resend|reship|swap|convert|expedite|prioriti[sz]e|bump|make|put|pay|top up)\\b)`;

/** What the AI must not act on: accounts, money, orders, tickets, data stores. */
const ACTION_OBJECT = w(
  [
    'account|profile|e-?mail|email address|login|username|password|2fa|two-factor|phone number|billing|invoice|fee|charge|payment|refund|credit|coupon|discount|promo|promo code|voucher|gift card|price|order|subscription|plan|membership|shipment|address|card|database|query|sql|record|tickets?|vip|trial|tier|shipping|shipping costs?|status|priority|vat|tax|balance|points|loyalty|money|amount|deposit|premium|business account|\\d+ ?(euros?|eur|usd|dollars?|pounds?|gbp)|(euros?|eur|usd|dollars?|pounds?)',
    'cuenta|perfil|correo|contrasena|telefono|factura|cargo|pago|reembolso|credito|cupon|descuento|codigo|vale|precio|pedido|orden|suscripcion|envio|direccion|tarjeta|base de datos|consulta|plan premium|prueba|periodo de prueba|saldo|puntos|gastos de envio|dinero|euros?',
    "compte|profil|courriel|adresse|mot de passe|telephone|facture|frais|paiement|remboursement|avoir|code promo|reduction|remise|bon d'achat|prix|commande|abonnement|forfait|livraison|carte|carte bancaire|base de donnees|requete|essai|periode d'essai|frais de port|solde|points|argent|euros?",
    'konto|profil|e-mail-adresse|adresse|passwort|kennwort|telefonnummer|rechnung|gebuhr|zahlung|erstattung|gutschrift|gutschein|rabatt|rabattcode|preis|bestellung|abo|abonnement|tarif|lieferung|karte|datenbank|abfrage|versandkosten|testphase|probezeit|guthaben|punkte|geld|betrag|euro',
    'conta|endereco|senha|fatura|cobranca|pagamento|credito|cupom|desconto|codigo promocional|preco|pedido|assinatura|plano|entrega|cartao|banco de dados|teste|periodo de teste|frete|saldo|pontos|dinheiro|reais|euros?',
  ].join('|'),
);

/** The customer asks how to do it themselves: a question the AI may answer. */
export const SELF_SERVICE = rx(
  w(
    [
      'how (do|can|could|should|would) (i|we)|how to|help me|show me how|tell me how|explain how|is it possible to|where (do|can) i|can i|may i|am i able to|myself',
      'como (puedo|hago|se puede|podemos)|puedo|se puede|donde (puedo|aplico)|yo mismo',
      'comment|puis-je|est-il possible de|ou (puis-je|est-ce que je)|moi-meme',
      'wie (kann|konnen) (ich|wir)|kann ich|wo kann ich|selbst',
      'como (faco|posso|se faz)|posso|onde (posso|encontro)|eu mesmo',
    ].join('|'),
  ),
);

/** issue 13: "do you refund return shipping?" asks about a policy, like a how-to question. */
const SELF_SERVICE_OR_POLICY = lazyRegExp(`${SELF_SERVICE.source}|${HABITUAL_QUESTION}`, 'iu');

export const ACTION_RULES: Rule[] = [
  { signal: 'action_request', pattern: rx(REQUEST), all: [rx(ACTION_VERB), rx(ACTION_OBJECT)], unless: SELF_SERVICE_OR_POLICY },
  { signal: 'action_request', pattern: rx(IMPERATIVE), all: [rx(ACTION_OBJECT)], unless: SELF_SERVICE_OR_POLICY },
];

/** A pasted tool or function call, or a database statement, for the assistant to run (instructions too). */
export const TOOL_CALL_RULES: Rule[] = [
  { signal: 'tool_call', on: 'visible', pattern: /\{[^{}]*"(tool|function|action|name|method|command|tool_name|function_call)"\s*:\s*"[^"]+"[^{}]*[,{]/i },
  { signal: 'tool_call', on: 'visible', pattern: /"(arguments|parameters|params|args)"\s*:\s*[{[]/i },
  { signal: 'database_query', pattern: /\b(select\s+[\w*,\s.]+\s+from\s+\w+|update\s+\w+\s+set\s+\w+\s*=|delete\s+from\s+\w+|insert\s+into\s+\w+|drop\s+(table|database)\s+\w+)/i },
];

// --- (b) other people's data ---------------------------------------------------------------------

const DATA_NOUN = [
  'address|phone|phone number|number|e-?mail|email address|name|details|data|information|info|orders?|account|tickets?|messages?|contact|location|password',
  'direccion|telefono|numero|correo|nombre|datos|informacion|pedidos?|cuenta|mensajes|contacto|contrasena',
  "adresse|telephone|numero|courriel|nom|coordonnees|donnees|informations|commandes?|compte|messages|mot de passe",
  'adresse|e-mail-adresse|anschrift|telefonnummer|nummer|namen?|daten|bestellung|konto|nachrichten|kontakt|passwort',
  'endereco|telefone|numero|nome|dados|informacoes|pedidos?|conta|mensagens|contato|senha',
].join('|');

/** Strangers: another customer, other users. */
const STRANGER = w(
  [
    "another (customer|client|user|person|buyer|account holder)|other (customers?|clients?|users?|people|buyers?)|someone else'?s?|somebody else'?s?|a different (customer|person|user)",
    'otr[oa]s? (cliente|usuario|persona|comprador)(e?s)?',
    "(un|une|d'un|d'une|d'autres|l'autre|les autres|autres?) (autre )?(client|cliente|utilisateur|personne)s?",
    '(eines|einer|einem|einen|anderer|anderen|andere|der andere|die andere|ein anderer) (anderen )?(kunden?|kundin|nutzers?|benutzers?|person)',
    'outr[oa]s? (cliente|usuario|pessoa|comprador)(e?s)?',
  ].join('|'),
);

const PEOPLE = "neighbou?r|ex|ex-?\\w+|tenant|landlord|mother-in-law|father-in-law|mum|mom|dad|child|kids?|colleague|coworker|co-worker|boss|friend|brother|sister|wife|husband|partner|girlfriend|boyfriend|mother|father|son|daughter|flatmate|roommate";
const GENTE = 'vecin[oa]|ex\\w*|companer[oa]|jefe|amig[oa]|herman[oa]|espos[oa]|marido|mujer|pareja|novi[oa]|voisin\\w*|collegue|patron|ami\\w*|frere|soeur|femme|mari|conjoint\\w*|vizinh[oa]|colega|chefe|irmao|irma|companheir[oa]|namorad[oa]|madre|padre|hij[oa]|mere|pere|fils|fille|mae|pai|filh[oa]|ex-mulher|ex-marido|inquilin[oa]|locataire';

export const OTHERS_DATA_RULES: Rule[] = [
  // a stranger's data: "the … of another customer", "… de otro cliente", "… eines anderen Kunden"
  { signal: 'others_data', pattern: rx(STRANGER), all: [rx(w(DATA_NOUN))] },
  // "my <relation>'s <data>"
  { signal: 'others_data', pattern: rx(`\\b(my|our) (${PEOPLE})'?s (\\w+ ){0,2}(${DATA_NOUN})\\b`) },
  // "<data> … de mi/mon/ma/meu/minha <relation>"
  { signal: 'others_data', pattern: rx(`\\b(${DATA_NOUN})\\b([^.?!\\n]{0,50})\\b(de|del|d'|do|da) (mi|mon|ma|meu|minha|nuestro|nuestra|notre) (${GENTE})\\b`) },
  // someone who ordered or wrote before me, in any of the five languages
  { signal: 'others_data', pattern: rx('\\b(client|cliente|kunden?|kundin|customer|person|personne|pessoa|persona)\\b[^.?!\\n]{0,40}\\b(avant moi|antes de mi|antes de mim|vor mir|before me|ahead of me)\\b') },
  // a question about the data of a third person named by a pronoun: "which <data> did he/she …"
  { signal: 'others_data', pattern: rx(`\\b(what|which)\\b[^.?!\\n]{0,20}\\b(${DATA_NOUN})\\b[^.?!\\n]{0,15}\\b(did|does|has|is|was) (he|she|they|him|her)\\b`) },
  // "<Daten> … meines/meiner <Beziehung>"
  { signal: 'others_data', pattern: rx(`\\b(${DATA_NOUN})\\b([^.?!\\n]{0,40})\\b(meines|meiner|unseres|unserer) (nachbarn?|nachbarin|ex\\w*|kollegen|kollegin|chefs?|freundes|freundin|bruders|schwester|frau|mannes|partners|partnerin)\\b`) },
];

// --- (c) distress and threats --------------------------------------------------------------------

export const DISTRESS_RULES: Rule[] = [
  {
    signal: 'self_harm',
    pattern: rx(
      w(
        [
          "(don'?t|do not|can'?t|cannot) see (the|any) (point|reason) (of|in|to) (going on|living|carrying on|anything)|can'?t go on (anymore|any more|like this)|better off (dead|without me)|nobody would (miss|care about) me|want to disappear|end my life|take my (own )?life|hurt myself|harm myself|cut myself|not worth living|want (it|this|everything|it all) to (stop|end) (for good|forever)|(don'?t|do not) want to wake up|never wake up|sleep forever|no way out|give up on (life|everything)",
          'quiero desaparecer|acabar con (todo|mi vida)|quitarme la vida|no quiero seguir viviendo|hacerme dano|no vale la pena vivir|no despertar|dormir para siempre|no quiero despertar|quitarme de en medio|no tiene sentido vivir',
          "mettre fin a (mes jours|ma vie)|plus envie de vivre|me faire du mal|envie de disparaitre|en finir avec (la vie|tout)|ne plus me reveiller|dormir pour toujours|plus la force de vivre",
          'mir das leben nehmen|nicht mehr leben|mir etwas antun|will nicht mehr da sein|alles beenden|lebensmude|tue? ich mir (noch )?(was|etwas) an|nicht mehr aufwachen|keinen sinn mehr zu leben',
          'quero morrer|me matar|tirar (a )?minha (propria )?vida|acabar com tudo|nao aguento mais viver|nao quero mais viver|me machucar|sumir para sempre|nao acordar mais|dormir para sempre|desistir da vida',
        ].join('|'),
      ),
    ),
  },
  {
    signal: 'threat',
    pattern: rx(
      w(
        [
          "(hurt|beat|beat up|punch|hit|attack|stab|shoot|smash|kill) (someone|somebody|you|one of you|your (staff|people|employees?|agents?|workers?|manager))|make (someone|somebody|you|them) pay (for it)?,? physically|come (to|down to) your (office|store|shop|warehouse)[^.?!\\n]{0,40}(hurt|beat|hit|pay|sorry|physically|smash)|(smash|wreck|trash|burn|break) (up |down )?(the|your) (place|store|shop|office|warehouse)|whoever is (there|in front|at the counter)",
          'hacer(les|te|le)? dano|voy a (ir a )?(hacer(les|te|le)? dano|golpear|pegar|matar)|les voy a (golpear|pegar|matar)|romper(les)? todo|destrozar (la|el|su) (tienda|local|oficina)|pegarle a quien',
          "(vous|te) (frapper|tuer|faire du mal|casser la gueule)|venir vous (frapper|chercher|faire du mal)|tout casser|casser tout|frapper (le premier|quelqu'un|qui)",
          '(schlage|verprugle|verletze|bringe)\\b[^.?!\\n]{0,40}\\b(zusammen|um)|ich (schlage|verprugle|verletze) (sie|dich|euch|ihren|ihre)|alles kurz und klein|kaputt ?schlagen|jemanden (schlagen|verletzen)',
          '(vou|vamos) [^.?!\\n]{0,40}(machucar|bater em|matar|agredir)|machucar alguem|quebrar tudo|pegar quem|bater em quem|quebrar a loja',
        ].join('|'),
      ),
    ),
  },
];

// --- (d) instructions aimed at the assistant ------------------------------------------------------

const RULES_WORDS = '(rules|instructions?|guidelines|policies|configuration|config|settings|prompt|politicas|politiques|richtlinien|reglas|instrucciones|configuracion|regles|consignes|configuration|anweisungen|vorgaben|regeln|konfiguration|regras|instrucoes|configuracao)';

export const INSTRUCTION_RULES: Rule[] = [
  // "Assistant, from here on …", "Hey Bot, …", "Asistente: …" followed by rules or behaviour words
  {
    signal: 'addressed_to_ai',
    pattern: rx('(^|[.!?\\n]\\s*)(hey |hi |dear |ok |okay )?(assistant|bot|chatbot|ai|a\\.i\\.|asistente|assistente|ki|ia|robot)\\s*[:,]'),
    requires: rx(`\\b(${RULES_WORDS}|from (now|here) on|never|always|only|ignore|forget|pretend|answer|reply|respond|print|reveal|show|nunca|siempre|solo|olvida|ignora|muestra|dime|jamais|toujours|seulement|oublie|montre|nie|immer|nur|vergiss|zeig|sempre|apenas|esqueca|mostre)\\b`),
  },
  { signal: 'override_instructions', pattern: rx(`\\b(don'?t|do not|stop|no|ne|nicht|nao|deja de|arrete de|pare de) (follow|obey|apply|sigas|siga|seguir|suis|suivre|befolge|befolgen|respeite|cumplas)\\w*\\b${near(20)}\\b(your|the|these|tus|tu|las|tes|les|vos|deine|die|suas|as)?\\s*${RULES_WORDS}`) },
  { signal: 'override_instructions', pattern: rx(`\\b(befolge|befolgt|befolgen sie|folge|respektiere|beachte)\\s+(nicht|keine|keinesfalls)\\b${near(20)}${RULES_WORDS}`) },
  { signal: 'override_instructions', pattern: rx(`\\b(ignore|ignora|ignorez|ignoriere|ignorier|vergiss|olvida|oublie|esqueca)\\b${near(30)}\\b(your|tus|tes|vos|deine|suas|as|the|las|les|die)?\\s*${RULES_WORDS}`) },
  { signal: 'prompt_extraction', pattern: rx(`\\b(print|show|reveal|output|display|dump|tell me|list|dime|muestra|ensename|affiche|montre|donne|zeig|gib|nenne|mostre|diga|exiba)\\b${near(40)}\\b(hidden|internal|interna|interne|internen|oculta|cachee|versteckte|system|sistema|systeme|interno|secreta?)\\b${near(20)}\\b(${RULES_WORDS.slice(1, -1)}|notes|notas|text|texto|texte)\\b`) },
  { signal: 'prompt_extraction', pattern: rx(`\\b(tu|tus|ton|ta|tes|votre|vos|dein|deine|deinen|seu|sua|your) (${RULES_WORDS.slice(1, -1)}) (interna?|interne|internen?|oculta|cachee|versteckte|secreta?|hidden|internal|do sistema|del sistema|du systeme)\\b`) },
  { signal: 'prompt_extraction', pattern: rx('\\b(systemprompt|system prompt|prompt do sistema|prompt del sistema|prompt du systeme)\\b') },
  { signal: 'addressed_to_ai', pattern: rx("(^|[.!?\\n]\\s*)(for|to|pour|para|an|al|ao|a) (the |le |la |el |o |den |die )?(bot|robot|robo|assistant|assistente|asistente|assistenten|ai|ki|ia|chatbot)\\s*[:,]") },
  { signal: 'override_instructions', pattern: rx('\\b(system|admin|developer|debug|god) (override|mode)\\b|\\b(assistant|bot|ai|model) (must|shall|has to|will now)\\b') },
  { signal: 'role_override', pattern: rx('\\b(finja|finge|fais semblant|tu so) (que )?(voce e|ser|es|que eres|d\'etre|als ob)\\b|\\bfinja que\\b') },
  { signal: 'addressed_to_ai', pattern: rx('\\b(new |nueva |nouvelle |neue |nova )?(rule|regla|regle|regel|regra)s? (for|para|pour|fur) (the|la|l\'|o|a|die)? ?(ai|ia|ki|assistant|asistente|assistente|bot|model)\\b') },
];

// --- (e) secrets pasted ---------------------------------------------------------------------------

/** A password label followed by a secret-shaped value (letters and a digit or symbol), in five languages. */
export const SECRET_RULES: Rule[] = [
  {
    signal: 'pasted_password',
    on: 'visible',
    pattern:
      /\b(password|passwort|kennwort|mot de passe|contraseña|contrasena|clave|senha|pwd|passcode|passphrase|pass|pw|mdp|pin)\b(?:\s+[\p{L}]+){0,4}?\s*(\bis\b|\bist\b|\blautet\b|\best\b|\bes\b|é|\be\b|[:=])\s*["'“«]?(?=[^\s"'”»]*[A-Za-zÀ-ÿ])(?=[^\s"'”»]*[\d!@#$%^&*_+=~])[^\s"'”»,]{6,}/iu,
  },
  { signal: 'pasted_token', on: 'visible', pattern: /\b(token|api[ _-]?key|secret|clave api|cle api|schlussel|chave)\b[^\n]{0,30}?[:=]?\s*[A-Za-z0-9_-]{24,}/i },
];

// --- explicit requests for a person (additions) ----------------------------------------------------

export const HUMAN_EXTRA_RULES: Rule[] = [
  { signal: 'asks_for_human', pattern: rx('\\b(falar|conversar|atendimento) com (um|uma|o|a|algum|alguma)? ?(atendente|humano|pessoa|agente|operador|gerente|supervisor|responsavel)\\b') },
  { signal: 'asks_for_human', pattern: rx('\\b(real|actual|live|human) (person|human|agent|being)\\b'), all: [rx('\\b(talk|speak|chat|contact|reach|call)\\b')] },
];

/** Which category each signal belongs to (the classifier reports categories; reasons stay as before). */
export const SIGNAL_CATEGORIES: Record<string, 'action' | 'others_data' | 'distress' | 'instructions' | 'secret'> = {
  action_request: 'action',
  tool_call: 'action',
  database_query: 'action',
  tool_abuse: 'action',
  contact_change: 'action',
  account_change: 'action',
  payout_change: 'action',
  refund: 'action',
  others_data: 'others_data',
  other_customers_data: 'others_data',
  harm_to_others: 'others_data',
  account_intrusion: 'others_data',
  self_harm: 'distress',
  threat: 'distress',
  weapons: 'distress',
  addressed_to_ai: 'instructions',
  override_instructions: 'instructions',
  prompt_extraction: 'instructions',
  role_override: 'instructions',
  fake_system_message: 'instructions',
  forced_output: 'instructions',
  unfiltered_output: 'instructions',
  claimed_authority: 'instructions',
  link_injection: 'instructions',
  confidential_data: 'instructions',
  pasted_password: 'secret',
  pasted_token: 'secret',
  secret_in_text: 'secret',
  shared_password: 'secret',
  abuse: 'distress',
};
