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
