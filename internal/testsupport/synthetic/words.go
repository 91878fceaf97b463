package synthetic

// The word lists and sentence templates the generator draws from, in the site's four languages.
// Every T holds one text in en, nl, fr and de, with the same meaning, so that a translation says
// what its original says. Placeholders in braces ({the}, {t0}, ...) are filled per incident and
// per language by env.expand; see (*item).env for the list.
//
// Grammar rules the templates keep to, so any component can be put in any slot:
//   - {the} is a component with its article as the object of a preposition (German: dative, so
//     only after bei, mit, von, zu, hinter, in); {unit} is a plural noun phrase without article.
//   - verbs never agree with a component ({the} is singular or plural depending on the component);
//     sentences use modal verbs, plural {unit} subjects, or put the component after a preposition.
//   - French templates avoid "à" and "de" directly before {the} (they would contract).

// T is one text in every language, indexed by en, nl, fr, de.
type T [4]string

const (
	en = iota
	nl
	fr
	de
)

// langCodes are the language codes in site order; the index is the T index.
var langCodes = [4]string{"en", "nl", "fr", "de"}

// zones are the time zones site.yaml gives each language.
var zoneNames = [4]string{"UTC", "Europe/Amsterdam", "Europe/Paris", "Europe/Berlin"}

const (
	company  = "Brightwave"
	baseURL  = "https://status.brightwave.example"
	siteURL  = "https://brightwave.example"
	support  = "support@brightwave.example"
	helpURL  = "https://brightwave.example/support"
	minWords = 300 // a postmortem's length, in every language it is written in
	maxWords = 600
)

type group struct {
	id   string
	name T
}

var groups = []group{
	{"apis", T{"API and integrations", "API en koppelingen", "API et intégrations", "API und Integrationen"}},
	{"payments", T{"Payments", "Betalingen", "Paiements", "Zahlungen"}},
	{"apps", T{"Applications", "Applicaties", "Applications", "Anwendungen"}},
	{"invoicing", T{"Invoicing", "Facturatie", "Facturation", "Rechnungsstellung"}},
}

type component struct {
	id, group string
	// async components process work in the background: they fall behind rather than fail requests.
	async bool
	// critical components are where an outage may be rated critical.
	critical bool
	hidden   bool // hidden_unless_degraded
	noUptime bool // uptime: false
	name     T    // display name
	the      T    // with article, after a preposition (German dative)
	unit     T    // plural noun phrase: what succeeds, fails or is delayed
	desc     T
	provider T      // the third party it depends on, after a preposition (German dative)
	host     string // that third party's host, for log excerpts
}

var (
	provCloud = T{"our cloud provider", "onze cloudprovider", "notre hébergeur cloud", "unserem Cloud-Anbieter"}
	provCard  = T{"our card acquirer", "onze acquirer", "notre acquéreur de cartes", "unserem Kartenacquirer"}
	provBank  = T{"our banking partner", "onze bankpartner", "notre partenaire bancaire", "unserer Partnerbank"}
	provMail  = T{"our e-mail delivery provider", "onze e-mailprovider", "notre prestataire d'envoi d'e-mails", "unserem E-Mail-Dienstleister"}
	provPep   = T{"our Peppol access point provider", "onze Peppol-provider", "notre fournisseur d'accès Peppol", "unserem Peppol-Anbieter"}
	provSync  = T{"our integration partner", "onze integratiepartner", "notre partenaire d'intégration", "unserem Integrationspartner"}
)

var components = []component{
	{id: "rest-api", group: "apis",
		name:     T{"REST API", "REST-API", "API REST", "REST-API"},
		the:      T{"the REST API", "de REST-API", "l'API REST", "der REST-API"},
		unit:     T{"requests to the REST API", "aanvragen bij de REST-API", "requêtes vers l'API REST", "Anfragen an die REST-API"},
		desc:     T{"The JSON API for invoices, customers and payments, and the OAuth sign-in for integrations (api.brightwave.example/v2).", "De JSON-API voor facturen, klanten en betalingen, en de OAuth-aanmelding voor koppelingen (api.brightwave.example/v2).", "L'API JSON pour les factures, les clients et les paiements, et la connexion OAuth des intégrations (api.brightwave.example/v2).", "Die JSON-API für Rechnungen, Kunden und Zahlungen sowie die OAuth-Anmeldung für Integrationen (api.brightwave.example/v2)."},
		provider: provCloud, host: "lb.cloud-provider.example"},
	{id: "webhooks", group: "apis", async: true,
		name:     T{"Webhooks", "Webhooks", "Webhooks", "Webhooks"},
		the:      T{"webhooks", "de webhooks", "les webhooks", "den Webhooks"},
		unit:     T{"webhook deliveries", "webhookberichten", "envois de webhooks", "Webhook-Zustellungen"},
		desc:     T{"Notifications of paid invoices, refunds and payouts, sent to your own endpoints.", "Meldingen van betaalde facturen, terugbetalingen en uitbetalingen, verstuurd naar uw eigen endpoints.", "Les notifications de factures payées, de remboursements et de reversements, envoyées vers vos propres URL.", "Benachrichtigungen über bezahlte Rechnungen, Erstattungen und Auszahlungen an Ihre eigenen Endpunkte."},
		provider: provCloud, host: "queue.cloud-provider.example"},
	{id: "accounting-sync", group: "apis", async: true,
		name:     T{"Accounting integrations", "Boekhoudkoppelingen", "Intégrations comptables", "Buchhaltungsintegrationen"},
		the:      T{"the accounting integrations", "de boekhoudkoppelingen", "les intégrations comptables", "den Buchhaltungsintegrationen"},
		unit:     T{"synchronisations with accounting software", "synchronisaties met boekhoudpakketten", "synchronisations avec les logiciels comptables", "Synchronisierungen mit Buchhaltungsprogrammen"},
		desc:     T{"Invoices and payments synchronised with your accounting software every 15 minutes.", "Facturen en betalingen die elke 15 minuten met uw boekhoudpakket worden gesynchroniseerd.", "Les factures et les paiements synchronisés toutes les 15 minutes avec votre logiciel comptable.", "Rechnungen und Zahlungen, die alle 15 Minuten mit Ihrer Buchhaltungssoftware abgeglichen werden."},
		provider: provSync, host: "api.ledgerbooks.example"},
	{id: "card-payments", group: "payments", critical: true,
		name:     T{"Card payments", "Kaartbetalingen", "Paiements par carte", "Kartenzahlungen"},
		the:      T{"card payments", "de kaartbetalingen", "les paiements par carte", "den Kartenzahlungen"},
		unit:     T{"card payment attempts", "betaalpogingen met een kaart", "tentatives de paiement par carte", "Kartenzahlungsversuche"},
		desc:     T{"Visa, Mastercard and American Express payments of invoices and on payment pages.", "Betalingen met Visa, Mastercard en American Express van facturen en op betaalpagina's.", "Les paiements Visa, Mastercard et American Express des factures et sur les pages de paiement.", "Zahlungen mit Visa, Mastercard und American Express für Rechnungen und auf Zahlungsseiten."},
		provider: provCard, host: "gateway.acquirer.example"},
	{id: "bank-payments", group: "payments", async: true, critical: true,
		name:     T{"Bank payments", "Bankbetalingen", "Paiements bancaires", "Bankzahlungen"},
		the:      T{"bank payments", "de bankbetalingen", "les paiements bancaires", "den Bankzahlungen"},
		unit:     T{"bank payments and direct debits", "bankbetalingen en incasso's", "paiements bancaires et prélèvements", "Bankzahlungen und Lastschriften"},
		desc:     T{"iDEAL, Bancontact, SEPA transfers and SEPA direct debits.", "iDEAL, Bancontact, SEPA-overboekingen en SEPA-incasso's.", "iDEAL, Bancontact, virements SEPA et prélèvements SEPA.", "iDEAL, Bancontact, SEPA-Überweisungen und SEPA-Lastschriften."},
		provider: provBank, host: "api.bankpartner.example"},
	{id: "payouts", group: "payments", async: true,
		name:     T{"Payouts", "Uitbetalingen", "Reversements", "Auszahlungen"},
		the:      T{"payouts", "de uitbetalingen", "les reversements", "den Auszahlungen"},
		unit:     T{"payouts", "uitbetalingen", "reversements", "Auszahlungen"},
		desc:     T{"Transfers of your balance to your own bank account, daily or weekly.", "Overboekingen van uw saldo naar uw eigen bankrekening, dagelijks of wekelijks.", "Les virements de votre solde vers votre propre compte bancaire, chaque jour ou chaque semaine.", "Überweisungen Ihres Guthabens auf Ihr eigenes Bankkonto, täglich oder wöchentlich."},
		provider: provBank, host: "api.bankpartner.example"},
	{id: "dashboard", group: "apps",
		name:     T{"Dashboard", "Dashboard", "Tableau de bord", "Dashboard"},
		the:      T{"the dashboard", "het dashboard", "le tableau de bord", "dem Dashboard"},
		unit:     T{"page loads in the dashboard", "paginaverzoeken in het dashboard", "chargements de pages du tableau de bord", "Seitenaufrufe im Dashboard"},
		desc:     T{"app.brightwave.example: invoices, customers, payments, reports and settings.", "app.brightwave.example: facturen, klanten, betalingen, rapportages en instellingen.", "app.brightwave.example : factures, clients, paiements, rapports et paramètres.", "app.brightwave.example: Rechnungen, Kunden, Zahlungen, Berichte und Einstellungen."},
		provider: provCloud, host: "lb.cloud-provider.example"},
	{id: "mobile-app", group: "apps",
		name:     T{"Mobile app", "Mobiele app", "Application mobile", "Mobile App"},
		the:      T{"the mobile app", "de mobiele app", "l'application mobile", "der mobilen App"},
		unit:     T{"requests from the mobile app", "verzoeken vanuit de mobiele app", "requêtes de l'application mobile", "Anfragen aus der mobilen App"},
		desc:     T{"Brightwave for iOS and Android: send invoices and follow payments on the go.", "Brightwave voor iOS en Android: facturen versturen en betalingen volgen onderweg.", "Brightwave pour iOS et Android : envoyer des factures et suivre les paiements en déplacement.", "Brightwave für iOS und Android: Rechnungen unterwegs versenden und Zahlungen verfolgen."},
		provider: provCloud, host: "lb.cloud-provider.example"},
	{id: "checkout", group: "apps", critical: true,
		name:     T{"Payment pages", "Betaalpagina's", "Pages de paiement", "Zahlungsseiten"},
		the:      T{"the payment pages", "de betaalpagina's", "les pages de paiement", "den Zahlungsseiten"},
		unit:     T{"visits to the payment pages", "bezoeken aan de betaalpagina's", "visites sur les pages de paiement", "Aufrufe der Zahlungsseiten"},
		desc:     T{"The pages at pay.brightwave.example where your customers pay an invoice.", "De pagina's op pay.brightwave.example waar uw klanten een factuur betalen.", "Les pages sur pay.brightwave.example où vos clients règlent une facture.", "Die Seiten unter pay.brightwave.example, auf denen Ihre Kunden eine Rechnung bezahlen."},
		provider: provCard, host: "gateway.acquirer.example"},
	{id: "invoice-email", group: "invoicing", async: true,
		name:     T{"Invoice e-mails", "Factuurmails", "E-mails de facturation", "Rechnungs-E-Mails"},
		the:      T{"invoice e-mails", "de factuurmails", "les e-mails de facturation", "den Rechnungs-E-Mails"},
		unit:     T{"invoice e-mails", "factuurmails", "e-mails de facturation", "Rechnungs-E-Mails"},
		desc:     T{"Invoices, payment reminders and receipts that we send by e-mail on your behalf.", "Facturen, betalingsherinneringen en ontvangstbewijzen die we namens u per e-mail versturen.", "Les factures, relances et reçus que nous envoyons par e-mail en votre nom.", "Rechnungen, Zahlungserinnerungen und Belege, die wir in Ihrem Namen per E-Mail versenden."},
		provider: provMail, host: "smtp-relay.mailprovider.example"},
	{id: "e-invoicing", group: "invoicing", async: true, hidden: true, noUptime: true,
		name:     T{"E-invoicing (Peppol)", "E-facturatie (Peppol)", "Facturation électronique (Peppol)", "E-Rechnung (Peppol)"},
		the:      T{"e-invoicing", "de e-facturatie", "la facturation électronique", "der E-Rechnung"},
		unit:     T{"e-invoices sent through Peppol", "e-facturen via Peppol", "factures électroniques envoyées via Peppol", "E-Rechnungen über Peppol"},
		desc:     T{"Sending and receiving e-invoices through the Peppol network.", "Het versturen en ontvangen van e-facturen via het Peppol-netwerk.", "L'envoi et la réception de factures électroniques via le réseau Peppol.", "Versand und Empfang von E-Rechnungen über das Peppol-Netzwerk."},
		provider: provPep, host: "ap.peppol-provider.example"},
	{id: "reports", group: "invoicing", async: true,
		name:     T{"Reports and exports", "Rapportages en exports", "Rapports et exports", "Berichte und Exporte"},
		the:      T{"reports and exports", "de rapportages en exports", "les rapports et exports", "den Berichten und Exporten"},
		unit:     T{"reports and exports", "rapportages en exports", "rapports et exports", "Berichte und Exporte"},
		desc:     T{"Revenue reports, VAT overviews and CSV exports.", "Omzetrapportages, btw-overzichten en CSV-exports.", "Rapports de chiffre d'affaires, récapitulatifs de TVA et exports CSV.", "Umsatzberichte, USt-Übersichten und CSV-Exporte."},
		provider: provCloud, host: "storage.cloud-provider.example"},
}

// Severities of an incident's main component, mildest first.
const (
	sevDegraded = iota
	sevPartial
	sevMajor
)

var sevStatus = [3]string{"degraded_performance", "partial_outage", "major_outage"}

// titles[async][severity] are short symptom phrases, written as they follow "Component: ".
var titles = [2][3][]T{
	{ // requests
		{
			{"Slow responses", "trage reacties", "lenteurs", "langsame Antworten"},
			{"Increased response times", "verhoogde responstijden", "temps de réponse élevés", "erhöhte Antwortzeiten"},
			{"Slow loading", "traag laden", "chargement lent", "langsames Laden"},
		},
		{
			{"Errors for some requests", "fouten bij een deel van de aanvragen", "erreurs sur une partie des requêtes", "Fehler bei einem Teil der Anfragen"},
			{"Intermittent errors", "af en toe fouten", "erreurs intermittentes", "zeitweise Fehler"},
			{"Elevated error rates", "verhoogd aantal fouten", "taux d'erreur élevé", "erhöhte Fehlerrate"},
		},
		{
			{"Unavailable", "niet beschikbaar", "indisponibilité", "nicht verfügbar"},
			{"Outage", "storing", "panne", "Ausfall"},
			{"Not reachable", "onbereikbaar", "service interrompu", "nicht erreichbar"},
		},
	},
	{ // background processing
		{
			{"Delays", "vertraging", "retards", "Verzögerungen"},
			{"Slower processing", "tragere verwerking", "traitement ralenti", "langsamere Verarbeitung"},
			{"Processing delayed", "verwerking vertraagd", "traitement retardé", "Verarbeitung verzögert"},
		},
		{
			{"Delays and failures", "vertraging en fouten", "retards et échecs", "Verzögerungen und Fehler"},
			{"Partly not processed", "deels niet verwerkt", "traitement partiel", "teilweise nicht verarbeitet"},
			{"Some items failing", "een deel mislukt", "échecs partiels", "teilweise Fehler"},
		},
		{
			{"Processing stopped", "verwerking stilgevallen", "traitement interrompu", "Verarbeitung gestoppt"},
			{"Outage", "storing", "panne", "Ausfall"},
			{"Not processed", "geen verwerking", "aucun traitement", "keine Verarbeitung"},
		},
	},
}

// symptoms[async][severity] describe the trouble as it happens (first update, ongoing summary).
var symptoms = [2][3]T{
	{
		{"{unit} take longer than usual; some take more than {secs} seconds.", "{unit} duren langer dan normaal; sommige duren meer dan {secs} seconden.", "Le temps de réponse des {unit} est plus long que d'habitude et dépasse parfois {secs} secondes.", "{unit} dauern länger als üblich, teils mehr als {secs} Sekunden."},
		{"About {pct} of {unit} fail with {err}.", "Ongeveer {pct} van de {unit} mislukt met {err}.", "Environ {pct} des {unit} échouent avec {err}.", "Etwa {pct} der {unit} schlagen mit {err} fehl."},
		{"All {unit} fail with {err}.", "Alle {unit} mislukken met {err}.", "L'ensemble des {unit} échoue avec {err}.", "Alle {unit} schlagen mit {err} fehl."},
	},
	{
		{"{unit} are delayed by about {mins} minutes.", "{unit} lopen ongeveer {mins} minuten vertraging op.", "Les {unit} accusent un retard d'environ {mins} minutes.", "{unit} sind um etwa {mins} Minuten verzögert."},
		{"Some {unit} fail and the rest are delayed by up to {mins} minutes.", "Een deel van de {unit} mislukt en de rest loopt tot {mins} minuten vertraging op.", "Une partie des {unit} échoue et le reste accuse jusqu'à {mins} minutes de retard.", "Ein Teil der {unit} schlägt fehl, der Rest ist bis zu {mins} Minuten verzögert."},
		{"No {unit} are being processed at the moment; processing has stopped since {t0}.", "Er worden op dit moment geen {unit} verwerkt; sinds {t0} staat de verwerking stil.", "Aucun traitement des {unit} n'a lieu pour le moment ; tout est à l'arrêt depuis {t0}.", "Derzeit werden keine {unit} verarbeitet; seit {t0} steht die Verarbeitung still."},
	},
}

// pasts[async][severity] describe the trouble afterwards; they follow frame.
var pasts = [2][3]T{
	{
		{"{unit} were slower than usual, with response times of up to {secs} seconds", "duurden {unit} langer dan normaal, met responstijden tot {secs} seconden", "le temps de réponse des {unit} a été plus long que d'habitude, jusqu'à {secs} secondes", "dauerten {unit} länger als üblich, mit Antwortzeiten von bis zu {secs} Sekunden"},
		{"about {pct} of {unit} failed with {err}", "mislukte ongeveer {pct} van de {unit} met {err}", "environ {pct} des {unit} ont échoué avec {err}", "schlugen etwa {pct} der {unit} mit {err} fehl"},
		{"all {unit} failed with {err}", "mislukten alle {unit} met {err}", "l'ensemble des {unit} a échoué avec {err}", "schlugen alle {unit} mit {err} fehl"},
	},
	{
		{"{unit} were delayed by up to {mins} minutes", "liepen {unit} tot {mins} minuten vertraging op", "les {unit} ont accusé jusqu'à {mins} minutes de retard", "waren {unit} um bis zu {mins} Minuten verzögert"},
		{"some {unit} failed and the rest were delayed by up to {mins} minutes", "mislukte een deel van de {unit} en liep de rest tot {mins} minuten vertraging op", "une partie des {unit} a échoué et le reste a accusé jusqu'à {mins} minutes de retard", "schlug ein Teil der {unit} fehl, und der Rest war um bis zu {mins} Minuten verzögert"},
		{"no {unit} were processed at all", "werden er helemaal geen {unit} verwerkt", "aucun traitement des {unit} n'a eu lieu", "wurden überhaupt keine {unit} verarbeitet"},
	},
}

// frame puts a past-tense description ({past}) in its time.
var frame = T{"On {date}, between {t0} and {t1}, {past}.", "Op {date} {past} (van {t0} tot {t1}).", "Le {date}, de {t0} à {t1}, {past}.", "Am {date} {past} (von {t0} bis {t1})."}

var requestErrors = []string{"`502 Bad Gateway`", "`503 Service Unavailable`", "`504 Gateway Timeout`", "`500 Internal Server Error`"}

type cause struct {
	id              string
	requests, async bool // suits request components, background components
	short           T    // one sentence: the cause, for summaries
	identified, fix T    // in the identified and monitoring updates
	event           T    // the timeline entry where it started
	eventBefore     bool // the event is at {tdeploy}, before the impact began
	detail          [3]T
	resolution      [2]T
	measures        [3]T
	err             string // the error customers saw, when the cause decides it
}

var causes = []cause{
	{id: "failover", requests: true, async: true,
		short:      T{"The cause was a database failover that part of our application servers did not follow.", "De oorzaak was een overschakeling van de database die een deel van onze applicatieservers niet volgde.", "La cause était une bascule de base de données qu'une partie de nos serveurs d'application n'a pas suivie.", "Ursache war eine Datenbank-Umschaltung, die ein Teil unserer Anwendungsserver nicht mitvollzogen hat."},
		identified: T{"The primary database behind {the} switched to its standby after a hardware fault, but some of our application servers are still connected to the old primary. We are moving them over.", "De primaire database achter {the} is na een hardwarestoring overgeschakeld naar de standby, maar een deel van onze applicatieservers is nog met de oude database verbonden. We zetten ze over.", "La base de données principale derrière {the} a basculé sur son serveur de secours après une panne matérielle, mais une partie de nos serveurs d'application reste connectée à l'ancienne. Nous les faisons basculer.", "Die primäre Datenbank hinter {the} ist nach einem Hardwaredefekt auf den Standby-Server umgeschaltet, doch ein Teil unserer Anwendungsserver ist noch mit dem alten Primärserver verbunden. Wir stellen sie um."},
		fix:        T{"All application servers now use the new primary database and the error rate is falling.", "Alle applicatieservers gebruiken nu de nieuwe primaire database en het aantal fouten daalt.", "Tous les serveurs d'application utilisent désormais la nouvelle base principale et le taux d'erreur diminue.", "Alle Anwendungsserver nutzen jetzt die neue primäre Datenbank, und die Fehlerrate sinkt."},
		event:      T{"A memory fault stops the primary database; the standby takes over.", "Een geheugenfout legt de primaire database stil; de standby neemt het over.", "Une erreur mémoire arrête la base principale ; le serveur de secours prend le relais.", "Ein Speicherfehler legt die primäre Datenbank lahm; der Standby-Server übernimmt."},
		detail: [3]T{
			{"A memory fault made the primary database server stop responding.", "Door een geheugenfout reageerde de primaire databaseserver niet meer.", "Une erreur mémoire a empêché le serveur de base de données principal de répondre.", "Wegen eines Speicherfehlers reagierte der primäre Datenbankserver nicht mehr."},
			{"The cluster promoted the standby within {fsecs} seconds, as designed, but the connection pools of our application servers kept the old address for much longer.", "Het cluster maakte de standby binnen {fsecs} seconden primair, zoals bedoeld, maar de connection pools van onze applicatieservers hielden het oude adres veel langer vast.", "Le cluster a promu le serveur de secours en {fsecs} secondes, comme prévu, mais les pools de connexions de nos serveurs d'application ont gardé l'ancienne adresse bien plus longtemps.", "Der Cluster hat den Standby-Server wie vorgesehen innerhalb von {fsecs} Sekunden zum Primärserver gemacht, doch die Verbindungspools unserer Anwendungsserver hielten die alte Adresse viel länger fest."},
			{"Work that had to save data therefore failed with `cannot execute UPDATE in a read-only transaction`.", "Verwerkingen die gegevens moesten opslaan, mislukten daardoor met `cannot execute UPDATE in a read-only transaction`.", "Les opérations qui devaient enregistrer des données ont donc échoué avec `cannot execute UPDATE in a read-only transaction`.", "Vorgänge, die Daten speichern mussten, schlugen deshalb mit `cannot execute UPDATE in a read-only transaction` fehl."},
		},
		resolution: [2]T{
			{"We restarted the affected application servers one by one, so that every server connected to the new primary database.", "We hebben de getroffen applicatieservers een voor een herstart, zodat elke server verbinding maakte met de nieuwe primaire database.", "Nous avons redémarré un par un les serveurs d'application concernés, afin que chacun se connecte à la nouvelle base principale.", "Wir haben die betroffenen Anwendungsserver nacheinander neu gestartet, sodass sich jeder Server mit der neuen primären Datenbank verband."},
			{"Afterwards we replaced the faulty memory module and built a new standby.", "Daarna hebben we de defecte geheugenmodule vervangen en een nieuwe standby opgebouwd.", "Nous avons ensuite remplacé la barrette mémoire défectueuse et reconstruit un serveur de secours.", "Anschließend haben wir das defekte Speichermodul getauscht und einen neuen Standby-Server aufgebaut."},
		},
		measures: [3]T{
			{"Application servers now look up the database address again after every failover instead of keeping it (`dns_ttl` is now 5 seconds).", "Applicatieservers zoeken het adres van de database na elke overschakeling opnieuw op in plaats van het te bewaren (`dns_ttl` is nu 5 seconden).", "Les serveurs d'application recherchent désormais l'adresse de la base après chaque bascule au lieu de la conserver (`dns_ttl` vaut maintenant 5 secondes).", "Anwendungsserver ermitteln die Datenbankadresse jetzt nach jeder Umschaltung neu, statt sie zu behalten (`dns_ttl` beträgt jetzt 5 Sekunden)."},
			{"We rehearse a database failover every month in our test environment, under realistic load.", "We oefenen elke maand een overschakeling van de database in onze testomgeving, onder realistische belasting.", "Nous répétons chaque mois une bascule de base de données dans notre environnement de test, sous une charge réaliste.", "Wir proben jeden Monat eine Datenbank-Umschaltung in unserer Testumgebung unter realistischer Last."},
			{"An alert now fires as soon as a server tries to write to a read-only database.", "Er gaat nu direct een alarm af zodra een server probeert te schrijven naar een database die alleen-lezen is.", "Une alerte se déclenche désormais dès qu'un serveur tente d'écrire dans une base en lecture seule.", "Ein Alarm wird jetzt ausgelöst, sobald ein Server in eine schreibgeschützte Datenbank zu schreiben versucht."},
		}},
	{id: "release", requests: true, async: true,
		short:       T{"The cause was a faulty release ({ver}), which we rolled back.", "De oorzaak was een foutieve release ({ver}), die we hebben teruggedraaid.", "La cause était une version défectueuse ({ver}), que nous avons annulée.", "Ursache war ein fehlerhaftes Release ({ver}), das wir zurückgenommen haben."},
		identified:  T{"The errors started with release {ver}, which we deployed at {tdeploy}. We are rolling it back.", "De fouten begonnen met release {ver}, die we om {tdeploy} hebben uitgerold. We draaien die nu terug.", "Les erreurs ont commencé avec la version {ver}, déployée à {tdeploy}. Nous sommes en train de l'annuler.", "Die Fehler begannen mit Release {ver}, das wir um {tdeploy} ausgerollt haben. Wir nehmen es gerade zurück."},
		fix:         T{"The previous release is back in place and the errors have stopped.", "De vorige release staat weer live en de fouten zijn gestopt.", "La version précédente est de nouveau en place et les erreurs ont cessé.", "Das vorherige Release ist wieder aktiv, und die Fehler haben aufgehört."},
		event:       T{"Release {ver} is deployed.", "Release {ver} wordt uitgerold.", "Déploiement de la version {ver}.", "Release {ver} wird ausgerollt."},
		eventBefore: true,
		detail: [3]T{
			{"Release {ver} changed how we read the settings of each account, to make pages load faster.", "Release {ver} veranderde de manier waarop we de instellingen van elk account inlezen, zodat pagina's sneller laden.", "La version {ver} modifiait la lecture des paramètres de chaque compte, afin d'accélérer le chargement des pages.", "Release {ver} änderte, wie wir die Einstellungen jedes Kontos einlesen, damit Seiten schneller laden."},
			{"For accounts created before 2021, one optional setting is empty, and the new code did not expect that: it stopped with `NullPointerException in AccountSettings.currency()`.", "Bij accounts van vóór 2021 is één optionele instelling leeg, en daar hield de nieuwe code geen rekening mee: die stopte met `NullPointerException in AccountSettings.currency()`.", "Pour les comptes créés avant 2021, un paramètre facultatif est vide, ce que le nouveau code n'avait pas prévu : il s'arrêtait avec `NullPointerException in AccountSettings.currency()`.", "Bei Konten, die vor 2021 angelegt wurden, ist eine optionale Einstellung leer, womit der neue Code nicht rechnete: Er brach mit `NullPointerException in AccountSettings.currency()` ab."},
			{"Our automated tests use recent test accounts only, so they did not catch the problem before the release.", "Onze automatische tests gebruiken alleen recente testaccounts en vingen het probleem daarom niet af vóór de release.", "Nos tests automatisés n'utilisent que des comptes de test récents et n'ont donc pas détecté le problème avant la mise en production.", "Unsere automatischen Tests verwenden nur neuere Testkonten und haben das Problem deshalb vor dem Release nicht erkannt."},
		},
		resolution: [2]T{
			{"We rolled back to the previous release, which took {rollback} minutes from the decision to the last server.", "We zijn teruggegaan naar de vorige release; dat duurde {rollback} minuten vanaf het besluit tot de laatste server.", "Nous sommes revenus à la version précédente, ce qui a pris {rollback} minutes entre la décision et le dernier serveur.", "Wir sind zum vorherigen Release zurückgekehrt; vom Entschluss bis zum letzten Server dauerte das {rollback} Minuten."},
			{"A corrected release that handles the empty setting went out two days later.", "Een verbeterde release die met de lege instelling overweg kan, ging twee dagen later live.", "Une version corrigée, qui gère le paramètre vide, a été déployée deux jours plus tard.", "Ein korrigiertes Release, das mit der leeren Einstellung umgehen kann, ging zwei Tage später live."},
		},
		measures: [3]T{
			{"Our test suite now includes a copy of old accounts with every optional setting left empty.", "Onze tests bevatten nu een kopie van oude accounts waarin elke optionele instelling leeg is.", "Notre suite de tests comprend désormais une copie d'anciens comptes dont tous les paramètres facultatifs sont vides.", "Unsere Testsuite enthält jetzt eine Kopie alter Konten, bei denen jede optionale Einstellung leer ist."},
			{"New releases first go to 5% of our servers for 30 minutes (a canary release) before they reach everyone.", "Nieuwe releases gaan eerst 30 minuten naar 5% van onze servers (een canary-release) voordat iedereen ze krijgt.", "Les nouvelles versions sont d'abord déployées sur 5\u00a0% de nos serveurs pendant 30 minutes (déploiement canari) avant d'être généralisées.", "Neue Releases laufen zuerst 30 Minuten lang auf 5\u00a0% unserer Server (Canary-Release), bevor sie alle erreichen."},
			{"Any engineer on call can now start a rollback with one command: `deploy rollback --to previous`.", "Elke engineer met dienst kan een rollback nu met één commando starten: `deploy rollback --to previous`.", "Tout ingénieur d'astreinte peut désormais lancer un retour arrière avec une seule commande : `deploy rollback --to previous`.", "Jeder diensthabende Techniker kann einen Rollback jetzt mit einem Befehl starten: `deploy rollback --to previous`."},
		}},
	{id: "certificate", requests: true, async: true,
		short:      T{"The cause was an expired TLS certificate on an internal service.", "De oorzaak was een verlopen TLS-certificaat op een interne dienst.", "La cause était un certificat TLS expiré sur un service interne.", "Ursache war ein abgelaufenes TLS-Zertifikat auf einem internen Dienst."},
		identified: T{"A security certificate used between our internal services expired at {t0}, so the connection behind {the} is refused. We are installing a new certificate.", "Een beveiligingscertificaat dat onze interne diensten onderling gebruiken, is om {t0} verlopen, waardoor de verbinding achter {the} wordt geweigerd. We installeren een nieuw certificaat.", "Un certificat de sécurité utilisé entre nos services internes a expiré à {t0} ; la connexion derrière {the} est donc refusée. Nous installons un nouveau certificat.", "Ein Sicherheitszertifikat, das unsere internen Dienste untereinander verwenden, ist um {t0} abgelaufen, daher wird die Verbindung hinter {the} abgelehnt. Wir installieren ein neues Zertifikat."},
		fix:        T{"A new certificate is in place and connections succeed again.", "Er staat een nieuw certificaat klaar en de verbindingen slagen weer.", "Un nouveau certificat est en place et les connexions aboutissent de nouveau.", "Ein neues Zertifikat ist installiert, und die Verbindungen funktionieren wieder."},
		event:      T{"The internal TLS certificate of the `ledger` service expires.", "Het interne TLS-certificaat van de dienst `ledger` verloopt.", "Le certificat TLS interne du service `ledger` expire.", "Das interne TLS-Zertifikat des Dienstes `ledger` läuft ab."},
		detail: [3]T{
			{"Our internal services identify each other with TLS certificates that we renew automatically every 60 days.", "Onze interne diensten herkennen elkaar aan TLS-certificaten die we elke 60 dagen automatisch vernieuwen.", "Nos services internes s'identifient entre eux avec des certificats TLS que nous renouvelons automatiquement tous les 60 jours.", "Unsere internen Dienste weisen sich gegenseitig mit TLS-Zertifikaten aus, die wir alle 60 Tage automatisch erneuern."},
			{"The certificate of the `ledger` service was issued by hand during a migration last year, so the renewal job did not know about it.", "Het certificaat van de dienst `ledger` was vorig jaar tijdens een migratie met de hand aangemaakt, waardoor de vernieuwingstaak er niet van wist.", "Le certificat du service `ledger` avait été émis à la main lors d'une migration l'an dernier ; la tâche de renouvellement ne le connaissait donc pas.", "Das Zertifikat des Dienstes `ledger` war im vergangenen Jahr während einer Migration von Hand ausgestellt worden, daher kannte der Erneuerungsjob es nicht."},
			{"When it expired, every service that talks to `ledger` refused the connection with `x509: certificate has expired or is not yet valid`.", "Toen het verliep, weigerde elke dienst die met `ledger` praat de verbinding met `x509: certificate has expired or is not yet valid`.", "À son expiration, chaque service qui communique avec `ledger` a refusé la connexion avec `x509: certificate has expired or is not yet valid`.", "Als es ablief, lehnte jeder Dienst, der mit `ledger` spricht, die Verbindung mit `x509: certificate has expired or is not yet valid` ab."},
		},
		resolution: [2]T{
			{"We issued a new certificate through our regular renewal process and reloaded the services without restarting them.", "We hebben via ons normale vernieuwingsproces een nieuw certificaat uitgegeven en de diensten opnieuw geladen zonder ze te herstarten.", "Nous avons émis un nouveau certificat via notre processus de renouvellement habituel et rechargé les services sans les redémarrer.", "Wir haben über unseren regulären Erneuerungsprozess ein neues Zertifikat ausgestellt und die Dienste ohne Neustart neu geladen."},
			{"Requests that failed in the meantime were not processed, so it is safe to repeat them.", "Aanvragen die in de tussentijd mislukten, zijn niet verwerkt; u kunt ze veilig opnieuw versturen.", "Les requêtes échouées entre-temps n'ont pas été traitées ; vous pouvez les renvoyer sans risque.", "Anfragen, die in der Zwischenzeit fehlschlugen, wurden nicht verarbeitet; Sie können sie gefahrlos wiederholen."},
		},
		measures: [3]T{
			{"Every certificate in use is now listed in one inventory, whether it was issued automatically or by hand.", "Elk certificaat dat in gebruik is, staat nu in één overzicht, of het nu automatisch of met de hand is uitgegeven.", "Tous les certificats utilisés figurent désormais dans un inventaire unique, qu'ils aient été émis automatiquement ou à la main.", "Jedes verwendete Zertifikat steht jetzt in einem zentralen Verzeichnis, egal ob es automatisch oder von Hand ausgestellt wurde."},
			{"We are alerted 21 days before any certificate expires, and again every day after that.", "We krijgen 21 dagen voordat een certificaat verloopt een waarschuwing, en daarna elke dag opnieuw.", "Nous recevons une alerte 21 jours avant l'expiration de tout certificat, puis chaque jour ensuite.", "Wir werden 21 Tage vor dem Ablauf eines Zertifikats gewarnt und danach jeden Tag erneut."},
			{"Certificates can no longer be issued by hand in production.", "In productie kunnen certificaten niet meer met de hand worden uitgegeven.", "Il n'est plus possible d'émettre des certificats à la main en production.", "In der Produktion lassen sich Zertifikate nicht mehr von Hand ausstellen."},
		}},
	{id: "network", requests: true, async: true,
		short:      T{"The cause was packet loss on a network link between two of our data centres.", "De oorzaak was pakketverlies op een netwerkverbinding tussen twee van onze datacenters.", "La cause était une perte de paquets sur une liaison réseau entre deux de nos centres de données.", "Ursache war Paketverlust auf einer Netzwerkverbindung zwischen zwei unserer Rechenzentren."},
		identified: T{"A network link between our data centres {dc1} and {dc2} is dropping part of its traffic. We are routing traffic around it and have asked our network provider to repair it.", "Een netwerkverbinding tussen onze datacenters {dc1} en {dc2} laat een deel van het verkeer vallen. We leiden het verkeer eromheen en hebben onze netwerkleverancier gevraagd de verbinding te herstellen.", "Une liaison réseau entre nos centres de données {dc1} et {dc2} perd une partie du trafic. Nous faisons passer le trafic par un autre chemin et avons demandé à notre opérateur de la réparer.", "Eine Netzwerkverbindung zwischen unseren Rechenzentren {dc1} und {dc2} verliert einen Teil des Datenverkehrs. Wir leiten den Verkehr um und haben unseren Netzwerkanbieter um eine Reparatur gebeten."},
		fix:        T{"All traffic now takes the backup route and the errors have stopped; responses may be a little slower until the link is repaired.", "Al het verkeer loopt nu via de reserveroute en de fouten zijn gestopt; tot de verbinding is hersteld, kunnen reacties iets trager zijn.", "Tout le trafic passe désormais par la route de secours et les erreurs ont cessé ; les réponses peuvent être un peu plus lentes jusqu'à la réparation.", "Der gesamte Verkehr läuft jetzt über die Ausweichroute, und die Fehler haben aufgehört; bis zur Reparatur können Antworten etwas langsamer sein."},
		event:      T{"Packet loss starts on the link between {dc1} and {dc2}.", "Pakketverlies begint op de verbinding tussen {dc1} en {dc2}.", "Début de la perte de paquets sur la liaison entre {dc1} et {dc2}.", "Paketverlust auf der Verbindung zwischen {dc1} und {dc2} beginnt."},
		detail: [3]T{
			{"Our platform runs in two data centres, {dc1} and {dc2}, joined by two redundant fibre links from different providers.", "Ons platform draait in twee datacenters, {dc1} en {dc2}, die met twee redundante glasvezelverbindingen van verschillende leveranciers zijn verbonden.", "Notre plateforme fonctionne dans deux centres de données, {dc1} et {dc2}, reliés par deux liaisons en fibre redondantes de fournisseurs différents.", "Unsere Plattform läuft in zwei Rechenzentren, {dc1} und {dc2}, die über zwei redundante Glasfaserstrecken verschiedener Anbieter verbunden sind."},
			{"A faulty optical module on one link began to drop about {loss} of all packets without taking the link down, so our routers kept sending traffic over it.", "Een defecte optische module op een van de verbindingen liet ongeveer {loss} van alle pakketten vallen zonder dat de verbinding uitviel, dus onze routers bleven er verkeer overheen sturen.", "Un module optique défectueux sur l'une des liaisons a commencé à perdre environ {loss} des paquets sans couper la liaison ; nos routeurs ont donc continué à l'utiliser.", "Ein defektes optisches Modul auf einer Strecke verwarf etwa {loss} aller Pakete, ohne dass die Verbindung ausfiel, sodass unsere Router weiter Verkehr darüber schickten."},
			{"Connections that crossed that link timed out, which our load balancers reported as {err}.", "Verbindingen over die lijn liepen in een time-out, wat onze loadbalancers meldden als {err}.", "Les connexions empruntant cette liaison expiraient, ce que nos répartiteurs de charge signalaient par {err}.", "Verbindungen über diese Strecke liefen in einen Timeout, den unsere Load Balancer als {err} meldeten."},
		},
		resolution: [2]T{
			{"We took the faulty link out of service, after which all traffic used the second link.", "We hebben de defecte verbinding uit gebruik genomen, waarna al het verkeer via de tweede verbinding liep.", "Nous avons mis la liaison défectueuse hors service ; tout le trafic est alors passé par la seconde liaison.", "Wir haben die defekte Strecke außer Betrieb genommen, danach lief der gesamte Verkehr über die zweite Strecke."},
			{"The provider replaced the optical module the same evening, and we put the link back into service after a night of testing.", "De leverancier verving de optische module dezelfde avond; na een nacht testen hebben we de verbinding weer in gebruik genomen.", "L'opérateur a remplacé le module optique le soir même, et nous avons remis la liaison en service après une nuit de tests.", "Der Anbieter hat das optische Modul noch am selben Abend ersetzt, und nach einer Testnacht haben wir die Strecke wieder in Betrieb genommen."},
		},
		measures: [3]T{
			{"Our routers now take a link out of service automatically when it loses more than 0.5% of packets.", "Onze routers nemen een verbinding nu automatisch uit gebruik als die meer dan 0,5% van de pakketten verliest.", "Nos routeurs mettent désormais automatiquement hors service une liaison qui perd plus de 0,5\u00a0% des paquets.", "Unsere Router nehmen eine Strecke jetzt automatisch außer Betrieb, wenn sie mehr als 0,5\u00a0% der Pakete verliert."},
			{"We measure packet loss between the data centres every ten seconds instead of every five minutes.", "We meten het pakketverlies tussen de datacenters nu elke tien seconden in plaats van elke vijf minuten.", "Nous mesurons la perte de paquets entre les centres de données toutes les dix secondes au lieu de toutes les cinq minutes.", "Wir messen den Paketverlust zwischen den Rechenzentren jetzt alle zehn Sekunden statt alle fünf Minuten."},
			{"We are adding a third link, through a different building, so that one faulty link never leaves us without a spare.", "We voegen een derde verbinding toe, via een ander gebouw, zodat één defecte verbinding ons nooit zonder reserve laat.", "Nous ajoutons une troisième liaison, passant par un autre bâtiment, pour qu'une liaison défectueuse ne nous laisse jamais sans secours.", "Wir ergänzen eine dritte Strecke durch ein anderes Gebäude, damit uns eine defekte Strecke nie ohne Reserve lässt."},
		}},
	{id: "provider", requests: true, async: true,
		short:      T{"The cause was an outage at {provider}.", "De oorzaak was een storing bij {provider}.", "La cause était une panne chez {provider}.", "Ursache war eine Störung bei {provider}."},
		identified: T{"The problem lies with {provider}, which is having an outage of its own. We are in contact with them and retry what fails.", "Het probleem ligt bij {provider}, waar zelf een storing is. We staan met hen in contact en proberen mislukte verwerkingen opnieuw.", "Le problème vient de {provider}, qui subit lui-même une panne. Nous sommes en contact avec lui et relançons ce qui échoue.", "Das Problem liegt bei {provider}; dort gibt es eine eigene Störung. Wir stehen in Kontakt und wiederholen fehlgeschlagene Vorgänge."},
		fix:        T{"The fault at {provider} has been fixed, and we are processing everything that failed or was delayed.", "De storing bij {provider} is verholpen en we verwerken nu alles wat mislukte of vertraagd was.", "La panne chez {provider} est réparée, et nous traitons tout ce qui a échoué ou pris du retard.", "Die Störung bei {provider} ist behoben, und wir verarbeiten alles, was fehlgeschlagen ist oder sich verzögert hat."},
		event:      T{"Errors start at {provider}.", "Bij {provider} beginnen de fouten.", "Début des erreurs chez {provider}.", "Bei {provider} beginnen die Fehler."},
		detail: [3]T{
			{"For {the} we work with {provider}, like most companies in our field.", "Voor {the} werken we samen met {provider}, zoals de meeste bedrijven in onze branche.", "Pour {the}, nous travaillons avec {provider}, comme la plupart des entreprises de notre secteur.", "Bei {the} arbeiten wir mit {provider} zusammen, wie die meisten Unternehmen unserer Branche."},
			{"During the incident, {provider} answered {share} of our calls with errors or not at all, because of a problem in their own systems.", "Tijdens de storing beantwoordde {provider} {share} van onze aanroepen met een fout of helemaal niet, door een probleem in de eigen systemen.", "Pendant l'incident, {provider} a répondu à {share} de nos appels par une erreur ou pas du tout, à cause d'un problème dans ses propres systèmes.", "Während der Störung erhielten wir von {provider} auf {share} unserer Anfragen eine Fehlermeldung oder gar keine Antwort; die Ursache lag in den Systemen des Anbieters."},
			{"Our own systems kept working normally and queued what could not be completed, but customers saw {err} for the affected calls.", "Onze eigen systemen bleven normaal werken en zetten wat niet kon worden afgerond in een wachtrij, maar klanten zagen {err} bij de getroffen aanroepen.", "Nos propres systèmes ont continué de fonctionner normalement et ont mis en file d'attente ce qui ne pouvait aboutir, mais les clients ont reçu {err} pour les appels concernés.", "Unsere eigenen Systeme arbeiteten normal weiter und stellten zurück, was nicht abgeschlossen werden konnte, doch Kunden erhielten bei den betroffenen Aufrufen {err}."},
		},
		resolution: [2]T{
			{"Once {provider} had fixed the fault, we replayed every queued item in the order it arrived.", "Nadat {provider} de storing had verholpen, hebben we alles uit de wachtrij verwerkt in de volgorde waarin het binnenkwam.", "Une fois la panne réparée chez {provider}, nous avons rejoué chaque élément en file d'attente dans son ordre d'arrivée.", "Nachdem die Störung bei {provider} behoben war, haben wir alle zurückgestellten Vorgänge in der Reihenfolge ihres Eingangs verarbeitet."},
			{"Nothing was lost and nothing was processed twice.", "Er is niets verloren gegaan en niets dubbel verwerkt.", "Rien n'a été perdu et rien n'a été traité deux fois.", "Nichts ging verloren, und nichts wurde doppelt verarbeitet."},
		},
		measures: [3]T{
			{"We are adding a second provider, so that traffic can be switched over when one of them has an outage.", "We voegen een tweede leverancier toe, zodat we het verkeer kunnen omleiden als een van beide een storing heeft.", "Nous ajoutons un second fournisseur afin de pouvoir basculer le trafic lorsque l'un d'eux est en panne.", "Wir binden einen zweiten Anbieter an, damit wir den Verkehr umschalten können, wenn einer von beiden ausfällt."},
			{"This status page now shows an incident within five minutes when a provider's error rate rises, before we know the cause.", "Deze statuspagina toont nu binnen vijf minuten een storing als het foutpercentage bij een leverancier stijgt, nog voordat we de oorzaak kennen.", "Cette page d'état affiche désormais un incident dans les cinq minutes lorsque le taux d'erreur d'un fournisseur augmente, avant même que nous en connaissions la cause.", "Diese Statusseite zeigt jetzt innerhalb von fünf Minuten eine Störung an, wenn die Fehlerrate bei einem Anbieter steigt, noch bevor wir die Ursache kennen."},
			{"We have agreed with {provider} that their incident notices reach our on-call channel directly.", "We hebben met {provider} afgesproken dat hun storingsmeldingen direct in ons piketkanaal binnenkomen.", "Nous avons convenu avec {provider} que ses avis d'incident arrivent directement dans notre canal d'astreinte.", "Wir haben mit {provider} vereinbart, dass die Störungsmeldungen des Anbieters direkt in unserem Bereitschaftskanal eingehen."},
		}},
	{id: "queue", async: true,
		short:      T{"The cause was a single malformed message that stopped the processing queue.", "De oorzaak was één onjuist opgemaakt bericht dat de verwerkingswachtrij blokkeerde.", "La cause était un message mal formé qui a bloqué la file de traitement.", "Ursache war eine einzelne fehlerhafte Nachricht, die die Verarbeitungswarteschlange blockiert hat."},
		identified: T{"One malformed message makes the workers behind {the} crash, so the queue is not moving. We are setting that message aside.", "Eén onjuist opgemaakt bericht laat de verwerkers achter {the} vastlopen, waardoor de wachtrij stilstaat. We zetten dat bericht apart.", "Un message mal formé fait planter les processus de traitement derrière {the}, et la file n'avance plus. Nous mettons ce message de côté.", "Eine einzelne fehlerhafte Nachricht bringt die Verarbeitungsprozesse hinter {the} zum Absturz, sodass die Warteschlange stillsteht. Wir legen diese Nachricht beiseite."},
		fix:        T{"The queue is moving again and the backlog of {backlog} items is being processed; we expect to catch up within {catchup} minutes.", "De wachtrij loopt weer en de achterstand van {backlog} items wordt verwerkt; we verwachten die binnen {catchup} minuten in te halen.", "La file avance de nouveau et les {backlog} éléments en attente sont en cours de traitement ; nous prévoyons de résorber le retard en {catchup} minutes.", "Die Warteschlange läuft wieder, und der Rückstau von {backlog} Einträgen wird abgearbeitet; wir rechnen damit, ihn innerhalb von {catchup} Minuten aufzuholen."},
		event:      T{"A malformed message reaches the queue; the workers start to crash.", "Een onjuist opgemaakt bericht komt in de wachtrij; de verwerkers lopen vast.", "Un message mal formé arrive dans la file ; les processus de traitement plantent.", "Eine fehlerhafte Nachricht erreicht die Warteschlange; die Verarbeitungsprozesse stürzen ab."},
		detail: [3]T{
			{"Work for {the} goes through a queue that several workers read in order.", "Het werk voor {the} loopt via een wachtrij die door meerdere verwerkers op volgorde wordt gelezen.", "Le travail pour {the} passe par une file que plusieurs processus lisent dans l'ordre.", "Die Arbeit bei {the} läuft über eine Warteschlange, die mehrere Prozesse der Reihe nach abarbeiten."},
			{"A message with an invoice amount of more than 2^31 cents could not be read, and each worker that picked it up crashed with `integer overflow in field amount_cents`.", "Een bericht met een factuurbedrag van meer dan 2^31 cent kon niet worden gelezen, en elke verwerker die het oppakte, liep vast met `integer overflow in field amount_cents`.", "Un message contenant un montant de facture supérieur à 2^31 centimes ne pouvait pas être lu, et chaque processus qui le prenait plantait avec `integer overflow in field amount_cents`.", "Eine Nachricht mit einem Rechnungsbetrag von mehr als 2^31 Cent ließ sich nicht lesen, und jeder Prozess, der sie aufnahm, stürzte mit `integer overflow in field amount_cents` ab."},
			{"Because the message went back to the front of the queue after every crash, nothing behind it was processed.", "Omdat het bericht na elke crash weer vooraan in de wachtrij kwam, werd niets daarachter verwerkt.", "Comme le message revenait en tête de file après chaque plantage, rien de ce qui le suivait n'était traité.", "Da die Nachricht nach jedem Absturz wieder an den Anfang der Warteschlange kam, wurde nichts dahinter verarbeitet."},
		},
		resolution: [2]T{
			{"We moved the message to a separate queue for inspection, after which the workers processed the backlog of {backlog} items in {catchup} minutes.", "We hebben het bericht naar een aparte wachtrij verplaatst voor onderzoek, waarna de verwerkers de achterstand van {backlog} items in {catchup} minuten hebben weggewerkt.", "Nous avons déplacé le message vers une file séparée pour l'examiner ; les processus ont ensuite traité les {backlog} éléments en attente en {catchup} minutes.", "Wir haben die Nachricht zur Untersuchung in eine separate Warteschlange verschoben; danach arbeiteten die Prozesse den Rückstau von {backlog} Einträgen in {catchup} Minuten ab."},
			{"The invoice in question was valid; we processed it by hand once the fix was out.", "De betreffende factuur was geldig; we hebben die met de hand verwerkt zodra de correctie live stond.", "La facture en question était valide ; nous l'avons traitée à la main une fois le correctif déployé.", "Die betreffende Rechnung war gültig; wir haben sie von Hand verarbeitet, sobald die Korrektur live war."},
		},
		measures: [3]T{
			{"A message that makes a worker crash three times is now moved to a separate queue automatically (a dead-letter queue).", "Een bericht dat een verwerker drie keer laat vastlopen, gaat nu automatisch naar een aparte wachtrij (een dead-letter queue).", "Un message qui fait planter un processus trois fois est désormais déplacé automatiquement vers une file séparée (dead-letter queue).", "Eine Nachricht, die einen Prozess dreimal abstürzen lässt, wird jetzt automatisch in eine separate Warteschlange verschoben (Dead-Letter-Queue)."},
			{"Amounts are now stored as 64-bit numbers everywhere in the processing chain.", "Bedragen worden nu in de hele verwerkingsketen als 64-bitsgetallen opgeslagen.", "Les montants sont désormais stockés sur 64 bits dans toute la chaîne de traitement.", "Beträge werden jetzt in der gesamten Verarbeitungskette als 64-Bit-Zahlen gespeichert."},
			{"We are alerted when the oldest message in any queue is more than five minutes old.", "We krijgen een waarschuwing als het oudste bericht in een wachtrij meer dan vijf minuten oud is.", "Nous sommes alertés lorsque le plus ancien message d'une file a plus de cinq minutes.", "Wir werden gewarnt, wenn die älteste Nachricht in einer Warteschlange älter als fünf Minuten ist."},
		}},
	{id: "capacity", requests: true,
		short:      T{"The cause was a traffic peak that our automatic scaling did not keep up with.", "De oorzaak was een verkeerspiek die onze automatische opschaling niet kon bijhouden.", "La cause était un pic de trafic que notre mise à l'échelle automatique n'a pas su suivre.", "Ursache war eine Lastspitze, mit der unsere automatische Skalierung nicht Schritt hielt."},
		identified: T{"Traffic to {the} is {factor} times higher than usual, and our servers are at their limit. We are adding capacity.", "Het verkeer naar {the} is {factor} keer zo hoog als normaal en onze servers zitten aan hun limiet. We breiden de capaciteit uit.", "Le trafic vers {the} est {factor} fois plus élevé que d'habitude et nos serveurs sont à leur limite. Nous ajoutons de la capacité.", "Der Verkehr bei {the} ist {factor}-mal so hoch wie üblich, und unsere Server sind am Limit. Wir erweitern die Kapazität."},
		fix:        T{"Extra servers are running and response times are back to normal.", "Er draaien extra servers en de responstijden zijn weer normaal.", "Des serveurs supplémentaires tournent et les temps de réponse sont revenus à la normale.", "Zusätzliche Server laufen, und die Antwortzeiten sind wieder normal."},
		event:      T{"Traffic starts to rise sharply; automatic scaling reaches its upper limit.", "Het verkeer stijgt snel; de automatische opschaling bereikt haar bovengrens.", "Le trafic augmente fortement ; la mise à l'échelle automatique atteint sa limite haute.", "Der Verkehr steigt stark an; die automatische Skalierung erreicht ihre Obergrenze."},
		detail: [3]T{
			{"At the end of the month many customers send their invoices at the same time, and this time traffic rose to {factor} times the usual level within a few minutes.", "Aan het eind van de maand versturen veel klanten tegelijk hun facturen, en deze keer steeg het verkeer binnen enkele minuten tot {factor} keer het normale niveau.", "En fin de mois, de nombreux clients envoient leurs factures en même temps, et cette fois le trafic a atteint {factor} fois son niveau habituel en quelques minutes.", "Zum Monatsende verschicken viele Kunden ihre Rechnungen gleichzeitig, und diesmal stieg der Verkehr innerhalb weniger Minuten auf das {factor}-Fache des üblichen Niveaus."},
			{"Our automatic scaling adds servers as load grows, but it had an upper limit of {max} servers that we set two years ago and never raised.", "Onze automatische opschaling voegt servers toe als de belasting groeit, maar had een bovengrens van {max} servers die we twee jaar geleden hebben ingesteld en nooit hebben verhoogd.", "Notre mise à l'échelle automatique ajoute des serveurs quand la charge augmente, mais elle était plafonnée à {max} serveurs, une limite fixée il y a deux ans et jamais relevée.", "Unsere automatische Skalierung fügt bei steigender Last Server hinzu, war aber auf {max} Server begrenzt, eine Grenze, die wir vor zwei Jahren gesetzt und nie angehoben haben."},
			{"Once that limit was reached, requests waited in line and many timed out with {err}.", "Toen die grens was bereikt, kwamen aanvragen in een rij te staan en liepen er veel in een time-out met {err}.", "Une fois cette limite atteinte, les requêtes ont fait la queue et beaucoup ont expiré avec {err}.", "Als diese Grenze erreicht war, stauten sich die Anfragen, und viele liefen mit {err} in einen Timeout."},
		},
		resolution: [2]T{
			{"We raised the limit to {max2} servers by hand; the new servers took traffic within a few minutes.", "We hebben de grens met de hand verhoogd naar {max2} servers; de nieuwe servers namen binnen enkele minuten verkeer over.", "Nous avons relevé la limite à {max2} serveurs à la main ; les nouveaux serveurs ont pris du trafic en quelques minutes.", "Wir haben die Grenze von Hand auf {max2} Server angehoben; die neuen Server übernahmen binnen weniger Minuten Verkehr."},
			{"Requests that timed out were not processed and can be sent again safely.", "Aanvragen die in een time-out liepen, zijn niet verwerkt en kunnen veilig opnieuw worden verstuurd.", "Les requêtes expirées n'ont pas été traitées et peuvent être renvoyées sans risque.", "Anfragen mit Timeout wurden nicht verarbeitet und können gefahrlos erneut gesendet werden."},
		},
		measures: [3]T{
			{"The upper limit of automatic scaling is now reviewed every quarter against our growth.", "De bovengrens van de automatische opschaling wordt nu elk kwartaal getoetst aan onze groei.", "La limite haute de la mise à l'échelle automatique est désormais revue chaque trimestre au regard de notre croissance.", "Die Obergrenze der automatischen Skalierung wird jetzt jedes Quartal anhand unseres Wachstums überprüft."},
			{"Before the end of each month we start extra servers in advance, instead of waiting for the load.", "Voor het einde van elke maand starten we vooraf extra servers, in plaats van te wachten op de drukte.", "Avant chaque fin de mois, nous démarrons des serveurs supplémentaires à l'avance au lieu d'attendre la charge.", "Vor jedem Monatsende starten wir vorab zusätzliche Server, statt auf die Last zu warten."},
			{"We are alerted when automatic scaling reaches 80% of its limit.", "We krijgen een waarschuwing wanneer de automatische opschaling 80% van haar grens bereikt.", "Nous sommes alertés lorsque la mise à l'échelle automatique atteint 80\u00a0% de sa limite.", "Wir werden gewarnt, wenn die automatische Skalierung 80\u00a0% ihrer Grenze erreicht."},
		}},
	{id: "config", requests: true, err: "`429 Too Many Requests`",
		short:       T{"The cause was a configuration change to our load balancers that blocked legitimate traffic.", "De oorzaak was een configuratiewijziging aan onze loadbalancers die legitiem verkeer blokkeerde.", "La cause était une modification de configuration de nos répartiteurs de charge qui bloquait du trafic légitime.", "Ursache war eine Konfigurationsänderung an unseren Load Balancern, die legitimen Verkehr blockierte."},
		identified:  T{"A configuration change to our load balancers, made at {tdeploy}, is rejecting part of the traffic for {the}. We are reverting it.", "Een configuratiewijziging aan onze loadbalancers van {tdeploy} weigert een deel van het verkeer voor {the}. We draaien die terug.", "Une modification de configuration de nos répartiteurs de charge, faite à {tdeploy}, rejette une partie du trafic pour {the}. Nous l'annulons.", "Eine Konfigurationsänderung an unseren Load Balancern von {tdeploy} weist einen Teil des Verkehrs bei {the} ab. Wir nehmen sie zurück."},
		fix:         T{"The previous configuration is back and traffic is accepted normally.", "De vorige configuratie is teruggezet en het verkeer wordt weer normaal geaccepteerd.", "La configuration précédente est rétablie et le trafic est de nouveau accepté normalement.", "Die vorherige Konfiguration ist wiederhergestellt, und der Verkehr wird wieder normal angenommen."},
		event:       T{"A new rate-limit rule is rolled out to the load balancers.", "Een nieuwe regel voor rate limiting wordt uitgerold op de loadbalancers.", "Une nouvelle règle de limitation de débit est déployée sur les répartiteurs de charge.", "Eine neue Rate-Limit-Regel wird auf den Load Balancern ausgerollt."},
		eventBefore: true,
		detail: [3]T{
			{"To protect the platform against abuse, our load balancers limit how many requests one IP address may send per minute.", "Om het platform tegen misbruik te beschermen, beperken onze loadbalancers hoeveel aanvragen één IP-adres per minuut mag versturen.", "Pour protéger la plateforme contre les abus, nos répartiteurs de charge limitent le nombre de requêtes qu'une adresse IP peut envoyer par minute.", "Zum Schutz der Plattform vor Missbrauch begrenzen unsere Load Balancer, wie viele Anfragen eine IP-Adresse pro Minute senden darf."},
			{"A change meant to tighten that limit for one endpoint applied it to all of them, at {limit} requests per minute instead of {limit2}.", "Een wijziging die de grens voor één endpoint moest aanscherpen, gold per ongeluk voor alle endpoints: {limit} aanvragen per minuut in plaats van {limit2}.", "Une modification censée resserrer cette limite pour un seul point d'accès l'a appliquée à tous, à {limit} requêtes par minute au lieu de {limit2}.", "Eine Änderung, die die Grenze für einen Endpunkt verschärfen sollte, galt versehentlich für alle, mit {limit} statt {limit2} Anfragen pro Minute."},
			{"Customers who send many requests from one address, such as accounting integrations and large shops, received `429 Too Many Requests`.", "Klanten die veel aanvragen vanaf één adres versturen, zoals boekhoudkoppelingen en grote webwinkels, kregen `429 Too Many Requests`.", "Les clients qui envoient beaucoup de requêtes depuis une même adresse, comme les intégrations comptables et les grandes boutiques, ont reçu `429 Too Many Requests`.", "Kunden, die viele Anfragen von einer Adresse senden, etwa Buchhaltungsintegrationen und große Shops, erhielten `429 Too Many Requests`."},
		},
		resolution: [2]T{
			{"We restored the previous configuration on all load balancers, which took effect within a minute.", "We hebben op alle loadbalancers de vorige configuratie teruggezet; dat werkte binnen een minuut.", "Nous avons rétabli la configuration précédente sur tous les répartiteurs de charge, ce qui a pris effet en moins d'une minute.", "Wir haben auf allen Load Balancern die vorherige Konfiguration wiederhergestellt; das wirkte innerhalb einer Minute."},
			{"The stricter limit for the one endpoint went live a week later, after review.", "De strengere grens voor dat ene endpoint ging een week later live, na een review.", "La limite plus stricte pour ce seul point d'accès a été mise en place une semaine plus tard, après relecture.", "Die strengere Grenze für den einen Endpunkt ging eine Woche später nach einer Prüfung live."},
		},
		measures: [3]T{
			{"Load balancer changes now go to one location first and are checked against live traffic before they are rolled out further.", "Wijzigingen aan de loadbalancers gaan nu eerst naar één locatie en worden aan live verkeer getoetst voordat ze verder worden uitgerold.", "Les modifications des répartiteurs de charge sont désormais appliquées d'abord à un seul site et vérifiées sur le trafic réel avant d'être étendues.", "Änderungen an den Load Balancern gehen jetzt zuerst an einen Standort und werden am Live-Verkehr geprüft, bevor sie weiter ausgerollt werden."},
			{"Every configuration change needs a second engineer's review, including small ones.", "Elke configuratiewijziging heeft nu de review van een tweede engineer nodig, ook kleine wijzigingen.", "Toute modification de configuration doit désormais être relue par un second ingénieur, même minime.", "Jede Konfigurationsänderung braucht jetzt die Prüfung durch einen zweiten Techniker, auch kleine."},
			{"An alert fires when the share of `429` answers doubles within five minutes.", "Er gaat een alarm af als het aandeel `429`-antwoorden binnen vijf minuten verdubbelt.", "Une alerte se déclenche si la part de réponses `429` double en cinq minutes.", "Ein Alarm wird ausgelöst, wenn sich der Anteil der `429`-Antworten innerhalb von fünf Minuten verdoppelt."},
		}},
}

// Sentences of the incident timeline (updates).
var (
	alsoAffects = T{"This also affects {the2}.", "Dit raakt ook {the2}.", "Cela touche aussi {the2}.", "Auswirkungen gibt es auch bei {the2}."}
	escalates   = T{"The problem has grown and now affects more traffic.", "Het probleem is groter geworden en raakt nu meer verkeer.", "Le problème s'est aggravé et touche désormais davantage de trafic.", "Das Problem hat sich ausgeweitet und betrifft jetzt mehr Verkehr."}
	workingOnIt = T{"We are working on a fix.", "We werken aan een oplossing.", "Nous travaillons à une solution.", "Wir arbeiten an einer Lösung."}

	investigating = []T{
		{"We are investigating.", "We onderzoeken het probleem.", "Nous enquêtons.", "Wir untersuchen das Problem."},
		{"Our engineers are looking into the cause.", "Onze engineers zoeken naar de oorzaak.", "Nos ingénieurs recherchent la cause.", "Unsere Techniker suchen nach der Ursache."},
		{"We are investigating and will post an update within 30 minutes.", "We onderzoeken het probleem en melden ons binnen 30 minuten opnieuw.", "Nous analysons le problème et publierons une mise à jour d'ici 30 minutes.", "Wir untersuchen das Problem und melden uns innerhalb von 30 Minuten wieder."},
		{"We are working to find the cause.", "We werken eraan de oorzaak te vinden.", "Nous travaillons à identifier la cause.", "Wir arbeiten daran, die Ursache zu finden."},
	}
	stillInvestigating = []T{
		{"We are still investigating; other services are working normally.", "We zijn nog aan het onderzoeken; andere diensten werken normaal.", "Nos recherches se poursuivent ; les autres services fonctionnent normalement.", "Wir untersuchen das Problem weiterhin; andere Dienste funktionieren normal."},
		{"More engineers have joined the investigation. We will post again within 30 minutes.", "Er zijn meer engineers bij het onderzoek betrokken. We melden ons binnen 30 minuten opnieuw.", "D'autres ingénieurs ont rejoint l'enquête. Nous publierons une nouvelle mise à jour d'ici 30 minutes.", "Weitere Techniker unterstützen die Untersuchung. Wir melden uns innerhalb von 30 Minuten wieder."},
		{"Our investigation continues. We have ruled out a problem with our network.", "Ons onderzoek gaat door. Een probleem met ons netwerk hebben we uitgesloten.", "Notre enquête continue. Nous avons écarté un problème de réseau.", "Unsere Untersuchung läuft weiter. Ein Netzwerkproblem haben wir ausgeschlossen."},
	}
	nextUpdate      = T{"We will post an update within the hour.", "Binnen een uur volgt een nieuwe update.", "Nous publierons une mise à jour dans l'heure.", "Innerhalb einer Stunde folgt ein Update."}
	stillIdentified = []T{
		{"The work is taking longer than we hoped; we now expect to finish in about {eta} minutes.", "Het werk duurt langer dan we hoopten; we verwachten nu over ongeveer {eta} minuten klaar te zijn.", "L'opération prend plus de temps que prévu ; nous pensons maintenant terminer dans environ {eta} minutes.", "Die Arbeiten dauern länger als erhofft; wir rechnen jetzt mit etwa {eta} Minuten."},
		{"We are making progress: part of the traffic is already handled normally again.", "We boeken vooruitgang: een deel van het verkeer wordt al weer normaal afgehandeld.", "Nous progressons : une partie du trafic est déjà de nouveau traitée normalement.", "Wir kommen voran: Ein Teil des Verkehrs wird bereits wieder normal verarbeitet."},
	}
	monitoring = []T{
		{"We are monitoring the situation closely.", "We houden de situatie nauwlettend in de gaten.", "Nous surveillons la situation de près.", "Wir beobachten die Lage genau."},
		{"We will keep monitoring for the next hour before we close this incident.", "We blijven het komend uur monitoren voordat we deze storing afsluiten.", "Nous restons attentifs pendant l'heure qui vient avant de clore cet incident.", "Wir beobachten die Lage noch eine Stunde, bevor wir diese Störung schließen."},
	}
	stillMonitoring = T{"Error rates have stayed at their normal level for 30 minutes. We keep monitoring.", "Het foutpercentage is al 30 minuten op het normale niveau. We blijven monitoren.", "Le taux d'erreur est revenu à son niveau normal depuis 30 minutes. Nous restons attentifs.", "Die Fehlerrate liegt seit 30 Minuten auf normalem Niveau. Wir beobachten weiter."}
	// advice[async] follows the fix.
	advice = [2]T{
		{"Requests that failed can be sent again safely; see our guide on [retries and idempotency]({docsRetry}).", "Mislukte aanvragen kunt u veilig opnieuw versturen; lees onze uitleg over [opnieuw proberen en idempotentie]({docsRetry}).", "Vous pouvez renvoyer sans risque les requêtes échouées ; consultez notre guide sur [les nouvelles tentatives et l'idempotence]({docsRetry}).", "Fehlgeschlagene Anfragen können Sie gefahrlos wiederholen; mehr dazu in unserer Anleitung zu [Wiederholungen und Idempotenz]({docsRetry})."},
		{"Delayed items are being processed in the order they arrived; you do not need to do anything.", "Vertraagde items worden verwerkt in de volgorde waarin ze binnenkwamen; u hoeft niets te doen.", "Les éléments retardés sont traités dans leur ordre d'arrivée ; vous n'avez rien à faire.", "Verzögerte Vorgänge werden in der Reihenfolge ihres Eingangs verarbeitet; Sie müssen nichts tun."},
	}
	resolvedTexts = []T{
		{"Everything has been working normally since {t1}. We will publish a full account of this incident here.", "Sinds {t1} werkt alles weer normaal. We publiceren hier een volledig verslag van deze storing.", "Tout fonctionne de nouveau normalement depuis {t1}. Nous publierons ici un compte rendu complet de cet incident.", "Seit {t1} funktioniert alles wieder normal. Wir veröffentlichen hier einen ausführlichen Bericht zu dieser Störung."},
		{"This incident is resolved. The postmortem is below.", "Deze storing is opgelost. Het verslag staat hieronder.", "Cet incident est résolu. Le post-mortem figure ci-dessous.", "Diese Störung ist behoben. Den Nachbericht finden Sie unten."},
		{"Resolved: since {t1} there have been no more errors. We apologise for the inconvenience.", "Opgelost: sinds {t1} zijn er geen fouten meer opgetreden. Excuses voor het ongemak.", "Résolu : aucune erreur n'est survenue depuis {t1}. Nous vous prions de nous excuser pour la gêne occasionnée.", "Behoben: Seit {t1} sind keine Fehler mehr aufgetreten. Wir entschuldigen uns für die Unannehmlichkeiten."},
	}
	backlogDone = T{"The backlog has been fully processed.", "De achterstand is volledig weggewerkt.", "Le retard a été entièrement résorbé.", "Der Rückstau ist vollständig abgearbeitet."}
	fullAccount = T{"We will publish a full account of this incident here once it is over.", "Zodra de storing voorbij is, publiceren we hier een volledig verslag.", "Nous publierons ici un compte rendu complet de cet incident une fois celui-ci terminé.", "Sobald die Störung vorbei ist, veröffentlichen wir hier einen ausführlichen Bericht."}
)

// Postmortem headings, in variants; a postmortem uses the same variant in every language.
var (
	hSummary  = []T{{"Summary", "Samenvatting", "Résumé", "Zusammenfassung"}, {"What happened", "Wat er gebeurde", "Ce qui s'est passé", "Was ist passiert?"}, {"Overview", "Overzicht", "Vue d'ensemble", "Überblick"}}
	hTimeline = []T{{"Timeline", "Tijdlijn", "Chronologie", "Zeitablauf"}, {"Sequence of events", "Verloop", "Déroulement", "Ablauf"}}
	hImpact   = []T{{"Impact", "Gevolgen", "Impact", "Auswirkungen"}, {"Who was affected", "Wie had er last van", "Qui a été touché", "Wer war betroffen?"}, {"Impact on customers", "Gevolgen voor klanten", "Impact pour les clients", "Auswirkungen für Kunden"}}
	hCause    = []T{{"Cause", "Oorzaak", "Cause", "Ursache"}, {"Root cause", "Grondoorzaak", "Cause première", "Grundursache"}, {"Why it happened", "Waarom het gebeurde", "Pourquoi c'est arrivé", "Warum es passiert ist"}}
	hSolution = []T{{"Solution", "Oplossing", "Solution", "Lösung"}, {"Resolution", "Herstel", "Résolution", "Behebung"}, {"How we fixed it", "Hoe we het hebben opgelost", "Comment nous l'avons résolu", "Wie wir es behoben haben"}}
	hMeasures = []T{{"Measures", "Maatregelen", "Mesures", "Maßnahmen"}, {"What we are changing", "Wat we veranderen", "Ce que nous changeons", "Was wir ändern"}, {"Follow-up actions", "Vervolgacties", "Actions de suivi", "Folgemaßnahmen"}}
	hContact  = []T{{"Questions?", "Vragen?", "Des questions\u00a0?", "Fragen?"}, {"Contact", "Contact", "Contact", "Kontakt"}, {"Need help?", "Hulp nodig?", "Besoin d'aide\u00a0?", "Brauchen Sie Hilfe?"}}
	hTable    = T{"Time | Event", "Tijd | Gebeurtenis", "Heure | Événement", "Zeit | Ereignis"}
)

// Postmortem sentences.
var (
	apology        = T{"We apologise to everyone affected.", "Onze excuses aan iedereen die hier last van had.", "Nous présentons nos excuses à toutes les personnes concernées.", "Wir entschuldigen uns bei allen Betroffenen."}
	timesIn        = T{"All times are in UTC.", "Alle tijden zijn in Nederlandse tijd ({tzabbr}).", "Toutes les heures sont données en heure de Paris ({tzabbr}).", "Alle Zeitangaben in deutscher Zeit ({tzabbr})."}
	detected       = [2]T{{"Our monitoring alerts the on-call engineer to rising error rates.", "Onze monitoring waarschuwt de engineer met dienst voor een stijgend aantal fouten.", "Notre supervision alerte l'ingénieur d'astreinte d'une hausse du taux d'erreur.", "Unser Monitoring alarmiert den diensthabenden Techniker wegen steigender Fehlerraten."}, {"Our monitoring alerts the on-call engineer to a growing backlog.", "Onze monitoring waarschuwt de engineer met dienst voor een groeiende achterstand.", "Notre supervision alerte l'ingénieur d'astreinte d'un retard croissant.", "Unser Monitoring alarmiert den diensthabenden Techniker wegen eines wachsenden Rückstaus."}}
	impactEnded    = [2]T{{"Error rates back to normal.", "Foutpercentage weer normaal.", "Taux d'erreur revenu à la normale.", "Fehlerrate wieder normal."}, {"Backlog processed; no more delays.", "Achterstand weggewerkt; geen vertraging meer.", "Retard résorbé ; plus aucun délai.", "Rückstau abgearbeitet; keine Verzögerung mehr."}}
	tlInvestigate  = T{"First update on this page.", "Eerste melding op deze pagina.", "Première mise à jour sur cette page.", "Erste Meldung auf dieser Seite."}
	tlInvestigate2 = T{"Update: the investigation continues.", "Update: het onderzoek loopt nog.", "Mise à jour : l'enquête se poursuit.", "Update: Die Untersuchung läuft weiter."}
	tlIdentified   = T{"Cause identified; update posted.", "Oorzaak gevonden; update geplaatst.", "Cause identifiée ; mise à jour publiée.", "Ursache gefunden; Update veröffentlicht."}
	tlIdentified2  = T{"Update on the repair.", "Update over het herstel.", "Point sur la réparation.", "Update zur Reparatur."}
	tlMonitoring   = T{"Fix in place; monitoring.", "Oplossing doorgevoerd; we monitoren.", "Correctif en place ; surveillance.", "Lösung umgesetzt; Beobachtung läuft."}
	tlMonitoring2  = T{"Still monitoring; error rates normal.", "Nog steeds monitoring; foutpercentage normaal.", "Surveillance prolongée ; taux d'erreur normal.", "Weiter in Beobachtung; Fehlerrate normal."}
	tlResolved     = T{"Incident closed.", "Storing afgesloten.", "Incident clos.", "Störung geschlossen."}
	impactCount    = [2]T{{"In total {n} requests failed or timed out, from {m} customer accounts.", "In totaal mislukten {n} aanvragen of liepen ze in een time-out, afkomstig van {m} klantaccounts.", "Au total, {n} requêtes ont échoué ou expiré, issues de {m} comptes clients.", "Insgesamt schlugen {n} Anfragen fehl oder liefen in einen Timeout, von {m} Kundenkonten."}, {"In total {n} items were delayed, for {m} customer accounts.", "In totaal liepen {n} items vertraging op, verdeeld over {m} klantaccounts.", "Au total, {n} éléments ont été retardés, pour {m} comptes clients.", "Insgesamt verzögerten sich {n} Vorgänge bei {m} Kundenkonten."}}
	impactAlso     = T{"There were knock-on effects on {the2} as well.", "Daarnaast waren er gevolgen voor {the2}.", "Il y a également eu des répercussions sur {the2}.", "Auswirkungen gab es außerdem bei {the2}."}
	impactLasted   = T{"The impact lasted {dur}.", "De gevolgen duurden {dur}.", "L'impact a duré {dur}.", "Die Auswirkungen dauerten {dur}."}
	otherServices  = T{"Other services were not affected.", "Andere diensten hadden geen last van de storing.", "Les autres services n'ont pas été touchés.", "Andere Dienste waren nicht betroffen."}
	noDataLost     = T{"No data was lost.", "Er zijn geen gegevens verloren gegaan.", "Aucune donnée n'a été perdue.", "Es gingen keine Daten verloren."}
	confirmed      = T{"We confirmed the recovery with our own test transactions before closing the incident.", "Voordat we de storing afsloten, hebben we het herstel met eigen testtransacties bevestigd.", "Avant de clore l'incident, nous avons confirmé le rétablissement par nos propres transactions de test.", "Bevor wir die Störung geschlossen haben, haben wir die Wiederherstellung mit eigenen Testtransaktionen bestätigt."}
	genericMeasure = []T{
		{"We have updated our [incident response guide]({docsIR}) with what we learned.", "We hebben onze [werkwijze bij storingen]({docsIR}) bijgewerkt met wat we hebben geleerd.", "Nous avons mis à jour notre [procédure de gestion des incidents]({docsIR}) avec ces enseignements.", "Wir haben unseren [Leitfaden für Störungen]({docsIR}) um diese Erkenntnisse ergänzt."},
		{"Our on-call engineers now post the first update on this page within 10 minutes of an alert.", "Onze engineers met dienst plaatsen de eerste melding op deze pagina nu binnen 10 minuten na een alarm.", "Nos ingénieurs d'astreinte publient désormais la première mise à jour sur cette page dans les 10 minutes suivant une alerte.", "Unsere diensthabenden Techniker veröffentlichen die erste Meldung auf dieser Seite jetzt innerhalb von 10 Minuten nach einem Alarm."},
	}
	contactTexts = []T{
		{"If you have questions about this incident, write to [{email}](mailto:{email}).", "Heeft u vragen over deze storing? Mail ons via [{email}](mailto:{email}).", "Pour toute question sur cet incident, écrivez-nous à [{email}](mailto:{email}).", "Bei Fragen zu dieser Störung schreiben Sie uns an [{email}](mailto:{email})."},
		{"Our support team is available at [{email}](mailto:{email}) and through the [help centre]({help}).", "Ons supportteam is bereikbaar via [{email}](mailto:{email}) en via het [helpcentrum]({help}).", "Notre équipe d'assistance est joignable à [{email}](mailto:{email}) et via le [centre d'aide]({help}).", "Unser Support-Team erreichen Sie unter [{email}](mailto:{email}) und über das [Hilfe-Center]({help})."},
	}
	followFeed = T{"To hear about incidents as they happen, follow this page's [RSS feed]({feed}).", "Wilt u meteen op de hoogte zijn van storingen? Volg de [RSS-feed]({feed}) van deze pagina.", "Pour être informé des incidents en temps réel, suivez le [flux RSS]({feed}) de cette page.", "Um sofort von Störungen zu erfahren, abonnieren Sie den [RSS-Feed]({feed}) dieser Seite."}
)

// What customers need to do after an incident, by [async].
var (
	hAction = []T{{"What you need to do", "Wat u moet doen", "Ce que vous devez faire", "Was Sie tun müssen"}, {"Do you need to do anything?", "Moet u iets doen?", "Devez-vous faire quelque chose\u00a0?", "Müssen Sie etwas tun?"}}
	action  = [2][3]T{
		{
			{"Requests that failed with {err} during the incident were not processed.", "Aanvragen die tijdens de storing mislukten met {err}, zijn niet verwerkt.", "Les requêtes qui ont échoué avec {err} pendant l'incident n'ont pas été traitées.", "Anfragen, die während der Störung mit {err} fehlschlugen, wurden nicht verarbeitet."},
			{"If your integration does not retry on its own, send them again: calls that create invoices or payments accept an `Idempotency-Key` header, so a retry never creates a duplicate.", "Probeert uw koppeling het niet zelf opnieuw, verstuur ze dan nogmaals: aanroepen die facturen of betalingen aanmaken, accepteren een `Idempotency-Key`-header, zodat een herhaling nooit een dubbele oplevert.", "Si votre intégration ne réessaie pas d'elle-même, renvoyez-les : les appels qui créent des factures ou des paiements acceptent un en-tête `Idempotency-Key`, si bien qu'une nouvelle tentative ne crée jamais de doublon.", "Wenn Ihre Integration nicht selbst wiederholt, senden Sie sie erneut: Aufrufe, die Rechnungen oder Zahlungen anlegen, akzeptieren einen `Idempotency-Key`-Header, sodass eine Wiederholung nie ein Duplikat erzeugt."},
			{"Our guide on [retries and idempotency]({docsRetry}) shows how.", "Hoe dat werkt, leest u in onze uitleg over [opnieuw proberen en idempotentie]({docsRetry}).", "Notre guide sur [les nouvelles tentatives et l'idempotence]({docsRetry}) explique comment faire.", "Wie das geht, zeigt unsere Anleitung zu [Wiederholungen und Idempotenz]({docsRetry})."},
		},
		{
			{"You do not need to do anything: every delayed item was processed, in the order it arrived.", "U hoeft niets te doen: elk vertraagd item is verwerkt, in de volgorde waarin het binnenkwam.", "Vous n'avez rien à faire : chaque élément retardé a été traité, dans son ordre d'arrivée.", "Sie müssen nichts tun: Jeder verzögerte Vorgang wurde verarbeitet, in der Reihenfolge seines Eingangs."},
			{"Timestamps of delayed items show when they were processed; the original time is in the `created_at` field.", "Tijdstempels van vertraagde items tonen wanneer ze zijn verwerkt; het oorspronkelijke tijdstip staat in het veld `created_at`.", "L'horodatage des éléments retardés indique leur heure de traitement ; l'heure d'origine figure dans le champ `created_at`.", "Zeitstempel verzögerter Vorgänge zeigen, wann sie verarbeitet wurden; der ursprüngliche Zeitpunkt steht im Feld `created_at`."},
			{"When you compare figures with your own records, use that field.", "Gebruik dat veld als u de cijfers vergelijkt met uw eigen administratie.", "Utilisez ce champ si vous rapprochez ces chiffres de votre propre comptabilité.", "Verwenden Sie dieses Feld, wenn Sie die Zahlen mit Ihren eigenen Unterlagen abgleichen."},
		},
	}
)

// Padding sentences lengthen a postmortem to its target length; slot says which paragraph takes
// them (0 summary, 1 impact, 2 solution, 3 closing words after the measures), class whether they
// suit only request components (0) or background components (1).
type padding struct {
	slot  int
	text  T
	class int // -1: any
}

var paddings = []padding{
	{0, T{"We know that many of you rely on us to get paid on time, and we take that responsibility seriously.", "We weten dat velen van u op ons rekenen om op tijd betaald te worden, en die verantwoordelijkheid nemen we serieus.", "Nous savons que beaucoup d'entre vous comptent sur nous pour être payés à temps, et nous prenons cette responsabilité au sérieux.", "Wir wissen, dass viele von Ihnen sich darauf verlassen, mit unserer Hilfe pünktlich bezahlt zu werden, und nehmen diese Verantwortung ernst."}, -1},
	{1, T{"Our support team answered {tickets} questions about this incident while it was going on.", "Ons supportteam beantwoordde tijdens de storing {tickets} vragen hierover.", "Notre équipe d'assistance a répondu à {tickets} questions sur cet incident pendant qu'il était en cours.", "Unser Support-Team hat während der Störung {tickets} Fragen dazu beantwortet."}, -1},
	{3, T{"We reviewed this incident with everyone involved the following week, without looking for someone to blame.", "We hebben deze storing de week erna met alle betrokkenen besproken, zonder naar een schuldige te zoeken.", "Nous avons analysé cet incident avec toutes les personnes impliquées la semaine suivante, sans chercher de coupable.", "Wir haben diese Störung in der Woche danach mit allen Beteiligten besprochen, ohne nach Schuldigen zu suchen."}, -1},
	{1, T{"Data that was already stored was never at risk.", "Gegevens die al waren opgeslagen, zijn op geen enkel moment in gevaar geweest.", "Les données déjà enregistrées n'ont jamais été menacées.", "Bereits gespeicherte Daten waren zu keinem Zeitpunkt gefährdet."}, -1},
	{1, T{"Our first update appeared on this page {delay} minutes after the problem began, which is longer than we aim for.", "Onze eerste melding verscheen {delay} minuten na het begin van het probleem op deze pagina; dat is langer dan we nastreven.", "Notre première mise à jour est apparue sur cette page {delay} minutes après le début du problème, ce qui est plus long que notre objectif.", "Unsere erste Meldung erschien {delay} Minuten nach Beginn des Problems auf dieser Seite, das ist länger als unser Ziel."}, -1},
	{1, T{"Several customers told us about the problem through support before our own alerts had reached everyone on call.", "Een aantal klanten meldde het probleem bij support nog voordat onze eigen alarmen iedereen met dienst hadden bereikt.", "Plusieurs clients nous ont signalé le problème via l'assistance avant que nos propres alertes aient atteint toute l'équipe d'astreinte.", "Mehrere Kunden haben uns über den Support auf das Problem hingewiesen, bevor unsere eigenen Alarme alle Diensthabenden erreicht hatten."}, -1},
	{1, T{"Invoices, customer details and payment records were not changed or exposed at any point.", "Facturen, klantgegevens en betaalgegevens zijn op geen enkel moment gewijzigd of door anderen ingezien.", "Les factures, les données clients et les paiements n'ont à aucun moment été modifiés ni exposés.", "Rechnungen, Kundendaten und Zahlungsdaten wurden zu keinem Zeitpunkt verändert oder offengelegt."}, -1},
	{3, T{"We will report on the progress of these measures in our quarterly reliability update.", "Over de voortgang van deze maatregelen rapporteren we in onze kwartaalupdate over betrouwbaarheid.", "Nous rendrons compte de l'avancement de ces mesures dans notre bilan trimestriel de fiabilité.", "Über den Fortschritt dieser Maßnahmen berichten wir in unserem vierteljährlichen Zuverlässigkeitsbericht."}, -1},
	{2, T{"The engineers on call followed our incident procedure, which helped them find the cause quickly.", "De engineers met dienst volgden onze storingsprocedure, wat hielp om de oorzaak snel te vinden.", "Les ingénieurs d'astreinte ont suivi notre procédure d'incident, ce qui les a aidés à trouver rapidement la cause.", "Die diensthabenden Techniker folgten unserem Störungsablauf, was half, die Ursache schnell zu finden."}, -1},
	{1, T{"If your own systems retry automatically, you probably noticed little of this incident.", "Als uw eigen systemen automatisch opnieuw proberen, heeft u waarschijnlijk weinig van deze storing gemerkt.", "Si vos propres systèmes relancent automatiquement les appels, vous avez probablement peu remarqué cet incident.", "Wenn Ihre eigenen Systeme automatisch wiederholen, haben Sie von dieser Störung vermutlich wenig bemerkt."}, -1},
	{2, T{"We checked our systems for other places where the same weakness could cause trouble and found none.", "We hebben onze systemen nagelopen op andere plekken waar dezelfde zwakke plek problemen kan geven, en vonden er geen.", "Nous avons vérifié si la même faiblesse pouvait causer des problèmes ailleurs dans nos systèmes, sans rien trouver.", "Wir haben unsere Systeme nach anderen Stellen durchsucht, an denen dieselbe Schwachstelle Probleme verursachen könnte, und keine gefunden."}, -1},
	{3, T{"Thank you for your patience while we worked on this.", "Dank voor uw geduld terwijl we hieraan werkten.", "Merci de votre patience pendant que nous travaillions sur ce problème.", "Vielen Dank für Ihre Geduld, während wir daran gearbeitet haben."}, -1},
	{1, T{"Our status page and support channels kept working throughout, as they run on separate infrastructure.", "Onze statuspagina en supportkanalen bleven de hele tijd werken, omdat ze op aparte infrastructuur draaien.", "Notre page d'état et nos canaux d'assistance ont fonctionné tout du long, car ils reposent sur une infrastructure distincte.", "Unsere Statusseite und Support-Kanäle funktionierten die ganze Zeit, da sie auf separater Infrastruktur laufen."}, -1},
	{0, T{"We are sorry for the extra work this caused for you and your customers.", "Het spijt ons dat dit extra werk opleverde voor u en uw klanten.", "Nous sommes désolés du travail supplémentaire que cela vous a occasionné, à vous et à vos clients.", "Es tut uns leid, dass Ihnen und Ihren Kunden dadurch zusätzliche Arbeit entstanden ist."}, -1},
	{0, T{"The full technical review runs to several pages; this summary covers what matters for you as a customer.", "De volledige technische analyse beslaat meerdere pagina's; deze samenvatting behandelt wat voor u als klant belangrijk is.", "L'analyse technique complète fait plusieurs pages ; ce résumé reprend ce qui compte pour vous en tant que client.", "Die vollständige technische Analyse umfasst mehrere Seiten; diese Zusammenfassung enthält, was für Sie als Kunde wichtig ist."}, -1},
	{2, T{"Throughout the recovery we kept a close eye on payments, so that none were charged twice.", "Tijdens het herstel hielden we de betalingen scherp in de gaten, zodat er geen enkele dubbel werd afgeschreven.", "Pendant tout le rétablissement, nous avons surveillé de près les paiements afin qu'aucun ne soit débité deux fois.", "Während der gesamten Wiederherstellung haben wir die Zahlungen genau beobachtet, damit keine doppelt abgebucht wurde."}, -1},
	{3, T{"We also shared what we learned with the other teams at {company}, since several of them use the same tools.", "We hebben wat we leerden ook gedeeld met de andere teams bij {company}, omdat een aantal van hen dezelfde hulpmiddelen gebruikt.", "Nous avons aussi partagé ces enseignements avec les autres équipes de {company}, car plusieurs utilisent les mêmes outils.", "Unsere Erkenntnisse haben wir auch mit den anderen Teams bei {company} geteilt, da mehrere von ihnen dieselben Werkzeuge nutzen."}, -1},
	{1, T{"Most of the failed requests came from integrations that send invoices in bulk, overnight or at the start of the day.", "De meeste mislukte aanvragen kwamen van koppelingen die facturen in bulk versturen, 's nachts of aan het begin van de dag.", "La plupart des requêtes échouées provenaient d'intégrations qui envoient des factures en masse, la nuit ou en début de journée.", "Die meisten fehlgeschlagenen Anfragen kamen von Integrationen, die Rechnungen gesammelt versenden, nachts oder zu Tagesbeginn."}, 0},
	{1, T{"Customers who tried again a few minutes later usually succeeded.", "Klanten die het een paar minuten later opnieuw probeerden, lukte het meestal wel.", "Les clients qui ont réessayé quelques minutes plus tard y sont généralement parvenus.", "Kunden, die es einige Minuten später erneut versuchten, hatten meist Erfolg."}, 0},
	{1, T{"Items created during the incident were queued, not lost.", "Items die tijdens de storing werden aangemaakt, kwamen in een wachtrij en gingen niet verloren.", "Les éléments créés pendant l'incident ont été mis en file d'attente, pas perdus.", "Vorgänge, die während der Störung entstanden, wurden zurückgestellt, nicht verloren."}, 1},
	{1, T{"Customers who rely on our notifications to mark invoices as paid saw some invoices as open for longer than usual.", "Klanten die facturen op basis van onze meldingen als betaald markeren, zagen sommige facturen langer dan normaal als openstaand.", "Les clients qui marquent leurs factures comme payées grâce à nos notifications ont vu certaines factures rester ouvertes plus longtemps que d'habitude.", "Kunden, die Rechnungen anhand unserer Benachrichtigungen als bezahlt markieren, sahen einige Rechnungen länger als üblich als offen."}, 1},
	{2, T{"We kept this page up to date throughout, with {updates} updates in total.", "We hebben deze pagina de hele tijd bijgewerkt, met in totaal {updates} updates.", "Nous avons tenu cette page à jour tout du long, avec {updates} mises à jour au total.", "Wir haben diese Seite die ganze Zeit aktuell gehalten, mit insgesamt {updates} Meldungen."}, -1},
	{2, T{"The fix needed no maintenance window and caused no further interruption.", "Voor de oplossing was geen onderhoudsvenster nodig en die veroorzaakte geen verdere onderbreking.", "La correction n'a nécessité aucune fenêtre de maintenance et n'a causé aucune autre interruption.", "Die Behebung brauchte kein Wartungsfenster und verursachte keine weitere Unterbrechung."}, -1},
	{3, T{"Several of these measures were already on our roadmap; this incident moved them forward.", "Een aantal van deze maatregelen stond al op onze planning; deze storing heeft ze naar voren gehaald.", "Plusieurs de ces mesures figuraient déjà dans notre feuille de route ; cet incident les a avancées.", "Einige dieser Maßnahmen standen bereits auf unserer Planung; diese Störung hat sie vorgezogen."}, -1},
	{0, T{"This report explains what happened, why, and what we are doing so that it does not happen again.", "Dit verslag legt uit wat er gebeurde, waarom, en wat we doen om herhaling te voorkomen.", "Ce compte rendu explique ce qui s'est passé, pourquoi, et ce que nous faisons pour que cela ne se reproduise pas.", "Dieser Bericht erklärt, was passiert ist, warum, und was wir tun, damit es nicht wieder vorkommt."}, -1},
}

// Maintenance.
type mtopic struct {
	comps      []string
	degraded   bool // the components stay up, with brief interruptions
	hour       int  // local start hour of the window
	minH, maxH int  // window length in hours
	title      T
	why        []T
	extra      T // one more "what to expect" item
	advice     []T
}

var mtopics = []mtopic{
	{comps: []string{"dashboard", "rest-api"}, hour: 22, minH: 2, maxH: 3,
		title: T{"Database upgrade for the dashboard and REST API", "Database-upgrade voor het dashboard en de REST-API", "Mise à niveau de la base de données du tableau de bord et de l'API REST", "Datenbank-Upgrade für Dashboard und REST-API"},
		why: []T{
			{"We are moving our main database to a new major version.", "We zetten onze hoofddatabase over naar een nieuwe hoofdversie.", "Nous faisons passer notre base de données principale à une nouvelle version majeure.", "Wir stellen unsere Hauptdatenbank auf eine neue Hauptversion um."},
			{"The new version handles large customer lists and long invoice histories much better, and keeps us within the vendor's support period.", "De nieuwe versie kan veel beter overweg met grote klantenlijsten en lange factuurgeschiedenissen, en houdt ons binnen de ondersteuningsperiode van de leverancier.", "La nouvelle version gère bien mieux les grandes listes de clients et les longs historiques de factures, et nous maintient dans la période de support de l'éditeur.", "Die neue Version kommt mit großen Kundenlisten und langen Rechnungshistorien deutlich besser zurecht und hält uns im Supportzeitraum des Herstellers."},
			{"The switch itself needs the database to be idle, which is why we do it late in the evening.", "Voor de overstap zelf moet de database stilliggen; daarom doen we het laat op de avond.", "La bascule elle-même exige une base inactive ; c'est pourquoi nous l'effectuons tard le soir.", "Für die Umstellung selbst muss die Datenbank ruhen; deshalb machen wir es spät am Abend."},
		},
		extra: T{"**Not affected:** card payments, payment pages and invoice e-mails keep working; scheduled invoices go out on time.", "**Niet getroffen:** kaartbetalingen, betaalpagina's en factuurmails blijven werken; ingeplande facturen gaan op tijd de deur uit.", "**Non concernés\u00a0:** les paiements par carte, les pages de paiement et les e-mails de facturation continuent de fonctionner ; les factures planifiées partent à l'heure.", "**Nicht betroffen:** Kartenzahlungen, Zahlungsseiten und Rechnungs-E-Mails funktionieren weiter; geplante Rechnungen werden pünktlich versendet."},
		advice: []T{
			{"Save open drafts in the dashboard before the window starts.", "Sla open concepten in het dashboard op voordat het onderhoud begint.", "Enregistrez vos brouillons ouverts dans le tableau de bord avant le début de l'intervention.", "Speichern Sie offene Entwürfe im Dashboard, bevor die Wartung beginnt."},
			{"During the window the REST API answers `503 Service Unavailable` with a `Retry-After` header; integrations that retry later need no changes.", "Tijdens het onderhoud antwoordt de REST-API met `503 Service Unavailable` en een `Retry-After`-header; koppelingen die het later opnieuw proberen, hoeven niet te worden aangepast.", "Pendant l'intervention, l'API REST répond `503 Service Unavailable` avec un en-tête `Retry-After` ; les intégrations qui réessaient plus tard n'ont rien à changer.", "Während der Wartung antwortet die REST-API mit `503 Service Unavailable` und einem `Retry-After`-Header; Integrationen, die es später erneut versuchen, brauchen keine Anpassung."},
		}},
	{comps: []string{"rest-api", "checkout", "dashboard"}, degraded: true, hour: 1, minH: 2, maxH: 4,
		title: T{"Network maintenance in data centre {dc1}", "Netwerkonderhoud in datacenter {dc1}", "Maintenance réseau dans le centre de données {dc1}", "Netzwerkwartung im Rechenzentrum {dc1}"},
		why: []T{
			{"We are replacing the core network switches in our {dc1} data centre with new models that have more capacity.", "We vervangen de centrale netwerkswitches in ons datacenter {dc1} door nieuwe modellen met meer capaciteit.", "Nous remplaçons les commutateurs réseau principaux de notre centre de données {dc1} par des modèles plus récents et plus puissants.", "Wir ersetzen die zentralen Netzwerk-Switches in unserem Rechenzentrum {dc1} durch neue Modelle mit mehr Kapazität."},
			{"Before we start, we move all traffic to our second data centre, {dc2}, so the services stay available.", "Voordat we beginnen, verplaatsen we al het verkeer naar ons tweede datacenter, {dc2}, zodat de diensten beschikbaar blijven.", "Avant de commencer, nous basculons tout le trafic vers notre second centre de données, {dc2}, afin que les services restent disponibles.", "Vor Beginn verlagern wir den gesamten Verkehr in unser zweites Rechenzentrum, {dc2}, damit die Dienste verfügbar bleiben."},
			{"Open connections are closed when traffic moves, which can cause a few seconds of errors.", "Bij het verplaatsen van het verkeer worden open verbindingen gesloten, wat enkele seconden fouten kan geven.", "Les connexions ouvertes sont fermées lors du basculement, ce qui peut provoquer quelques secondes d'erreurs.", "Beim Umschalten werden offene Verbindungen geschlossen, was einige Sekunden lang Fehler verursachen kann."},
		},
		extra: T{"**Everything else** keeps running from the second data centre.", "**Al het andere** blijft draaien vanuit het tweede datacenter.", "**Tout le reste** continue de fonctionner depuis le second centre de données.", "**Alles andere** läuft aus dem zweiten Rechenzentrum weiter."},
		advice: []T{
			{"Requests that fail during a switch can be retried straight away.", "Aanvragen die tijdens een omschakeling mislukken, kunt u direct opnieuw versturen.", "Les requêtes qui échouent pendant un basculement peuvent être relancées immédiatement.", "Anfragen, die während einer Umschaltung fehlschlagen, können Sie sofort wiederholen."},
			{"No action is needed for payments in progress: they complete normally.", "Voor lopende betalingen hoeft u niets te doen: die worden normaal afgerond.", "Rien à faire pour les paiements en cours : ils aboutissent normalement.", "Für laufende Zahlungen ist nichts zu tun: Sie werden normal abgeschlossen."},
		}},
	{comps: []string{"bank-payments", "payouts"}, hour: 0, minH: 3, maxH: 5,
		title: T{"Scheduled maintenance at our banking partner", "Gepland onderhoud bij onze bankpartner", "Maintenance planifiée chez notre partenaire bancaire", "Geplante Wartung bei unserer Partnerbank"},
		why: []T{
			{"Our banking partner is upgrading the systems that process SEPA transfers and direct debits.", "Onze bankpartner voert een upgrade uit van de systemen die SEPA-overboekingen en incasso's verwerken.", "Notre partenaire bancaire met à niveau les systèmes qui traitent les virements et prélèvements SEPA.", "Unsere Partnerbank aktualisiert die Systeme, die SEPA-Überweisungen und Lastschriften verarbeiten."},
			{"While the work is under way, the bank does not accept new payment instructions from us.", "Zolang het werk loopt, accepteert de bank geen nieuwe betaalopdrachten van ons.", "Pendant les travaux, la banque n'accepte aucun nouvel ordre de paiement de notre part.", "Während der Arbeiten nimmt die Bank keine neuen Zahlungsaufträge von uns an."},
		},
		extra: T{"**Card payments** are not affected.", "**Kaartbetalingen** werken gewoon.", "**Les paiements par carte** ne sont pas concernés.", "**Kartenzahlungen** sind nicht betroffen."},
		advice: []T{
			{"Bank payments that your customers start during the window are accepted and processed once the bank is back.", "Bankbetalingen die uw klanten tijdens het onderhoud starten, worden geaccepteerd en verwerkt zodra de bank weer beschikbaar is.", "Les paiements bancaires initiés par vos clients pendant l'intervention sont acceptés et traités dès le retour de la banque.", "Bankzahlungen, die Ihre Kunden während der Wartung anstoßen, werden angenommen und verarbeitet, sobald die Bank wieder erreichbar ist."},
			{"Payouts planned for that night go out the next morning.", "Uitbetalingen die voor die nacht gepland staan, gaan de volgende ochtend de deur uit.", "Les reversements prévus cette nuit-là partent le lendemain matin.", "Für diese Nacht geplante Auszahlungen gehen am nächsten Morgen raus."},
		}},
	{comps: []string{"invoice-email"}, degraded: true, hour: 21, minH: 1, maxH: 2,
		title: T{"Move of our e-mail sending platform", "Verhuizing van ons e-mailplatform", "Migration de notre plateforme d'envoi d'e-mails", "Umzug unserer E-Mail-Versandplattform"},
		why: []T{
			{"We are moving the sending of invoice e-mails to new servers with better delivery rates at the large mailbox providers.", "We verhuizen het versturen van factuurmails naar nieuwe servers die beter afleveren bij de grote mailproviders.", "Nous migrons l'envoi des e-mails de facturation vers de nouveaux serveurs mieux acceptés par les grands fournisseurs de messagerie.", "Wir verlagern den Versand von Rechnungs-E-Mails auf neue Server, die bei den großen Mailanbietern besser zugestellt werden."},
			{"The sending address and the look of your e-mails do not change.", "Het afzenderadres en de opmaak van uw e-mails veranderen niet.", "L'adresse d'expédition et l'apparence de vos e-mails ne changent pas.", "Absenderadresse und Aussehen Ihrer E-Mails ändern sich nicht."},
		},
		extra: T{"**Invoices** are still created and can be downloaded in the dashboard.", "**Facturen** worden gewoon aangemaakt en zijn te downloaden in het dashboard.", "**Les factures** sont toujours créées et téléchargeables dans le tableau de bord.", "**Rechnungen** werden weiterhin erstellt und lassen sich im Dashboard herunterladen."},
		advice: []T{
			{"You do not need to do anything: e-mails queued during the window are sent in order afterwards.", "U hoeft niets te doen: e-mails die tijdens het onderhoud in de wachtrij komen, worden daarna op volgorde verstuurd.", "Vous n'avez rien à faire : les e-mails mis en attente pendant l'intervention sont envoyés ensuite dans l'ordre.", "Sie müssen nichts tun: E-Mails, die während der Wartung anfallen, werden danach der Reihe nach versendet."},
			{"If you publish an SPF record yourself, check that it includes `include:_spf.brightwave.example`.", "Publiceert u zelf een SPF-record? Controleer dan of daarin `include:_spf.brightwave.example` staat.", "Si vous publiez vous-même un enregistrement SPF, vérifiez qu'il contient `include:_spf.brightwave.example`.", "Wenn Sie selbst einen SPF-Eintrag veröffentlichen, prüfen Sie, ob er `include:_spf.brightwave.example` enthält."},
		}},
	{comps: []string{"e-invoicing"}, hour: 20, minH: 1, maxH: 3,
		title: T{"Upgrade of our Peppol access point", "Upgrade van ons Peppol-accesspoint", "Mise à niveau de notre point d'accès Peppol", "Upgrade unseres Peppol-Zugangspunkts"},
		why: []T{
			{"We are upgrading our Peppol access point to the latest version of the network's specifications.", "We brengen ons Peppol-accesspoint naar de nieuwste versie van de specificaties van het netwerk.", "Nous mettons notre point d'accès Peppol à jour vers la dernière version des spécifications du réseau.", "Wir bringen unseren Peppol-Zugangspunkt auf die neueste Version der Netzwerkspezifikationen."},
			{"This keeps us compliant with the rules that apply to e-invoicing from next quarter.", "Zo blijven we voldoen aan de regels die vanaf volgend kwartaal voor e-facturatie gelden.", "Nous restons ainsi conformes aux règles applicables à la facturation électronique dès le trimestre prochain.", "So erfüllen wir die Regeln, die ab dem nächsten Quartal für E-Rechnungen gelten."},
		},
		extra: T{"**Invoices sent by e-mail** are not affected.", "**Facturen per e-mail** werken gewoon.", "**Les factures envoyées par e-mail** ne sont pas concernées.", "**Rechnungen per E-Mail** sind nicht betroffen."},
		advice: []T{
			{"E-invoices you send during the window are queued and delivered afterwards.", "E-facturen die u tijdens het onderhoud verstuurt, komen in een wachtrij en worden daarna afgeleverd.", "Les factures électroniques envoyées pendant l'intervention sont mises en attente puis transmises.", "E-Rechnungen, die Sie während der Wartung senden, werden zurückgestellt und danach zugestellt."},
			{"Incoming e-invoices are held by the sender's access point and reach you after the window.", "Inkomende e-facturen worden door het accesspoint van de afzender vastgehouden en komen na het onderhoud bij u binnen.", "Les factures entrantes sont conservées par le point d'accès de l'expéditeur et vous parviennent après l'intervention.", "Eingehende E-Rechnungen hält der Zugangspunkt des Absenders zurück; sie erreichen Sie nach der Wartung."},
		}},
	{comps: []string{"reports", "mobile-app"}, degraded: true, hour: 5, minH: 1, maxH: 2,
		title: T{"Rebuilding the search index for reports", "Herbouw van de zoekindex voor rapportages", "Reconstruction de l'index de recherche des rapports", "Neuaufbau des Suchindex für Berichte"},
		why: []T{
			{"We are rebuilding the search index behind reports and the search in the mobile app, to make searching by customer name and invoice number faster.", "We bouwen de zoekindex achter de rapportages en de zoekfunctie in de mobiele app opnieuw op, zodat zoeken op klantnaam en factuurnummer sneller gaat.", "Nous reconstruisons l'index de recherche des rapports et de la recherche dans l'application mobile, pour accélérer la recherche par nom de client et numéro de facture.", "Wir bauen den Suchindex für Berichte und die Suche in der mobilen App neu auf, damit die Suche nach Kundenname und Rechnungsnummer schneller wird."},
			{"While the index is rebuilt, results can be incomplete for a short time.", "Tijdens de herbouw kunnen zoekresultaten korte tijd onvolledig zijn.", "Pendant la reconstruction, les résultats peuvent être incomplets pendant un court moment.", "Während des Neuaufbaus können Ergebnisse kurzzeitig unvollständig sein."},
		},
		extra: T{"**Payments and invoices** are not affected.", "**Betalingen en facturen** merken hier niets van.", "**Les paiements et les factures** ne sont pas concernés.", "**Zahlungen und Rechnungen** sind nicht betroffen."},
		advice: []T{
			{"Exports started during the window may take longer.", "Exports die u tijdens het onderhoud start, kunnen langer duren.", "Les exports lancés pendant l'intervention peuvent prendre plus de temps.", "Exporte, die Sie während der Wartung starten, können länger dauern."},
			{"If an export looks incomplete, start it again after the window.", "Ziet een export er onvolledig uit? Start hem dan na het onderhoud opnieuw.", "Si un export semble incomplet, relancez-le après l'intervention.", "Wirkt ein Export unvollständig, starten Sie ihn nach der Wartung erneut."},
		}},
}

var (
	mSummary     = T{"Planned maintenance {window}. Affected: {names}.", "Gepland onderhoud {window}. Betrokken: {names}.", "Maintenance planifiée {window}. Services concernés\u00a0: {names}.", "Geplante Wartung {window}. Betroffen: {names}."}
	mAnnounce    = []T{{"We will carry out maintenance {window}.", "We voeren onderhoud uit {window}.", "Nous effectuerons une maintenance {window}.", "Wir führen {window} Wartungsarbeiten durch."}, {"Maintenance is planned {window}.", "Er staat onderhoud gepland {window}.", "Une maintenance est prévue {window}.", "Eine Wartung ist {window} geplant."}}
	mDown        = T{"During the window the following will be unavailable: {names}.", "Tijdens het onderhoud zijn deze diensten niet beschikbaar: {names}.", "Pendant l'intervention, ces services seront indisponibles : {names}.", "Während der Wartung sind diese Dienste nicht verfügbar: {names}."}
	mInterrupted = T{"During the window the following may be briefly interrupted: {names}.", "Tijdens het onderhoud zijn korte onderbrekingen mogelijk bij: {names}.", "Pendant l'intervention, de brèves interruptions sont possibles sur : {names}.", "Während der Wartung sind kurze Unterbrechungen möglich bei: {names}."}
	mReminder    = T{"Reminder: the maintenance starts tomorrow at {w0}.", "Herinnering: het onderhoud begint morgen om {w0}.", "Rappel : la maintenance commence demain à {w0}.", "Erinnerung: Die Wartung beginnt morgen um {w0}."}
	mStarted     = []T{{"The maintenance has started.", "Het onderhoud is begonnen.", "La maintenance a commencé.", "Die Wartung hat begonnen."}, {"We have started the work and will post again when it is done.", "We zijn met het werk begonnen en melden ons weer als het klaar is.", "Les travaux ont commencé ; nous publierons une mise à jour une fois terminés.", "Die Arbeiten haben begonnen; wir melden uns wieder, wenn sie abgeschlossen sind."}}
	mOverrun     = T{"The work is taking longer than planned; we now expect to finish around {eta}.", "Het werk duurt langer dan gepland; we verwachten nu rond {eta} klaar te zijn.", "Les travaux prennent plus de temps que prévu ; nous pensons maintenant terminer vers {eta}.", "Die Arbeiten dauern länger als geplant; wir rechnen jetzt mit einem Abschluss gegen {eta}."}
	mVerifying   = T{"The work is done and we are checking that everything works as it should.", "Het werk is klaar en we controleren of alles werkt zoals het hoort.", "Les travaux sont terminés et nous vérifions que tout fonctionne correctement.", "Die Arbeiten sind abgeschlossen, und wir prüfen, ob alles wie vorgesehen funktioniert."}
	mCompleted   = []T{{"The maintenance is complete and everything works normally.", "Het onderhoud is afgerond en alles werkt normaal.", "La maintenance est terminée et tout fonctionne normalement.", "Die Wartung ist abgeschlossen, und alles funktioniert normal."}, {"All work finished at {wend}. Thank you for your patience.", "Alle werkzaamheden waren om {wend} afgerond. Dank voor uw geduld.", "Tous les travaux étaient terminés à {wend}. Merci de votre patience.", "Alle Arbeiten waren um {wend} abgeschlossen. Vielen Dank für Ihre Geduld."}}
	mItemDown    = T{"**{name}:** unavailable during the window.", "**{name}:** niet beschikbaar tijdens het onderhoud.", "**{name}**\u00a0: indisponible pendant l'intervention.", "**{name}:** während der Wartung nicht verfügbar."}
	mItemBrief   = T{"**{name}:** brief interruptions of a few seconds are possible.", "**{name}:** korte onderbrekingen van enkele seconden zijn mogelijk.", "**{name}**\u00a0: de brèves interruptions de quelques secondes sont possibles.", "**{name}:** kurze Unterbrechungen von wenigen Sekunden sind möglich."}
	mTiming      = T{"We expect the work to take about {wdur}, and we will post updates here when it starts and when it is done.", "We verwachten dat het werk ongeveer {wdur} duurt; we melden hier wanneer het begint en wanneer het klaar is.", "Nous prévoyons environ {wdur} de travaux et publierons ici une mise à jour au début et à la fin.", "Wir rechnen mit etwa {wdur} Arbeit und melden uns hier, wenn es losgeht und wenn alles erledigt ist."}
	mQuestions   = T{"Questions? Contact [{email}](mailto:{email}).", "Vragen? Neem contact op via [{email}](mailto:{email}).", "Des questions\u00a0? Écrivez à [{email}](mailto:{email}).", "Fragen? Schreiben Sie an [{email}](mailto:{email})."}
	hWhy         = []T{{"Why this maintenance?", "Waarom dit onderhoud?", "Pourquoi cette maintenance\u00a0?", "Warum diese Wartung?"}, {"Background", "Achtergrond", "Contexte", "Hintergrund"}}
	hExpect      = []T{{"What to expect", "Wat u kunt verwachten", "À quoi s'attendre", "Was Sie erwartet"}, {"During the maintenance", "Tijdens het onderhoud", "Pendant la maintenance", "Während der Wartung"}}
	hTodo        = []T{{"What you can do", "Wat u kunt doen", "Ce que vous pouvez faire", "Was Sie tun können"}, {"What you need to do", "Wat u moet doen", "Ce que vous devez faire", "Was Sie tun müssen"}}
)

// Notices.
type ntopic struct {
	comps   []string
	doc     string // documentation path, or empty
	title   T
	summary T
	intro   T
	changes []T
	todo    T
	code    string
}

var ntopics = []ntopic{
	{comps: []string{"webhooks"}, doc: "/docs/webhooks/ip-addresses",
		title:   T{"Webhooks will be sent from new IP addresses", "Webhooks komen voortaan van nieuwe IP-adressen", "Les webhooks proviendront de nouvelles adresses IP", "Webhooks kommen künftig von neuen IP-Adressen"},
		summary: T{"From {date}, webhooks are sent from the range `203.0.113.0/24`. If your firewall only accepts known addresses, add this range.", "Vanaf {date} versturen we webhooks vanuit het bereik `203.0.113.0/24`. Laat uw firewall alleen bekende adressen toe? Voeg dan dit bereik toe.", "À partir du {date}, les webhooks sont envoyés depuis la plage `203.0.113.0/24`. Si votre pare-feu n'accepte que des adresses connues, ajoutez cette plage.", "Ab dem {date} versenden wir Webhooks aus dem Bereich `203.0.113.0/24`. Wenn Ihre Firewall nur bekannte Adressen zulässt, fügen Sie diesen Bereich hinzu."},
		intro:   T{"We are moving webhook delivery to new servers that can send more events per second.", "We verhuizen het versturen van webhooks naar nieuwe servers die meer gebeurtenissen per seconde aankunnen.", "Nous migrons l'envoi des webhooks vers de nouveaux serveurs capables d'émettre davantage d'événements par seconde.", "Wir verlagern den Versand von Webhooks auf neue Server, die mehr Ereignisse pro Sekunde verschicken können."},
		changes: []T{
			{"Webhooks come from `203.0.113.0/24` instead of `198.51.100.0/24`.", "Webhooks komen van `203.0.113.0/24` in plaats van `198.51.100.0/24`.", "Les webhooks proviennent de `203.0.113.0/24` au lieu de `198.51.100.0/24`.", "Webhooks kommen von `203.0.113.0/24` statt von `198.51.100.0/24`."},
			{"The payload, the signature header and the retry schedule stay the same.", "De inhoud, de handtekeningheader en het schema voor nieuwe pogingen blijven gelijk.", "Le contenu, l'en-tête de signature et le calendrier des nouvelles tentatives restent identiques.", "Inhalt, Signatur-Header und Wiederholungsplan bleiben gleich."},
			{"For two weeks we send from both ranges, so you can check your setup.", "Twee weken lang versturen we vanuit beide bereiken, zodat u uw instellingen kunt controleren.", "Pendant deux semaines, nous envoyons depuis les deux plages pour que vous puissiez vérifier votre configuration.", "Zwei Wochen lang senden wir aus beiden Bereichen, damit Sie Ihre Einstellungen prüfen können."},
		},
		todo: T{"If your firewall or web server only accepts requests from known addresses, add the new range before {date}, for example:", "Accepteert uw firewall of webserver alleen aanvragen van bekende adressen? Voeg dan vóór {date} het nieuwe bereik toe, bijvoorbeeld:", "Si votre pare-feu ou votre serveur web n'accepte que des adresses connues, ajoutez la nouvelle plage avant le {date}, par exemple :", "Wenn Ihre Firewall oder Ihr Webserver nur Anfragen von bekannten Adressen annimmt, ergänzen Sie den neuen Bereich vor dem {date}, zum Beispiel:"},
		code: "```nginx\nallow 203.0.113.0/24;   # Brightwave webhooks\nallow 198.51.100.0/24;  # until the switch is complete\n```"},
	{comps: []string{"rest-api", "checkout"}, doc: "/docs/security/tls",
		title:   T{"TLS 1.0 and 1.1 will no longer be accepted", "TLS 1.0 en 1.1 worden niet langer geaccepteerd", "TLS 1.0 et 1.1 ne seront plus acceptés", "TLS 1.0 und 1.1 werden nicht mehr akzeptiert"},
		summary: T{"From {date}, the REST API and the payment pages only accept connections over TLS 1.2 or newer.", "Vanaf {date} accepteren de REST-API en de betaalpagina's alleen nog verbindingen via TLS 1.2 of nieuwer.", "À partir du {date}, l'API REST et les pages de paiement n'acceptent plus que les connexions en TLS 1.2 ou plus récent.", "Ab dem {date} nehmen die REST-API und die Zahlungsseiten nur noch Verbindungen über TLS 1.2 oder neuer an."},
		intro:   T{"TLS 1.0 and 1.1 are old versions of the protocol that protects connections, and they have known weaknesses.", "TLS 1.0 en 1.1 zijn oude versies van het protocol dat verbindingen beveiligt, en ze hebben bekende zwakke plekken.", "TLS 1.0 et 1.1 sont d'anciennes versions du protocole qui protège les connexions, et elles présentent des faiblesses connues.", "TLS 1.0 und 1.1 sind alte Versionen des Protokolls, das Verbindungen schützt, und haben bekannte Schwachstellen."},
		changes: []T{
			{"Connections with TLS 1.0 or 1.1 are refused during the handshake.", "Verbindingen met TLS 1.0 of 1.1 worden tijdens de handshake geweigerd.", "Les connexions en TLS 1.0 ou 1.1 sont refusées lors de la négociation.", "Verbindungen mit TLS 1.0 oder 1.1 werden beim Handshake abgelehnt."},
			{"Fewer than 0.1% of requests still use these versions, almost all from very old integrations.", "Minder dan 0,1% van de aanvragen gebruikt deze versies nog, bijna allemaal van zeer oude koppelingen.", "Moins de 0,1\u00a0% des requêtes utilisent encore ces versions, presque toutes issues de très anciennes intégrations.", "Weniger als 0,1\u00a0% der Anfragen nutzen diese Versionen noch, fast alle von sehr alten Integrationen."},
			{"Browsers from the last eight years are not affected.", "Browsers van de afgelopen acht jaar merken hier niets van.", "Les navigateurs des huit dernières années ne sont pas concernés.", "Browser der letzten acht Jahre sind nicht betroffen."},
		},
		todo: T{"You can check your own integration with this command; it should print a TLS 1.2 or 1.3 session:", "U kunt uw eigen koppeling controleren met dit commando; het moet een sessie met TLS 1.2 of 1.3 tonen:", "Vous pouvez vérifier votre intégration avec cette commande ; elle doit afficher une session TLS 1.2 ou 1.3 :", "Ihre eigene Integration können Sie mit diesem Befehl prüfen; er sollte eine Sitzung mit TLS 1.2 oder 1.3 anzeigen:"},
		code: "```console\n$ curl -sv --tlsv1.2 https://api.brightwave.example/v2/ping 2>&1 | grep 'SSL connection'\n* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256\n```"},
	{comps: []string{"bank-payments", "checkout"}, doc: "/docs/payments/instant-transfers",
		title:   T{"Instant SEPA transfers on payment pages", "Direct betalen met SEPA Instant op betaalpagina's", "Virements SEPA instantanés sur les pages de paiement", "SEPA-Echtzeitüberweisungen auf den Zahlungsseiten"},
		summary: T{"From {date}, your customers can pay invoices by instant SEPA transfer; the money reaches your balance within seconds.", "Vanaf {date} kunnen uw klanten facturen betalen met een directe SEPA-overboeking; het geld staat binnen enkele seconden op uw saldo.", "À partir du {date}, vos clients peuvent régler leurs factures par virement SEPA instantané ; l'argent arrive sur votre solde en quelques secondes.", "Ab dem {date} können Ihre Kunden Rechnungen per SEPA-Echtzeitüberweisung bezahlen; das Geld ist innerhalb von Sekunden auf Ihrem Guthaben."},
		intro:   T{"Many banks in Europe now support instant transfers, and many of you asked for them.", "Veel Europese banken ondersteunen inmiddels directe overboekingen, en veel van u hebben erom gevraagd.", "De nombreuses banques européennes proposent désormais les virements instantanés, et beaucoup d'entre vous nous les ont demandés.", "Viele Banken in Europa unterstützen inzwischen Echtzeitüberweisungen, und viele von Ihnen haben danach gefragt."},
		changes: []T{
			{"Payment pages show instant transfer as an option when the customer's bank supports it.", "Betaalpagina's tonen directe overboeking als optie wanneer de bank van de klant die ondersteunt.", "Les pages de paiement proposent le virement instantané lorsque la banque du client le permet.", "Zahlungsseiten bieten die Echtzeitüberweisung an, wenn die Bank des Kunden sie unterstützt."},
			{"The invoice is marked as paid as soon as the transfer arrives, usually within ten seconds; the webhook event is `invoice.paid`, as before.", "De factuur staat op betaald zodra de overboeking binnen is, meestal binnen tien seconden; de webhook is zoals altijd `invoice.paid`.", "La facture est marquée comme payée dès l'arrivée du virement, généralement en moins de dix secondes ; l'événement webhook reste `invoice.paid`.", "Die Rechnung gilt als bezahlt, sobald die Überweisung eingeht, meist innerhalb von zehn Sekunden; das Webhook-Ereignis ist wie bisher `invoice.paid`."},
			{"The fee is the same as for a regular bank transfer.", "De kosten zijn gelijk aan die van een gewone overboeking.", "Les frais sont identiques à ceux d'un virement classique.", "Die Gebühr entspricht der einer normalen Überweisung."},
		},
		todo: T{"Nothing: the option appears automatically. You can switch it off under **Settings › Payment methods**.", "Niets: de optie verschijnt vanzelf. U kunt hem uitzetten onder **Instellingen › Betaalmethoden**.", "Rien : l'option apparaît automatiquement. Vous pouvez la désactiver dans **Paramètres › Moyens de paiement**.", "Nichts: Die Option erscheint automatisch. Sie können sie unter **Einstellungen › Zahlungsarten** abschalten."}},
	{comps: []string{"rest-api"}, doc: "/docs/api/migrate-to-v2",
		title:   T{"REST API version 1 will be switched off", "Versie 1 van de REST-API wordt uitgeschakeld", "La version 1 de l'API REST sera arrêtée", "Version 1 der REST-API wird abgeschaltet"},
		summary: T{"On {date} we switch off version 1 of the REST API. Integrations that still call `/v1/` must move to `/v2/` before then.", "Op {date} schakelen we versie 1 van de REST-API uit. Koppelingen die nog `/v1/` aanroepen, moeten vóór die datum overstappen op `/v2/`.", "Le {date}, nous arrêtons la version 1 de l'API REST. Les intégrations qui appellent encore `/v1/` doivent passer à `/v2/` d'ici là.", "Am {date} schalten wir Version 1 der REST-API ab. Integrationen, die noch `/v1/` aufrufen, müssen vorher auf `/v2/` umstellen."},
		intro:   T{"Version 2 of the REST API has been available for three years and offers everything version 1 did, and more.", "Versie 2 van de REST-API is al drie jaar beschikbaar en biedt alles wat versie 1 bood, en meer.", "La version 2 de l'API REST est disponible depuis trois ans et offre tout ce que proposait la version 1, et davantage.", "Version 2 der REST-API gibt es seit drei Jahren; sie bietet alles, was Version 1 konnte, und mehr."},
		changes: []T{
			{"Calls to `/v1/` receive `410 Gone` with a link to the migration guide.", "Aanroepen van `/v1/` krijgen `410 Gone` met een link naar de migratiegids.", "Les appels à `/v1/` reçoivent `410 Gone` avec un lien vers le guide de migration.", "Aufrufe von `/v1/` erhalten `410 Gone` mit einem Link zur Migrationsanleitung."},
			{"API keys keep working: the same key is valid for version 2.", "API-sleutels blijven werken: dezelfde sleutel is geldig voor versie 2.", "Les clés d'API restent valables : la même clé fonctionne avec la version 2.", "API-Schlüssel bleiben gültig: Derselbe Schlüssel funktioniert mit Version 2."},
			{"Amounts in version 2 are in cents, as whole numbers.", "Bedragen staan in versie 2 in centen, als gehele getallen.", "Dans la version 2, les montants sont exprimés en centimes, sous forme d'entiers.", "Beträge stehen in Version 2 in Cent, als ganze Zahlen."},
		},
		todo: T{"Check your logs for calls to `/v1/`. The change for a typical call looks like this:", "Zoek in uw logs naar aanroepen van `/v1/`. Voor een gewone aanroep ziet de wijziging er zo uit:", "Recherchez dans vos journaux les appels à `/v1/`. Pour un appel typique, la modification ressemble à ceci :", "Suchen Sie in Ihren Logs nach Aufrufen von `/v1/`. Für einen typischen Aufruf sieht die Änderung so aus:"},
		code: "```diff\n- GET https://api.brightwave.example/v1/invoices?status=open\n+ GET https://api.brightwave.example/v2/invoices?status=open\n```"},
	{
		title:   T{"Follow this status page by RSS, Atom or JSON Feed", "Volg deze statuspagina via RSS, Atom of JSON Feed", "Suivez cette page d'état par RSS, Atom ou JSON Feed", "Diese Statusseite per RSS, Atom oder JSON Feed verfolgen"},
		summary: T{"From {date}, every update on this page is also published as a feed, so you can follow incidents in your feed reader, chat tool or monitoring system.", "Vanaf {date} verschijnt elke update op deze pagina ook in een feed, zodat u storingen kunt volgen in uw feedreader, chattool of monitoringsysteem.", "À partir du {date}, chaque mise à jour de cette page est aussi publiée dans un flux, pour suivre les incidents dans votre lecteur de flux, votre messagerie d'équipe ou votre outil de supervision.", "Ab dem {date} erscheint jede Meldung dieser Seite auch als Feed, sodass Sie Störungen in Ihrem Feedreader, Chat-Tool oder Monitoring verfolgen können."},
		intro:   T{"Many of you check this page during an incident. Now it can come to you instead.", "Veel van u kijken tijdens een storing op deze pagina. Nu kan de pagina ook naar u toe komen.", "Beaucoup d'entre vous consultent cette page pendant un incident. Désormais, c'est elle qui peut venir à vous.", "Viele von Ihnen schauen während einer Störung auf diese Seite. Jetzt kommt sie auch zu Ihnen."},
		changes: []T{
			{"[RSS]({feed}), Atom and JSON Feed, in each of the four languages of this page.", "[RSS]({feed}), Atom en JSON Feed, in elk van de vier talen van deze pagina.", "[RSS]({feed}), Atom et JSON Feed, dans chacune des quatre langues de cette page.", "[RSS]({feed}), Atom und JSON Feed, in jeder der vier Sprachen dieser Seite."},
			{"A feed per component, for example only for card payments.", "Een feed per onderdeel, bijvoorbeeld alleen voor kaartbetalingen.", "Un flux par composant, par exemple uniquement pour les paiements par carte.", "Ein Feed pro Komponente, zum Beispiel nur für Kartenzahlungen."},
			{"Maintenance as a calendar you can subscribe to.", "Onderhoud als agenda waarop u zich kunt abonneren.", "Les maintenances sous forme d'agenda auquel vous pouvez vous abonner.", "Wartungen als Kalender zum Abonnieren."},
		},
		todo: T{"Copy a feed address into your reader, for example one of these:", "Kopieer een feedadres naar uw feedreader, bijvoorbeeld een van deze:", "Copiez une adresse de flux dans votre lecteur, par exemple l'une de celles-ci :", "Kopieren Sie eine Feed-Adresse in Ihren Feedreader, zum Beispiel eine dieser:"},
		code: "```text\nhttps://status.brightwave.example/en/feed.rss\nhttps://status.brightwave.example/en/components/card-payments/feed.atom\n```"},
	{comps: []string{"dashboard", "mobile-app"}, doc: "/docs/account/two-step-sign-in",
		title:   T{"Two-step sign-in becomes mandatory", "Inloggen in twee stappen wordt verplicht", "La connexion en deux étapes devient obligatoire", "Anmeldung in zwei Schritten wird Pflicht"},
		summary: T{"From {date}, everyone who signs in to the dashboard or the mobile app needs a second step: a code from an authenticator app or a security key.", "Vanaf {date} heeft iedereen die inlogt op het dashboard of de mobiele app een tweede stap nodig: een code uit een authenticator-app of een beveiligingssleutel.", "À partir du {date}, toute connexion au tableau de bord ou à l'application mobile demande une seconde étape : un code d'une application d'authentification ou une clé de sécurité.", "Ab dem {date} braucht jeder, der sich im Dashboard oder in der mobilen App anmeldet, einen zweiten Schritt: einen Code aus einer Authenticator-App oder einen Sicherheitsschlüssel."},
		intro:   T{"Your Brightwave account gives access to payments and customer data, so a password alone is no longer enough.", "Uw Brightwave-account geeft toegang tot betalingen en klantgegevens; een wachtwoord alleen is daarom niet meer genoeg.", "Votre compte Brightwave donne accès aux paiements et aux données clients ; un mot de passe seul ne suffit donc plus.", "Ihr Brightwave-Konto gibt Zugriff auf Zahlungen und Kundendaten, daher reicht ein Passwort allein nicht mehr aus."},
		changes: []T{
			{"Users without two-step sign-in are asked to set it up at their next sign-in.", "Gebruikers zonder tweestapsverificatie worden bij de volgende keer inloggen gevraagd die in te stellen.", "Les utilisateurs sans connexion en deux étapes devront la configurer à leur prochaine connexion.", "Nutzer ohne Zwei-Schritt-Anmeldung werden bei der nächsten Anmeldung gebeten, sie einzurichten."},
			{"API keys are not affected.", "API-sleutels veranderen niet.", "Les clés d'API ne sont pas concernées.", "API-Schlüssel sind nicht betroffen."},
			{"Administrators can see who has set it up under **Settings › Users**.", "Beheerders zien onder **Instellingen › Gebruikers** wie het al heeft ingesteld.", "Les administrateurs voient qui l'a configurée dans **Paramètres › Utilisateurs**.", "Administratoren sehen unter **Einstellungen › Benutzer**, wer sie eingerichtet hat."},
		},
		todo: T{"Set up two-step sign-in now under **Settings › Security**, so that you are not held up on the day itself.", "Stel tweestapsverificatie nu al in onder **Instellingen › Beveiliging**, zodat u op de dag zelf niet wordt opgehouden.", "Configurez dès maintenant la connexion en deux étapes dans **Paramètres › Sécurité** pour ne pas être bloqué le jour venu.", "Richten Sie die Zwei-Schritt-Anmeldung schon jetzt unter **Einstellungen › Sicherheit** ein, damit Sie am Stichtag nicht aufgehalten werden."}},
}

var (
	nTakesEffect = T{"The change takes effect on {date}.", "De wijziging gaat in op {date}.", "Le changement prend effet le {date}.", "Die Änderung gilt ab dem {date}."}
	nMore        = T{"More details are in our [documentation]({doc}).", "Meer details vindt u in onze [documentatie]({doc}).", "Plus de détails dans notre [documentation]({doc}).", "Weitere Details finden Sie in unserer [Dokumentation]({doc})."}
	hChanges     = []T{{"What is changing?", "Wat verandert er?", "Qu'est-ce qui change\u00a0?", "Was ändert sich?"}, {"The changes", "De wijzigingen", "Les changements", "Die Änderungen"}}
	hNoticeTodo  = []T{{"What do you need to do?", "Wat moet u doen?", "Que devez-vous faire\u00a0?", "Was müssen Sie tun?"}, {"What you can do", "Wat u kunt doen", "Ce que vous pouvez faire", "Was Sie tun können"}}
)

// Calendar words.
var (
	months = [4][12]string{
		{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	}
	weekdays = [4][7]string{
		{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"},
		{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
	}
	and = T{"and", "en", "et", "und"}
)
