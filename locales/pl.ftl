## hosted-checkout: teksty stron płatności (polski). Te same komunikaty i zmienne co en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Przejdź do treści
preview-label = Podgląd
preview-text = To jest podgląd dla sprzedawcy. Żadne działania na tej stronie nie tworzą ani nie zmieniają subskrypcji.
logo-alt = Logo { $seller }
footer = Bezpieczna płatność dla { $seller }. Ceny podano w walucie planu.
language-label = Język
language-submit = Zmień język
date-range = { $start } – { $end }

## Steps

steps-label = Kroki zamówienia
step-plan = Plan
step-details = Dane
step-review = Podsumowanie

## Forms

error-summary-heading = Sprawdź formularz
field-required = (wymagane)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] kwartał
    [P6M] 6 miesięcy
    [P1Y] rok
   *[P1M] miesiąc
}
price-one-time = { $price } jednorazowo
price-usage = { $price } / { $period ->
    [P3M] kwartał
    [P6M] 6 miesięcy
    [P1Y] rok
   *[P1M] miesiąc
}, rozliczane według zużycia
price-per-unit = { $price } / { $unit }
price-graduated = Cena stopniowa / { $unit }
price-volume = Cena wolumenowa / { $unit }
price-package = { $price } za pakiet { $size } × { $unit }
price-stepped = Stała cena progowa
unit-default = jednostka
tier-per-unit = { $price } / { $unit }
tier-flat = { $price } (opłata stała)
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Wybierz plan
plan-heading-change = Zmień plan
plan-intro-change = Porównaj obecny plan z nowym.
plan-heading-quantity = Zaktualizuj subskrypcję
plan-intro-quantity = Dostosuj ilości i dodatki. Zanim cokolwiek się zmieni, zobaczysz koszt.
current-plan-heading = Twój obecny plan: { $plan }
choose-plan = Wybierz plan
plan-legend = Plan
billed-every = Płatność { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
add-item = Dodaj: { $item }
item-now = Teraz: { $current }
item-fallback-name = Pozycja
item-on-current-plan = { $quantity } w obecnym planie
item-off-current-plan = wyłączone w obecnym planie
item-quantity-now = obecnie { $quantity }
item-off-now = obecnie wyłączone
item-off = wyłączone
item-times = { $quantity } × { $price }
tiers-caption = Progi cenowe: { $item }
tiers-quantity = Ilość
tiers-price = Cena
quantity-label = Ilość
quantity-range = ({ $min }–{ $max })
quantity-fixed = Ilość: { $quantity }
plan-continue = Dalej
summary-heading = Podsumowanie zamówienia
summary-due-today = Fakturowane dzisiaj
summary-no-renewal = Umowa kończy się przed odnowieniem.
summary-update = Przelicz sumę
summary-unavailable = Suma pojawi się, gdy wszystkie ilości będą prawidłowe.

## Details step

details-heading = Twoje dane
details-lead = Użyjemy ich, aby utworzyć subskrypcję i wysyłać Ci faktury.
details-continue = Przejdź do podsumowania
label-customer-name = Imię i nazwisko
label-email = Adres e-mail
label-company-name = Firma
label-tax-id = Numer identyfikacji podatkowej
label-address-line1 = Adres (wiersz 1)
label-address-line2 = Adres (wiersz 2)
label-address-city = Miejscowość
label-address-state = Województwo / region
label-address-postal-code = Kod pocztowy
label-address-country = Kraj (kod dwuliterowy, np. PL)

## Review step

review-heading-new = Sprawdź i subskrybuj
review-heading-change = Sprawdź zmianę planu
review-heading-quantity = Sprawdź zmiany
review-change-from-to = Z { $from } na { $to }
confirm-new = Potwierdź i subskrybuj
confirm-change = Potwierdź zmianę
confirm-quantity = Potwierdź zmiany
subscription-fallback-name = Subskrypcja
dates-fixed = Od { $start } do { $end }
dates-open = Rozpoczyna się { $start }, odnawia się { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
} aż do anulowania
dates-change = Zmiana obowiązuje od { $date }
billing-in-advance = Płatność z góry { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}. Ceny w { $currency }.
change-takes-effect = Zmiana wejdzie w życie { $date }.
line-times = { $name } × { $quantity }
billed-to = Dane do faktury
no-next-invoice = Brak kolejnych faktur: umowa kończy się przed następnym okresem.
estimate-changed = Cena zmieniła się od Twojej ostatniej wizyty. Przed potwierdzeniem sprawdź zaktualizowaną wycenę.
invoiced-today = Dzisiaj otrzymasz fakturę na kwotę { $amount }.
nothing-invoiced-today = Dzisiaj nie zostanie wystawiona żadna faktura.
then-recurring = Następnie { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
} od { $date }.
promotion-heading = Kod promocyjny
promotion-applied = Zastosowano kod { $code }.
promotion-remove = Usuń kod
promotion-ask = Masz kod promocyjny?
promotion-another = Użyj innego kodu
promotion-apply = Zastosuj
cancel = Anuluj

## Invoices

invoice-first = Pierwsza faktura
invoice-now = Bieżąca faktura
invoice-next = Następna faktura
invoice-lines-caption = { $heading }: pozycje
invoice-item = Pozycja
invoice-qty = Ilość
invoice-unit-price = Cena jedn.
invoice-amount = Kwota
invoice-empty = Za ten okres nie są naliczane żadne opłaty.
invoice-subtotal = Suma częściowa
invoice-tax = Podatek ({ $rate }%)
invoice-total = Razem
invoice-amount-due = Kwota do zapłaty

## Status pages

status-preview-heading = Podgląd zakończony
status-preview-text = Wszystko się zgadza. To był tylko podgląd, więc żadna subskrypcja nie została utworzona ani zmieniona.
status-done-heading = Gotowe
status-done-new = Twoja subskrypcja została potwierdzona. Możesz zamknąć tę stronę.
status-done-changed = Twoja subskrypcja została zaktualizowana.
status-cancelled-heading = Zamówienie anulowane
status-cancelled-text = Nie pobrano żadnej opłaty i nic nie zostało zmienione.
status-expired-heading = To zamówienie wygasło
status-expired-text = Link jest już nieważny. Poproś sprzedawcę o nowy.
status-open-heading = Zamówienie w toku
status-open-text = To zamówienie jest nadal otwarte.
status-continue = Kontynuuj zamówienie

## Error page

error-not-found-heading = Nie znaleziono zamówienia
error-not-found-text = Ten link do zamówienia jest nieprawidłowy. Poproś sprzedawcę o nowy link.
error-link-gone-heading = Ten link nie jest już aktywny
error-link-gone-text = Sprzedawca wyłączył ten link do płatności. Poproś o nowy.
error-forbidden-heading = Twoja sesja wygasła
error-forbidden-text = Ze względów bezpieczeństwa nie udało się przesłać formularza. Wróć, odśwież stronę i spróbuj ponownie.
error-unavailable-heading = Zaraz wracamy
error-unavailable-text = Strona zamówienia jest chwilowo niedostępna. Spróbuj ponownie za chwilę.
error-conflict-heading = Nie można kontynuować tego zamówienia
error-too-many-heading = Zbyt wiele prób
error-too-many-text = Odczekaj chwilę, a następnie wróć i spróbuj ponownie. Nie pobrano żadnej opłaty.
error-invalid-heading = Coś jest nie tak
error-other-heading = Coś poszło nie tak
error-other-text = Nie udało się ukończyć tego kroku. Nie pobrano żadnej opłaty. Spróbuj ponownie.
error-reference = Numer referencyjny:
error-fallback-seller = Zamówienie

## Co mówi wycena (silnik podaje fakty, a to są jego słowa)
## $item to pozycja wiersza (line-counted, gdy widać ilość); $range to zakres dat; $date to
## data; $amount to kwota; $days i $period-days to liczby dni (obowiązują reguły liczby mnogiej).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } z { $period-days } { $period-days ->
    [one] dnia
    [few] dni
    [many] dni
   *[other] dni
})
line-one-time = { $item }, opłata jednorazowa
line-trial = { $item }, bezpłatny okres próbny, { $range }
line-usage = { $item }, { $range }, rozliczane na koniec okresu według zużycia
line-proration-credit = Niewykorzystany czas – { $item }, { $range }
line-proration-charge = Pozostały czas – { $item }, { $range }
line-credit-name = Środki na koncie
line-credit = Środki z tytułu zmiany z { $date }
line-discount-given-back = { $discount } – już odliczono od kwoty za niewykorzystany czas

## Rabaty: $discount to discount-label; $value to discount-percent-off lub discount-amount-off;
## $percent to sformatowana liczba; $months i $years to liczby.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent } % zniżki
discount-amount-off = { $amount } zniżki
discount-once = { $value } { $period ->
    [P3M] na pierwszy kwartał
    [P6M] na pierwsze 6 miesięcy
    [P1Y] na pierwszy rok
   *[P1M] na pierwszy miesiąc
}, następnie { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
discount-months = { $value } przez { $months ->
    [one] 1 miesiąc
    [few] { $months } miesiące
    [many] { $months } miesięcy
   *[other] { $months } miesiąca
}, następnie { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
discount-years = { $value } przez { $years ->
    [one] 1 rok
    [few] { $years } lata
    [many] { $years } lat
   *[other] { $years } roku
}, następnie { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
discount-forever = { $value } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.

## Uwagi pod fakturą

note-usage = Opłaty za zużycie są naliczane na koniec każdego okresu według faktycznego zużycia, dlatego tutaj wykazano je jako 0.
note-credit-later = Środki w wysokości { $amount } (netto) pozostaną na Twoim koncie i zostaną wykorzystane przy kolejnych fakturach.
note-credit-next = Teraz nic nie płacisz. Twoje środki w wysokości { $amount } (netto) zostaną wykorzystane przy następnej fakturze.
note-credit-kept = Teraz nic nie płacisz. Twoje środki w wysokości { $amount } (netto) pozostaną na Twoim koncie.
note-ends-in-period = Twoja umowa kończy się { $date }, więc za ten okres naliczamy opłatę za { $days } z { $period-days } { $period-days ->
    [one] dnia
    [few] dni
    [many] dni
   *[other] dni
}.
note-trial-until = Bezpłatny okres próbny do { $date }.
note-first-payment = Pierwsza płatność w wysokości { $amount } nastąpi { $date }.
note-ends-in-trial = Twoja umowa kończy się w trakcie bezpłatnego okresu próbnego, więc nie naliczamy żadnej opłaty.
note-rest-covered = Środki i opłaty pokrywają pozostałą część tego okresu, { $range } ({ $days } z { $period-days } { $period-days ->
    [one] dnia
    [few] dni
    [many] dni
   *[other] dni
}).
note-rest-credited = Za niewykorzystany czas obecnego planu, { $range } ({ $days } z { $period-days } { $period-days ->
    [one] dnia
    [few] dni
    [many] dni
   *[other] dni
}), otrzymujesz środki.
note-change-later = Do { $date } nic się nie zmienia; tego dnia zmiana wejdzie w życie.
note-ends-before-change = Twoja umowa kończy się, zanim zmiana weszłaby w życie.
note-change-unprorated = Zmiana obowiązuje od { $date }; za okres { $range } nie naliczamy opłat ani nie przyznajemy środków.
note-discount-replaced = Od { $date } rabat { $new } zastępuje Twój dotychczasowy rabat { $old }.
note-discount-stays-until = Twój rabat { $discount } obowiązuje do { $date }.
note-discount-stays = Twój rabat { $discount } nadal obowiązuje.
note-trial-change = Do { $date } trwa Twój bezpłatny okres próbny, więc za tę zmianę nie naliczamy teraz opłat ani nie przyznajemy środków.
note-discount-refused = Nie można użyć { $discount }: { $reason }.

## Co daje zmiana planu: jedno zdanie o tym, co teraz, jedno o tym, co później, a potem co zastępuje

change-trial = Zmiana obowiązuje w trakcie bezpłatnego okresu próbnego, więc teraz nie naliczamy żadnej opłaty.
change-pay-rest = Teraz płacisz { $amount } za pozostałą część tego okresu ({ $range }).
change-credit-next-rest = Za pozostałą część tego okresu ({ $range }) otrzymujesz środki w wysokości { $amount }, które zostaną wykorzystane przy następnej fakturze.
change-credit-kept-rest = Za pozostałą część tego okresu ({ $range }) otrzymujesz środki w wysokości { $amount }, które pozostaną na Twoim koncie.
change-nothing-rest = Za pozostałą część tego okresu ({ $range }) nie naliczamy teraz żadnej opłaty.
change-pay-restart = Teraz płacisz { $amount } za nowy okres rozliczeniowy od { $date }, po odliczeniu niewykorzystanej części obecnego okresu.
change-credit-next-restart = Za nowy okres rozliczeniowy od { $date }, po odliczeniu niewykorzystanej części obecnego okresu, otrzymujesz środki w wysokości { $amount }, które zostaną wykorzystane przy następnej fakturze.
change-credit-kept-restart = Za nowy okres rozliczeniowy od { $date }, po odliczeniu niewykorzystanej części obecnego okresu, otrzymujesz środki w wysokości { $amount }, które pozostaną na Twoim koncie.
change-nothing-restart = Za nowy okres rozliczeniowy od { $date }, po odliczeniu niewykorzystanej części obecnego okresu, nie naliczamy teraz żadnej opłaty.
change-stays-until = Obecne warunki obowiązują do { $date }.
change-applies-from = Zmiana obowiązuje od { $date }; za pozostałą część tego okresu nie naliczamy opłat ani nie przyznajemy środków.
change-then = Od { $date } płacisz { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
change-then-tax = Od { $date } płacisz { $amount } brutto { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
}.
change-then-usage = Od { $date } płacisz { $amount } { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
} oraz opłaty za zużycie.
change-then-tax-usage = Od { $date } płacisz { $amount } brutto { $period ->
    [P3M] co kwartał
    [P6M] co 6 miesięcy
    [P1Y] co rok
   *[P1M] co miesiąc
} oraz opłaty za zużycie.
change-ends = Twoja umowa kończy się { $date }.
change-ends-before-change = Twoja umowa kończy się { $date }, zanim zmiana weszłaby w życie.
change-replaces-switch = Zastępuje to zaplanowane na { $date } przejście na plan { $plan }.
change-replaces = Zastępuje to zmianę zaplanowaną na { $date }.

## Co jest nie tak z polem wypełnionym przez klienta ($max to liczba)

problem-required = to pole jest wymagane
problem-too-long = może zawierać maksymalnie { $max } { $max ->
    [one] znak
    [few] znaki
    [many] znaków
   *[other] znaku
}
problem-control-characters = nie może zawierać znaków sterujących
problem-email = wpisz prawidłowy adres e-mail, np. nazwa@example.com
problem-country = wpisz dwuliterowy kod kraju zgodny z ISO 3166, np. PL lub DE
problem-not-offered = wybierz jeden z oferowanych planów
problem-quantity = wpisz liczbę całkowitą z dozwolonego zakresu

## Dlaczego nie można użyć kodu promocyjnego ($amount to kwota, $currency to kod ISO, np. EUR)

code-unknown = ten kod jest nieprawidłowy
code-expired = ten kod wygasł
code-used-up = limit użyć tego kodu został wyczerpany
code-inactive = ten kod nie jest już aktywny
code-not-for-plan = ten kod nie dotyczy tego planu
code-minimum = ten kod wymaga zamówienia o wartości co najmniej { $amount }
code-first-purchase = ten kod dotyczy tylko pierwszego zakupu
code-currency = ten kod jest w walucie { $currency }, a zamówienie jest w innej walucie
