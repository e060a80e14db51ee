import { near, rx, type Rule } from './rules.js';

const INSTRUCTIONS = '(instructions?|rules|guidelines|prompt|directives|programming|guardrails|policies|anweisung\\w*|regeln|vorgaben|instruktion\\w*|consignes?|regles|instrucciones|reglas|indicaciones|directrices)';
const QUOTE = `\\s*[:]?\\s*['"]`;
const URL = /https?:\/\/|\bwww\.|\b[a-z0-9-]+\.(test|com|net|org|io|co|info|xyz|ru|cn)\/[^\s]*/i;

/**
 * Instructions aimed at the AI rather than a question for the desk. Any match means: no automatic
 * reply, a draft goes to an agent (`suspected_injection`). English, German, French and Spanish.
 */
export const INJECTION_RULES: Rule[] = [
  // "Ignore your previous instructions", "Olvida tus instrucciones anteriores", "Vergiss deine Anweisungen"
  { signal: 'override_instructions', on: 'deleeted', pattern: rx('\\b(ignore|disregard|forget|override|bypass|ignorier\\w*|vergiss|vergessen|missachte\\w*|oublie\\w*|ignorez|olvida\\w*|ignora\\w*|omite|descarta)\\b', near(40), '\\b', INSTRUCTIONS, '\\b') },
  // Role overrides and role-play jailbreaks
  { signal: 'role_override', on: 'deleeted', pattern: rx("\\b(you are now|you're now|from now on,? (you|act|respond|answer|reply|sign)|pretend (to be|you'?re|you are|that you)|role-?play|role play|stay in character|jailbreak|developer mode|dan mode|do anything now|simulate being)\\b") },
  { signal: 'role_override', pattern: rx('\\b(act|behave|respond|answer) (as|like) (if you (are|were) )?(an?|my|the)? ?(\\w+ ){0,2}(agent|assistant|ai|bot|human|person|employee|manager|developer|admin\\w*|grandm\\w+|character|competitor)\\b') },
  { signal: 'role_override', pattern: rx('\\b(a partir de ahora (eres|seras|actua|responde|firma)|finge (ser|que)|actua como|haz (de cuenta|como si)|imagina que eres|eres un (agente|humano|asistente|actor))\\b') },
  { signal: 'role_override', pattern: rx('\\b(ab (jetzt|sofort) (bist du|antwortest du)|du bist (jetzt|ab jetzt|nun)|tu so,? als|stell dir vor,? du (bist|warst)|spiel(e|st)? (die rolle|eine ki)|bleib in der rolle|schauspieler)\\b') },
  { signal: 'role_override', pattern: rx("\\b((a partir de maintenant|desormais),? (tu es|vous etes|tu reponds|vous repondez)|fais semblant|faites semblant|joue le role|jouez le role|agis comme|agissez comme|imagine que tu es|reste dans (le|ton) role)\\b") },
  { signal: 'unfiltered_output', pattern: rx('\\b(no (rules|restrictions|filters|limits)|without (any )?(rules|restrictions|filters)|ohne regeln|ohne (einschrankungen|filter)|sans (regles|restrictions|filtre)|sin (reglas|restricciones|filtros)|uncensored|unfiltered|curse words|swear ?words|swearing allowed|with swearing|profanity allowed|schimpfworter|gros mots|palabrotas)\\b') },
  // System prompt extraction
  { signal: 'prompt_extraction', pattern: rx("\\b(system ?prompt|system message|system instructions?|(initial|original|hidden|secret|internal|full|exact) (assistant |system )?(prompt|instructions|rules|guidelines)|developer (message|instructions)|instructions you (were|have been|got) given|(instructions|prompt|rules) (you were|you've been|you have been) given|what (were you|have you been) told|repeat (everything|all|the text|the words|the lines) (above|before|prior)|everything above this line|above this line|starting (from|with) the words)\\b") },
  { signal: 'prompt_extraction', pattern: rx('\\b(systemanweisung\\w*|systemprompt\\w*|system-prompt|instrucciones (del sistema|iniciales|originales|internas)|prompt (del )?sistema|instructions (du )?systeme|consignes (du )?systeme|consignes (initiales|internes)|deine (anweisungen|instruktionen)|vos instructions|tus instrucciones)\\b'), requires: rx('\\b(nenne|zeig|gib|wiederhol|schreib|sag|montre|donne|repete|affiche|ecris|dis|muestra|dame|repite|escribe|dime|cuales son|quelles sont|welche sind|was sind)') },
  { signal: 'prompt_extraction', pattern: rx('\\b(word for word|verbatim|wort fur wort|mot pour mot|palabra por palabra|al pie de la letra)\\b'), requires: rx('\\b(instructions?|prompt|rules|anweisung\\w*|consignes|instrucciones|everything above|told|given)\\b') },
  // Text addressed to the AI, and claims that it is allowed to do something
  { signal: 'addressed_to_ai', pattern: rx('\\b((note|message|instructions?|hint)s? (to|for) (any|the|all|every)? ?(ai|assistant|bot|chatbot|llm|language model|gpt|model|automated system)s?|(ai|assistant|bot|llm|model) (reading|processing|summari[sz]ing) this|if you are an? (ai|bot|language model|llm|assistant)|(dear|hey|hi|attention) (ai|bot|chatgpt|gpt|assistant|llm)|(an die|liebe|hinweis an die) ki|(note|message) (a|pour) l\'?ia|(para|a) la ia|nota para la ia)\\b') },
  { signal: 'claimed_authority', pattern: rx('\\b((you are|you\'re) (now )?(authori[sz]ed|allowed|permitted|cleared|required) to|(your|the) (system|policy) (allows|permits|authori[sz]es|lets you|requires you)|(ihr|dein|das) system (erlaubt|gestattet|erlaubt es)|(sie sind|du bist) (berechtigt|autorisiert|befugt)|(votre|ton) systeme (permet|autorise)|(vous etes|tu es) autorise|(su|tu) sistema (permite|autoriza)|(esta|estas) autorizad[oa])\\b') },
  // Forced output: "reply with X only", "say 'X'", "sign as 'X'", "confirm with the word X"
  { signal: 'forced_output', on: 'deleeted', pattern: rx('\\b(reply|respond|answer|antworte|reponds|repondez|responde|contesta)\\b', near(12), '\\b(with|mit|avec|con)\\b', near(40), '\\b(only|nur|seulement|solo|uniquement)\\b') },
  { signal: 'forced_output', pattern: rx('\\b(reply|respond|answer|start|begin|end) ?(your )?(reply|answer|response)? with (the )?(text|words?|phrase|string|code)\\b') },
  { signal: 'forced_output', pattern: rx('\\b(say|output|sag|schreib|sagen sie|dis|dites|ecris|ecrivez|di|diga|escribe|escriba)', QUOTE) },
  { signal: 'forced_output', pattern: rx('\\b(sign\\w*|firma\\w*|firme\\w*|signe\\w*|unterschreib\\w*|unterzeichne\\w*)\\b', near(40), '\\b(as|como|comme|als|with|mit)', QUOTE) },
  { signal: 'forced_output', pattern: rx('\\b(confirm\\w*|bestatig\\w*|quittier\\w*)\\b', near(30), '\\b(with|mit|avec|con|using|by saying)\\b\\s+(the|dem|den|le|la|el|un|une|einem|a)?\\s*(words?|wort|mot|palabra|text|phrase|code|codeword|list|liste|lista)\\b') },
  // Tool abuse: bulk or ticket-state operations requested of the AI
  { signal: 'tool_abuse', pattern: rx('\\b(close|delete|resolve|reassign|assign|merge|archive|reopen|escalate|schliess\\w*|losch\\w*|ferme\\w*|supprime\\w*|cierra\\w*|borra\\w*)\\b', near(30), '\\b(all|every|each|alle|tous|toutes|todos|todas)\\b', near(20), '\\b(tickets?|cases?|faelle|dossiers?|casos?)\\b') },
  { signal: 'tool_abuse', pattern: rx('\\b(every|all|any) (other )?tickets? (from|of|by|for)\\b|\\btickets? from @') },
  { signal: 'tool_abuse', pattern: rx('\\b(assign|reassign|escalate|transfer) (this|the|my) (ticket|case|request)\\b|\\b(set|mark|change|move) (it|this|the ticket|this ticket|the status|the priority|status|priority|my ticket)( \\w+)? (to|as) (resolved|closed|solved|done|urgent|high|priority|pending)\\b') },
  { signal: 'tool_abuse', pattern: rx('\\b(weise|setze|schliess\\w*|schlies\\w*) (das|dieses|mein) ticket\\b|\\b(assigne[rz]?|ferme[rz]?|cloture[rz]?) (ce|le|mon) (ticket|dossier)\\b|\\b(asigna|cierra|cambia) (este|el|mi) (ticket|caso)\\b') },
  // Another customer's data
  { signal: 'other_customers_data', pattern: rx("\\b((customer|person|user|client|caller|guy|lady|people|kunde|kunden|client|cliente)s? (before|ahead of|after|vor|avant|antes de) (me|mir|moi|mi)|previous (customer|caller|user|person|ticket)s?|other (customers|people|users|clients)'? ?(tickets?|messages?|orders?|data|details|names|emails|addresses|questions|requests|complaints)|(paste|show|send|give|tell|share|forward|read)( me)? (their|his|her) (message|ticket|email|name|address|phone|order|details)|customer names|names and (amounts|emails|addresses|phone numbers)|someone else'?s (order|ticket|account|address|details)|another customer'?s)\\b") },
  { signal: 'other_customers_data', pattern: rx('\\b(all|every|each|alle|toutes|todas)\\b', near(20), '\\b(refund requests?|requests?|tickets?|complaints?|orders?|messages?|anfragen|demandes|solicitudes)\\b', near(30), '\\b(you (received|got|have had)|this week|today|yesterday|other customers|from customers|diese woche|cette semaine|esta semana)\\b') },
  { signal: 'other_customers_data', pattern: rx("\\b(neighbou?r\\w*|nachbar\\w*|voisin\\w*|vecin[oa]s?)\\b"), requires: rx("\\b(name|phone|number|address|email|nom|numero|adresse|telephone|telefon|nummer|nombre|telefono|direccion|anschrift)\\b") },
  // Links the attacker wants in the reply (markdown images, phishing links, exfiltration URLs)
  { signal: 'link_injection', pattern: /!\[[^\]]*\]\([^)]*\)|<img\b[^>]*\bsrc\s*=/i },
  { signal: 'link_injection', pattern: rx('\\b(include|put|add|insert|paste|use|embed|show|render|display|append|mention|fuge|einfug\\w*|ajoute\\w*|inclu\\w*|mets|mettez|pon|ponga|anade|incluye|incluya)\\b', '[^\\n]{0,60}', '\\b(in|into|to|at the end of|in|dans|en|a) (your|the|ihre|deine|der|votre|ta|la|tu|su) (answer|reply|response|message|email|antwort|reponse|respuesta|mensaje)\\b'), requires: URL },
  { signal: 'link_injection', pattern: rx('\\b(append|send|post|upload|submit|forward|transmit|encode|report|log)\\b[^\\n]{0,60}\\b(to|an|a)\\s+(https?://|www\\.)') },
  { signal: 'link_injection', pattern: rx('\\b(url-?encoded|base64-?encoded|as a query (string|parameter))\\b'), requires: URL },
];
