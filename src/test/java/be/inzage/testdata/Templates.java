package be.inzage.testdata;

import java.util.Map;

/** Context sentences (with "{}" placeholders) for planted values and near misses, per language. */
final class Templates {
    private Templates() {}

    /** Sentences carrying a true value, by kind then language. */
    static final Map<String, Map<String, String[]>> VALUE = Map.ofEntries(
            Map.entry("iban", Map.of(
                    "nl", new String[]{"Mijn rekeningnummer is {}.", "Gelieve het bedrag over te schrijven op rekeningnummer {}.",
                            "Je kan de terugbetaling laten storten op IBAN {}.", "Ons nieuwe bankrekeningnummer is {}, gelieve dit aan te passen.",
                            "Het voorschot mag op rekening {} gestort worden."},
                    "fr", new String[]{"Mon numéro de compte est le {}.", "Merci de verser le montant sur le compte {}.",
                            "Le remboursement peut être effectué sur l'IBAN {}.", "Notre nouveau compte bancaire est le {}, merci de l'adapter."},
                    "en", new String[]{"My account number is {}.", "Please transfer the amount to account {}.",
                            "The refund can be paid into IBAN {}.", "Our new bank account is {}, please update your records."})),
            Map.entry("oldacct", Map.of(
                    "nl", new String[]{"In het oude dossier staat nog rekeningnummer {}.", "Mijn vroegere rekening {} wordt binnenkort afgesloten."},
                    "fr", new String[]{"L'ancien dossier mentionne encore le compte {}.", "Mon ancien compte bancaire {} sera bientôt clôturé."},
                    "en", new String[]{"The old file still lists account number {}.", "My former bank account {} will be closed soon."})),
            Map.entry("card", Map.of(
                    "nl", new String[]{"Het nummer van mijn kredietkaart is {}.", "De betaling gebeurde met betaalkaart {}.",
                            "Kaartnummer {} mag gebruikt worden voor de borg."},
                    "fr", new String[]{"Le numéro de ma carte de crédit est le {}.", "Le paiement a été effectué avec la carte bancaire {}."},
                    "en", new String[]{"My credit card number is {}.", "Payment was made with card number {}."})),
            Map.entry("phone", Map.of(
                    "nl", new String[]{"Je kan me bereiken op {}.", "Mijn gsm-nummer is {}.", "Bel gerust naar {} als er iets is.",
                            "Telefonisch ben ik bereikbaar op {}."},
                    "fr", new String[]{"Vous pouvez me joindre au {}.", "Mon numéro de portable est le {}.", "N'hésitez pas à appeler le {}."},
                    "en", new String[]{"You can reach me at {}.", "My mobile number is {}.", "Feel free to call {} if anything comes up."})),
            Map.entry("email", Map.of(
                    "nl", new String[]{"Mijn e-mailadres is {}.", "Stuur de documenten gerust naar {}.", "Je kan ook mailen naar {}."},
                    "fr", new String[]{"Mon adresse e-mail est {}.", "Vous pouvez envoyer les documents à {}.", "Vous pouvez aussi écrire à {}."},
                    "en", new String[]{"My email address is {}.", "Please send the documents to {}.", "You can also email {}."})),
            Map.entry("rrn", Map.of(
                    "nl", new String[]{"Mijn rijksregisternummer is {}.", "Het rijksregisternummer op de identiteitskaart is {}."},
                    "fr", new String[]{"Mon numéro de registre national est le {}.", "Le numéro national sur la carte d'identité est le {}."},
                    "en", new String[]{"My national register number is {}.", "The national number on the identity card is {}."})),
            Map.entry("bis", Map.of(
                    "nl", new String[]{"Mijn BIS-nummer is {}.", "Het BIS-nummer van de werknemer is {}."},
                    "fr", new String[]{"Mon numéro BIS est le {}.", "Le numéro BIS du travailleur est le {}."},
                    "en", new String[]{"My BIS number is {}.", "The employee's BIS number is {}."})),
            Map.entry("bsn", Map.of(
                    "nl", new String[]{"Mijn burgerservicenummer is {}.", "Het BSN van de aanvrager is {}."},
                    "fr", new String[]{"Son numéro de service citoyen (BSN) est le {}.", "Le BSN du demandeur est le {}."},
                    "en", new String[]{"My citizen service number is {}.", "The applicant's BSN is {}."})),
            Map.entry("dob", Map.of(
                    "nl", new String[]{"Ik ben geboren op {}.", "De aanvrager is geboren op {}.", "Geboortedatum van de deelnemer: {}."},
                    "fr", new String[]{"Je suis né le {}.", "La demanderesse est née le {}.", "Date de naissance du participant : {}."},
                    "en", new String[]{"I was born on {}.", "The applicant was born on {}.", "Date of birth of the participant: {}."})),
            Map.entry("login", Map.of(
                    "nl", new String[]{"Je gebruikersnaam is {} en het tijdelijke wachtwoord krijg je apart.", "Meld je aan met gebruikersnaam {}."},
                    "fr", new String[]{"Votre identifiant est {} et le mot de passe provisoire suivra séparément.", "Connectez-vous avec le nom d'utilisateur {}."},
                    "en", new String[]{"Your username is {} and the temporary password will follow separately.", "Log in with username {}."})),
            Map.entry("job", Map.of(
                    "nl", new String[]{"Mijn functie is {}.", "De nieuwe collega start in de functie van {}."},
                    "fr", new String[]{"J'occupe actuellement le poste de {}.", "Sa fonction est {}."},
                    "en", new String[]{"My current position is {}.", "Her job title is {}."})),
            Map.entry("ip", Map.of(
                    "nl", new String[]{"Het IP-adres van de laptop was {}.", "De aanmelding kwam van IP-adres {}."},
                    "fr", new String[]{"L'adresse IP de l'ordinateur portable était {}.", "La connexion provenait de l'adresse IP {}."},
                    "en", new String[]{"The laptop's IP address was {}.", "The login came from IP address {}."})),
            Map.entry("mac", Map.of(
                    "nl", new String[]{"Het MAC-adres van het toestel is {}.", "Voeg het MAC-adres {} toe aan het gastennetwerk."},
                    "fr", new String[]{"L'adresse MAC de l'appareil est {}.", "Ajoutez l'adresse MAC {} au réseau invité."},
                    "en", new String[]{"The device's MAC address is {}.", "Please add MAC address {} to the guest network."})),
            Map.entry("name", Map.of(
                    "nl", new String[]{"Contactpersoon voor dit dossier is {}.", "Ik schrijf u namens {}.", "Mijn collega {} neemt het dossier over."},
                    "fr", new String[]{"La personne de contact pour ce dossier est {}.", "Je vous écris au nom de {}.", "Notre collègue {} reprend le dossier."},
                    "en", new String[]{"The contact person for this file is {}.", "I am writing on behalf of {}.", "My colleague {} will take over the file."})),
            Map.entry("address", Map.of( // three placeholders: street, postcode, town
                    "nl", new String[]{"Mijn adres is {}, {} {}.", "Ik ben verhuisd naar {}, {} {}.", "Het pakket mag geleverd worden op het adres {}, {} {}."},
                    "fr", new String[]{"Mon adresse est {}, {} {}.", "J'ai déménagé : {}, {} {}.", "Le colis peut être livré à l'adresse {}, {} {}."},
                    "en", new String[]{"My address is {}, {} {}.", "I have moved to {}, {} {}.", "Please deliver the parcel to {}, {} {}."})));

    /** "Key: value" labels used for form dumps, signatures and bullet lists. */
    static final Map<String, Map<String, String>> KEY = Map.of(
            "nl", Map.ofEntries(Map.entry("name", "Naam"), Map.entry("email", "E-mail"), Map.entry("phone", "Telefoon"),
                    Map.entry("mobile", "Gsm"), Map.entry("iban", "IBAN"), Map.entry("oldacct", "Rekeningnummer"),
                    Map.entry("dob", "Geboortedatum"), Map.entry("rrn", "Rijksregisternummer"), Map.entry("bis", "BIS-nummer"),
                    Map.entry("bsn", "Burgerservicenummer"), Map.entry("login", "Gebruikersnaam"), Map.entry("job", "Functie"),
                    Map.entry("address", "Adres"), Map.entry("ip", "IP-adres"), Map.entry("mac", "MAC-adres"),
                    Map.entry("card", "Kaartnummer"), Map.entry("tel", "Tel.")),
            "fr", Map.ofEntries(Map.entry("name", "Nom"), Map.entry("email", "Courriel"), Map.entry("phone", "Téléphone"),
                    Map.entry("mobile", "GSM"), Map.entry("iban", "IBAN"), Map.entry("oldacct", "Numéro de compte"),
                    Map.entry("dob", "Date de naissance"), Map.entry("rrn", "Numéro de registre national"), Map.entry("bis", "Numéro BIS"),
                    Map.entry("bsn", "Numéro de service citoyen (BSN)"), Map.entry("login", "Identifiant"), Map.entry("job", "Fonction"),
                    Map.entry("address", "Adresse"), Map.entry("ip", "Adresse IP"), Map.entry("mac", "Adresse MAC"),
                    Map.entry("card", "Numéro de carte"), Map.entry("tel", "Tél.")),
            "en", Map.ofEntries(Map.entry("name", "Name"), Map.entry("email", "Email"), Map.entry("phone", "Phone"),
                    Map.entry("mobile", "Mobile"), Map.entry("iban", "IBAN"), Map.entry("oldacct", "Account number"),
                    Map.entry("dob", "Date of birth"), Map.entry("rrn", "National register number"), Map.entry("bis", "BIS number"),
                    Map.entry("bsn", "Citizen service number (BSN)"), Map.entry("login", "Username"), Map.entry("job", "Job title"),
                    Map.entry("address", "Address"), Map.entry("ip", "IP address"), Map.entry("mac", "MAC address"),
                    Map.entry("card", "Card number"), Map.entry("tel", "Tel.")));

    static String key(String lang, String k) {
        String s = KEY.get(lang).get(k);
        return lang.equals("fr") ? s + " :" : s + ":";
    }

    /** Sentences carrying a near miss, by kind then language. */
    static final Map<String, Map<String, String[]>> NEAR = Map.ofEntries(
            Map.entry("iban", Map.of(
                    "nl", new String[]{"Het rekeningnummer {} dat u opgaf, lijkt niet te kloppen.", "Opgelet: de bank weigerde IBAN {}."},
                    "fr", new String[]{"Le numéro de compte {} que vous avez communiqué semble incorrect.", "Attention : la banque a refusé l'IBAN {}."},
                    "en", new String[]{"The account number {} you provided does not seem to be correct.", "Note: the bank rejected IBAN {}."})),
            Map.entry("oldacct_bad", Map.of(
                    "nl", new String[]{"Het oude rekeningnummer {} werd niet aanvaard."},
                    "fr", new String[]{"L'ancien numéro de compte {} n'a pas été accepté."},
                    "en", new String[]{"The old account number {} was not accepted."})),
            Map.entry("ogm", Map.of(
                    "nl", new String[]{"Gelieve de gestructureerde mededeling {} te vermelden.", "Vermeld bij de betaling zeker {}."},
                    "fr", new String[]{"Veuillez mentionner la communication structurée {}.", "Merci d'indiquer {} lors du paiement."},
                    "en", new String[]{"Please quote the structured reference {} with your payment."})),
            Map.entry("card_luhn", Map.of(
                    "nl", new String[]{"Kaartnummer {} werd geweigerd bij de betaling."},
                    "fr", new String[]{"La carte numéro {} a été refusée lors du paiement."},
                    "en", new String[]{"Card number {} was declined at checkout."})),
            Map.entry("card_noiin", Map.of(
                    "nl", new String[]{"Uw klantenkaart heeft nummer {}.", "Het nummer van de cadeaubon is {}."},
                    "fr", new String[]{"Votre carte de fidélité porte le numéro {}.", "Le numéro du chèque-cadeau est {}."},
                    "en", new String[]{"Your loyalty card number is {}.", "The gift voucher number is {}."})),
            Map.entry("rrn_bad", Map.of(
                    "nl", new String[]{"Het rijksregisternummer {} is ongeldig, kan je het nakijken?"},
                    "fr", new String[]{"Le numéro de registre national {} est invalide, pouvez-vous le vérifier ?"},
                    "en", new String[]{"The national register number {} is invalid, could you check it?"})),
            Map.entry("enterprise", Map.of(
                    "nl", new String[]{"Ons ondernemingsnummer is {}.", "Btw-nummer van de leverancier: {}."},
                    "fr", new String[]{"Notre numéro d'entreprise est le {}.", "Numéro de TVA du fournisseur : {}."},
                    "en", new String[]{"Our enterprise number is {}.", "Supplier VAT number: {}."})),
            Map.entry("bsn_bad", Map.of(
                    "nl", new String[]{"Het opgegeven burgerservicenummer {} is niet geldig."},
                    "fr", new String[]{"Le numéro BSN {} indiqué n'est pas valide."},
                    "en", new String[]{"The citizen service number {} you entered is not valid."})),
            Map.entry("kvk", Map.of(
                    "nl", new String[]{"Ingeschreven bij de KvK onder nummer {}.", "KvK-nummer van de opdrachtgever: {}."},
                    "fr", new String[]{"Inscrite à la KvK sous le numéro {}."},
                    "en", new String[]{"Registered with the KvK under number {}."})),
            Map.entry("version", Map.of(
                    "nl", new String[]{"De software draait op versie {}.", "Installeer eerst update {}."},
                    "fr", new String[]{"Le logiciel tourne en version {}.", "Installez d'abord la mise à jour {}."},
                    "en", new String[]{"The software runs version {}.", "Please install update {} first."})),
            Map.entry("colon_time", Map.of(
                    "nl", new String[]{"De melding werd geregistreerd om {}.", "Tijdstempel van de back-up: {}."},
                    "fr", new String[]{"L'incident a été enregistré à {}.", "Horodatage de la sauvegarde : {}."},
                    "en", new String[]{"The incident was logged at {}.", "Backup timestamp: {}."})),
            Map.entry("date", Map.of(
                    "nl", new String[]{"De offerte is geldig tot {}.", "De vergadering vond plaats op {}."},
                    "fr", new String[]{"Le devis est valable jusqu'au {}.", "La réunion a eu lieu le {}."},
                    "en", new String[]{"The quote is valid until {}.", "The meeting took place on {}."})),
            Map.entry("hash", Map.of(
                    "nl", new String[]{"Controlegetal van de bijlage: {}."},
                    "fr", new String[]{"Somme de contrôle de la pièce jointe : {}."},
                    "en", new String[]{"Checksum of the attachment: {}."})),
            Map.entry("uuid", Map.of(
                    "nl", new String[]{"Referentie van uw aanvraag: {}."},
                    "fr", new String[]{"Référence de votre demande : {}."},
                    "en", new String[]{"Reference of your request: {}."})),
            Map.entry("invoice", Map.of(
                    "nl", new String[]{"Het gaat om factuur {}."},
                    "fr", new String[]{"Il s'agit de la facture {}."},
                    "en", new String[]{"This concerns invoice {}."})),
            Map.entry("order", Map.of(
                    "nl", new String[]{"Uw bestelnummer is {}."},
                    "fr", new String[]{"Votre numéro de commande est le {}."},
                    "en", new String[]{"Your order number is {}."})),
            Map.entry("phone_bad", Map.of(
                    "nl", new String[]{"Het oude nummer {} is niet meer in gebruik."},
                    "fr", new String[]{"L'ancien numéro {} n'est plus en service."},
                    "en", new String[]{"The old number {} is no longer in use."})),
            Map.entry("email_file", Map.of(
                    "nl", new String[]{"Het logo staat in het bestand {}."},
                    "fr", new String[]{"Le logo se trouve dans le fichier {}."},
                    "en", new String[]{"The logo is stored in the file {}."})),
            Map.entry("email_local", Map.of(
                    "nl", new String[]{"Meldingen van de testserver komen van {}."},
                    "fr", new String[]{"Les notifications du serveur de test viennent de {}."},
                    "en", new String[]{"Notifications from the test server come from {}."})),
            Map.entry("mac_bad", Map.of(
                    "nl", new String[]{"Het toestel stuurde een broadcast naar {}."},
                    "fr", new String[]{"L'appareil a envoyé un broadcast vers {}."},
                    "en", new String[]{"The device sent a broadcast to {}."})));
}
