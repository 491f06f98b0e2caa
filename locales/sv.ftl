## hosted-checkout: texter på kassasidorna (svenska). Samma meddelanden och variabler som en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Hoppa till innehållet
preview-label = Förhandsgranskning
preview-text = Det här är en förhandsgranskning för säljaren. Inget du gör här skapar eller ändrar en prenumeration.
logo-alt = Logotyp för { $seller }
footer = Säker kassa för { $seller }. Priserna anges i planens valuta.
language-label = Språk
language-submit = Byt språk
date-range = { $start } – { $end }

## Steps

steps-label = Steg i kassan
step-plan = Plan
step-details = Uppgifter
step-review = Granska

## Forms

error-summary-heading = Kontrollera formuläret
field-required = (obligatoriskt)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] kvartal
    [P6M] 6 månader
    [P1Y] år
   *[P1M] månad
}
price-one-time = { $price } engångsbelopp
price-usage = { $price } / { $period ->
    [P3M] kvartal
    [P6M] 6 månader
    [P1Y] år
   *[P1M] månad
}, debiteras efter användning
price-per-unit = { $price } per { $unit }
price-graduated = Graderat pris per { $unit }
price-volume = Volympris per { $unit }
price-package = { $price } per { $size } { $unit }
price-stepped = Fast pris per nivå
unit-default = enhet
tier-per-unit = { $price } per { $unit }
tier-flat = { $price } fast
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Välj din plan
plan-heading-change = Byt plan
plan-intro-change = Jämför din nuvarande plan med den nya.
plan-heading-quantity = Uppdatera din prenumeration
plan-intro-quantity = Justera antal och tillägg – du ser kostnaden innan något ändras.
current-plan-heading = Din nuvarande plan: { $plan }
choose-plan = Välj en plan
plan-legend = Plan
billed-every = Faktureras { $period ->
    [P3M] varje kvartal
    [P6M] var sjätte månad
    [P1Y] varje år
   *[P1M] varje månad
}.
add-item = Lägg till { $item }
item-now = Nu: { $current }
item-fallback-name = Artikel
item-on-current-plan = { $quantity } i din nuvarande plan
item-off-current-plan = avstängd i din nuvarande plan
item-quantity-now = { $quantity } nu
item-off-now = avstängd nu
item-off = avstängd
item-times = { $quantity } × { $price }
tiers-caption = Prisnivåer för { $item }
tiers-quantity = Antal
tiers-price = Pris
quantity-label = Antal
quantity-range = ({ $min }–{ $max })
quantity-fixed = Antal: { $quantity }
plan-continue = Fortsätt
summary-heading = Ordersammanfattning
summary-due-today = Faktureras i dag
summary-no-renewal = Avtalet upphör innan det förnyas.
summary-update = Uppdatera summan
summary-unavailable = Summan visas när alla antal är giltiga.

## Details step

details-heading = Dina uppgifter
details-lead = Vi använder dem för att skapa din prenumeration och skicka dina fakturor.
details-continue = Fortsätt till granskning
label-customer-name = Fullständigt namn
label-email = E-post
label-company-name = Företag
label-tax-id = Momsregistreringsnummer
label-address-line1 = Adressrad 1
label-address-line2 = Adressrad 2
label-address-city = Ort
label-address-state = Län / region
label-address-postal-code = Postnummer
label-address-country = Land (kod med 2 bokstäver, t.ex. SE)

## Review step

review-heading-new = Granska och prenumerera
review-heading-change = Granska planbytet
review-heading-quantity = Granska dina ändringar
review-change-from-to = Från { $from } till { $to }
confirm-new = Bekräfta och prenumerera
confirm-change = Bekräfta bytet
confirm-quantity = Bekräfta ändringarna
subscription-fallback-name = Prenumeration
dates-fixed = Från { $start } till { $end }
dates-open = Startar { $start } och förnyas { $period ->
    [P3M] varje kvartal
    [P6M] var sjätte månad
    [P1Y] varje år
   *[P1M] varje månad
} tills den sägs upp
dates-change = Ändringen gäller från och med { $date }
billing-in-advance = Faktureras i förskott { $period ->
    [P3M] varje kvartal
    [P6M] var sjätte månad
    [P1Y] varje år
   *[P1M] varje månad
}. Priser i { $currency }.
change-takes-effect = Ändringen börjar gälla { $date }.
line-times = { $name } × { $quantity }
billed-to = Faktureras till
no-next-invoice = Ingen ytterligare faktura: avtalet upphör före nästa period.
estimate-changed = Priset har ändrats sedan du senast tittade. Granska den uppdaterade uppskattningen innan du bekräftar.
invoiced-today = Du faktureras { $amount } i dag.
nothing-invoiced-today = Inget faktureras i dag.
then-recurring = Därefter { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
} från och med { $date }.
promotion-heading = Kampanjkod
promotion-applied = Koden { $code } har tillämpats.
promotion-remove = Ta bort koden
promotion-ask = Har du en kampanjkod?
promotion-another = Använd en annan kod
promotion-apply = Använd
cancel = Avbryt

## Invoices

invoice-first = Första fakturan
invoice-now = Faktura nu
invoice-next = Nästa faktura
invoice-lines-caption = { $heading }: fakturarader
invoice-item = Artikel
invoice-qty = Antal
invoice-unit-price = Styckpris
invoice-amount = Belopp
invoice-empty = Inget debiteras för den här perioden.
invoice-subtotal = Delsumma
invoice-tax = Moms ({ $rate } %)
invoice-total = Totalt
invoice-amount-due = Att betala

## Status pages

status-preview-heading = Förhandsgranskningen är klar
status-preview-text = Allt stämmer. Det här var en förhandsgranskning, så ingen prenumeration skapades eller ändrades.
status-done-heading = Klart!
status-done-new = Din prenumeration är bekräftad. Du kan stänga den här sidan.
status-done-changed = Din prenumeration har uppdaterats.
status-cancelled-heading = Köpet avbröts
status-cancelled-text = Inget debiterades och inget ändrades.
status-expired-heading = Den här kassan har gått ut
status-expired-text = Länken är inte längre giltig. Be säljaren om en ny.
status-open-heading = Köpet pågår
status-open-text = Den här kassan är fortfarande öppen.
status-continue = Fortsätt till kassan

## Error page

error-not-found-heading = Kassan hittades inte
error-not-found-text = Den här kassalänken är inte giltig. Be säljaren om en ny länk.
error-link-gone-heading = Den här länken är inte längre aktiv
error-link-gone-text = Säljaren har stängt av den här betalningslänken. Be om en ny.
error-forbidden-heading = Din session har gått ut
error-forbidden-text = Av säkerhetsskäl kunde formuläret inte skickas. Gå tillbaka, ladda om sidan och försök igen.
error-unavailable-heading = Vi är strax tillbaka
error-unavailable-text = Kassan är tillfälligt otillgänglig. Försök igen om en liten stund.
error-conflict-heading = Det går inte att fortsätta i den här kassan
error-too-many-heading = För många försök
error-too-many-text = Vänta en stund, gå sedan tillbaka och försök igen. Inget debiterades.
error-invalid-heading = Något stämmer inte
error-other-heading = Något gick fel
error-other-text = Vi kunde inte slutföra det här steget. Inget debiterades. Försök igen.
error-reference = Referens:
error-fallback-seller = Kassa

## Vad uppskattningen säger (motorn ger fakta; det här är orden)
## $item är radens artikel (line-counted när ett antal visas); $range ett datumintervall; $date ett
## datum; $amount ett belopp; $days och $period-days är antal dagar (pluralregler gäller).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } av { $period-days } { $period-days ->
    [one] dag
   *[other] dagar
})
line-one-time = { $item }, engångsavgift
line-trial = { $item }, gratis provperiod, { $range }
line-usage = { $item }, { $range }, faktureras i slutet av perioden efter användning
line-proration-credit = Outnyttjad tid för { $item }, { $range }
line-proration-charge = Återstående tid för { $item }, { $range }
line-credit-name = Tillgodohavande
line-credit = Tillgodohavande från din ändring { $date }
line-discount-given-back = { $discount }, redan avdragen från den outnyttjade tiden

## Rabatter: $discount är discount-label; $value är discount-percent-off eller discount-amount-off;
## $percent är ett formaterat tal; $months och $years är tal.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent } % rabatt
discount-amount-off = { $amount } rabatt
discount-once = { $value } { $period ->
    [P3M] första kvartalet
    [P6M] första halvåret
    [P1Y] första året
   *[P1M] första månaden
}, därefter { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
}.
discount-months = { $value } i { $months ->
    [one] 1 månad
   *[other] { $months } månader
}, därefter { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
}.
discount-years = { $value } i { $years ->
    [one] 1 år
   *[other] { $years } år
}, därefter { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
}.
discount-forever = { $value } { $period ->
    [P3M] varje kvartal
    [P6M] var sjätte månad
    [P1Y] varje år
   *[P1M] varje månad
}.

## Anmärkningar under en faktura

note-usage = Användning faktureras i slutet av varje period efter vad du använder; här visas den som 0.
note-credit-later = Ett tillgodohavande på { $amount } (exkl. moms) finns kvar på ditt konto för kommande fakturor.
note-credit-next = Inget att betala nu. Ditt tillgodohavande på { $amount } (exkl. moms) dras av på nästa faktura.
note-credit-kept = Inget att betala nu. Ditt tillgodohavande på { $amount } (exkl. moms) finns kvar på ditt konto.
note-ends-in-period = Ditt avtal upphör { $date }, så den här perioden debiteras för { $days } av { $period-days } { $period-days ->
    [one] dag
   *[other] dagar
}.
note-trial-until = Gratis provperiod till { $date }.
note-first-payment = Din första betalning på { $amount } sker { $date }.
note-ends-in-trial = Ditt avtal upphör under den gratis provperioden, så inget debiteras.
note-rest-covered = Tillgodohavanden och avgifter täcker resten av perioden, { $range } ({ $days } av { $period-days } { $period-days ->
    [one] dag
   *[other] dagar
}).
note-rest-credited = Den outnyttjade tiden på din nuvarande plan krediteras, { $range } ({ $days } av { $period-days } { $period-days ->
    [one] dag
   *[other] dagar
}).
note-change-later = Inget ändras före { $date }, då ändringen börjar gälla.
note-ends-before-change = Ditt avtal upphör innan ändringen skulle börja gälla.
note-change-unprorated = Ändringen gäller från och med { $date }; inget debiteras eller krediteras för { $range }.
note-discount-replaced = { $new } ersätter din rabatt { $old } från och med { $date }.
note-discount-stays-until = Din rabatt { $discount } gäller fram till { $date }.
note-discount-stays = Din rabatt { $discount } finns kvar.
note-trial-change = Du har en gratis provperiod till { $date }, så inget debiteras eller krediteras för den här ändringen nu.
note-discount-refused = { $discount } kan inte användas: { $reason }.

## Vad ett planbyte innebär: en mening för nu, en för senare, sedan vad det ersätter

change-trial = Ändringen gäller under din gratis provperiod, så inget debiteras nu.
change-pay-rest = Du betalar { $amount } nu för resten av perioden ({ $range }).
change-credit-next-rest = Du får ett tillgodohavande på { $amount } för resten av perioden ({ $range }), som dras av på nästa faktura.
change-credit-kept-rest = Du får ett tillgodohavande på { $amount } för resten av perioden ({ $range }), som finns kvar på ditt konto.
change-nothing-rest = Inget debiteras nu för resten av perioden ({ $range }).
change-pay-restart = Du betalar { $amount } nu för en ny faktureringsperiod som börjar { $date }, minus den outnyttjade delen av din nuvarande period.
change-credit-next-restart = Du får ett tillgodohavande på { $amount }, som dras av på nästa faktura, för en ny faktureringsperiod som börjar { $date }, minus den outnyttjade delen av din nuvarande period.
change-credit-kept-restart = Du får ett tillgodohavande på { $amount }, som finns kvar på ditt konto, för en ny faktureringsperiod som börjar { $date }, minus den outnyttjade delen av din nuvarande period.
change-nothing-restart = Inget debiteras nu för en ny faktureringsperiod som börjar { $date }, minus den outnyttjade delen av din nuvarande period.
change-stays-until = Dina nuvarande villkor gäller fram till { $date }.
change-applies-from = Ändringen gäller från och med { $date }, och inget debiteras eller krediteras för resten av perioden.
change-then = Från och med { $date } betalar du { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
}.
change-then-tax = Från och med { $date } betalar du { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
} inklusive moms.
change-then-usage = Från och med { $date } betalar du { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
}, plus användning.
change-then-tax-usage = Från och med { $date } betalar du { $amount } per { $period ->
    [P3M] kvartal
    [P6M] halvår
    [P1Y] år
   *[P1M] månad
} inklusive moms, plus användning.
change-ends = Ditt avtal upphör { $date }.
change-ends-before-change = Ditt avtal upphör { $date }, innan ändringen skulle börja gälla.
change-replaces-switch = Detta ersätter ditt planerade byte till { $plan }, som skulle ske { $date }.
change-replaces = Detta ersätter ändringen som var planerad till { $date }.

## Vad som är fel i ett fält som kunden har fyllt i ($max är ett tal)

problem-required = måste fyllas i
problem-too-long = får innehålla högst { $max } tecken
problem-control-characters = får inte innehålla styrtecken
problem-email = ange en giltig e-postadress, t.ex. namn@example.com
problem-country = måste vara en landskod med två bokstäver enligt ISO 3166, t.ex. SE eller DE
problem-not-offered = välj en av de erbjudna planerna
problem-quantity = ange ett heltal inom det tillåtna intervallet

## Varför en kampanjkod inte kan användas ($amount är ett belopp, $currency en ISO-kod som EUR)

code-unknown = den här koden är inte giltig
code-expired = den här koden har gått ut
code-used-up = den här koden har redan använts maximalt antal gånger
code-inactive = den här koden är inte längre aktiv
code-not-for-plan = den här koden gäller inte för den här planen
code-minimum = den här koden kräver en beställning på minst { $amount }
code-first-purchase = den här koden gäller bara vid ett första köp
code-currency = den här koden gäller { $currency }, men beställningen är i en annan valuta
