## hosted-checkout: teksten van de checkoutpagina's (Nederlands). Dezelfde berichten en variabelen als en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Naar de inhoud
preview-label = Voorbeeld
preview-text = Dit is een voorbeeld voor de verkoper. Niets wat je hier doet, maakt of wijzigt een abonnement.
logo-alt = Logo van { $seller }
footer = Veilig afrekenen bij { $seller }. Prijzen zijn in de valuta van het plan.
language-label = Taal
language-submit = Taal wijzigen
date-range = { $start } – { $end }

## Steps

steps-label = Stappen bij het afrekenen
step-plan = Plan
step-details = Gegevens
step-review = Controleren

## Forms

error-summary-heading = Controleer het formulier
field-required = (verplicht)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}
price-one-time = { $price } eenmalig
price-usage = { $price } / { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}, gefactureerd op basis van gebruik
price-per-unit = { $price } per { $unit }
price-graduated = Gestaffelde prijs per { $unit }
price-volume = Volumeprijs per { $unit }
price-package = { $price } per { $size } { $unit }
price-stepped = Vaste prijs per staffel
unit-default = eenheid
tier-per-unit = { $price } per { $unit }
tier-flat = { $price } vast
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Kies je plan
plan-heading-change = Wijzig je plan
plan-intro-change = Vergelijk je huidige plan met het nieuwe.
plan-heading-quantity = Werk je abonnement bij
plan-intro-quantity = Pas aantallen en add-ons aan; je ziet de kosten voordat er iets verandert.
current-plan-heading = Je huidige plan: { $plan }
choose-plan = Kies een plan
plan-legend = Plan
billed-every = Wordt { $period ->
    [P3M] elk kwartaal
    [P6M] elke 6 maanden
    [P1Y] elk jaar
   *[P1M] elke maand
} gefactureerd.
add-item = { $item } toevoegen
item-now = Nu: { $current }
item-fallback-name = Artikel
item-on-current-plan = { $quantity } in je huidige plan
item-off-current-plan = uitgeschakeld in je huidige plan
item-quantity-now = nu { $quantity }
item-off-now = nu uitgeschakeld
item-off = uitgeschakeld
item-times = { $quantity } × { $price }
tiers-caption = Prijsstaffels voor { $item }
tiers-quantity = Aantal
tiers-price = Prijs
quantity-label = Aantal
quantity-range = ({ $min }–{ $max })
quantity-fixed = Aantal: { $quantity }
plan-continue = Doorgaan
summary-heading = Overzicht van je bestelling
summary-due-today = Vandaag gefactureerd
summary-no-renewal = Het contract eindigt voordat het wordt verlengd.
summary-update = Totaal bijwerken
summary-unavailable = Het totaal verschijnt zodra alle aantallen geldig zijn.

## Details step

details-heading = Je gegevens
details-lead = We gebruiken deze gegevens om je abonnement in te stellen en je facturen te sturen.
details-continue = Verder naar controleren
label-customer-name = Volledige naam
label-email = E-mailadres
label-company-name = Bedrijf
label-tax-id = Btw-nummer
label-address-line1 = Adresregel 1
label-address-line2 = Adresregel 2
label-address-city = Plaats
label-address-state = Provincie / regio
label-address-postal-code = Postcode
label-address-country = Land (code van 2 letters, bijv. NL)

## Review step

review-heading-new = Controleren en abonneren
review-heading-change = Controleer je planwijziging
review-heading-quantity = Controleer je wijzigingen
review-change-from-to = Van { $from } naar { $to }
confirm-new = Bevestigen en abonneren
confirm-change = Wijziging bevestigen
confirm-quantity = Wijzigingen bevestigen
subscription-fallback-name = Abonnement
dates-fixed = Van { $start } tot { $end }
dates-open = Start op { $start } en wordt { $period ->
    [P3M] elk kwartaal
    [P6M] elke 6 maanden
    [P1Y] elk jaar
   *[P1M] elke maand
} verlengd tot je opzegt
dates-change = Wijziging gaat in op { $date }
billing-in-advance = Wordt vooraf { $period ->
    [P3M] per kwartaal
    [P6M] per 6 maanden
    [P1Y] per jaar
   *[P1M] per maand
} gefactureerd. Prijzen in { $currency }.
change-takes-effect = De wijziging gaat in op { $date }.
line-times = { $name } × { $quantity }
billed-to = Factuur aan
no-next-invoice = Geen volgende factuur: het contract eindigt vóór de volgende periode.
estimate-changed = De prijs is gewijzigd sinds je laatste bezoek. Controleer de bijgewerkte schatting voordat je bevestigt.
invoiced-today = Je ontvangt vandaag een factuur van { $amount }.
nothing-invoiced-today = Er wordt vandaag niets gefactureerd.
then-recurring = Daarna { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
} vanaf { $date }.
promotion-heading = Promotiecode
promotion-applied = Code { $code } toegepast.
promotion-remove = Code verwijderen
promotion-ask = Heb je een promotiecode?
promotion-another = Andere code gebruiken
promotion-apply = Toepassen
cancel = Annuleren

## Invoices

invoice-first = Eerste factuur
invoice-now = Factuur nu
invoice-next = Volgende factuur
invoice-lines-caption = { $heading }: factuurregels
invoice-item = Artikel
invoice-qty = Aantal
invoice-unit-price = Prijs per eenheid
invoice-amount = Bedrag
invoice-empty = Voor deze periode wordt niets in rekening gebracht.
invoice-subtotal = Subtotaal
invoice-tax = Btw ({ $rate }%)
invoice-total = Totaal
invoice-amount-due = Te betalen bedrag

## Status pages

status-preview-heading = Voorbeeld voltooid
status-preview-text = Alles is in orde. Dit was een voorbeeld, dus er is geen abonnement gemaakt of gewijzigd.
status-done-heading = Helemaal klaar
status-done-new = Je abonnement is bevestigd. Je kunt deze pagina sluiten.
status-done-changed = Je abonnement is bijgewerkt.
status-cancelled-heading = Afrekenen geannuleerd
status-cancelled-text = Er is niets in rekening gebracht en er is niets gewijzigd.
status-expired-heading = Deze checkout is verlopen
status-expired-text = De link is niet meer geldig. Vraag de verkoper om een nieuwe.
status-open-heading = Afrekenen bezig
status-open-text = Deze checkout staat nog open.
status-continue = Verder met afrekenen

## Error page

error-not-found-heading = Checkout niet gevonden
error-not-found-text = Deze checkoutlink is niet geldig. Vraag de verkoper om een nieuwe link.
error-link-gone-heading = Deze link is niet meer actief
error-link-gone-text = De verkoper heeft deze betaallink uitgeschakeld. Vraag om een nieuwe link.
error-forbidden-heading = Je sessie is verlopen
error-forbidden-text = Voor je veiligheid kon dit formulier niet worden verzonden. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-unavailable-heading = We zijn zo terug
error-unavailable-text = De checkout is even niet beschikbaar. Probeer het zo opnieuw.
error-conflict-heading = Deze checkout kan niet verder
error-too-many-heading = Te veel pogingen
error-too-many-text = Wacht even, ga dan terug en probeer het opnieuw. Er is niets in rekening gebracht.
error-invalid-heading = Er klopt iets niet
error-other-heading = Er is iets misgegaan
error-other-text = We konden deze stap niet voltooien. Er is niets in rekening gebracht. Probeer het opnieuw.
error-reference = Referentie:
error-fallback-seller = Checkout

## Wat de schatting zegt (de engine levert de feiten; dit zijn de woorden)
## $item is het artikel van de regel (line-counted als er een aantal wordt getoond); $range een periode; $date een
## datum; $amount een bedrag; $days en $period-days zijn aantallen dagen (meervoudsregels gelden).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } van { $period-days } { $period-days ->
    [one] dag
   *[other] dagen
})
line-one-time = { $item }, eenmalige kosten
line-trial = { $item }, gratis proefperiode, { $range }
line-usage = { $item }, { $range }, aan het einde van de periode gefactureerd op basis van je gebruik
line-proration-credit = Ongebruikte tijd van { $item }, { $range }
line-proration-charge = Resterende tijd van { $item }, { $range }
line-credit-name = Tegoed
line-credit = Tegoed uit je wijziging van { $date }
line-discount-given-back = { $discount }, al in mindering gebracht op de ongebruikte tijd

## Kortingen: $discount is discount-label; $value is discount-percent-off of discount-amount-off;
## $percent is een opgemaakt getal; $months en $years zijn getallen.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent }% korting
discount-amount-off = { $amount } korting
discount-once = { $value } op je eerste { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}, daarna { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}.
discount-months = { $value } gedurende { $months ->
    [one] 1 maand
   *[other] { $months } maanden
}, daarna { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}.
discount-years = { $value } gedurende { $years ->
    [one] 1 jaar
   *[other] { $years } jaar
}, daarna { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}.
discount-forever = { $value } { $period ->
    [P3M] elk kwartaal
    [P6M] elke 6 maanden
    [P1Y] elk jaar
   *[P1M] elke maand
}.

## Opmerkingen onder een factuur

note-usage = Gebruik wordt aan het einde van elke periode gefactureerd op basis van wat je verbruikt; hier staat het op 0.
note-credit-later = Een tegoed van { $amount } (excl. btw) blijft op je account staan voor volgende facturen.
note-credit-next = Je hoeft nu niets te betalen. Je tegoed van { $amount } (excl. btw) wordt verrekend met je volgende factuur.
note-credit-kept = Je hoeft nu niets te betalen. Je tegoed van { $amount } (excl. btw) blijft op je account staan.
note-ends-in-period = Je contract eindigt op { $date }, dus voor deze periode betaal je { $days } van { $period-days } { $period-days ->
    [one] dag
   *[other] dagen
}.
note-trial-until = Gratis proefperiode tot { $date }.
note-first-payment = Je eerste betaling van { $amount } is op { $date }.
note-ends-in-trial = Je contract eindigt tijdens de gratis proefperiode, dus er wordt niets in rekening gebracht.
note-rest-covered = Tegoeden en kosten dekken de rest van deze periode, { $range } ({ $days } van { $period-days } { $period-days ->
    [one] dag
   *[other] dagen
}).
note-rest-credited = Je krijgt tegoed voor de ongebruikte tijd van je huidige plan, { $range } ({ $days } van { $period-days } { $period-days ->
    [one] dag
   *[other] dagen
}).
note-change-later = Vóór { $date } verandert er niets; dan gaat de wijziging in.
note-ends-before-change = Je contract eindigt voordat de wijziging zou ingaan.
note-change-unprorated = De wijziging geldt vanaf { $date }; voor { $range } wordt niets in rekening gebracht of gecrediteerd.
note-discount-replaced = { $new } vervangt vanaf { $date } je korting { $old }.
note-discount-stays-until = Je korting { $discount } blijft gelden tot { $date }.
note-discount-stays = Je korting { $discount } blijft gelden.
note-trial-change = Je hebt tot { $date } een gratis proefperiode, dus voor deze wijziging wordt nu niets in rekening gebracht of gecrediteerd.
note-discount-refused = { $discount } kan niet worden gebruikt: { $reason }.

## Wat een planwijziging doet: één zin voor nu, één voor later, dan wat ze vervangt

change-trial = De wijziging gaat in tijdens je gratis proefperiode, dus er wordt nu niets in rekening gebracht.
change-pay-rest = Je betaalt nu { $amount } voor de rest van deze periode ({ $range }).
change-credit-next-rest = Je krijgt voor de rest van deze periode ({ $range }) een tegoed van { $amount }, dat wordt verrekend met je volgende factuur.
change-credit-kept-rest = Je krijgt voor de rest van deze periode ({ $range }) een tegoed van { $amount }, dat op je account blijft staan.
change-nothing-rest = Voor de rest van deze periode ({ $range }) wordt nu niets in rekening gebracht.
change-pay-restart = Je betaalt nu { $amount } voor een nieuwe factuurperiode vanaf { $date }, min het ongebruikte deel van je huidige periode.
change-credit-next-restart = Voor een nieuwe factuurperiode vanaf { $date }, min het ongebruikte deel van je huidige periode, krijg je een tegoed van { $amount } dat wordt verrekend met je volgende factuur.
change-credit-kept-restart = Voor een nieuwe factuurperiode vanaf { $date }, min het ongebruikte deel van je huidige periode, krijg je een tegoed van { $amount } dat op je account blijft staan.
change-nothing-restart = Voor een nieuwe factuurperiode vanaf { $date }, min het ongebruikte deel van je huidige periode, wordt nu niets in rekening gebracht.
change-stays-until = Je huidige voorwaarden blijven gelden tot { $date }.
change-applies-from = De wijziging geldt vanaf { $date }; voor de rest van deze periode wordt niets in rekening gebracht of gecrediteerd.
change-then = Vanaf { $date } betaal je { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}.
change-then-tax = Vanaf { $date } betaal je { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
} inclusief btw.
change-then-usage = Vanaf { $date } betaal je { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
}, plus gebruikskosten.
change-then-tax-usage = Vanaf { $date } betaal je { $amount } per { $period ->
    [P3M] kwartaal
    [P6M] 6 maanden
    [P1Y] jaar
   *[P1M] maand
} inclusief btw, plus gebruikskosten.
change-ends = Je contract eindigt op { $date }.
change-ends-before-change = Je contract eindigt op { $date }, voordat de wijziging zou ingaan.
change-replaces-switch = Dit vervangt je geplande overstap naar { $plan } op { $date }.
change-replaces = Dit vervangt je geplande wijziging op { $date }.

## Wat er mis is met een veld dat de klant heeft ingevuld ($max is een getal)

problem-required = is verplicht
problem-too-long = mag maximaal { $max ->
    [one] { $max } teken
   *[other] { $max } tekens
} bevatten
problem-control-characters = mag geen stuurtekens bevatten
problem-email = vul een geldig e-mailadres in, bijv. naam@example.com
problem-country = moet een landcode van twee letters volgens ISO 3166 zijn, bijv. US of NL
problem-not-offered = kies een van de aangeboden plannen
problem-quantity = vul een geheel getal binnen het toegestane bereik in

## Waarom een promotiecode niet kan worden gebruikt ($amount is een bedrag, $currency een ISO-code zoals EUR)

code-unknown = deze code is niet geldig
code-expired = deze code is verlopen
code-used-up = deze code is al het maximale aantal keren gebruikt
code-inactive = deze code is niet meer actief
code-not-for-plan = deze code geldt niet voor dit plan
code-minimum = deze code vereist een bestelling van minimaal { $amount }
code-first-purchase = deze code geldt alleen voor een eerste aankoop
code-currency = deze code is in { $currency }, maar de bestelling is in een andere valuta
