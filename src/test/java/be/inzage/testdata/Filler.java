package be.inzage.testdata;

import java.util.Random;

import static be.inzage.testdata.ValidValues.pick;

/**
 * Filler prose in Dutch, French and English built from templates and word lists. Contains no digits and no
 * capitalised person-like words (only sentence-initial common words are capitalised).
 */
final class Filler {
    private Filler() {}

    // slots: {doc} {group} {topic} {time} {deadline} {adj} {place}
    static final String[] NL_T = {
            "Bedankt voor je snelle reactie over {topic}.",
            "Zoals besproken stuur ik je hierbij {doc}.",
            "{time} bekijken we samen met {group} hoe we verder gaan.",
            "Kan je {doc} nog eens nalezen voor {deadline}?",
            "De vergadering over {topic} werd verplaatst naar {deadline}.",
            "We hebben {doc} goed ontvangen en bezorgen het aan {group}.",
            "Er zijn nog enkele vragen over {topic}.",
            "Het lijkt me {adj} om dit eerst met {group} af te stemmen.",
            "Ik hoor graag wat je van {doc} vindt.",
            "Door de drukte loopt {topic} wat vertraging op.",
            "De werken in {place} starten binnenkort.",
            "Laat gerust iets weten als je nog informatie nodig hebt.",
            "Alvast bedankt voor de vlotte samenwerking.",
            "Wij verwerken uw gegevens enkel voor {purpose}.",
            "U kunt uw toestemming op elk moment intrekken.",
            "Mogen we vragen om {doc} ondertekend terug te sturen?",
            "{group} heeft laten weten dat {topic} goed verloopt.",
            "Het is {adj} om {doc} tijdig te bezorgen.",
            "Volgens {group} is er nog geen beslissing genomen over {topic}.",
            "We plannen een korte opvolging tegen {deadline}.",
            "Mijn excuses voor het late antwoord.",
            "Ik ben {time} niet op kantoor, maar ik lees mijn berichten wel.",
            "Na overleg met {group} passen we {doc} nog aan.",
            "Er staat nog een kleine opmerking in {doc}.",
            "Wil je {group} op de hoogte houden van {topic}?",
            "We hebben beslist om {topic} uit te stellen.",
            "De nieuwe afspraken rond {topic} gelden vanaf {deadline}.",
            "Het zou {adj} zijn om {place} vooraf te reserveren.",
            "De koffie in {place} is eindelijk weer beschikbaar.",
            "Vergeet niet om {doc} op te slaan in de gedeelde map.",
            "Ik heb {doc} doorgestuurd naar {group}.",
            "Op basis van uw aanvraag hebben we uw dossier aangepast.",
            "Uw gegevens worden niet langer bewaard dan nodig.",
            "Indien u niet akkoord gaat, kunt u contact opnemen met {group}.",
            "We houden u op de hoogte van de verdere stappen.",
            "Het overzicht van {topic} vindt u in de bijlage.",
            "Graag een bevestiging van ontvangst.",
            "Tot binnenkort en een fijne dag verder.",
            "De planning voor {topic} is nog niet definitief.",
            "{time} volgt er meer nieuws over {topic}."};
    static final String[] NL_DOC = {"de offerte", "het verslag", "de planning", "het contract", "de factuur",
            "het voorstel", "de checklist", "de begroting", "de handleiding", "het inschrijvingsformulier",
            "de huurovereenkomst", "de nieuwe versie van het plan", "de aangepaste bestelbon", "het attest"};
    static final String[] NL_GROUP = {"de klant", "het team", "de boekhouding", "de directie",
            "de leverancier", "de werfleider", "de buurtvereniging", "het bestuur", "de juridische dienst", "de klantendienst",
            "de personeelsdienst", "de verzekeraar"};
    static final String[] NL_TOPIC = {"de verhuizing", "de renovatie", "het nieuwe systeem", "de jaarafsluiting",
            "de opleiding", "de migratie", "het personeelsfeest", "de audit", "de verlofplanning",
            "de privacyverklaring", "de nieuwe website", "de inventaris", "het onderhoudscontract"};
    static final String[] NL_TIME = {"volgende week", "morgen", "later deze maand", "na de vakantie",
            "deze namiddag", "binnenkort"};
    static final String[] NL_DEADLINE = {"het einde van de week", "volgende maandag", "de volgende vergadering",
            "het einde van de maand", "het volgende kwartaal"};
    static final String[] NL_ADJ = {"verstandig", "handig", "nuttig", "beter", "logisch", "belangrijk"};
    static final String[] NL_PLACE = {"het kantoor", "de parking", "de inkomhal", "het magazijn", "de vergaderzaal",
            "de kantine"};
    static final String[] NL_PURPOSE = {"de uitvoering van het contract", "de facturatie", "het beheer van uw dossier",
            "de verzending van de nieuwsbrief"};

    static final String[] FR_T = {
            "Merci pour votre réponse rapide concernant {topic}.",
            "Comme convenu, je vous envoie {doc} en annexe.",
            "{time}, nous examinerons avec {group} la suite à donner.",
            "Pourriez-vous relire {doc} avant {deadline} ?",
            "La réunion sur {topic} a été reportée à {deadline}.",
            "Nous avons bien reçu {doc} et nous le transmettons à {group}.",
            "Il reste quelques questions au sujet de {topic}.",
            "Il me semble {adj} d'en discuter d'abord avec {group}.",
            "J'attends votre avis sur {doc}.",
            "En raison de la charge de travail, {topic} prend un peu de retard.",
            "Les travaux dans {place} commenceront bientôt.",
            "N'hésitez pas à revenir vers moi si vous avez besoin d'informations.",
            "Merci d'avance pour votre collaboration.",
            "Vos données sont traitées uniquement pour {purpose}.",
            "Vous pouvez retirer votre consentement à tout moment.",
            "Pourriez-vous nous renvoyer {doc} signé ?",
            "{group} nous informe que {topic} se déroule bien.",
            "Il est {adj} de transmettre {doc} à temps.",
            "Selon {group}, aucune décision n'a encore été prise sur {topic}.",
            "Nous prévoyons un court suivi avant {deadline}.",
            "Veuillez excuser ma réponse tardive.",
            "Je serai absent {time}, mais je consulterai mes messages.",
            "Après concertation avec {group}, nous adapterons {doc}.",
            "Une petite remarque figure encore dans {doc}.",
            "Pouvez-vous tenir {group} informé de {topic} ?",
            "Nous avons décidé de reporter {topic}.",
            "Les nouvelles règles concernant {topic} s'appliquent à partir de {deadline}.",
            "Il serait {adj} de réserver {place} à l'avance.",
            "N'oubliez pas d'enregistrer {doc} dans le dossier partagé.",
            "J'ai transféré {doc} à {group}.",
            "Suite à votre demande, nous avons mis à jour votre dossier.",
            "Vos données ne sont pas conservées plus longtemps que nécessaire.",
            "Si vous n'êtes pas d'accord, vous pouvez contacter {group}.",
            "Nous vous tiendrons informé des prochaines étapes.",
            "Vous trouverez l'aperçu de {topic} en pièce jointe.",
            "Merci de confirmer la bonne réception de ce message.",
            "Je vous souhaite une excellente journée.",
            "Le calendrier de {topic} n'est pas encore définitif.",
            "{time}, nous vous donnerons plus de nouvelles sur {topic}."};
    static final String[] FR_DOC = {"le devis", "le rapport", "le planning", "le contrat", "la facture",
            "la proposition", "la liste de contrôle", "le budget", "le manuel", "le formulaire d'inscription",
            "le bail", "la nouvelle version du plan", "le bon de commande corrigé", "l'attestation"};
    static final String[] FR_GROUP = {"le client", "l'équipe", "la comptabilité", "la direction",
            "le fournisseur", "le chef de chantier", "le comité de quartier", "le conseil d'administration", "le service juridique",
            "le service clientèle", "le service du personnel", "l'assureur"};
    static final String[] FR_TOPIC = {"le déménagement", "la rénovation", "le nouveau système", "la clôture annuelle",
            "la formation", "la migration", "la fête du personnel", "l'audit", "le planning des congés",
            "la déclaration de confidentialité", "le nouveau site web", "l'inventaire", "le contrat d'entretien"};
    static final String[] FR_TIME = {"La semaine prochaine", "Demain", "Plus tard ce mois-ci", "Après les vacances",
            "Cet après-midi", "Prochainement"};
    static final String[] FR_DEADLINE = {"la fin de la semaine", "lundi prochain", "la prochaine réunion",
            "la fin du mois", "le trimestre prochain"};
    static final String[] FR_ADJ = {"judicieux", "utile", "préférable", "logique", "important", "raisonnable"};
    static final String[] FR_PLACE = {"le bureau", "le parking", "le hall d'entrée", "l'entrepôt",
            "la salle de réunion", "la cafétéria"};
    static final String[] FR_PURPOSE = {"l'exécution du contrat", "la facturation", "la gestion de votre dossier",
            "l'envoi de la newsletter"};

    static final String[] EN_T = {
            "Thank you for your quick reply about {topic}.",
            "As discussed, please find {doc} attached.",
            "{time} we will look at the next steps together with {group}.",
            "Could you review {doc} before {deadline}?",
            "The meeting about {topic} has been moved to {deadline}.",
            "We have received {doc} and will forward it to {group}.",
            "There are still a few open questions about {topic}.",
            "It seems {adj} to align with {group} first.",
            "I would like to hear what you think of {doc}.",
            "Because of the workload, {topic} is running a little late.",
            "The works in {place} will start soon.",
            "Let me know if you need any further information.",
            "Thanks in advance for your cooperation.",
            "We only process your data for {purpose}.",
            "You can withdraw your consent at any time.",
            "Could you send {doc} back to us once it is signed?",
            "{group} told us that {topic} is going well.",
            "It is {adj} to deliver {doc} on time.",
            "According to {group}, no decision has been taken on {topic} yet.",
            "We are planning a short follow-up before {deadline}.",
            "Apologies for the late reply.",
            "I am out of the office {time}, but I will check my messages.",
            "After consulting {group}, we will update {doc}.",
            "There is still a small comment in {doc}.",
            "Could you keep {group} informed about {topic}?",
            "We have decided to postpone {topic}.",
            "The new arrangements for {topic} apply from {deadline}.",
            "It would be {adj} to book {place} in advance.",
            "Please remember to save {doc} in the shared folder.",
            "I have forwarded {doc} to {group}.",
            "Following your request, we have updated your file.",
            "Your data is not kept longer than necessary.",
            "If you do not agree, you can contact {group}.",
            "We will keep you informed about the next steps.",
            "You will find the overview of {topic} in the attachment.",
            "Please confirm that you received this message.",
            "Have a great day.",
            "The schedule for {topic} is not final yet.",
            "{time} we will share more news about {topic}."};
    static final String[] EN_DOC = {"the quote", "the report", "the schedule", "the contract", "the invoice",
            "the proposal", "the checklist", "the budget", "the manual", "the registration form", "the lease",
            "the new version of the plan", "the corrected purchase order", "the certificate"};
    static final String[] EN_GROUP = {"the client", "the team", "our colleagues in accounting", "the management",
            "the supplier", "the site manager", "the neighbours", "the board", "the legal department",
            "customer service", "the people team", "the insurer"};
    static final String[] EN_TOPIC = {"the move", "the renovation", "the new system", "the year-end closing",
            "the training", "the migration", "the staff party", "the audit", "the holiday planning",
            "the privacy notice", "the new website", "the inventory", "the maintenance contract"};
    static final String[] EN_TIME = {"Next week", "Tomorrow", "Later this month", "After the holidays",
            "This afternoon", "Soon"};
    static final String[] EN_DEADLINE = {"the end of the week", "next week", "the next meeting", "the end of the month",
            "the next quarter"};
    static final String[] EN_ADJ = {"sensible", "useful", "better", "logical", "important", "wise"};
    static final String[] EN_PLACE = {"the office", "the car park", "the entrance hall", "the warehouse",
            "the meeting room", "the canteen"};
    static final String[] EN_PURPOSE = {"the performance of the contract", "invoicing", "managing your file",
            "sending the newsletter"};

    static String sentence(Random r, String lang) {
        String t;
        String[] doc, group, topic, time, deadline, adj, place, purpose;
        switch (lang) {
            case "fr" -> { t = pick(r, FR_T); doc = FR_DOC; group = FR_GROUP; topic = FR_TOPIC; time = FR_TIME;
                deadline = FR_DEADLINE; adj = FR_ADJ; place = FR_PLACE; purpose = FR_PURPOSE; }
            case "en" -> { t = pick(r, EN_T); doc = EN_DOC; group = EN_GROUP; topic = EN_TOPIC; time = EN_TIME;
                deadline = EN_DEADLINE; adj = EN_ADJ; place = EN_PLACE; purpose = EN_PURPOSE; }
            default -> { t = pick(r, NL_T); doc = NL_DOC; group = NL_GROUP; topic = NL_TOPIC; time = NL_TIME;
                deadline = NL_DEADLINE; adj = NL_ADJ; place = NL_PLACE; purpose = NL_PURPOSE; }
        }
        String s = t.replace("{doc}", pick(r, doc)).replace("{group}", pick(r, group)).replace("{topic}", pick(r, topic))
                .replace("{time}", pick(r, time)).replace("{deadline}", pick(r, deadline)).replace("{adj}", pick(r, adj))
                .replace("{place}", pick(r, place)).replace("{purpose}", pick(r, purpose));
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ document furniture
    static String subject(Random r, String lang) {
        return switch (lang) {
            case "fr" -> pick(r, new String[]{"Demande d'informations", "Suivi de votre dossier", "Modification de vos coordonnées",
                    "Inscription à la formation", "Devis rénovation", "Remboursement", "Nouveau collaborateur", "Votre commande"});
            case "en" -> pick(r, new String[]{"Request for information", "Follow-up of your file", "Change of contact details",
                    "Training registration", "Renovation quote", "Refund", "New starter", "Your order"});
            default -> pick(r, new String[]{"Vraag om informatie", "Opvolging van uw dossier", "Wijziging van gegevens",
                    "Inschrijving opleiding", "Offerte renovatie", "Terugbetaling", "Nieuwe medewerker", "Uw bestelling"});
        };
    }

    static String greeting(Random r, String lang) {
        return switch (lang) {
            case "fr" -> pick(r, new String[]{"Bonjour,", "Madame, Monsieur,", "Chère collègue, cher collègue,", "Bonjour à tous,"});
            case "en" -> pick(r, new String[]{"Hello,", "Dear Sir or Madam,", "Hi all,", "Dear colleagues,"});
            default -> pick(r, new String[]{"Beste,", "Geachte heer, mevrouw,", "Dag allemaal,", "Beste collega's,", "Hallo,"});
        };
    }

    static String closing(Random r, String lang) {
        return switch (lang) {
            case "fr" -> pick(r, new String[]{"Bien à vous,", "Cordialement,", "Meilleures salutations,"});
            case "en" -> pick(r, new String[]{"Kind regards,", "Best regards,", "Regards,"});
            default -> pick(r, new String[]{"Met vriendelijke groeten,", "Vriendelijke groet,", "Groetjes,", "Hoogachtend,"});
        };
    }

    static String heading(Random r, String lang) {
        return switch (lang) {
            case "fr" -> pick(r, new String[]{"Compte rendu de réunion", "Fiche du collaborateur", "Notes de suivi",
                    "Demande de remboursement", "Dossier client", "Procédure d'accueil"});
            case "en" -> pick(r, new String[]{"Meeting notes", "Employee record", "Follow-up notes", "Refund request",
                    "Customer file", "Onboarding checklist"});
            default -> pick(r, new String[]{"Verslag vergadering", "Personeelsfiche", "Opvolgingsnota", "Terugbetalingsaanvraag",
                    "Klantendossier", "Onthaalprocedure"});
        };
    }

    static String section(Random r, String lang) {
        return switch (lang) {
            case "fr" -> pick(r, new String[]{"Contexte", "Coordonnées", "Décisions", "Actions", "Remarques"});
            case "en" -> pick(r, new String[]{"Background", "Contact details", "Decisions", "Actions", "Remarks"});
            default -> pick(r, new String[]{"Context", "Contactgegevens", "Beslissingen", "Acties", "Opmerkingen"});
        };
    }
}
