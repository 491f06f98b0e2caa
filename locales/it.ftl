## hosted-checkout: testi delle pagine di checkout (italiano). Stessi messaggi e variabili di en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Vai al contenuto
preview-label = Anteprima
preview-text = Questa è un'anteprima per il venditore. Nessuna azione eseguita qui crea o modifica un abbonamento.
logo-alt = Logo di { $seller }
footer = Checkout sicuro per { $seller }. I prezzi sono espressi nella valuta del piano.
language-label = Lingua
language-submit = Cambia lingua
date-range = { $start } – { $end }

## Steps

steps-label = Passaggi del checkout
step-plan = Piano
step-details = Dati
step-review = Riepilogo

## Forms

error-summary-heading = Controlla il modulo
field-required = (obbligatorio)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 mesi
    [P1Y] anno
   *[P1M] mese
}
price-one-time = { $price } una tantum
price-usage = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 mesi
    [P1Y] anno
   *[P1M] mese
}, fatturato in base all'utilizzo
price-per-unit = { $price } per { $unit }
price-graduated = Prezzo progressivo per { $unit }
price-volume = Prezzo a volume per { $unit }
price-package = { $price } per { $size } { $unit }
price-stepped = Prezzo fisso a scaglioni
unit-default = unità
tier-per-unit = { $price } per { $unit }
tier-flat = { $price } fisso
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Scegli il tuo piano
plan-heading-change = Cambia il tuo piano
plan-intro-change = Confronta il tuo piano attuale con quello nuovo.
plan-heading-quantity = Aggiorna il tuo abbonamento
plan-intro-quantity = Modifica quantità e componenti aggiuntivi: vedrai il costo prima che venga cambiato qualcosa.
current-plan-heading = Il tuo piano attuale: { $plan }
choose-plan = Scegli un piano
plan-legend = Piano
billed-every = Fatturazione { $period ->
    [P3M] trimestrale
    [P6M] semestrale
    [P1Y] annuale
   *[P1M] mensile
}.
add-item = Aggiungi { $item }
item-now = Ora: { $current }
item-fallback-name = Articolo
item-on-current-plan = { $quantity } nel tuo piano attuale
item-off-current-plan = non attivo nel tuo piano attuale
item-quantity-now = { $quantity } ora
item-off-now = ora non attivo
item-off = non attivo
item-times = { $quantity } × { $price }
tiers-caption = Fasce di prezzo per { $item }
tiers-quantity = Quantità
tiers-price = Prezzo
quantity-label = Quantità
quantity-range = ({ $min }–{ $max })
quantity-fixed = Quantità: { $quantity }
plan-continue = Continua
summary-heading = Riepilogo dell'ordine
summary-due-today = Fatturato oggi
summary-no-renewal = Il contratto termina prima del rinnovo.
summary-update = Aggiorna il totale
summary-unavailable = Il totale verrà mostrato quando tutte le quantità saranno valide.

## Details step

details-heading = I tuoi dati
details-lead = Li usiamo per configurare il tuo abbonamento e inviarti le fatture.
details-continue = Continua al riepilogo
label-customer-name = Nome e cognome
label-email = Email
label-company-name = Azienda
label-tax-id = Partita IVA / codice fiscale
label-address-line1 = Indirizzo (riga 1)
label-address-line2 = Indirizzo (riga 2)
label-address-city = Città
label-address-state = Provincia / regione
label-address-postal-code = CAP
label-address-country = Paese (codice di 2 lettere, es. IT)

## Review step

review-heading-new = Controlla e abbonati
review-heading-change = Controlla la modifica del piano
review-heading-quantity = Controlla le modifiche
review-change-from-to = Da { $from } a { $to }
confirm-new = Conferma e abbonati
confirm-change = Conferma la modifica
confirm-quantity = Conferma le modifiche
subscription-fallback-name = Abbonamento
dates-fixed = Dal { $start } al { $end }
dates-open = Inizio: { $start }, rinnovo { $period ->
    [P3M] ogni trimestre
    [P6M] ogni 6 mesi
    [P1Y] ogni anno
   *[P1M] ogni mese
} fino alla disdetta
dates-change = Modifica in vigore dal { $date }
billing-in-advance = Fatturazione { $period ->
    [P3M] trimestrale
    [P6M] semestrale
    [P1Y] annuale
   *[P1M] mensile
} anticipata. Prezzi in { $currency }.
change-takes-effect = La modifica avrà effetto dal { $date }.
line-times = { $name } × { $quantity }
billed-to = Intestatario della fattura
no-next-invoice = Nessuna fattura successiva: il contratto termina prima del prossimo periodo.
estimate-changed = Il prezzo è cambiato dall'ultima volta che l'hai visto. Controlla la stima aggiornata prima di confermare.
invoiced-today = Oggi ti verrà fatturato un importo di { $amount }.
nothing-invoiced-today = Oggi non viene fatturato nulla.
then-recurring = Poi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
} dal { $date }.
promotion-heading = Codice promozionale
promotion-applied = Codice { $code } applicato.
promotion-remove = Rimuovi codice
promotion-ask = Hai un codice promozionale?
promotion-another = Usa un altro codice
promotion-apply = Applica
cancel = Annulla

## Invoices

invoice-first = Prima fattura
invoice-now = Fattura immediata
invoice-next = Prossima fattura
invoice-lines-caption = { $heading }: voci
invoice-item = Voce
invoice-qty = Qtà
invoice-unit-price = Prezzo unitario
invoice-amount = Importo
invoice-empty = Nessun addebito per questo periodo.
invoice-subtotal = Subtotale
invoice-tax = Imposta ({ $rate }%)
invoice-total = Totale
invoice-amount-due = Importo dovuto

## Status pages

status-preview-heading = Anteprima completata
status-preview-text = È tutto a posto. Questa era un'anteprima, quindi nessun abbonamento è stato creato o modificato.
status-done-heading = Tutto pronto
status-done-new = Il tuo abbonamento è confermato. Puoi chiudere questa pagina.
status-done-changed = Il tuo abbonamento è stato aggiornato.
status-cancelled-heading = Checkout annullato
status-cancelled-text = Non è stato addebitato nulla e non è cambiato nulla.
status-expired-heading = Questo checkout è scaduto
status-expired-text = Il link non è più valido. Chiedine uno nuovo al venditore.
status-open-heading = Checkout in corso
status-open-text = Questo checkout è ancora aperto.
status-continue = Continua il checkout

## Error page

error-not-found-heading = Checkout non trovato
error-not-found-text = Questo link di checkout non è valido. Chiedi un nuovo link al venditore.
error-link-gone-heading = Questo link non è più attivo
error-link-gone-text = Il venditore ha disattivato questo link di pagamento. Chiedigliene uno nuovo.
error-forbidden-heading = La tua sessione è scaduta
error-forbidden-text = Per la tua sicurezza non è stato possibile inviare questo modulo. Torna indietro, ricarica la pagina e riprova.
error-unavailable-heading = Torniamo subito
error-unavailable-text = Il checkout è momentaneamente non disponibile. Riprova tra poco.
error-conflict-heading = Impossibile proseguire con questo checkout
error-too-many-heading = Troppi tentativi
error-too-many-text = Attendi un momento, poi torna indietro e riprova. Non è stato addebitato nulla.
error-invalid-heading = Qualcosa non va
error-other-heading = Si è verificato un errore
error-other-text = Non è stato possibile completare questo passaggio. Non è stato addebitato nulla. Riprova.
error-reference = Riferimento:
error-fallback-seller = Checkout

## Cosa dice la stima (il motore fornisce i fatti; queste sono le sue parole)
## $item è l'articolo della voce (line-counted quando è indicata una quantità); $range un intervallo di date; $date una
## data; $amount un importo; $days e $period-days sono numeri di giorni (si applicano le regole del plurale).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} su { $period-days })
line-one-time = { $item }, addebito una tantum
line-trial = { $item }, prova gratuita, { $range }
line-usage = { $item }, { $range }, fatturato a fine periodo in base all'utilizzo
line-proration-credit = Tempo non utilizzato di { $item }, { $range }
line-proration-charge = Tempo rimanente di { $item }, { $range }
line-credit-name = Credito
line-credit = Credito dalla modifica del { $date }
line-discount-given-back = { $discount }, già detratto dal tempo non utilizzato

## Sconti: $discount è discount-label; $value è discount-percent-off o discount-amount-off;
## $percent è un numero formattato; $months e $years sono numeri.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent }% di sconto
discount-amount-off = { $amount } di sconto
discount-once = { $value } { $period ->
    [P3M] per il primo trimestre
    [P6M] per i primi 6 mesi
    [P1Y] per il primo anno
   *[P1M] per il primo mese
}, poi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
}.
discount-months = { $value } per { $months ->
    [one] { $months } mese
   *[other] { $months } mesi
}, poi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
}.
discount-years = { $value } per { $years ->
    [one] { $years } anno
   *[other] { $years } anni
}, poi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
}.
discount-forever = { $value } { $period ->
    [P3M] ogni trimestre
    [P6M] ogni 6 mesi
    [P1Y] ogni anno
   *[P1M] ogni mese
}.

## Note sotto una fattura

note-usage = L'utilizzo viene fatturato alla fine di ogni periodo in base al consumo effettivo; qui è indicato a 0.
note-credit-later = Un credito di { $amount } (imposte escluse) resta sul tuo account per le fatture successive.
note-credit-next = Non devi pagare nulla ora. Il tuo credito di { $amount } (imposte escluse) verrà usato nella prossima fattura.
note-credit-kept = Non devi pagare nulla ora. Il tuo credito di { $amount } (imposte escluse) resta sul tuo account.
note-ends-in-period = Il tuo contratto termina il { $date }, quindi questo periodo viene addebitato per { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} su { $period-days }.
note-trial-until = Prova gratuita fino al { $date }.
note-first-payment = Il tuo primo pagamento di { $amount } sarà il { $date }.
note-ends-in-trial = Il tuo contratto termina durante la prova gratuita, quindi non viene addebitato nulla.
note-rest-covered = Crediti e addebiti coprono il resto di questo periodo, { $range } ({ $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} su { $period-days }).
note-rest-credited = Il tempo non utilizzato del tuo piano attuale ti viene accreditato: { $range } ({ $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} su { $period-days }).
note-change-later = Non cambia nulla prima del { $date }, data in cui la modifica avrà effetto.
note-ends-before-change = Il tuo contratto termina prima che la modifica abbia effetto.
note-change-unprorated = La modifica si applica dal { $date }; non viene addebitato né accreditato nulla per il periodo { $range }.
note-discount-replaced = Dal { $date }, { $new } sostituisce il tuo sconto { $old }.
note-discount-stays-until = Il tuo sconto { $discount } resta valido fino al { $date }.
note-discount-stays = Il tuo sconto { $discount } resta valido.
note-trial-change = Sei in prova gratuita fino al { $date }, quindi per ora non viene addebitato né accreditato nulla per questa modifica.
note-discount-refused = Non è possibile usare { $discount }: { $reason }.

## Cosa comporta un cambio di piano: una frase per ora, una per dopo, poi cosa sostituisce

change-trial = La modifica si applica durante la prova gratuita, quindi ora non viene addebitato nulla.
change-pay-rest = Paghi ora { $amount } per il resto di questo periodo ({ $range }).
change-credit-next-rest = Ricevi un credito di { $amount }, da usare nella prossima fattura, per il resto di questo periodo ({ $range }).
change-credit-kept-rest = Ricevi un credito di { $amount }, che resta sul tuo account, per il resto di questo periodo ({ $range }).
change-nothing-rest = Ora non viene addebitato nulla per il resto di questo periodo ({ $range }).
change-pay-restart = Paghi ora { $amount } per un nuovo periodo di fatturazione che inizia il { $date }, al netto della parte non utilizzata del periodo attuale.
change-credit-next-restart = Ricevi un credito di { $amount }, da usare nella prossima fattura, per un nuovo periodo di fatturazione che inizia il { $date }, al netto della parte non utilizzata del periodo attuale.
change-credit-kept-restart = Ricevi un credito di { $amount }, che resta sul tuo account, per un nuovo periodo di fatturazione che inizia il { $date }, al netto della parte non utilizzata del periodo attuale.
change-nothing-restart = Ora non viene addebitato nulla per un nuovo periodo di fatturazione che inizia il { $date }, al netto della parte non utilizzata del periodo attuale.
change-stays-until = Le tue condizioni attuali restano valide fino al { $date }.
change-applies-from = La modifica si applica dal { $date }, senza addebiti né accrediti per il resto di questo periodo.
change-then = Dal { $date } paghi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
}.
change-then-tax = Dal { $date } paghi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
} imposte incluse.
change-then-usage = Dal { $date } paghi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
}, più i costi di utilizzo.
change-then-tax-usage = Dal { $date } paghi { $amount } { $period ->
    [P3M] al trimestre
    [P6M] ogni 6 mesi
    [P1Y] all'anno
   *[P1M] al mese
} imposte incluse, più i costi di utilizzo.
change-ends = Il tuo contratto termina il { $date }.
change-ends-before-change = Il tuo contratto termina il { $date }, prima che la modifica abbia effetto.
change-replaces-switch = Questa modifica sostituisce il passaggio a { $plan } programmato per il { $date }.
change-replaces = Questa modifica sostituisce quella programmata per il { $date }.

## Cosa non va in un campo compilato dal cliente ($max è un numero)

problem-required = è un campo obbligatorio
problem-too-long = deve contenere al massimo { $max ->
    [one] { $max } carattere
   *[other] { $max } caratteri
}
problem-control-characters = non deve contenere caratteri di controllo
problem-email = inserisci un indirizzo email valido, es. nome@example.com
problem-country = deve essere un codice paese ISO 3166 di due lettere, es. US o IT
problem-not-offered = scegli uno dei piani proposti
problem-quantity = inserisci un numero intero compreso nell'intervallo consentito

## Perché non è possibile usare un codice promozionale ($amount è un importo, $currency un codice ISO come EUR)

code-unknown = questo codice non è valido
code-expired = questo codice è scaduto
code-used-up = questo codice ha raggiunto il limite di utilizzi
code-inactive = questo codice non è più attivo
code-not-for-plan = questo codice non è valido per questo piano
code-minimum = questo codice richiede un ordine minimo di { $amount }
code-first-purchase = questo codice è valido solo per il primo acquisto
code-currency = questo codice è in { $currency }, ma l'ordine è in un'altra valuta
