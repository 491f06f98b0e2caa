## hosted-checkout: Texte der Bestellseiten (Deutsch). Gleiche Nachrichten und Variablen wie en.ftl.

## Seitenrahmen (base.html)

page-title = { $title } · { $seller }
skip-link = Zum Inhalt springen
preview-label = Vorschau
preview-text = Dies ist eine Vorschau für den Anbieter. Ihre Aktionen hier erstellen oder ändern kein Abonnement.
logo-alt = Logo von { $seller }
footer = Sicherer Bestellvorgang für { $seller }. Preise in der Währung des Tarifs.
language-label = Sprache
language-submit = Sprache ändern
date-range = { $start } – { $end }

## Schritte

steps-label = Bestellschritte
step-plan = Tarif
step-details = Angaben
step-review = Überprüfen

## Formulare

error-summary-heading = Bitte überprüfen Sie das Formular
field-required = (erforderlich)
field-error-item = { $label }: { $message }

## Preise in Worten

price-per-period = { $price } / { $period ->
    [P3M] Quartal
    [P6M] 6 Monate
    [P1Y] Jahr
   *[P1M] Monat
}
price-one-time = { $price } einmalig
price-usage = { $price } / { $period ->
    [P3M] Quartal
    [P6M] 6 Monate
    [P1Y] Jahr
   *[P1M] Monat
}, Abrechnung nach Nutzung
price-per-unit = { $price } pro { $unit }
price-graduated = Staffelpreis pro { $unit }
price-volume = Mengenpreis pro { $unit }
price-package = { $price } pro { $size } { $unit }
price-stepped = Gestaffelter Pauschalpreis
unit-default = Einheit
tier-per-unit = { $price } pro { $unit }
tier-flat = { $price } pauschal
tier-join = { $first } + { $second }

## Schritt: Tarif

plan-heading-new = Wählen Sie Ihren Tarif
plan-heading-change = Ändern Sie Ihren Tarif
plan-intro-change = Vergleichen Sie Ihren aktuellen Tarif mit dem neuen.
plan-heading-quantity = Abonnement anpassen
plan-intro-quantity = Passen Sie Mengen und Zusatzoptionen an. Sie sehen die Kosten, bevor sich etwas ändert.
current-plan-heading = Ihr aktueller Tarif: { $plan }
choose-plan = Tarif wählen
plan-legend = Tarif
billed-every = Wird { $period ->
    [P3M] vierteljährlich
    [P6M] alle 6 Monate
    [P1Y] jährlich
   *[P1M] monatlich
} abgerechnet.
add-item = { $item } hinzufügen
item-now = Aktuell: { $current }
item-fallback-name = Artikel
item-on-current-plan = { $quantity } in Ihrem aktuellen Tarif
item-off-current-plan = in Ihrem aktuellen Tarif nicht gebucht
item-quantity-now = derzeit { $quantity }
item-off-now = derzeit nicht gebucht
item-off = nicht gebucht
item-times = { $quantity } × { $price }
tiers-caption = Preisstufen für { $item }
tiers-quantity = Menge
tiers-price = Preis
quantity-label = Menge
quantity-range = ({ $min }–{ $max })
quantity-fixed = Menge: { $quantity }
plan-continue = Weiter
summary-heading = Bestellübersicht
summary-due-today = Heute in Rechnung gestellt
summary-no-renewal = Der Vertrag endet vor der Verlängerung.
summary-update = Summe aktualisieren
summary-unavailable = Die Summe wird angezeigt, sobald alle Mengen gültig sind.

## Schritt: Angaben

details-heading = Ihre Angaben
details-lead = Damit richten wir Ihr Abonnement ein und senden Ihnen Ihre Rechnungen.
details-continue = Weiter zur Überprüfung
label-customer-name = Vollständiger Name
label-email = E-Mail
label-company-name = Unternehmen
label-tax-id = Steuernummer
label-address-line1 = Adresszeile 1
label-address-line2 = Adresszeile 2
label-address-city = Ort
label-address-state = Bundesland / Region
label-address-postal-code = Postleitzahl
label-address-country = Land (Code aus 2 Buchstaben, z. B. DE)

## Schritt: Überprüfen

review-heading-new = Überprüfen und abonnieren
review-heading-change = Tarifwechsel überprüfen
review-heading-quantity = Änderungen überprüfen
review-change-from-to = Von { $from } zu { $to }
confirm-new = Bestätigen und abonnieren
confirm-change = Änderung bestätigen
confirm-quantity = Änderungen bestätigen
subscription-fallback-name = Abonnement
dates-fixed = Vom { $start } bis zum { $end }
dates-open = Beginnt am { $start }, verlängert sich { $period ->
    [P3M] vierteljährlich
    [P6M] alle 6 Monate
    [P1Y] jährlich
   *[P1M] monatlich
} bis zur Kündigung
dates-change = Änderung gültig ab dem { $date }
billing-in-advance = Wird { $period ->
    [P3M] vierteljährlich
    [P6M] alle 6 Monate
    [P1Y] jährlich
   *[P1M] monatlich
} im Voraus abgerechnet. Preise in { $currency }.
change-takes-effect = Die Änderung wird am { $date } wirksam.
line-times = { $name } × { $quantity }
billed-to = Rechnungsempfänger
no-next-invoice = Keine weitere Rechnung: Der Vertrag endet vor dem nächsten Abrechnungszeitraum.
estimate-changed = Der Preis hat sich seit Ihrem letzten Aufruf geändert. Bitte prüfen Sie die aktualisierte Kostenschätzung, bevor Sie bestätigen.
invoiced-today = Heute werden Ihnen { $amount } in Rechnung gestellt.
nothing-invoiced-today = Heute wird nichts in Rechnung gestellt.
then-recurring = Danach { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
} ab dem { $date }.
promotion-heading = Aktionscode
promotion-applied = Code { $code } angewendet.
promotion-remove = Code entfernen
promotion-ask = Haben Sie einen Aktionscode?
promotion-another = Anderen Code verwenden
promotion-apply = Anwenden
cancel = Abbrechen

## Rechnungen

invoice-first = Erste Rechnung
invoice-now = Sofortige Rechnung
invoice-next = Nächste Rechnung
invoice-lines-caption = { $heading }: Rechnungspositionen
invoice-item = Position
invoice-qty = Menge
invoice-unit-price = Einzelpreis
invoice-amount = Betrag
invoice-empty = Für diesen Zeitraum fallen keine Kosten an.
invoice-subtotal = Zwischensumme
invoice-tax = Steuer ({ $rate } %)
invoice-total = Gesamt
invoice-amount-due = Fälliger Betrag

## Statusseiten

status-preview-heading = Vorschau abgeschlossen
status-preview-text = Alles wurde erfolgreich geprüft. Da dies eine Vorschau war, wurde kein Abonnement erstellt oder geändert.
status-done-heading = Alles erledigt
status-done-new = Ihr Abonnement ist bestätigt. Sie können diese Seite jetzt schließen.
status-done-changed = Ihr Abonnement wurde aktualisiert.
status-cancelled-heading = Bestellvorgang abgebrochen
status-cancelled-text = Es wurde nichts berechnet und nichts geändert.
status-expired-heading = Dieser Bestellvorgang ist abgelaufen
status-expired-text = Der Link ist nicht mehr gültig. Bitte fordern Sie beim Anbieter einen neuen an.
status-open-heading = Bestellvorgang läuft
status-open-text = Dieser Bestellvorgang ist noch offen.
status-continue = Bestellvorgang fortsetzen

## Fehlerseite

error-not-found-heading = Bestellvorgang nicht gefunden
error-not-found-text = Dieser Bestelllink ist ungültig. Bitte fordern Sie beim Anbieter einen neuen Link an.
error-link-gone-heading = Dieser Link ist nicht mehr aktiv
error-link-gone-text = Der Verkäufer hat diesen Bestell-Link deaktiviert. Bitte fragen Sie nach einem neuen.
error-forbidden-heading = Ihre Sitzung ist abgelaufen
error-forbidden-text = Zu Ihrer Sicherheit konnte dieses Formular nicht gesendet werden. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-unavailable-heading = Wir sind gleich wieder da
error-unavailable-text = Der Bestellvorgang ist kurzzeitig nicht verfügbar. Bitte versuchen Sie es in einem Moment erneut.
error-conflict-heading = Dieser Bestellvorgang kann nicht fortgesetzt werden
error-too-many-heading = Zu viele Versuche
error-too-many-text = Bitte warten Sie einen Moment, gehen Sie dann zurück und versuchen Sie es erneut. Es wurde nichts berechnet.
error-invalid-heading = Etwas stimmt nicht
error-other-heading = Etwas ist schiefgelaufen
error-other-text = Dieser Schritt konnte nicht abgeschlossen werden. Es wurde nichts berechnet. Bitte versuchen Sie es erneut.
error-reference = Referenz:
error-fallback-seller = Bestellung

## Was die Kostenschätzung sagt (die Engine liefert die Fakten; dies sind ihre Worte)
## $item ist der Artikel der Position (line-counted, wenn eine Menge angezeigt wird); $range ein Zeitraum; $date ein
## Datum; $amount ein Geldbetrag; $days und $period-days sind Anzahlen von Tagen (Pluralregeln gelten).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } von { $period-days ->
    [one] { $period-days } Tag
   *[other] { $period-days } Tagen
})
line-one-time = { $item }, einmalige Gebühr
line-trial = { $item }, kostenlose Testphase, { $range }
line-usage = { $item }, { $range }, Abrechnung nach Nutzung am Ende des Zeitraums
line-proration-credit = Nicht genutzte Zeit für { $item }, { $range }
line-proration-charge = Verbleibende Zeit für { $item }, { $range }
line-credit-name = Guthaben
line-credit = Guthaben aus Ihrer Änderung vom { $date }
line-discount-given-back = { $discount }, bereits von der nicht genutzten Zeit abgezogen

## Rabatte: $discount ist discount-label; $value ist discount-percent-off oder discount-amount-off;
## $percent ist eine formatierte Zahl; $months und $years sind Zahlen.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent } % Rabatt
discount-amount-off = { $amount } Rabatt
discount-once = { $value } { $period ->
    [P3M] im ersten Quartal
    [P6M] in den ersten 6 Monaten
    [P1Y] im ersten Jahr
   *[P1M] im ersten Monat
}, danach { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
}.
discount-months = { $value } für { $months ->
    [one] { $months } Monat
   *[other] { $months } Monate
}, danach { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
}.
discount-years = { $value } für { $years ->
    [one] { $years } Jahr
   *[other] { $years } Jahre
}, danach { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
}.
discount-forever = { $value } { $period ->
    [P3M] jedes Quartal
    [P6M] alle 6 Monate
    [P1Y] jedes Jahr
   *[P1M] jeden Monat
}.

## Hinweise unter einer Rechnung

note-usage = Die Nutzung wird am Ende jedes Zeitraums nach tatsächlichem Verbrauch abgerechnet; hier wird sie mit 0 angezeigt.
note-credit-later = Ein Guthaben von { $amount } (vor Steuern) bleibt für spätere Rechnungen auf Ihrem Konto.
note-credit-next = Jetzt ist nichts zu zahlen. Ihr Guthaben von { $amount } (vor Steuern) wird mit Ihrer nächsten Rechnung verrechnet.
note-credit-kept = Jetzt ist nichts zu zahlen. Ihr Guthaben von { $amount } (vor Steuern) bleibt auf Ihrem Konto.
note-ends-in-period = Ihr Vertrag endet am { $date }, daher werden für diesen Zeitraum { $days } von { $period-days ->
    [one] { $period-days } Tag
   *[other] { $period-days } Tagen
} berechnet.
note-trial-until = Kostenlose Testphase bis zum { $date }.
note-first-payment = Ihre erste Zahlung über { $amount } erfolgt am { $date }.
note-ends-in-trial = Ihr Vertrag endet während der kostenlosen Testphase, daher wird nichts berechnet.
note-rest-covered = Gutschriften und Kosten decken den Rest dieses Zeitraums ab: { $range } ({ $days } von { $period-days ->
    [one] { $period-days } Tag
   *[other] { $period-days } Tagen
}).
note-rest-credited = Die nicht genutzte Zeit Ihres aktuellen Tarifs wird Ihnen gutgeschrieben: { $range } ({ $days } von { $period-days ->
    [one] { $period-days } Tag
   *[other] { $period-days } Tagen
}).
note-change-later = Bis zum { $date }, an dem die Änderung wirksam wird, ändert sich nichts.
note-ends-before-change = Ihr Vertrag endet, bevor die Änderung wirksam würde.
note-change-unprorated = Die Änderung gilt ab dem { $date }; für { $range } wird nichts berechnet oder gutgeschrieben.
note-discount-replaced = Ab dem { $date } ersetzt { $new } Ihren Rabatt { $old }.
note-discount-stays-until = Ihr Rabatt { $discount } bleibt bis zum { $date } bestehen.
note-discount-stays = Ihr Rabatt { $discount } bleibt bestehen.
note-trial-change = Sie befinden sich bis zum { $date } in der kostenlosen Testphase, daher wird für diese Änderung jetzt nichts berechnet oder gutgeschrieben.
note-discount-refused = { $discount } kann nicht verwendet werden: { $reason }.

## Was ein Tarifwechsel bewirkt: ein Satz für jetzt, einer für später, dann was er ersetzt

change-trial = Die Änderung gilt während Ihrer kostenlosen Testphase, daher wird jetzt nichts berechnet.
change-pay-rest = Sie zahlen jetzt { $amount } für den Rest dieses Zeitraums ({ $range }).
change-credit-next-rest = Sie erhalten für den Rest dieses Zeitraums ({ $range }) eine Gutschrift von { $amount }, die mit Ihrer nächsten Rechnung verrechnet wird.
change-credit-kept-rest = Sie erhalten für den Rest dieses Zeitraums ({ $range }) eine Gutschrift von { $amount }, die auf Ihrem Konto bleibt.
change-nothing-rest = Für den Rest dieses Zeitraums ({ $range }) wird jetzt nichts berechnet.
change-pay-restart = Sie zahlen jetzt { $amount } für einen neuen Abrechnungszeitraum ab dem { $date }, abzüglich des nicht genutzten Teils Ihres aktuellen Zeitraums.
change-credit-next-restart = Für einen neuen Abrechnungszeitraum ab dem { $date }, abzüglich des nicht genutzten Teils Ihres aktuellen Zeitraums, erhalten Sie eine Gutschrift von { $amount }, die mit Ihrer nächsten Rechnung verrechnet wird.
change-credit-kept-restart = Für einen neuen Abrechnungszeitraum ab dem { $date }, abzüglich des nicht genutzten Teils Ihres aktuellen Zeitraums, erhalten Sie eine Gutschrift von { $amount }, die auf Ihrem Konto bleibt.
change-nothing-restart = Für einen neuen Abrechnungszeitraum ab dem { $date }, abzüglich des nicht genutzten Teils Ihres aktuellen Zeitraums, wird jetzt nichts berechnet.
change-stays-until = Ihre aktuellen Konditionen gelten bis zum { $date }.
change-applies-from = Die Änderung gilt ab dem { $date }; für den Rest dieses Zeitraums wird nichts berechnet oder gutgeschrieben.
change-then = Ab dem { $date } zahlen Sie { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
}.
change-then-tax = Ab dem { $date } zahlen Sie { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
} inklusive Steuern.
change-then-usage = Ab dem { $date } zahlen Sie { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
}, zuzüglich nutzungsabhängiger Kosten.
change-then-tax-usage = Ab dem { $date } zahlen Sie { $amount } { $period ->
    [P3M] pro Quartal
    [P6M] alle 6 Monate
    [P1Y] pro Jahr
   *[P1M] pro Monat
} inklusive Steuern, zuzüglich nutzungsabhängiger Kosten.
change-ends = Ihr Vertrag endet am { $date }.
change-ends-before-change = Ihr Vertrag endet am { $date }, bevor die Änderung wirksam würde.
change-replaces-switch = Dies ersetzt Ihren für den { $date } geplanten Wechsel zu { $plan }.
change-replaces = Dies ersetzt Ihre für den { $date } geplante Änderung.

## Was an einem ausgefüllten Feld nicht stimmt ($max ist eine Zahl)

problem-required = ist erforderlich
problem-too-long = darf höchstens { $max } Zeichen lang sein
problem-control-characters = darf keine Steuerzeichen enthalten
problem-email = geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com
problem-country = muss ein Ländercode nach ISO 3166 aus zwei Buchstaben sein, z. B. US oder DE
problem-not-offered = wählen Sie einen der angebotenen Tarife
problem-quantity = geben Sie eine ganze Zahl im zulässigen Bereich ein

## Warum ein Aktionscode nicht verwendet werden kann ($amount ist ein Geldbetrag, $currency ein ISO-Code wie EUR)

code-unknown = dieser Code ist ungültig
code-expired = dieser Code ist abgelaufen
code-used-up = dieser Code wurde bereits vollständig eingelöst
code-inactive = dieser Code ist nicht mehr aktiv
code-not-for-plan = dieser Code gilt nicht für diesen Tarif
code-minimum = dieser Code erfordert einen Bestellwert von mindestens { $amount }
code-first-purchase = dieser Code gilt nur für eine Erstbestellung
code-currency = dieser Code lautet auf { $currency }, die Bestellung aber auf eine andere Währung
