import { near, rx, type Rule } from './rules.js';

/** Distress, threats, fraud and harm to others (`safety`). */
export const SAFETY_RULES: Rule[] = [
  { signal: 'self_harm', pattern: rx("\\b(kill(ing)? myself|suicid\\w*|end (my life|it all)|take my (own )?life|want(ed)? to die|hurt(ing)? myself|self[- ]harm\\w*|no reason to live|selbstmord|mich umbringen|nicht mehr leben|me suicider|en finir avec (la vie|ma vie)|me tuer|quitarme la vida|suicidarme|matarme|no quiero vivir)\\b") },
  { signal: 'threat', pattern: rx("\\b(i('ll| will| am going to|'m going to|m gonna| gonna) (kill|hurt|shoot|stab|beat up|find|burn) (you|him|her|them|your|everyone|the)|bomb threat|blow up your|shoot up|burn (down )?your|ich (werde|bringe) (dich|euch|sie) (umbringen|toten|um)|je vais (te|vous) (tuer|retrouver)|(te|los|les) voy a (matar|encontrar))\\b") },
  { signal: 'fraud', pattern: rx("\\b(phishing|impersonat\\w*|spoof\\w*|looks? (exactly |just )?like (it('s| is)? )?(comes? |came )?from|pretend(ing)? to be (from )?(your|the|a) (company|bank|support|team)|fake (login|website|site|page|invoice|email|receipt|review)s?|steal (their|his|her|someone'?s|the)|stolen (card|credit card|identity|account)|someone else'?s (card|credit card|identity|login)|money launder\\w*|launder(ing)? money|carding)\\b") },
  { signal: 'harm_to_others', pattern: rx("\\b(moved out|left me|ex[- ]?(wife|husband|partner|girlfriend|boyfriend)|estranged|restraining order|where (she|he) (lives|is staying|moved)|(her|his) new (address|place|home|flat|apartment))\\b"), requires: rx("\\b(address|where|location|phone|number|track|find|adresse|direccion|anschrift)\\b") },
];

/** A leaked or shared credential (`security`). */
export const SECURITY_RULES: Rule[] = [
  { signal: 'leaked_credential', pattern: rx('\\b(leak\\w*|expos\\w*|compromis\\w*|stolen|posted|pasted|published|committed|pushed)\\b', near(40), '\\b(password|passwd|api[- ]?keys?|secret keys?|tokens?|credentials?|private keys?|access keys?|ssh keys?)\\b') },
  { signal: 'leaked_credential', pattern: rx('\\b(password|passwd|api[- ]?keys?|secret keys?|tokens?|credentials?|private keys?|access keys?)\\b', near(40), '\\b(leak\\w*|exposed|compromised|stolen|public(ly)?|on github|on pastebin|in a public)\\b') },
  { signal: 'leaked_credential', pattern: rx('\\b(passwort|kennwort|zugangsdaten|api-?schlussel)\\b', near(40), '\\b(geleakt|veroffentlicht|kompromittiert|gestohlen|offentlich)|\\b(mot de passe|identifiants|cle api)\\b', near(40), '\\b(fuite|divulgu\\w*|compromis|vole|publie)|\\b(contrasena|credenciales|clave api)\\b', near(40), '\\b(filtrad\\w*|expuest\\w*|comprometid\\w*|robad\\w*|publicad\\w*)') },
  { signal: 'compromised_account', pattern: rx('\\b(account|email|mailbox|login|konto|compte|cuenta) (was|has been|got|is|wurde|ist|a ete|fue|ha sido) (hacked|compromised|taken over|gehackt|pirate|hackead[oa])\\b|\\bsomeone (logged|is logging) into my account\\b') },
  { signal: 'shared_password', pattern: rx("\\b(my password is|here is my password|mein passwort (ist|lautet)|mon mot de passe est|mi contrasena es)\\b") },
  { signal: 'secret_in_text', on: 'visible', pattern: /\bsk-[A-Za-z0-9_-]{20,}|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bxox[abpr]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{35}\b/ },
];

/** Topics a person must handle: money, account ownership, identity, erasure, legal (`restricted_topic`). */
export const RESTRICTED_RULES: Rule[] = [
  { signal: 'refund', pattern: rx("\\b(refund\\w*|reimburs\\w*|money back|chargeback|charge back|erstatt\\w*|ruckerstattung|geld zuruck|rembours\\w*|reembols\\w*|devolucion del dinero|devuelvan (el|mi) dinero)\\b") },
  { signal: 'billing_dispute', pattern: rx("\\b(dispute\\w*|charged (me )?twice|double[- ]charged|charged (me )?(two|2) times|overcharg\\w*|unauthori[sz]ed (charge|payment|transaction|debit)|wrong(ly)? charged|incorrect(ly)? (charged|billed)|billing (error|mistake)|didn'?t authori[sz]e|doppelt (abgebucht|berechnet)|falsch (abgebucht|berechnet)|preleve deux fois|double prelevement|facture (erronee|incorrecte)|cobrado dos veces|cobro (duplicado|indebido)|contest\\w* (la |le |the |this |a )?(charge|facture|cargo|payment|paiement|cobro))\\b") },
  { signal: 'payout_change', pattern: rx('\\b(payout|auszahlung\\w*|versement)\\b', near(40), '\\b(iban|account|bank|konto|compte|cuenta|details)\\b') },
  { signal: 'account_change', pattern: rx('\\b(change|update|modify|switch|replace|transfer|andern|aktualisier\\w*|changer|modifier|transferer|cambiar|cambie|cambia|actualizar|actualice|transferir)\\b', near(40), "\\b(iban|bank (account|details)|bankverbindung|bankdaten|kontoverbindung|coordonnees bancaires|rib|cuenta bancaria|datos bancarios|account (owner|holder|ownership)|owner of (the|my|this) account|ownership|kontoinhaber|titulaire|titular|account email|login email|email address on (my|the) account)\\b") },
  { signal: 'identity_verification', pattern: rx("\\b((verify|confirm|prove) (my|your|his|her) identity|identity (verification|check)|verification of identity|kyc|know your customer|passport|id card|driver'?s licen[cs]e|ausweis\\w*|identitatsnachweis|identitatsprufung|piece d'identite|verification d'identite|verificar (mi|su) identidad|documento de identidad|pasaporte)\\b") },
  { signal: 'data_deletion', pattern: rx('\\b(delete|erase|remove|wipe|close|terminate|loschen|losche|loscht|entfernen|schliessen|supprime\\w*|effacer|effacez|fermer|eliminar|elimine|elimina|borrar|borre|borra|cerrar)\\b', near(40), '\\b(my|mein\\w*|mon|ma|mes|mi|mis)\\b', near(20), '\\b(account|data|personal (data|information)|information|profile|konto|daten|compte|donnees|cuenta|datos|perfil)\\b') },
  { signal: 'data_deletion', pattern: rx("\\b(gdpr|dsgvo|rgpd|ccpa|right to (be forgotten|erasure)|recht auf (vergessenwerden|loschung)|droit a l'oubli|derecho al olvido|derecho de supresion|data subject (access )?request|dsar|article 17|art\\.? 17)\\b") },
  { signal: 'legal_threat', pattern: rx("\\b(lawyers?|attorneys?|solicitors?|legal action|lawsuit|sue (you|your company|them|the company)|take (you|this|it) to court|small claims|ombudsman|trading standards|anwalt|rechtsanwalt\\w*|klage|verklagen|rechtliche schritte|vor gericht|gerichtlich\\w*|avocats?|poursuites? (judiciaires?)?|tribunal|mise en demeure|abogad[oa]s?|demandar\\w*|acciones legales|tribunales)\\b") },
];

/** The customer asks for a person (`explicit_human`). */
export const HUMAN_RULES: Rule[] = [
  { signal: 'asks_for_human', pattern: rx('\\b(talk|speak|chat|get through|connect me|put me through|transfer me|escalate)\\b', near(25), "\\b(person|human|agent|representative|rep|someone|somebody|operator|manager|supervisor|staff|employee)\\b") },
  { signal: 'asks_for_human', pattern: rx("\\b(want|need|would like|'d like|give me|get me|let me have|can i (have|get)|please)\\b", near(30), '\\b(a human|an? real person|an actual person|a live (agent|person)|a real agent|a person|a representative|a human agent|a manager|a supervisor)\\b') },
  { signal: 'asks_for_human', pattern: rx('\\b(mit|einen|einem|einer) (menschen|mensch|mitarbeiter\\w*|echten person|menschlichen \\w+|berater\\w*|person) (sprechen|reden)|\\b(mensch|menschen|mitarbeiter\\w*) (sprechen|bitte)\\b') },
  { signal: 'asks_for_human', pattern: rx("\\b(parler|joindre|contacter|passez-moi|passe-moi)\\b", near(25), "\\b(humain|personne|conseiller\\w*|agent|quelqu'un|operat\\w*|responsable)\\b") },
  { signal: 'asks_for_human', pattern: rx('\\b(hablar|comunicarme|contactar|pasame|paseme|pasen|atender)\\b', near(25), '\\b(persona|humano|agente|alguien|operador\\w*|asesor\\w*|encargado)\\b') },
];
